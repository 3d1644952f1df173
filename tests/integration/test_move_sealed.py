"""A sealed log moves with its seals: the seal key stays the same, the moved events are
sealed too, and on the server the desk verifies with its seals, the folder's anchor and
the keyring's checkpoint (the desk keeps its id). A forged seal stops the move.

Run under the throw-away keyring and a server of its own:
    dbus-run-session -- bash .ci/keyring-session.sh sh tools/with-postgres.sh python -m pytest \
        tests/integration/test_move_sealed.py
"""

from __future__ import annotations

import os

import pytest

from desk.core.errors import StoreError
from tests.conftest import cheap_hasher, sql
from tests.integration.cli_helpers import keyring_problem
from tests.integration.move_helpers import folder_contents, need_server, pg_contents, pg_query

pytestmark = pytest.mark.keyring


@pytest.fixture
def sealed(data_dir, monkeypatch):
    problem = keyring_problem()
    if problem and os.environ.get("CI"):
        pytest.fail(f"CI needs a real Secret Service: {problem}", pytrace=False)
    if problem:
        pytest.skip(problem)
    need_server()
    from desk.core import staff_rules
    from desk.service import Desk

    monkeypatch.setattr(staff_rules, "_hasher", cheap_hasher())
    desk = Desk(data_dir)
    desk.init("وزارة الإعلام", "Ministry of Media", "MinistryMedia", "admin", "مدير النظام", "adminpass1")
    admin = desk.sign_in("admin", "adminpass1")
    admin.add_staff("omar", "عمر الحربي", "officer", "officerpw1")
    desk.sign_in("omar", "officerpw1").draft("مسودة قبل النقل")
    yield desk
    vault = desk.account.vault()
    for entry in ("audit-seal", "audit-anchor", "audit-checkpoint"):
        vault._delete(vault._user(entry))
    desk.close()


def test_a_sealed_log_moves_with_its_seals(sealed, pg_databases, data_dir):
    from desk.service import Desk

    assert sealed.store.sealed_from() == 1
    url = pg_databases.new()
    report = sealed.move_to(sealed.sign_in("admin", "adminpass1"), url)
    assert pg_query(url, "SELECT COUNT(*) FROM events WHERE seal IS NULL") == [(0,)]
    assert report.anchor.events == report.events - 1

    moved = Desk(data_dir, database=url)
    try:
        checked = moved.verify()
        assert checked.ok and checked.checkpoint == "matched", checked
        assert ("audit.seals_checked", {"first": 1}) in checked.notes
        assert ("audit.checkpoint_covers", {"covered": report.events - 1, "count": report.events}) in checked.notes
        moved.sign_in("omar", "officerpw1").draft("مسودة على الخادم")  # sealed as it goes
        assert pg_query(url, "SELECT COUNT(*) FROM events WHERE seal IS NULL") == [(0,)]
        assert moved.verify().ok
    finally:
        moved.close()
    folder_copy = Desk(data_dir)
    try:
        after = folder_copy.verify()  # the keyring's checkpoint has gone on with the server
        assert after.ok and ("audit.seals_checked", {"first": 1}) in after.notes, after
    finally:
        folder_copy.close()


def test_a_forged_seal_stops_the_move(sealed, pg_databases, data_dir, snapshot):
    sql(data_dir, "UPDATE events SET seal = ? WHERE id = 2", ["0" * 64])
    url = pg_databases.new()
    before = snapshot(data_dir), folder_contents(data_dir)
    with pytest.raises(StoreError) as caught:
        sealed.move_to(sealed.sign_in("admin", "adminpass1"), url)
    assert caught.value.key == "move.check_failed" and "2" in caught.value.message("en")
    assert (snapshot(data_dir), folder_contents(data_dir)) == before
    assert pg_contents(url) == {"(functions)": []}
