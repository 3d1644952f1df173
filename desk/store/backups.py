"""Backups of desk.sqlite3 in backups/: daily, before each migration, by hand; and restoring one.

A backup is the SQLite file only (institution, staff with password hashes, posts, the log,
settings). Images live content-addressed in media/ and are not inside it."""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

KEEP_DAILY = 7
DAILY = re.compile(r"^desk-daily-(\d{8}T\d{6}Z)\.sqlite3$")
ANY = re.compile(r"^desk-.*\.sqlite3$")


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")


def copy_to(conn: sqlite3.Connection, target: Path) -> Path:
    """SQLite's online backup into target (0600), written beside and renamed into place,
    so a half-written copy never looks like a backup."""
    target = Path(target)
    # unique per process and thread: two desks opening at once each write their own
    partial = target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}.partial")
    old_umask = os.umask(0o077)
    try:
        partial.unlink(missing_ok=True)
        copy = sqlite3.connect(partial)
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        partial.chmod(0o600)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        os.umask(old_umask)
    return target


def folder_of(data_folder: Path) -> Path:
    return Path(data_folder) / "backups"


def all_backups(data_folder: Path) -> list[Path]:
    folder = folder_of(data_folder)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if ANY.match(p.name) and p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime)


def newest_backup(data_folder: Path) -> Path | None:
    found = all_backups(data_folder)
    return found[-1] if found else None


def daily_due(data_folder: Path, now: datetime | None = None) -> bool:
    now = now or datetime.now(timezone.utc)
    dailies = [p for p in all_backups(data_folder) if DAILY.match(p.name)]
    if not dailies:
        return True
    newest = datetime.fromtimestamp(dailies[-1].stat().st_mtime, timezone.utc)
    return now - newest >= timedelta(days=1)


def make_daily(conn: sqlite3.Connection, data_folder: Path, now: datetime | None = None) -> Path | None:
    """One backup a day, the last KEEP_DAILY kept; migration and manual ones are kept apart."""
    if not daily_due(data_folder, now):
        return None
    target = copy_to(conn, folder_of(data_folder) / f"desk-daily-{_stamp(now)}.sqlite3")
    dailies = [p for p in all_backups(data_folder) if DAILY.match(p.name)]
    for old in dailies[:-KEEP_DAILY]:
        old.unlink(missing_ok=True)
    return target


def make_manual(conn: sqlite3.Connection, data_folder: Path, out: Path | None = None) -> Path:
    target = Path(out) if out else folder_of(data_folder) / f"desk-manual-{_stamp()}.sqlite3"
    if target.exists():
        from desk.core.errors import InvalidInput

        raise InvalidInput("backup.exists", path=str(target))
    return copy_to(conn, target)


def check_backup(file: Path, desk_id: str | None):
    """Refuse a backup that is damaged, of another desk, or whose log does not verify.
    Returns the open (read-only) copy for restoring from."""
    import sqlite_utils

    from desk.core.errors import InvalidInput, StoreError
    from desk.store import chain, health

    file = Path(file)
    if not file.is_file():
        raise InvalidInput("restore.missing", path=str(file))
    try:
        conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error:
        raise InvalidInput("restore.damaged", path=str(file)) from None
    try:
        try:
            health.check(conn, file, full=True)
            row = conn.execute("SELECT desk_id FROM institution").fetchone()
        except (StoreError, sqlite3.Error):
            raise InvalidInput("restore.damaged", path=str(file)) from None
        if row is None or (desk_id is not None and row[0] != desk_id):
            raise InvalidInput("restore.other_desk", path=str(file))
        report = chain.verify(sqlite_utils.Database(conn), file, 1)
        if not report.ok or report.count == 0:
            raise InvalidInput("restore.tampered", path=str(file))
    except BaseException:
        conn.close()
        raise
    return conn, report


def restore_into(source: sqlite3.Connection, live: sqlite3.Connection, data_folder: Path) -> Path:
    """Keep the current database aside as a backup, then copy the backup over it page by page
    (SQLite's backup API into the live connection: other readers see the old or the new file,
    never a mix)."""
    kept = copy_to(live, folder_of(data_folder) / f"desk-before-restore-{_stamp()}.sqlite3")
    source.backup(live)
    return kept


def damaged_desk_id(data_folder: Path) -> str | None:
    """The desk id of a damaged database, when the page holding it can still be read."""
    try:
        conn = sqlite3.connect(f"{(Path(data_folder) / 'desk.sqlite3').resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT desk_id FROM institution").fetchone()
        finally:
            conn.close()
        return row[0] if row else None
    except sqlite3.Error:
        return None


def replace_damaged(source: sqlite3.Connection, data_folder: Path) -> Path:
    """Move the damaged file (and its WAL) into backups/ and put the checked backup in its place."""
    folder = Path(data_folder)
    kept = folder_of(folder) / f"desk-damaged-{_stamp()}.sqlite3"
    fresh = copy_to(source, folder / "desk.sqlite3.restoring")
    for suffix in ("", "-wal", "-shm"):
        live = folder / f"desk.sqlite3{suffix}"
        if live.exists():
            os.replace(live, kept.with_name(kept.name + suffix))
    os.replace(fresh, folder / "desk.sqlite3")
    return kept
