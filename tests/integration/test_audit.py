"""Rows outside the chain are checked against it; the log's end and its whole self are
anchored outside the events table (the file beside the database, the keyring)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from desk.core.errors import StoreError
from tests.conftest import sql

pytestmark = pytest.mark.both_stores


def _history(office, headlines) -> dict:
    """A published post, a scheduled one, one in review, and a changed setting."""
    published = office.approved_post(headlines[0])
    office.sara.publish(published)
    scheduled = office.approved_post(headlines[1])
    office.sara.schedule(scheduled, datetime.now(timezone.utc) + timedelta(days=3))
    in_review = office.omar.draft(headlines[2])
    office.omar.edit(in_review, headlines[2] + " (محدّث)")
    office.omar.submit(in_review)
    office.admin.set_setting("lateness_minutes", 30)
    report = office.desk.verify()
    assert report.ok, report
    return {"published": published, "scheduled": scheduled, "in_review": in_review}


ROW_EDITS = [
    ("text", "UPDATE posts SET text = 'نص مزور' WHERE id = {published}", "audit.post_row"),
    ("text and hash", "UPDATE posts SET text = 'x', content_hash = '" + "a" * 64 + "' WHERE id = {in_review}",
     "chain.bad_post"),
    ("author", "UPDATE posts SET author = 'khalid' WHERE id = {published}", "audit.post_row"),
    ("x_post_id", "UPDATE posts SET x_post_id = '999' WHERE id = {published}", "audit.post_row"),
    ("x_url", "UPDATE posts SET x_url = 'https://x.com/other/status/1' WHERE id = {published}", "audit.post_row"),
    ("approval", "UPDATE posts SET approved_hash = content_hash WHERE id = {in_review}", "audit.post_row"),
    ("scheduled_at", "UPDATE posts SET scheduled_at = '2030-01-01T00:00:00.000+00:00' WHERE id = {scheduled}",
     "audit.post_row"),
    ("version text", "UPDATE post_versions SET text = 'قديم مزور' WHERE post_id = {in_review}", "audit.version_row"),
    ("post deleted", "DELETE FROM posts WHERE id = {published}", "audit.post_deleted"),
    ("roles", "UPDATE staff SET roles = 'officer,supervisor,administrator' WHERE username = 'omar'",
     "audit.staff_row"),
    ("name", "UPDATE staff SET name = 'شخص آخر' WHERE username = 'sara'", "audit.staff_row"),
    ("active", "UPDATE staff SET active = 0 WHERE username = 'khalid'", "audit.staff_row"),
    ("password", "UPDATE staff SET password_hash = (SELECT password_hash FROM staff WHERE username = 'omar')"
                 " WHERE username = 'sara'", "audit.staff_row"),
    ("one-time flag set by hand", "UPDATE staff SET must_change = 1 WHERE username = 'khalid'", "audit.staff_row"),
    ("setting", "UPDATE settings SET value = '2' WHERE key = 'lateness_minutes'", "audit.setting_row"),
    ("setting removed", "DELETE FROM settings WHERE key = 'lateness_minutes'", "audit.setting_row"),
    ("institution", "UPDATE institution SET name_en = 'Another Body'", "audit.institution_row"),
    ("desk id", "UPDATE institution SET desk_id = 'f00d'", "audit.institution_row"),
]


@pytest.mark.parametrize("what, statement, key", ROW_EDITS, ids=[e[0] for e in ROW_EDITS])
def test_a_row_edited_behind_the_programs_back_fails_verify(office, headlines, what, statement, key):
    ids = _history(office, headlines)
    if "DELETE FROM posts" in statement:
        sql(office.folder, "DELETE FROM post_media WHERE post_id = ?", [ids["published"]])
        sql(office.folder, "DELETE FROM post_versions WHERE post_id = ?", [ids["published"]])
    sql(office.folder, statement.format(**ids))
    report = office.desk.verify()
    assert not report.ok and report.key == key, report


def test_approving_a_row_changed_behind_the_programs_back_is_refused(office, headlines):
    post_id = office.omar.draft(headlines[3])
    office.omar.submit(post_id)
    # text and its column hash changed together: the row agrees with itself, not with the log
    from desk.core.content import content_hash

    forged = "بيان لم يكتبه أحد"
    sql(office.folder, "UPDATE posts SET text = ?, content_hash = ? WHERE id = ?",
        [forged, content_hash(forged), post_id])
    before = office.snapshot()
    with pytest.raises(StoreError) as refused:
        office.sara.approve(post_id)
    assert refused.value.key == "audit.refused_tampered"
    assert "content" in refused.value.message("en") and "المحتوى" in refused.value.message("ar")
    assert office.snapshot() == before


def test_roles_granted_in_the_database_are_not_roles(office, headlines):
    post_id = office.omar.draft(headlines[4])
    office.omar.submit(post_id)
    sql(office.folder, "UPDATE staff SET roles = 'officer,supervisor' WHERE username = 'omar'")
    before = office.snapshot()
    with pytest.raises(StoreError) as refused:
        office.fresh("omar").submit(office.omar.draft("x"))
    assert refused.value.key == "audit.refused_tampered"
    assert office.snapshot() == before


def test_events_cut_from_the_end_are_noticed(office, headlines):
    _history(office, headlines)
    last = sql(office.folder, "SELECT MAX(id) FROM events")[0][0]
    report = office.desk.verify()
    assert ("audit.anchor_covers", {"covered": last, "count": last}) in report.notes
    sql(office.folder, "DELETE FROM events WHERE id > ?", [last - 2])
    report = office.desk.verify()
    assert not report.ok and report.key in ("audit.cut_short", "chain.bad_post"), report


def test_a_log_emptied_on_an_initialised_desk_never_verifies(office):
    sql(office.folder, "DELETE FROM events")
    report = office.desk.verify()
    assert not report.ok and report.key == "audit.no_events", report


@pytest.mark.sqlite_only  # the .sqlite3 file itself
def test_a_database_replaced_by_an_empty_one_never_verifies(office_folder, run_desk):
    assert run_desk("verify").returncode == 0
    (office_folder / "desk.sqlite3").unlink()
    for extra in ("desk.sqlite3-wal", "desk.sqlite3-shm"):
        (office_folder / extra).unlink(missing_ok=True)
    gone = run_desk("verify")
    assert gone.returncode == 1 and "missing" in gone.stdout and "events" in gone.stdout, gone
    (office_folder / "desk.sqlite3").write_bytes(b"")
    emptied = run_desk("verify")
    assert emptied.returncode == 1 and "emptied or replaced" in emptied.stdout, emptied


def test_verify_says_how_much_the_anchors_cover(office_folder, run_desk):
    ran = run_desk("verify")
    assert ran.returncode == 0
    assert "The anchor file beside the database covers" in ran.stdout, ran.stdout
    assert "not sealed" in ran.stdout  # no keyring here: the condition is said, not hidden


def test_on_a_long_log_the_rows_are_checked_beside_the_chain(office, headlines, monkeypatch):
    from desk.store import chain

    ids = _history(office, headlines)
    monkeypatch.setattr(chain, "PARALLEL_FROM", 1)  # the long-log path, on a short log
    assert office.desk.verify().ok
    sql(office.folder, "UPDATE posts SET author = 'khalid' WHERE id = ?", [ids["published"]])
    report = office.desk.verify()
    assert not report.ok and report.key == "audit.post_row" and report.params["post_id"] == ids["published"]
