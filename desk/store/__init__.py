"""The desk's store: SQLite through sqlite-utils on one workstation, or PostgreSQL for an
office of several (desk.store.pg). The only package that writes SQL."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from desk.paths import DATABASE_NAME
from desk.core.errors import StoreError
from desk.store import anchor as anchors, backups, chain, db as dbmod, dialect, health, rows_check
from desk.store.account_record import AccountRecord
from desk.store.anchor import Anchor
from desk.store.log import Log, LogFilter
from desk.store.media import MediaFiles
from desk.store import migrations
from desk.store.migrations import migrate
from desk.store.posts import PostRow, PostTable
from desk.store.reach import ReachTable
from desk.store.settings import Institution, Settings
from desk.store.staff import StaffMember, StaffTable
from desk.store.training import TrainingTimeline

__all__ = ["Store", "LogFilter", "PostRow", "StaffMember"]


class Store:
    """One open database and the tables over it."""

    def __init__(self, folder: Path, create: bool = True, daily_backup: bool = True,
                 database: str | None = None, password: str | None = None):
        """daily_backup=False: the window's connections, which leave the day's copy (seconds
        on a big desk) to a task off the GUI thread (desk.ui.app).

        database: a postgresql:// URL (its password from the keyring, never in the URL);
        the folder then keeps only this workstation's own files (its anchor, its media cache)."""
        self.folder = Path(folder)
        self.url = database
        self._listener = None
        if database:
            self._open_server(database, password, create)
            return
        self.path = self.folder / DATABASE_NAME
        self.db, self.read_only = dbmod.open_database(self.folder, create)
        try:
            health.check_on_open(self.db.conn, self.path, writable=not self.read_only)  # a damaged page refuses before anything reads it
            if self.read_only:
                self._require_current_schema()
            else:
                migrate(self.db, self.folder)
                if daily_backup:
                    self._daily_backup()
        except BaseException:
            self.db.conn.close()
            raise
        self._tables()
        self.media = MediaFiles(self.folder / "media")
        # A desk that moved to a server keeps its folder as a read-only record of itself.
        self.moved_to = self._moved_to()
        if self.moved_to:
            self.read_only = True

    moved_to: str | None = None  # where this folder's desk went (desk move-to), if it did

    def note_moved(self) -> None:
        """After a move from this folder: read-only from now on, on this connection too."""
        self.moved_to = self._moved_to()
        self.read_only = self.read_only or bool(self.moved_to)

    def _moved_to(self) -> str | None:
        row = self.db.execute("SELECT json_extract(detail, '$.to') FROM events WHERE action = 'moved'"
                              " ORDER BY id DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def _open_server(self, url: str, password: str | None, create: bool) -> None:
        """Every refusal comes before anything is written, on the server or in the folder."""
        from desk.store import pg, pg_schema

        self.path = self.folder  # messages about this workstation's files name its folder
        self.read_only = False
        place = pg.place(url)
        self.db = pg.Database(url, password)
        try:
            found = pg_schema.version(self.db)
            if found > migrations.SCHEMA_VERSION:
                raise StoreError("store.newer", found=found)
            if found < 0:
                raise StoreError("pg.not_a_desk", place=place)
            if found > 0:
                self._refuse_other_desk(place)
            else:
                self._refuse_anchored_folder(place)
                if not create:
                    raise StoreError("pg.no_desk", place=place)
            dbmod.prepare_folder(self.folder)
            pg_schema.migrate(self.db, place)
        except BaseException:
            self.db.conn.close()
            raise
        self._password = password
        self._tables()
        self.media = MediaFiles(self.folder / "media", self.db)

    def _refuse_other_desk(self, place: str) -> None:
        """This workstation's folder names the desk it belongs to (its anchor): a database
        holding another desk is a mistyped address, never a desk to open and write to."""
        row = self.db.execute("SELECT desk_id, name_en FROM institution WHERE id = 1").fetchone()
        here = anchors.read(self.folder, None)
        if row is None or here is None or here.anchor is None:
            return
        if here.anchor.desk_id != row[0]:
            raise StoreError("pg.other_desk", place=place, found=row[1], expected=here.anchor.name_en)

    def _refuse_anchored_folder(self, place: str) -> None:
        """An empty database, and a folder whose anchor names a desk: that desk's database
        was emptied (or the address is wrong). Never made anew in silence, nor a new desk
        over the folder's anchor."""
        here = anchors.read(self.folder, None)
        if here is not None and here.anchor is not None:
            raise StoreError("move.desk_gone", place=place, name=here.anchor.name_en, events=here.anchor.events)

    @property
    def on_server(self) -> bool:
        return dialect.is_pg(self.db)

    def _tables(self) -> None:
        self.posts = PostTable(self.db)
        self.staff = StaffTable(self.db)
        self.log = Log(self.db)
        self.settings = Settings(self.db)
        self.institution = Institution(self.db)
        self.training = TrainingTimeline(self.db)
        self.account_record = AccountRecord(self.db)
        self.reach = ReachTable(self.db)

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
        if self.on_server:
            raise StoreError("pg.backup_on_server")
        try:
            return backups.make_manual(self.db.conn, self.folder, out)
        except (OSError, dbmod.sqlite3.Error) as error:
            raise dbmod.translate(error, Path(out) if out else self.path) from error

    def check_health(self) -> None:
        """The full integrity check (desk verify); the server checks its own pages."""
        if not self.on_server:
            health.check(self.db.conn, self.path, full=True)

    on_commit = None  # called with the new Anchor after each transaction that appended events
    sealer = None  # gives the log's seal key (desk.account.Sealer); None: events go unsealed
    _sealed_from: int | None = None

    @contextmanager
    def transaction(self):
        self.require_writable()
        with self.institution.held():
            if self.sealer is not None:
                self.sealer.prepare()  # any keyring wait happens before the write lock is taken
            try:
                with self._write():
                    start = chain.last_id(self.db)
                    yield self
                    appended = chain.last_id(self.db) > start
                    if appended:
                        self._seal(start)
            except BaseException:
                self._sealed_from = None  # a seal_start rolled back with the rest: read it again
                raise
            if appended:
                self._anchor_after_commit()

    def require_writable(self) -> None:
        if self.moved_to:
            raise StoreError("move.moved_away", place=self.moved_to)
        if self.read_only:
            raise StoreError("store.read_only_copy", path=str(self.folder))

    def _write(self):
        if self.on_server:
            from desk.store import pg

            return pg.transaction(self.db)
        return dbmod.transaction(self.db, self.path)

    def sealed_from(self) -> int | None:
        """The first sealed event, once the log is sealed (it stays sealed)."""
        if self._sealed_from is None:
            self._sealed_from = chain.sealed_from(self.db)
        return self._sealed_from

    def _seal(self, start: int) -> None:
        """Seal this transaction's events. A sealed log refuses to grow without its key:
        an unsealed event there is what a forger would write."""
        sealed = self.sealed_from() is not None
        key = self.sealer.key(sealed) if self.sealer is not None else None
        if key is None:
            return
        if not sealed:
            chain.append(self.db, action="seal_start", actor=None, detail={"from": start + 1})
            self._sealed_from = start + 1
        chain.seal_new(self.db, key, start)

    def anchor(self) -> Anchor | None:
        found = self.institution.get()
        if not found:
            return None
        events, head = chain.head(self.db)
        return Anchor(found["desk_id"], found["name_en"], events, head, self.sealed_from())

    def _anchor_after_commit(self) -> None:
        anchor = self.anchor()
        if anchor is None:
            return
        key = self.sealer.cached() if self.sealer is not None else None
        anchors.write(self.folder, anchor, key)
        if self.on_commit is not None:
            self.on_commit(anchor)

    def event_hash_at(self, event_id: int) -> str | None:
        row = self.db.execute("SELECT hash FROM events WHERE id = ?", [event_id]).fetchone()
        return row[0] if row else None

    def has_event_hash(self, hash_hex: str) -> bool:
        return self.db.execute("SELECT 1 FROM events WHERE hash = ? LIMIT 1", [hash_hex]).fetchone() is not None

    def read(self):
        """A consistent snapshot for several reads in a row."""
        if self.on_server:
            from desk.store import pg

            return pg.read_snapshot(self.db)
        return dbmod.read_snapshot(self.db, self.path)

    def verify(self, workers: int = 1, seal_key: bytes | None = None) -> chain.ChainReport:
        self.check_health()
        return chain.verify(self.db, self._source(), workers, seal_key)

    def _source(self):
        """Where verify's worker processes read: the SQLite file, or the server again."""
        if self.on_server:
            return ("postgresql", self.url, self._password)
        return str(self.path)

    def verify_all(self, workers: int = 1, seal_key: bytes | None = None):
        """The chain, then the rows it vouches for: (ChainReport, first row problem or None).
        On a long log the rows are checked in a process of their own meanwhile."""
        if workers < 2 or chain.last_id(self.db) < chain.PARALLEL_FROM:
            report = self.verify(workers, seal_key)
            return report, (rows_check.first_problem(self.db) if report.ok else None)
        import multiprocessing

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        with multiprocessing.get_context(method).Pool(1) as pool:
            rows = pool.apply_async(rows_check.first_problem_in, (self._source(),))
            report = self.verify(workers, seal_key)
            return report, rows.get()

    def last_action(self) -> str | None:
        row = self.db.execute("SELECT action FROM events ORDER BY id DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def head_hash(self) -> str:
        return chain.head(self.db)[1]

    def data_version(self) -> int:
        """Changes whenever another connection commits: the window's cue to refresh.
        On PostgreSQL every commit NOTIFYs; a listening connection counts them."""
        if self.on_server:
            from desk.store import pg

            if self._listener is not None and (self._listener.raw.closed or self._listener.raw.broken):
                self._listener.close()  # the server went away: say so; the next call listens anew
                self._listener = None
                details = pg.describe(self.url)
                raise StoreError("pg.lost", host=details["host"], port=details["port"])
            if self._listener is None:
                self._listener = pg.Listener(self.url, self._password)
            return self._listener.poll()
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
        self.db.conn.close()
