"""The desk's store: SQLite through sqlite-utils. The only package that writes SQL."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from desk.paths import DATABASE_NAME
from desk.store import chain, db as dbmod
from desk.store.account_record import AccountRecord
from desk.store.log import Log, LogFilter
from desk.store.media import MediaFiles
from desk.store.migrations import migrate
from desk.store.posts import PostRow, PostTable
from desk.store.settings import Institution, Settings
from desk.store.staff import StaffMember, StaffTable
from desk.store.training import TrainingTimeline

__all__ = ["Store", "LogFilter", "PostRow", "StaffMember"]


class Store:
    """One open database and the tables over it."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / DATABASE_NAME
        self.db = dbmod.connect(self.folder)
        migrate(self.db, self.folder)
        self.posts = PostTable(self.db)
        self.staff = StaffTable(self.db)
        self.log = Log(self.db)
        self.settings = Settings(self.db)
        self.institution = Institution(self.db)
        self.training = TrainingTimeline(self.db)
        self.account_record = AccountRecord(self.db)
        self.media = MediaFiles(self.folder / "media")

    on_commit = None  # called with the chain's newest hash after each committed transaction

    @contextmanager
    def transaction(self):
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
        return chain.verify(self.db, self.path, workers)

    def head_hash(self) -> str:
        return chain.head(self.db)[1]

    def data_version(self) -> int:
        """Changes whenever another connection commits: the window's cue to refresh."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        self.db.conn.close()
