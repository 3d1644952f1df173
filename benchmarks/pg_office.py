"""The benchmark office on PostgreSQL: the cached SQLite desk copied with COPY into a
database of its own (desk_bench_<posts>) on the server that --database names.

Loading 110,000 posts takes a minute or two, so the database is kept and reused while
it still holds the same office: the same number of events up to the office's last built
event, ending in the same hash. A workstation folder (the anchor, the media cache) is
kept beside the SQLite desk under benchmarks/data/.
"""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from desk.store import anchor as anchors, pg, pg_schema

HERE = Path(__file__).resolve().parent
# Parents first, so every foreign key finds its row.
TABLES = ("institution", "settings", "staff", "posts", "post_media", "post_versions", "events",
          "training_timeline", "pending_resets")
IDENTITY = ("posts", "training_timeline")  # their next id continues after the copied rows


def database_name(posts: int) -> str:
    return f"desk_bench_{posts}"


def url_of(server_url: str, name: str) -> str:
    parts = urlsplit(server_url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))


def workstation(url: str) -> Path:
    """This workstation's folder for the desk at ``url``: one per server and database."""
    d = pg.describe(url)
    return HERE / "data" / re.sub(r"[^A-Za-z0-9_.-]", "_", f"pg-{d['host']}-{d['port']}-{d['database']}")


def last_built_event(conn, posts: int) -> tuple[int, int, str]:
    """(id, events up to it, its hash) of the last built post's last event (make_db
    numbers the posts 1..posts): benchmarks that publish add posts after it, on either store."""
    found = conn.execute("SELECT id, hash FROM events WHERE post_id = ? ORDER BY id DESC LIMIT 1", [posts]).fetchone()
    if found is None:
        return 0, 0, ""
    event_id, event_hash = found
    count = conn.execute("SELECT COUNT(*) FROM events WHERE id <= ?", [event_id]).fetchone()[0]
    return event_id, count, event_hash


class _OnPg:  # sqlite3's conn.execute with ? placeholders, over psycopg
    def __init__(self, raw):
        self.raw = raw

    def execute(self, statement, params=()):
        return self.raw.execute(pg.to_pg(statement), list(params))


def _password(url: str) -> str | None:
    """The server's password as the desk keeps it (the keyring), or None."""
    from desk import server_login

    return server_login.password_for(url)


def _admin(server_url: str, statement: str, password: str | None) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True, password=password) as conn:
        conn.execute(statement)


def _matches(url: str, expected: tuple[int, int, str], posts: int, password: str | None) -> bool:
    import psycopg

    try:
        with psycopg.connect(url, autocommit=True, password=password) as conn:
            return last_built_event(_OnPg(conn), posts) == expected
    except Exception:
        return False


def copy_into(source: Path, url: str, password: str | None = None, progress=print) -> None:
    """Every table of the SQLite desk at ``source`` into the empty database at ``url``
    (its schema made by pg_schema.migrate), in one transaction."""
    db = pg.Database(url, password)
    try:
        pg_schema.migrate(db, pg.place(url))
    finally:
        db.conn.close()
    import psycopg

    lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        with psycopg.connect(url, password=password) as conn:
            for table in TABLES:
                wanted = [r[0] for r in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
                    [table]).fetchall()]
                have = {r[1] for r in lite.execute(f"PRAGMA table_info({table})")}
                columns = [c for c in wanted if c in have]
                names = ", ".join(columns)
                started, rows = time.perf_counter(), 0
                with conn.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in lite.execute(f"SELECT {names} FROM {table} ORDER BY rowid"):
                        copy.write_row(row)
                        rows += 1
                if progress and rows:
                    progress(f"  {table}: {rows:,} rows, {time.perf_counter() - started:.0f} s")
            for table in IDENTITY:
                conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                             f" (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)")
            conn.commit()
        with psycopg.connect(url, autocommit=True, password=password) as conn:
            conn.execute("VACUUM ANALYZE")  # the planner's statistics, and index-only scans
    finally:
        lite.close()


def cached(server_url: str, sqlite_folder: Path, posts: int, progress=print) -> tuple[str, Path]:
    """(URL, workstation folder) of the benchmark office on the server, loaded if needed."""
    pg.check_url(server_url)
    password = _password(server_url)  # the same role makes and reads the benchmark's database
    url = url_of(server_url, database_name(posts))
    folder = workstation(url)
    lite = sqlite3.connect(f"file:{sqlite_folder / 'desk.sqlite3'}?mode=ro", uri=True)
    try:
        expected = last_built_event(lite, posts)
    finally:
        lite.close()
    if _matches(url, expected, posts, password) and (folder / anchors.ANCHOR_NAME).exists():
        return url, folder
    name = database_name(posts)
    if progress:
        progress(f"loading the office into {pg.place(url)} ...")
    _admin(server_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", password)
    _admin(server_url, f"CREATE DATABASE {name}", password)
    copy_into(sqlite_folder / "desk.sqlite3", url, password, progress)
    if not _matches(url, expected, posts, password):
        raise RuntimeError(f"the office in {pg.place(url)} does not match {sqlite_folder}")
    import shutil

    from desk.store import Store

    shutil.rmtree(folder, ignore_errors=True)  # an anchor and images of the database dropped
    folder.mkdir(parents=True, mode=0o700)

    store = Store(folder, database=url, password=password)
    try:
        anchors.write(folder, store.anchor(), None)  # unsealed, as the SQLite office was built
    finally:
        store.close()
    return url, folder
