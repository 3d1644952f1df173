"""Opening the database: folder and file permissions, pragmas, migrations, transactions."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from desk.core.errors import StoreError
from desk.paths import DATABASE_NAME

DEFAULT_BUSY_SECONDS = 5.0


def busy_seconds() -> float:
    try:
        return float(os.environ.get("DESK_BUSY_TIMEOUT", DEFAULT_BUSY_SECONDS))
    except ValueError:
        return DEFAULT_BUSY_SECONDS


def translate(error: BaseException, path: Path) -> StoreError:
    """Turn sqlite3 and OS errors into a message a person can act on."""
    text = str(error).lower()
    folder = path.parent if path.suffix else path
    if is_disk_full(error) or (is_write_failure(error) and no_room(folder)):
        return StoreError("store.disk_full", path=str(folder))
    if is_write_failure(error):
        return StoreError("store.write_failed", path=str(folder))
    if "locked" in text or "busy" in text:
        return StoreError("store.locked", seconds=int(busy_seconds()))
    if "malformed" in text:
        return StoreError("store.damaged_unknown", path=str(path))
    if "not a database" in text or "disk image" in text:
        return StoreError("store.not_database", path=str(path))
    if "readonly" in text or "read-only" in text or "permission" in text or isinstance(error, PermissionError):
        return StoreError("store.read_only", path=str(path.parent if path.suffix else path))
    if "unable to open" in text:
        return StoreError("store.read_only", path=str(path.parent))
    return StoreError("store.not_database", path=str(path))


def is_disk_full(error: BaseException) -> bool:
    """SQLITE_FULL, or the OS saying no space / file too large (a quota or a size limit)."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return True
    if isinstance(error, sqlite3.Error):
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
            return True
        return "database or disk is full" in str(error).lower()
    return False


SQLITE_IOERR_WRITE = 778
SQLITE_IOERR_FSYNC = 1034
SQLITE_IOERR_TRUNCATE = 1546


def is_write_failure(error: BaseException) -> bool:
    """SQLite could not write a file (its errno is not exposed to Python)."""
    code = getattr(error, "sqlite_errorcode", None) if isinstance(error, sqlite3.Error) else None
    return code is not None and (code in (SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_IOERR_TRUNCATE)
                                 or (code & 0xFF == sqlite3.SQLITE_IOERR and no_room_hint(error)))


def no_room_hint(error: BaseException) -> bool:
    return "disk i/o" in str(error).lower()


def no_room(folder: Path) -> bool:
    """After a failed write: is the disk (nearly) full, or a file-size limit set on this process?"""
    import shutil

    try:
        import resource

        if resource.getrlimit(resource.RLIMIT_FSIZE)[0] != resource.RLIM_INFINITY:
            return True
    except (ImportError, ValueError, OSError):
        pass
    try:
        return shutil.disk_usage(folder).free < 4 * 1024 * 1024
    except OSError:
        return False


def tighten(folder: Path) -> None:
    """A data folder others can read holds password hashes for them: make it 0700 and the
    database files 0600, or refuse when that cannot be done."""
    try:
        if stat.S_IMODE(folder.stat().st_mode) & 0o077:
            folder.chmod(0o700)
        for name in ("media", "backups"):
            sub = folder / name
            if sub.is_dir() and stat.S_IMODE(sub.stat().st_mode) & 0o077:
                sub.chmod(0o700)
    except OSError as error:
        raise StoreError("store.loose_mode", path=str(folder)) from error


def open_database(folder: Path, create: bool = True) -> tuple[sqlite_utils.Database, bool]:
    """The desk's database and whether it is read-only (a copy we may not write to).

    create=False refuses a folder that holds no desk and creates nothing there."""
    folder = Path(folder)
    path = folder / DATABASE_NAME
    if not path.exists():
        if not create:
            raise StoreError("store.no_desk", path=str(folder))
        return connect(folder), False
    if os.access(folder, os.W_OK | os.X_OK) and os.access(path, os.W_OK):
        tighten(folder)
        return connect(folder), False
    return connect_read_only(path), True


def connect_read_only(path: Path) -> sqlite_utils.Database:
    """Open without writing anything: mode=ro, or immutable=1 when the WAL's shared-memory
    file cannot be made in a read-only folder."""
    last = None
    for flag in ("mode=ro", "immutable=1"):
        try:
            conn = sqlite3.connect(f"{path.as_uri()}?{flag}", uri=True, timeout=busy_seconds(),
                                   isolation_level=None, check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA query_only = ON")
            return sqlite_utils.Database(conn)
        except sqlite3.Error as error:
            last = error
    raise translate(last, path) from last


def prepare_folder(folder: Path) -> None:
    """Create the data folder 0700; refuse a folder we cannot write."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        (folder / "media").mkdir(exist_ok=True, mode=0o700)
        (folder / "backups").mkdir(exist_ok=True, mode=0o700)
    except OSError as error:
        raise StoreError("store.read_only", path=str(folder)) from error
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError("store.read_only", path=str(folder))


def connect(folder: Path) -> sqlite_utils.Database:
    """Open desk.sqlite3 in WAL mode with a busy timeout and foreign keys, file 0600."""
    prepare_folder(folder)
    path = folder / DATABASE_NAME
    old_umask = os.umask(0o077)
    try:
        conn = sqlite3.connect(path, timeout=busy_seconds(), isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(busy_seconds() * 1000)}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise sqlite3.DatabaseError("not a database")
        conn.execute("PRAGMA synchronous = NORMAL")
    except (sqlite3.Error, OSError) as error:
        raise translate(error, path) from error
    finally:
        os.umask(old_umask)
    for name in (DATABASE_NAME, DATABASE_NAME + "-wal", DATABASE_NAME + "-shm"):
        file = folder / name
        if file.exists() and stat.S_IMODE(file.stat().st_mode) != 0o600:
            try:
                file.chmod(0o600)
            except OSError:
                pass
    return sqlite_utils.Database(conn)


@contextmanager
def transaction(db: sqlite_utils.Database, path: Path):
    """One writing transaction: BEGIN IMMEDIATE takes the write lock up front, so two
    desks never interleave a read-check-write."""
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise translate(error, path) from error
    try:
        yield db
    except sqlite3.Error as error:
        conn.execute("ROLLBACK")
        raise translate(error, path) from error
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise translate(error, path) from error


@contextmanager
def read_snapshot(db: sqlite_utils.Database, path: Path):
    """A read transaction: every query inside sees the same committed state."""
    conn = db.conn
    try:
        conn.execute("BEGIN")
        yield db
    except sqlite3.Error as error:
        raise translate(error, path) from error
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
