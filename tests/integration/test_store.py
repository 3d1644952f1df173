"""The store: schema version and migrations with a backup first, WAL, foreign keys,
permissions, and clear refusals for a read-only folder, a file that is not a database
and a database locked by another process."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import time

import pytest

from desk.core.errors import StoreError
from desk.store import Store, migrations

pytestmark = pytest.mark.usefixtures("no_keyring")  # never touch a real keyring


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --------------------------------------------------------------------------- opening
def test_new_store_has_the_current_schema(data_dir):
    store = Store(data_dir)
    try:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION >= 1
        for table in ("institution", "settings", "staff", "posts", "post_media", "events", "training_timeline"):
            assert table in store.db.table_names()
    finally:
        store.close()
    # opening again migrates nothing and takes no backup
    Store(data_dir).close()
    assert list((data_dir / "backups").iterdir()) == []


def test_wal_busy_timeout_and_foreign_keys(data_dir, monkeypatch):
    monkeypatch.setenv("DESK_BUSY_TIMEOUT", "2.5")
    store = Store(data_dir)
    try:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 2500
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute(
                "INSERT INTO posts (state, text, author, content_hash, created_at, updated_at)"
                " VALUES ('draft', 'x', 'nobody', 'h', 'now', 'now')"
            )
    finally:
        store.close()


def test_folder_0700_and_database_0600(office):
    office.omar.draft("خبر")  # something in the WAL
    assert mode(office.folder) == 0o700
    assert mode(office.folder / "media") == 0o700
    assert mode(office.folder / "backups") == 0o700
    for name in ("desk.sqlite3", "desk.sqlite3-wal", "desk.sqlite3-shm"):
        path = office.folder / name
        if name == "desk.sqlite3":
            assert path.exists()
        if path.exists():
            assert mode(path) == 0o600, name


def test_new_folder_is_created_0700_even_with_a_loose_umask(tmp_path):
    import os

    old = os.umask(0o002)
    try:
        store = Store(tmp_path / "fresh" / "nested")
        store.close()
    finally:
        os.umask(old)
    assert mode(tmp_path / "fresh" / "nested") == 0o700
    assert mode(tmp_path / "fresh" / "nested" / "desk.sqlite3") == 0o600


# --------------------------------------------------------------------------- migrations
def _v2(db):
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
    db.execute("CREATE INDEX notes_body ON notes(body)")


def test_migrating_an_older_database_takes_a_backup_first(office, monkeypatch):
    post_id = office.omar.draft("خبر قبل الترحيل")
    events_before = office.desk.verify().count
    office.desk.close()
    now = migrations.SCHEMA_VERSION
    steps = [*migrations.MIGRATIONS, _v2]
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(steps))
    store = Store(office.folder)
    try:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(steps) == now + 1
        assert "notes" in store.db.table_names()
        assert store.posts.get(post_id).text == "خبر قبل الترحيل"
        assert store.verify().ok
    finally:
        store.close()
    backups = [p for p in (office.folder / "backups").iterdir() if not p.name.startswith("desk-daily-")]
    assert len(backups) == 1 and backups[0].name.startswith(f"desk-v{now}-")
    assert mode(backups[0]) == 0o600
    copy = sqlite3.connect(backups[0])
    try:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == now
        assert "notes" not in {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
        assert copy.execute("SELECT COUNT(*) FROM events").fetchone()[0] == events_before
        assert copy.execute("SELECT text FROM posts WHERE id = ?", [post_id]).fetchone()[0] == "خبر قبل الترحيل"
    finally:
        copy.close()


def test_a_failing_migration_changes_nothing(office, monkeypatch):
    office.desk.close()
    before_snapshot = office.snapshot()

    def broken(db):
        db.execute("CREATE TABLE half_done (id INTEGER)")
        db.execute("THIS IS NOT SQL")

    now = migrations.SCHEMA_VERSION
    steps = [*migrations.MIGRATIONS, broken]
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(steps))
    with pytest.raises(StoreError):
        Store(office.folder)
    conn = sqlite3.connect(office.db_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == now
        assert "half_done" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    assert office.snapshot() == before_snapshot
    taken = [p for p in (office.folder / "backups").iterdir() if p.name.startswith(f"desk-v{now}-")]
    assert len(taken) == 1  # the backup was still taken


def test_a_newer_database_is_refused(office):
    office.desk.close()
    conn = sqlite3.connect(office.db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError) as refused:
        Store(office.folder)
    assert refused.value.key == "store.newer" and "99" in refused.value.message("en")


def test_an_unversioned_database_with_tables_is_refused(data_dir):
    data_dir.mkdir(mode=0o700)
    conn = sqlite3.connect(data_dir / "desk.sqlite3")
    conn.execute("CREATE TABLE something_else (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as refused:
        Store(data_dir)
    assert refused.value.key == "store.not_database"


# --------------------------------------------------------------------------- not a database
@pytest.mark.parametrize("content", [b"this is a text file, not SQLite\n" * 100, b"\x00" * 4096 + b"junk"],
                         ids=["text", "zeros"])
def test_a_file_that_is_not_a_database(data_dir, content):
    data_dir.mkdir(mode=0o700)
    (data_dir / "desk.sqlite3").write_bytes(content)
    with pytest.raises(StoreError) as refused:
        Store(data_dir)
    assert refused.value.key == "store.not_database"
    assert str(data_dir / "desk.sqlite3") in refused.value.message("en")
    assert refused.value.exit_code == 1
    assert (data_dir / "desk.sqlite3").read_bytes() == content  # left as it was


# --------------------------------------------------------------------------- read-only folder
OPEN_AND_DRAFT = """
import sys
from desk.core.errors import DeskError
from desk.service import Desk
try:
    desk = Desk(sys.argv[1])
    desk.sign_in("omar", "officerpw1").draft("خبر")
except DeskError as error:
    print(error.key)
    print(error.message("en"))
    sys.exit(error.exit_code)
print("no error")
"""


def test_a_read_only_data_folder(office_folder, unprivileged, snapshot):
    before = snapshot(office_folder)
    office_folder.chmod(0o500)
    try:
        result = subprocess.run([*unprivileged, sys.executable, "-c", OPEN_AND_DRAFT, str(office_folder)],
                                capture_output=True, text=True, timeout=60)
    finally:
        office_folder.chmod(0o700)
    assert result.returncode == 1, result.stdout + result.stderr
    key, message = result.stdout.splitlines()[:2]
    assert key == "store.read_only_copy"  # it opens for reading; the draft is what is refused
    assert str(office_folder) in message and "read-only" in message
    assert snapshot(office_folder) == before


def test_a_data_folder_that_cannot_be_created(tmp_path, unprivileged):
    parent = tmp_path / "locked-parent"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        result = subprocess.run(
            [*unprivileged, sys.executable, "-c",
             "import sys\nfrom desk.store import Store\nfrom desk.core.errors import StoreError\n"
             "try:\n    Store(sys.argv[1])\nexcept StoreError as e:\n    print(e.key); sys.exit(1)\n",
             str(parent / "data")],
            capture_output=True, text=True, timeout=60)
    finally:
        parent.chmod(0o700)
    assert result.returncode == 1 and result.stdout.strip() == "store.read_only", result.stderr
    assert not (parent / "data").exists()


# --------------------------------------------------------------------------- locked by another process
HOLD_LOCK = """
import sqlite3, sys, time

conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


def test_a_database_locked_by_another_process_waits_then_says_so(office, monkeypatch, snapshot):
    office.desk.close()
    monkeypatch.setenv("DESK_BUSY_TIMEOUT", "0.5")
    from desk.service import Desk

    desk = Desk(office.folder)
    omar = desk.sign_in("omar", "officerpw1")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(office.db_path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        before = snapshot(office.folder)
        started = time.monotonic()
        with pytest.raises(StoreError) as refused:
            omar.draft("خبر أثناء القفل")
        waited = time.monotonic() - started
        assert refused.value.key == "store.locked"
        assert "busy" in refused.value.message("en") and "مشغولة" in refused.value.message("ar")
        assert waited >= 0.4  # it waited out the busy timeout before giving up
        assert snapshot(office.folder) == before
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    # once the other program lets go, the same action goes through
    post_id = omar.draft("خبر بعد القفل")
    assert omar.post(post_id).text == "خبر بعد القفل"
    desk.close()


def test_reads_go_on_while_another_process_writes(office):
    post_id = office.omar.draft("خبر")
    sara = office.sara  # signing in counts tries under the write lock: done before it is held
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(office.db_path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert sara.show(post_id)["post"].text == "خبر"  # WAL: readers are not blocked
        assert office.desk.verify().ok
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)


# --------------------------------------------------------------------------- one action, one transaction
def test_every_action_appends_exactly_one_event_and_bumps_the_version(office):
    post_id = office.omar.draft("خبر")
    count, version = office.desk.verify().count, office.omar.post(post_id).version
    for step in (lambda: office.omar.submit(post_id), lambda: office.sara.approve(post_id),
                 lambda: office.sara.publish(post_id)):
        step()
        post = office.omar.post(post_id)
        assert post.version > version
        new_count = office.desk.verify().count
        assert new_count > count
        count, version = new_count, post.version
    history = office.sara.show(post_id)["history"]
    assert [e["action"] for e in history] == ["create", "submit", "approve", "claim", "sent"]
    assert office.desk.verify().ok
