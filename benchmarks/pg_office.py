"""The benchmark office on PostgreSQL: the cached SQLite desk copied by the desk's own
move (desk.store.move, COPY in one transaction) into a database of its own
(desk_bench_<posts>) on the server that --database names.

Loading 110,000 posts takes a minute or two, so the database is kept and reused while
it still holds the same office: the same number of events up to the office's last built
event, ending in the same hash. A workstation folder (the anchor, the media cache) is
kept beside the SQLite desk under benchmarks/data/.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from desk.store import anchor as anchors, pg

HERE = Path(__file__).resolve().parent
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


def _every_tenth(progress):
    said = [-1]

    def report(done: int, total: int) -> None:
        tenth = done * 10 // max(total, 1)
        if tenth != said[0]:
            said[0] = tenth
            progress(f"  {done:,} of {total:,} rows")

    return report


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
    from desk.store.move import move_to

    # The desk's own move, without closing the cached SQLite office (it stays writable).
    move_to(sqlite_folder, url, password, close_folder=False,
            progress=(lambda done, total: None) if not progress else _every_tenth(progress))
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
