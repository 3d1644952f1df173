"""The desk's store: SQLite through sqlite-utils. The only package that writes SQL."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from desk.paths import DATABASE_NAME
from desk.core.errors import StoreError
from desk.store import backups, chain, db as dbmod, health
from desk.store.log import Log, LogFilter
from desk.store.media import MediaFiles
from desk.store import migrations
from desk.store.migrations import migrate
from desk.store.posts import PostRow, PostTable
from desk.store.settings import Institution, Settings
from desk.store.staff import StaffMember, StaffTable
from desk.store.training import TrainingTimeline

__all__ = ["Store", "LogFilter", "PostRow", "StaffMember"]


class Store:
    """One open database and the tables over it."""

    def __init__(self, folder: Path, create: bool = True):
        self.folder = Path(folder)
        self.path = self.folder / DATABASE_NAME
        self.db, self.read_only = dbmod.open_database(self.folder, create)
        try:
            health.check_on_open(self.db.conn, self.path, writable=not self.read_only)  # a damaged page refuses before anything reads it
            if self.read_only:
                self._require_current_schema()
            else:
                migrate(self.db, self.folder)
                self._daily_backup()
        except BaseException:
            self.db.conn.close()
            raise
        self.posts = PostTable(self.db)
        self.staff = StaffTable(self.db)
        self.log = Log(self.db)
        self.settings = Settings(self.db)
        self.institution = Institution(self.db)
        self.training = TrainingTimeline(self.db)
        self.media = MediaFiles(self.folder / "media")

    def _require_current_schema(self) -> None:
        found = self.db.execute("PRAGMA user_version").fetchone()[0]
        if found != migrations.SCHEMA_VERSION:  # a read-only copy cannot be migrated
            raise StoreError("store.read_only_old" if found < migrations.SCHEMA_VERSION else "store.newer", found=found,
                             path=str(self.folder))

    def _daily_backup(self) -> None:
        if not self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'institution'").fetchone():
            return
        if not self.db.execute("SELECT 1 FROM institution").fetchone():
            return
        if not backups.daily_due(self.folder):
            return
        health.check_on_open(self.db.conn, self.path, writable=True, force=True)  # never back up damage
        try:
            backups.make_daily(self.db.conn, self.folder)
        except (OSError, dbmod.sqlite3.Error) as error:
            raise dbmod.translate(error, self.path) from error

    def backup(self, out: Path | None = None) -> Path:
        try:
            return backups.make_manual(self.db.conn, self.folder, out)
        except (OSError, dbmod.sqlite3.Error) as error:
            raise dbmod.translate(error, Path(out) if out else self.path) from error

    def check_health(self) -> None:
        """The full integrity check (desk verify)."""
        health.check(self.db.conn, self.path, full=True)

    on_commit = None  # called with the chain's newest hash after each committed transaction

    @contextmanager
    def transaction(self):
        if self.read_only:
            raise StoreError("store.read_only_copy", path=str(self.folder))
        with dbmod.transaction(self.db, self.path):
            yield self
        if self.on_commit is not None:
            self.on_commit(self.head_hash())

    def has_event_hash(self, hash_hex: str) -> bool:
        return self.db.execute("SELECT 1 FROM events WHERE hash = ? LIMIT 1", [hash_hex]).fetchone() is not None

    def read(self):
        """A consistent snapshot for several reads in a row."""
        return dbmod.read_snapshot(self.db, self.path)

    def verify(self, workers: int = 1) -> chain.ChainReport:
        self.check_health()
        return chain.verify(self.db, self.path, workers)

    def head_hash(self) -> str:
        return chain.head(self.db)[1]

    def data_version(self) -> int:
        """Changes whenever another connection commits: the window's cue to refresh."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        self.db.conn.close()
