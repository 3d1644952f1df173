"""A desk with a keyring seals its log: forged events, a cut tail and a forged anchor
are caught, and a sealed log refuses to grow when its keyring cannot be reached.

Run under the throw-away keyring:
    dbus-run-session -- bash .ci/keyring-session.sh python -m pytest tests/integration/test_audit_sealed.py
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from desk.store import anchor, chain
from tests.conftest import PG_FOLDERS, cheap_hasher, db_snapshot, desk_executable, sql
from tests.integration.cli_helpers import keyring_problem

pytestmark = [pytest.mark.keyring, pytest.mark.both_stores]


@pytest.fixture
def sealed(data_dir, monkeypatch, store_kind, pg_databases):
    problem = keyring_problem()
    if problem and os.environ.get("CI"):
        pytest.fail(f"CI needs a real Secret Service: {problem}", pytrace=False)
    if problem:
        pytest.skip(problem)
    from desk.core import staff_rules
    from desk.service import Desk

    monkeypatch.setattr(staff_rules, "_hasher", cheap_hasher())
    desk = Desk(data_dir, database=pg_databases.url_for(data_dir) if store_kind == "postgresql" else None)
    desk.init("وزارة الإعلام", "Ministry of Media", "MinistryMedia", "admin", "مدير النظام", "adminpass1")
    admin = desk.sign_in("admin", "adminpass1")
    admin.add_staff("omar", "عمر الحربي", "officer", "officerpw1")
    admin.add_staff("sara", "سارة القحطاني", "supervisor", "supervisor1")
    yield desk
    vault = desk.account.vault()
    for entry in ("audit-seal", "audit-anchor", "audit-checkpoint"):
        vault._delete(vault._user(entry))
    desk.close()


def _forge_event(folder, action="approve", actor="omar"):
    """Append an event with a correct hash and link, as anyone who can write the file could."""
    last_id, last_hash = sql(folder, "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1")[0]
    event = {"id": last_id + 1, "post_id": None, "at": chain.now_utc(), "actor": actor, "action": action,
             "from_state": None, "to_state": None, "content_hash": None, "detail": None, "prev_hash": last_hash}
    sql(folder, "INSERT INTO events (id, post_id, at, actor, action, from_state, to_state, content_hash, detail,"
                " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [*[event[k] for k in chain.FIELDS], chain.event_hash(event)])
    return event["id"]


def test_a_desk_with_a_keyring_seals_its_log_from_the_first_event(sealed, data_dir):
    assert sealed.store.sealed_from() == 1
    assert sql(data_dir, "SELECT COUNT(*) FROM events WHERE seal IS NULL")[0][0] == 0
    report = sealed.verify()
    assert report.ok and report.checkpoint == "matched", report
    count = report.count
    assert ("audit.seals_checked", {"first": 1}) in report.notes
    assert ("audit.checkpoint_covers", {"covered": count, "count": count}) in report.notes
    kept = json.loads((data_dir / anchor.ANCHOR_NAME).read_text())
    assert kept["events"] == count and kept["mac"]


def test_forged_events_with_correct_hashes_are_caught_even_after_the_next_commit(sealed, data_dir):
    forged = _forge_event(data_dir)
    omar = sealed.sign_in("omar", "officerpw1")
    omar.draft("خبر بعد التزوير")  # the checkpoint moves on past the forged event
    report = sealed.verify()
    assert not report.ok and report.key == "chain.bad_seal" and report.params == {"event_id": forged}, report


def test_a_cut_tail_with_a_rewritten_anchor_file_is_caught(sealed, data_dir):
    omar = sealed.sign_in("omar", "officerpw1")
    for n in range(3):
        omar.draft(f"مسودة {n}")
    last = sql(data_dir, "SELECT MAX(id) FROM events")[0][0]
    sql(data_dir, "DELETE FROM events WHERE id > ?", [last - 3])
    sql(data_dir, "DELETE FROM post_versions WHERE post_id IN (SELECT id FROM posts WHERE id > 0"
                  " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.post_id = posts.id))")
    sql(data_dir, "DELETE FROM posts WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.post_id = posts.id)")
    head_id, head = sql(data_dir, "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1")[0]
    institution = sealed.institution()
    anchor.write(data_dir, anchor.Anchor(institution["desk_id"], institution["name_en"], head_id, head), None)
    report = sealed.verify()
    assert not report.ok and report.key == "audit.anchor_forged", report

    (data_dir / anchor.ANCHOR_NAME).unlink()  # no file at all: the keyring still knows
    report = sealed.verify()
    assert not report.ok and report.key == "audit.cut_short_keyring", report
    assert report.params == {"expected": last, "found": head_id}


def test_a_sealed_log_refuses_to_grow_without_its_keyring(sealed, data_dir):
    sealed.account.flush()
    before = db_snapshot(data_dir)
    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "PYTHON_KEYRING_BACKEND")}
    env.update(DESK_DATA_DIR=str(data_dir), DESK_LANG="en")
    if data_dir in PG_FOLDERS:
        env["DESK_DATABASE_URL"] = PG_FOLDERS[data_dir]
    done = subprocess.run([desk_executable(), "draft", "--text", "خبر من مهمة مجدولة", "--as", "omar",
                           "--password-stdin"], input="officerpw1\n", capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 5, done
    assert "keyring cannot be reached" in done.stderr and "Nothing was changed" in done.stderr
    assert db_snapshot(data_dir) == before


@pytest.mark.sqlite_only  # the folder that held the database file
def test_a_wiped_folder_is_remembered_by_the_keyring(sealed, data_dir):
    from desk import audit

    count = sealed.verify().count
    sealed.account.flush()
    for name in ("desk.sqlite3", "desk.sqlite3-wal", "desk.sqlite3-shm", anchor.ANCHOR_NAME):
        (data_dir / name).unlink(missing_ok=True)
    report = audit.missing_database(data_dir)
    assert report is not None and not report.ok and report.key == "audit.folder_wiped", report
    assert report.params == {"name": "Ministry of Media", "events": count}
