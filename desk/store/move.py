"""``desk move-to``: a desk in a data folder (SQLite) copied into an empty PostgreSQL database.

The images go into the database too (media_files), not to a shared folder: the office
then has one server to back up, and no shared folder whose permissions every
workstation must get right; each workstation's media/ is only its cache of them.

How it goes, so that a failure at any step leaves the folder's desk as it was:
1. The folder's write lock is taken and held to the end: nothing changes meanwhile.
   Its last event, ``moved`` (to: the server's place), is written inside that lock.
2. In one server transaction: the schema, then every table and image by COPY (its
   indexes built once at the end), the identity sequences set past the copied ids.
3. On arrival the desk is opened as any workstation opens it and its chain, seals and
   rows are verified; it must end where the folder's chain ends. Otherwise what was
   copied is dropped again.
4. The server's desk records its own ``moved`` event (from: the folder), and only then
   does the folder's transaction commit: from now on the folder's desk is read-only.

The events keep their hashes and seals (the seal key stays the same) and the desk keeps
its id, so the folder's anchor and the keyring's checkpoint hold for the server's desk.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from desk.core.errors import InvalidInput, StoreError
from desk.store import anchor as anchors, chain, db as dbmod, media as media_files, migrations
from desk.store.anchor import Anchor

log = logging.getLogger(__name__)

# Parents before children, for the foreign keys.
TABLES = ("institution", "settings", "staff", "posts", "post_media", "post_versions", "events",
          "training_timeline", "pending_resets", "reach")
IDENTITIES = ("posts", "training_timeline")  # ids PostgreSQL hands out itself from now on
SERVER_ONLY = ("media_files", "desk_keys")
PROGRESS_EVERY = 10_000


@dataclass(frozen=True)
class MoveReport:
    place: str  # user@host:port/database, never a password
    events: int  # on the server after the move, its own ``moved`` event included
    head: str  # the server's newest hash
    posts: int
    media: int
    rows: int  # rows copied, images not counted
    anchor: Anchor  # where the folder's chain ends (its ``moved`` event): the checkpoint to keep


def move_to(folder: Path, url: str, password: str | None, progress=None, *, actor: str | None = None,
            seal_key: bytes | None = None, close_folder: bool = True) -> MoveReport:
    """Copy the desk in ``folder`` into the empty database at ``url``; progress(done, total)
    is called as rows and images go. ``seal_key``: the log's seal key, needed when the log
    is sealed (the ``moved`` events are sealed too, and the seals checked on arrival).
    close_folder=False copies without closing the folder's desk (no ``moved`` event there,
    its files untouched): a copy, as the benchmarks load their office, not a move."""
    from desk.store import Store, pg

    pg.check_url(url)
    place = pg.place(url)
    folder = Path(folder)
    source = Store(folder, create=False, daily_backup=False)
    try:
        if source.on_server:
            raise InvalidInput("move.already_on_server", place=pg.place(source.url))
        source.require_writable()
        institution = source.institution.get()
        if institution is None:
            raise StoreError("desk.not_initialised")
        if source.sealed_from() is not None and seal_key is None:
            raise StoreError("audit.seal_unavailable")
        target = pg.Database(url, password)
        try:
            refuse_unless_empty(target, place)
            return _move(source, target, url, password, place, institution, progress, actor, seal_key,
                         close_folder)
        except Exception as error:
            import psycopg

            if isinstance(error, psycopg.Error):  # COPY speaks to psycopg directly: its errors in plain words
                if target.conn.raw.broken or target.conn.raw.closed:
                    where = pg.describe(url)
                    raise StoreError("pg.lost", host=where["host"], port=where["port"]) from error
                raise pg.translate(error, url) from error
            raise
        finally:
            target.conn.close()
    finally:
        source.close()


def refuse_unless_empty(target, place: str) -> bool:
    """A database holding anything is refused, named by what it holds. True when it holds
    only a desk's empty tables (a `desk init` that was refused leaves them): nothing to lose."""
    names = target.table_names()
    if not names:
        return False
    if _empty_desk_schema(target, names):
        return True
    if "institution" in names:
        row = target.execute("SELECT name_en FROM institution WHERE id = 1").fetchone()
        if row is not None:
            raise InvalidInput("move.target_has_desk", place=place, name=row[0])
    shown = ", ".join(names[:6]) + (", …" if len(names) > 6 else "")
    raise InvalidInput("move.target_not_empty", place=place, tables=shown)


def _empty_desk_schema(target, names: list[str]) -> bool:
    from desk.store import pg_schema

    ours = {pg_schema.VERSION_TABLE, *TABLES, *SERVER_ONLY}
    if not set(names) <= ours or pg_schema.version(target) != migrations.SCHEMA_VERSION:
        return False
    return all(target.execute(f"SELECT 1 FROM {name} LIMIT 1").fetchone() is None
               for name in names if name != pg_schema.VERSION_TABLE)


def _move(source, target, url, password, place, institution, progress, actor, seal_key,
          close_folder: bool = True) -> MoveReport:
    from desk.store import pg

    sealed = source.sealed_from() is not None
    copied = False
    try:
        with dbmod.transaction(source.db, source.path):
            start = chain.last_id(source.db)
            if close_folder:
                chain.append(source.db, action="moved", actor=actor, detail={"to": place})
            if sealed and close_folder:
                chain.seal_new(source.db, seal_key, start)
            events, head = chain.head(source.db)
            files = _media(source.db, source.folder, institution["logo_file"])
            counts = {t: source.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
            total = sum(counts.values()) + len(files)
            with pg.transaction(target):
                if refuse_unless_empty(target, place):  # again, under the server's write lock
                    _drop_tables(target)  # empty: made anew below, its indexes off until the rows are in
                indexes = _create_schema(target)
                done = 0
                for table in TABLES:
                    done = _copy_table(source.db, target, table, done, total, progress)
                done = _copy_media(target, files, done, total, progress)
                for statement in indexes:
                    target.execute(statement)
                for table in IDENTITIES:
                    target.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                                   f" COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)")
                # Statistics now, not when autovacuum comes round: without them the planner
                # walks a million events per post in the very first check, the one on arrival.
                target.execute(f"ANALYZE {', '.join(TABLES)}")
            copied = True
            arrived = _arrive(source.folder, url, password, place, events, head, actor, seal_key)
        anchor = Anchor(institution["desk_id"], institution["name_en"], events, head, source.sealed_from())
        if close_folder:
            anchors.write(source.folder, anchor, seal_key)
            anchors.write(source.folder, anchor, seal_key, anchors.MOVED_NAME)  # the folder's copy ends here
    except BaseException:
        if copied:
            _drop(target)
        raise
    if progress is not None:
        progress(total, total)
    return MoveReport(place, arrived[0], arrived[1], counts["posts"], len(files), sum(counts.values()), anchor)


def _create_schema(db) -> list[str]:
    """The schema as pg_schema makes it, its secondary indexes taken off until the rows are
    in (built once at the end, not row by row): returns the statements that build them."""
    from desk.store import pg_schema

    db.execute(f"CREATE TABLE {pg_schema.VERSION_TABLE} (version INTEGER NOT NULL)")
    for step in pg_schema.MIGRATIONS:
        step(db)
    db.execute(f"INSERT INTO {pg_schema.VERSION_TABLE} (version) VALUES (?)", [migrations.SCHEMA_VERSION])
    rows = db.execute("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema()"
                      " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)").fetchall()
    for name, _definition in rows:
        db.execute(f'DROP INDEX "{name}"')
    return [definition for _name, definition in rows]


def _columns(sqlite_db, table: str) -> list[str]:
    return [row[1] for row in sqlite_db.execute(f"PRAGMA table_info({table})").fetchall()]


def _copy_table(sqlite_db, target, table: str, done: int, total: int, progress) -> int:
    columns = ", ".join(_columns(sqlite_db, table))
    with target.conn.raw.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in sqlite_db.conn.execute(f"SELECT {columns} FROM {table} ORDER BY rowid"):
            copy.write_row(row)
            done += 1
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, total)
    return done


def _media(sqlite_db, folder: Path, logo: str | None) -> list[tuple[str, Path]]:
    """Every image a post, a version, the training timeline or the institution refers to,
    each checked against its name (sha256.ext) before anything is copied."""
    found = []
    for name in sorted(media_files.referenced(sqlite_db)):
        path = folder / name if name == logo else folder / "media" / name
        if not path.is_file():
            raise InvalidInput("move.media_missing", name=name, folder=str(path.parent))
        found.append((name, path))
    return found


def _copy_media(target, files, done: int, total: int, progress) -> int:
    now = chain.now_utc()
    with target.conn.raw.cursor() as cursor, cursor.copy("COPY media_files (name, data, added_at) FROM STDIN") as copy:
        for name, path in files:
            try:
                data = path.read_bytes()
            except OSError:
                raise InvalidInput("move.media_missing", name=name, folder=str(path.parent)) from None
            stem = name.split(".", 1)[0]
            if len(stem) == 64 and hashlib.sha256(data).hexdigest() != stem:
                raise InvalidInput("move.media_damaged", name=name)
            copy.write_row((name, data, now))
            done += 1
            if progress is not None and done % 100 == 0:
                progress(done, total)
    return done


def _arrive(folder: Path, url, password, place, events: int, head: str, actor, seal_key) -> tuple[int, str]:
    """Open the server's desk as a workstation does, check it whole, and record the
    arrival there. Returns the server's (events, head) after its ``moved`` event."""
    from desk.core.messages import render
    from desk.store import Store, pg

    store = Store(folder, create=False, daily_backup=False, database=url, password=password)
    try:
        report, problem = store.verify_all(seal_key=seal_key)
        why = None
        if not report.ok:
            why = (report.key, report.params)
        elif problem:
            why = problem
        elif (report.count, report.head_hash) != (events, head):
            why = ("chain.bad_link", {"event_id": min(report.count, events)})
        if why is not None:
            raise StoreError("move.check_failed", place=place,
                             why=(render(why[0], "en", why[1]), render(why[0], "ar", why[1])))
        with pg.transaction(store.db):
            start = chain.last_id(store.db)
            chain.append(store.db, action="moved", actor=actor,
                         detail={"from": str(folder), "events": events, "head": head})
            if seal_key is not None and store.sealed_from() is not None:
                chain.seal_new(store.db, seal_key, start)
        return chain.head(store.db)
    finally:
        store.close()


def _drop(target) -> None:
    """Take away what a failed move copied: the database is as empty as it was."""
    from desk.store import pg

    try:
        with pg.transaction(target):
            _drop_tables(target)
    except Exception as error:  # the server went away: the person is told the move failed anyway
        log.warning("a failed move left tables behind: %s", type(error).__name__)


def _drop_tables(target) -> None:
    from desk.store import pg_schema

    for table in (pg_schema.VERSION_TABLE, *reversed(TABLES), *SERVER_ONLY):
        target.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
    for function in pg_schema.FUNCTION_NAMES:
        target.execute(f"DROP FUNCTION IF EXISTS {function}")
