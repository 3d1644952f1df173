"""On an office's desk the X keys live in one workstation's keyring: a workstation whose
(real, reachable) keyring lacks them while the log says an account is connected knows it,
and its `desk publish-due` says so (exit 5) without claiming anything.

Run under the throw-away Secret Service (`.ci/keyring-session.sh`) and the test server
(`tools/with-postgres.sh`); without them the module skips."""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.integration.cli_helpers import DeskCli  # noqa: E402

from desk.store import chain  # noqa: E402

pytestmark = [pytest.mark.keyring, pytest.mark.parametrize("store_kind", ["postgresql"], indirect=True)]

PW = {"admin": "adminpass1", "omar": "officerpw1", "sara": "supervisor1", "khalid": "supervisor2"}


def test_a_workstation_without_the_keys_knows_it_and_its_publish_due_exits_5(
        real_keyring, office, pg_databases, snapshot):
    from desk.vault import XKeys

    desk = office.desk
    with desk.store.transaction():  # what Account.set_keys appends on the workstation that holds the keys
        chain.append(desk.store.db, action="account_set", actor="admin", detail={"handle": "MinistryMedia"})
    assert desk.account.keys_elsewhere() is True
    status = desk.account.status("en")
    assert status["connected"] is False and status["keys_elsewhere"] is True and status["problem"] == ""
    assert status["blocked"] == "This workstation cannot publish: the X keys are kept on another workstation's keyring."
    assert desk.account.status("ar")["blocked"] == "لا تستطيع هذه المحطة النشر: مفاتيح X محفوظة في مخزن مفاتيح محطة أخرى."

    cli = DeskCli(office.folder, env={"DESK_DATABASE_URL": pg_databases.url_for(office.folder)})
    nothing_due = cli.run("publish-due")
    assert nothing_due.code == 5, str(nothing_due)
    post_id = office.approved_post("خبر مجدول على محطة بلا مفاتيح")
    office.sara.schedule(post_id, (datetime.now(timezone.utc) + timedelta(seconds=1)).isoformat())
    time.sleep(1.2)
    before = snapshot(office.folder)
    for lang, words in (("en", "This workstation cannot publish: the X keys are kept on another workstation's "
                               "keyring."),
                        ("ar", "لا تستطيع هذه المحطة النشر: مفاتيح X محفوظة في مخزن مفاتيح محطة أخرى.")):
        ran = cli.run("publish-due", env={"DESK_LANG": lang})
        assert ran.code == 5, str(ran)
        assert words in ran.err and ran.out == ""
    assert snapshot(office.folder) == before
    assert office.sara.post(post_id).state.value == "scheduled"

    desk.account.vault().store_keys(XKeys("MARKERck9f3a7c1e2d", "MARKERcs4b8e6f0a1c9d", "1580000000000000001-MARKERat7d2e",
                                         "MARKERats5c1f9b3e7a"))
    try:
        assert desk.account.keys_elsewhere() is False
        assert desk.account.status("en")["connected"] is True
    finally:
        desk.account.vault().forget()
