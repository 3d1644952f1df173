"""A second workstation of a desk on PostgreSQL joins with the office passphrase: until
then it cannot add to the sealed log; a wrong passphrase keeps nothing; after joining
its events carry valid seals.

Needs the real Secret Service and a PostgreSQL server:
    dbus-run-session -- bash .ci/keyring-session.sh sh tools/with-postgres.sh python -m pytest tests/integration/test_join_workstation.py
"""

from __future__ import annotations

import os

import pytest

from desk.core.errors import DeskError, InvalidInput
from tests.conftest import PG_ADMIN_URL, cheap_hasher
from tests.integration.cli_helpers import keyring_problem

pytestmark = pytest.mark.keyring
PASSPHRASE = "قاعة الاجتماعات الكبرى 7"


def _need(problem: str | None) -> None:
    if problem and os.environ.get("CI"):
        pytest.fail(f"CI needs this: {problem}", pytrace=False)
    if problem:
        pytest.skip(problem)


@pytest.fixture
def office(tmp_path, monkeypatch, pg_databases):
    _need(keyring_problem())
    _need(None if PG_ADMIN_URL else "no PostgreSQL server (run through tools/with-postgres.sh)")
    from desk import account
    from desk.core import staff_rules
    from desk.service import Desk

    monkeypatch.setattr(staff_rules, "_hasher", cheap_hasher())
    url = pg_databases.new()
    first = Desk(tmp_path / "first", database=url)
    first.init("وزارة الإعلام", "Ministry of Media", "MinistryMedia", "admin", "مدير النظام", "adminpass1")
    admin = first.sign_in("admin", "adminpass1")
    admin.add_staff("omar", "عمر الحربي", "officer", "officerpw1")
    pg_databases.share(tmp_path / "second", url)
    yield first, admin, url, tmp_path / "second"
    vault = first.account.vault()
    for entry in ("audit-seal", "audit-anchor", "audit-checkpoint"):
        vault._delete(vault._user(entry))
    account._SEAL_KEYS.clear()
    first.close()


def _as_another_workstation(first):
    """The same keyring stands for the second workstation's: take the seal key out of it."""
    from desk import account

    vault = first.account.vault()
    key = vault.seal_key()
    vault._delete(vault._user("audit-seal"))
    account._SEAL_KEYS.clear()
    return key


def test_a_workstation_joins_with_the_office_passphrase(office, tmp_path, snapshot):
    db_snapshot = snapshot
    from desk.service import Desk

    first, admin, url, second_folder = office
    assert first.store.sealed_from() == 1
    admin.set_office_passphrase(PASSPHRASE)
    key = _as_another_workstation(first)

    second = Desk(second_folder, database=url)
    try:
        omar = second.sign_in("omar", "officerpw1")
        before = db_snapshot(second_folder)
        with pytest.raises(DeskError) as refused:
            omar.draft("الوزارة تطلق برنامجًا جديدًا")
        assert refused.value.key == "join.not_joined"
        assert "desk join" in refused.value.message("en") and "desk join" in refused.value.message("ar")
        assert db_snapshot(second_folder) == before

        admin_here = second.sign_in("admin", "adminpass1")
        with pytest.raises(InvalidInput) as wrong:
            admin_here.join("قاعة الاجتماعات الصغرى 7")
        assert wrong.value.key == "join.wrong_passphrase"
        assert second.account.vault().seal_key() is None
        assert db_snapshot(second_folder) == before

        admin_here.join(PASSPHRASE)
        assert second.account.vault().seal_key() == key
        post_id = omar.draft("الوزارة تطلق برنامجًا جديدًا")
        assert post_id
        report = second.store.verify(seal_key=key)
        assert report.ok, report
        # Neither the passphrase nor the key is anywhere in the database.
        everything = repr(db_snapshot(second_folder)) + repr(second.store.db.execute("SELECT * FROM desk_keys").fetchall())
        assert PASSPHRASE not in everything and key.hex() not in everything
    finally:
        second.close()


def test_the_passphrase_needs_the_key_and_an_administrator(office, tmp_path):
    first, admin, url, _ = office
    omar = first.sign_in("omar", "officerpw1")
    with pytest.raises(DeskError) as refused:
        omar.set_office_passphrase(PASSPHRASE)
    assert refused.value.exit_code == 3
    with pytest.raises(InvalidInput) as short:
        admin.set_office_passphrase("قصيرة")
    assert short.value.key == "join.passphrase_short"
    with pytest.raises(InvalidInput) as none_yet:
        admin.join(PASSPHRASE)
    assert none_yet.value.key == "join.no_passphrase"


def test_a_desk_on_one_computer_has_no_workstations_to_join(office_folder, desk_factory):
    admin = desk_factory(office_folder).sign_in("admin", "adminpass1")
    with pytest.raises(InvalidInput) as refused:
        admin.set_office_passphrase(PASSPHRASE)
    assert refused.value.key == "join.only_on_server"


def _cli(folder, url, *args, stdin=""):
    import subprocess

    from tests.conftest import desk_executable

    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}  # the real keyring
    env.update(DESK_DATA_DIR=str(folder), DESK_DATABASE_URL=url, DESK_LANG="en")
    return subprocess.run([desk_executable(), *args], input=stdin, capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.mark.slow
def test_the_command_line_sets_the_passphrase_and_joins(office, tmp_path):
    first, _admin, url, second_folder = office
    first.account.flush()
    differ = _cli(first.folder, url, "office-passphrase", "--as", "admin", "--password-stdin",
                  stdin=f"adminpass1\n{PASSPHRASE}\n{PASSPHRASE}x\n")
    assert differ.returncode == 4 and "differ" in differ.stderr, differ
    done = _cli(first.folder, url, "office-passphrase", "--as", "admin", "--password-stdin",
                stdin=f"adminpass1\n{PASSPHRASE}\n{PASSPHRASE}\n")
    assert done.returncode == 0 and "workstations can now join" in done.stderr, done
    key = _as_another_workstation(first)

    refused = _cli(second_folder, url, "draft", "--text", "خبر من المحطة الثانية", "--as", "omar", "--password-stdin",
                   stdin="officerpw1\n")
    assert refused.returncode == 5 and "desk join" in refused.stderr, refused
    wrong = _cli(second_folder, url, "join", "--as", "admin", "--password-stdin", stdin="adminpass1\nnot the passphrase\n")
    assert wrong.returncode == 4 and "not the office passphrase" in wrong.stderr, wrong
    joined = _cli(second_folder, url, "join", "--as", "admin", "--password-stdin", stdin=f"adminpass1\n{PASSPHRASE}\n")
    assert joined.returncode == 0 and "has joined" in joined.stderr, joined
    assert first.account.vault().seal_key() == key
    drafted = _cli(second_folder, url, "draft", "--text", "خبر من المحطة الثانية", "--as", "omar", "--password-stdin",
                   stdin="officerpw1\n")
    assert drafted.returncode == 0, drafted
    for ran in (differ, done, refused, wrong, joined, drafted):
        assert PASSPHRASE not in ran.stdout + ran.stderr and key.hex() not in ran.stdout + ran.stderr
    verified = _cli(second_folder, url, "verify")
    assert verified.returncode == 0, verified
