"""The data folder under bad luck: a damaged page, a full disk, a read-only copy, a loose
folder, a failed init, a mistyped folder; and backups made and restored."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import sys

import pytest

from tests.conftest import PASSWORDS, db_snapshot, sql

pytestmark = pytest.mark.usefixtures("no_keyring")


def as_user(run_desk, *args, user="admin", password=None, **kw):
    return run_desk(*args, "--as", user, "--password-stdin",
                    stdin=(PASSWORDS[user] if password is None else password) + "\n", **kw)


def fill(folder, count=300):
    """Enough posts that the posts table spans many pages (drafts written the ordinary way)."""
    from desk.service import Desk

    desk = Desk(folder)
    omar = desk.sign_in("omar", PASSWORDS["omar"])
    for n in range(count):
        omar.draft(f"خبر رقم {n} " + "نص " * 40)
    desk.close()


def corrupt_page_of(folder, table: str) -> int:
    """Write garbage over a leaf page in the middle of a table's b-tree."""
    path = folder / "desk.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [r[0] for r in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", [table])]
    conn.close()
    assert len(pages) > 4, pages
    page = pages[len(pages) // 2]
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * page_size + 8)
        handle.write((bytes(range(7, 256, 3)) * page_size)[:page_size - 16])
    return page


# --------------------------------------------------------------------------- item 5: damage
def test_a_damaged_page_of_the_posts_is_refused_by_log_draft_and_verify(office_folder, run_desk):
    fill(office_folder)
    backup = as_user(run_desk, "backup")  # so the message can name the newest backup
    assert backup.returncode == 0, backup.stderr
    newest = backup.stdout.strip()
    corrupt_page_of(office_folder, "posts")
    for result in (as_user(run_desk, "log", user="sara"),
                   as_user(run_desk, "draft", "--text", "خبر", user="omar"),
                   run_desk("verify")):
        assert result.returncode == 1, result.stdout + result.stderr
        assert "damaged in the posts" in result.stderr, result.stderr
        assert f"desk restore {newest}" in result.stderr
        assert "Traceback" not in result.stderr
    arabic = run_desk("verify", env={"DESK_LANG": "ar"})
    assert arabic.returncode == 1 and "تالفة في: المنشورات" in arabic.stderr


def test_a_damaged_log_is_named_as_the_log(office_folder, run_desk):
    fill(office_folder)
    corrupt_page_of(office_folder, "events")
    result = run_desk("verify")
    assert result.returncode == 1
    assert "damaged in the log's events" in result.stderr and "desk-daily-" in result.stderr


def test_a_damaged_search_index_is_rebuilt_from_the_posts(office_folder, run_desk):
    fill(office_folder)
    corrupt_page_of(office_folder, "posts_fts_data")
    result = run_desk("verify")
    assert result.returncode == 0, result.stderr
    assert "full integrity check" in result.stderr
    found = as_user(run_desk, "log", "--search", "رقم", "--json", "--limit", "1000", user="sara")
    assert found.returncode == 0 and len(__import__("json").loads(found.stdout)) == 300


def test_the_damage_is_read_in_the_office_words():
    from desk.store.health import damaged_parts

    lines = ["*** in database main ***\nTree 7 page 12 cell 3: invalid page number",
             "row 4 missing from index events_post", "wrong # of entries in index sqlite_autoindex_staff_1",
             "non-unique entry in index posts_fts_idx"]
    assert damaged_parts(lines) == ["other", "log", "staff", "search"]


# --------------------------------------------------------------------------- backups
def test_backup_and_restore(office_folder, run_desk, tmp_path):
    out = tmp_path / "copy.sqlite3"
    refused = as_user(run_desk, "backup", "--out", out, user="omar")
    assert refused.returncode == 3 and not out.exists()
    made = as_user(run_desk, "backup", "--out", out)
    assert made.returncode == 0, made.stderr
    assert "media" in made.stderr and stat.S_IMODE(out.stat().st_mode) == 0o600
    before = db_snapshot(office_folder)
    draft = as_user(run_desk, "draft", "--text", "خبر بعد النسخة", user="omar")
    assert draft.returncode == 0
    restored = as_user(run_desk, "restore", out)
    assert restored.returncode == 0, restored.stderr
    after = db_snapshot(office_folder)
    assert after["posts"] == before["posts"]
    assert after["events"][:-1] == before["events"] and "restore" in after["events"][-1]
    kept = [p for p in (office_folder / "backups").iterdir() if p.name.startswith("desk-before-restore-")]
    assert len(kept) == 1  # the database as it was, with the later draft
    assert any("خبر بعد النسخة" in r[2] for r in sqlite3.connect(kept[0]).execute("SELECT * FROM posts"))
    assert run_desk("verify").returncode == 0


def test_restore_refuses_a_tampered_damaged_or_foreign_backup(office_folder, run_desk, tmp_path, office_template):
    good = tmp_path / "good.sqlite3"
    assert as_user(run_desk, "backup", "--out", good).returncode == 0
    tampered = tmp_path / "tampered.sqlite3"
    shutil.copy(good, tampered)
    conn = sqlite3.connect(tampered)
    conn.execute("UPDATE events SET actor = 'mallory' WHERE id = 2")
    conn.commit()
    conn.close()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(good.read_bytes()[:4096] + os.urandom(8192))
    foreign = tmp_path / "foreign.sqlite3"
    shutil.copy(office_template / "desk.sqlite3", foreign)  # the same office under another desk id
    before = db_snapshot(office_folder)
    for file, words in ((tampered, "was altered"), (damaged, "damaged"), (foreign, "another desk"),
                        (tmp_path / "none.sqlite3", "no backup file")):
        result = as_user(run_desk, "restore", file)
        assert result.returncode == 4, result.stderr
        assert words in result.stderr and "Traceback" not in result.stderr
        assert db_snapshot(office_folder) == before
    assert not [p for p in (office_folder / "backups").iterdir() if p.name.startswith("desk-before-restore-")]


def test_a_daily_backup_when_the_newest_is_a_day_old(office_folder):
    from desk.store import backups
    from desk.store import Store

    Store(office_folder).close()
    dailies = sorted((office_folder / "backups").glob("desk-daily-*"))
    assert len(dailies) == 1
    Store(office_folder).close()
    assert len(sorted((office_folder / "backups").glob("desk-daily-*"))) == 1  # not twice a day
    for n in range(10):  # pretend ten older days' backups
        old = office_folder / "backups" / f"desk-daily-2026010{n % 10}T000000Z.sqlite3"
        shutil.copy(dailies[0], old)
        os.utime(old, (1_700_000_000 + n, 1_700_000_000 + n))
    os.utime(dailies[0], (1_700_000_100, 1_700_000_100))
    Store(office_folder).close()
    assert len(list((office_folder / "backups").glob("desk-daily-*"))) == backups.KEEP_DAILY


# --------------------------------------------------------------------------- item 12: the folder
def test_a_mistyped_folder_is_refused_and_nothing_is_created(run_desk, tmp_path):
    missing = tmp_path / "dat"
    for args in (("verify",), ("publish-due",), ("reconcile",)):
        result = run_desk("--data-dir", missing, *args)
        assert result.returncode == 1 and f"No desk in {missing}" in result.stderr, result.stderr
    result = as_user(run_desk, "--data-dir", missing, "log")
    assert result.returncode == 1 and "desk init" in result.stderr
    assert not missing.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_desk("--data-dir", empty, "verify").returncode == 1
    assert list(empty.iterdir()) == []


@pytest.mark.parametrize("bad", [["--handle", "not a handle"], ["--logo", "/nonexistent.png"]])
def test_a_failed_init_leaves_nothing_behind(run_desk, tmp_path, bad):
    folder = tmp_path / "new"
    args = ["--name-ar", "وزارة", "--name-en", "Ministry", "--handle", "Ministry", "--admin", "admin"]
    if bad[0] in args:
        args[args.index(bad[0]) + 1] = bad[1]
    else:
        args += bad
    result = run_desk("--data-dir", folder, "init", *args, "--password-stdin", stdin="adminpass1\n")
    assert result.returncode == 4, result.stderr
    assert not folder.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    short = run_desk("--data-dir", empty, "init", "--name-ar", "وزارة", "--name-en", "Ministry", "--handle", "M",
                     "--admin", "admin", "--password-stdin", stdin="x\n")
    assert short.returncode == 4 and list(empty.iterdir()) == []
    again = run_desk("--data-dir", empty, "init", "--name-ar", "وزارة", "--name-en", "Ministry", "--handle", "M",
                     "--admin", "admin", "--password-stdin", stdin="adminpass1\n")
    assert again.returncode == 0, again.stderr


def test_a_loose_data_folder_is_tightened(office_folder, run_desk):
    office_folder.chmod(0o777)
    (office_folder / "desk.sqlite3").chmod(0o666)
    assert run_desk("verify").returncode == 0
    assert stat.S_IMODE(office_folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((office_folder / "desk.sqlite3").stat().st_mode) == 0o600


# --------------------------------------------------------------------------- item 6: full disk, read-only
def test_sqlite_full_is_said_as_a_full_disk(tmp_path):
    from desk.store.db import translate

    conn = sqlite3.connect(tmp_path / "small.sqlite3")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 3")
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute("INSERT INTO t VALUES (?)", ["x" * 100_000])
    error = translate(caught.value, tmp_path / "small.sqlite3")
    assert error.key == "store.disk_full" and "full" in error.message("en")
    assert translate(OSError(28, "No space left on device"), tmp_path / "f").key == "store.disk_full"


DEBUG_ENV = {"DESK_DEBUG": "1"} if os.environ.get("PROBE") else {}
LIMITED = ("import os, resource, signal, sys\n"
           "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
           "limit = int(sys.argv[1])\n"
           "resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))\n"
           "os.execvp(sys.argv[2], sys.argv[2:])\n")


def test_a_full_disk_while_drafting_says_so(office_folder, run_desk, tmp_path):
    fill(office_folder, 5)
    assert run_desk("verify").returncode == 0  # the daily backup is made before the limit
    sql(office_folder, "PRAGMA wal_checkpoint(TRUNCATE)")
    before = db_snapshot(office_folder)
    big = tmp_path / "big.txt"
    big.write_text("نص " * 6000, encoding="utf-8")
    limit = 64 * 1024
    result = as_user(run_desk, "draft", "--text-file", big, user="omar",
                     prefix=[sys.executable, "-c", LIMITED, str(limit)], env=DEBUG_ENV)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "is full" in result.stderr and "Traceback" not in result.stderr
    assert db_snapshot(office_folder) == before


def test_a_read_only_copy_can_be_read_and_verified(office_folder, run_desk, unprivileged, tmp_path):
    fill(office_folder, 3)
    before = db_snapshot(office_folder)
    listing = sorted(p.name for p in office_folder.rglob("*"))
    subprocess_chmod(office_folder, writable=False)
    try:
        log = as_user(run_desk, "log", "--json", user="sara", prefix=unprivileged)
        assert log.returncode == 0, log.stderr
        show = as_user(run_desk, "show", "1", user="sara", prefix=unprivileged)
        assert show.returncode == 0, show.stderr
        verify = run_desk("verify", prefix=unprivileged)
        assert verify.returncode == 0, verify.stderr
        draft = as_user(run_desk, "draft", "--text", "خبر", user="omar", prefix=unprivileged)
        assert draft.returncode == 1 and "read-only" in draft.stderr
        wrong = as_user(run_desk, "log", user="sara", password="wrong-password", prefix=unprivileged)
        assert wrong.returncode == 3 and "Wrong username or password" in wrong.stderr, wrong.stderr
        elsewhere = tmp_path / "auditor"
        elsewhere.mkdir()
        elsewhere.chmod(0o777)
        exported = as_user(run_desk, "export", "--out", elsewhere / "log.json", user="sara", prefix=unprivileged)
        assert exported.returncode == 0, exported.stderr
        assert (elsewhere / "log.json").stat().st_size > 0
    finally:
        subprocess_chmod(office_folder, writable=True)
    assert db_snapshot(office_folder) == before
    assert sorted(p.name for p in office_folder.rglob("*")) == listing  # no WAL, no backup, nothing


def subprocess_chmod(folder, writable: bool) -> None:
    import subprocess

    subprocess.run(["chmod", "-R", "u+w" if writable else "a-w", str(folder)], check=True)


def test_a_big_file_is_checked_at_most_hourly_but_always_before_the_daily_backup(office_folder, monkeypatch):
    from desk.core.errors import StoreError
    from desk.store import Store, health

    fill(office_folder, 300)
    Store(office_folder).close()  # today's daily backup exists
    monkeypatch.setattr(health, "QUICK_LIMIT", 0)  # this file counts as big
    Store(office_folder).close()  # checked now, marked
    corrupt_page_of(office_folder, "posts")
    Store(office_folder).close()  # within the hour: opened without the check
    for daily in (office_folder / "backups").glob("desk-daily-*"):
        os.utime(daily, (1_700_000_000, 1_700_000_000))
    with pytest.raises(StoreError) as refused:  # a daily backup is due: checked first, never copied
        Store(office_folder)
    assert refused.value.key == "store.damaged"
    assert len(list((office_folder / "backups").glob("desk-daily-*"))) == 1


def test_init_without_a_password_makes_nothing(run_desk, tmp_path):
    folder = tmp_path / "new"
    result = run_desk("--data-dir", folder, "init", "--name-ar", "وزارة", "--name-en", "Ministry", "--handle", "M",
                      "--admin", "admin", "--password-stdin", stdin="")
    assert result.returncode != 0 and not folder.exists()


def test_restore_is_the_way_out_of_a_damaged_database(office_folder, run_desk):
    fill(office_folder)
    made = as_user(run_desk, "backup")
    assert made.returncode == 0, made.stderr
    newest = made.stdout.strip()
    corrupt_page_of(office_folder, "posts")
    damaged = as_user(run_desk, "log", user="sara")
    assert damaged.returncode == 1 and newest in damaged.stderr
    wrong = as_user(run_desk, "restore", newest, password="not-the-password")
    assert wrong.returncode == 3
    officer = as_user(run_desk, "restore", newest, user="omar")
    assert officer.returncode == 3
    assert as_user(run_desk, "log", user="sara").returncode == 1  # still damaged: nothing was changed
    restored = as_user(run_desk, "restore", newest)  # the command the message names
    assert restored.returncode == 0, restored.stderr
    assert list((office_folder / "backups").glob("desk-damaged-*.sqlite3"))  # the damaged file kept aside
    log = as_user(run_desk, "log", "--json", "--limit", "1000", user="sara")
    assert log.returncode == 0 and len(__import__("json").loads(log.stdout)) == 300
    verify = run_desk("verify")
    assert verify.returncode == 0, verify.stderr


def test_a_command_started_on_a_full_disk_says_so(office_folder, run_desk, tmp_path):
    out = tmp_path / "log.csv"
    result = as_user(run_desk, "export", "--out", out, user="sara",
                     prefix=[sys.executable, "-c", LIMITED, "0"])
    assert result.returncode == 1, result.stderr
    assert "is full" in result.stderr and "Traceback" not in result.stderr


def test_the_window_makes_the_days_backup_off_its_own_connection(office_folder):
    from desk.service import Desk
    from desk.ui.app import back_up_today

    for daily in (office_folder / "backups").glob("desk-daily-*"):
        daily.unlink()
    Desk(office_folder, checkpoint_in_background=True).close()  # the window's desk: no copy on open
    assert not list((office_folder / "backups").glob("desk-daily-*"))
    back_up_today(office_folder)  # what the window runs as a task
    assert len(list((office_folder / "backups").glob("desk-daily-*"))) == 1
