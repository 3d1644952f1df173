"""PostgreSQL under the interface the store's tables already use: ``execute``, ``query``
and ``conn``, with SQLite's ``?`` and ``:name`` placeholders.

An office with several workstations points every desk at one server. Writers are
serialized by one advisory lock per desk, taken first in every writing transaction, so
the audit chain stays one unbroken line however many workstations append to it.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from urllib.parse import unquote, urlsplit

from desk.core.errors import StoreError

DIALECT = "postgresql"
# pg_advisory_xact_lock's key for "the desk's write lock": any fixed number, the same on every workstation.
WRITE_LOCK = 0x5044_6573_6B00  # "PDesk"
CHANNEL = "desk_changes"
WRITER_IDLE_MS = 60_000
CONNECT_SECONDS = 5

_TOKENS = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|::|%|\?|:([A-Za-z_]\w*)")


def to_pg(sql: str) -> str:
    """SQLite's placeholders as psycopg's; a literal % doubled; group_concat as string_agg."""

    def swap(match: re.Match) -> str:
        token = match.group(0)
        if token[0] in "'\"":
            return token.replace("%", "%%")
        if token == "::":
            return token
        if token == "%":
            return "%%"
        if token == "?":
            return "%s"
        return f"%({match.group(1)})s"

    return _TOKENS.sub(swap, sql).replace("group_concat(", "string_agg(")


def is_url(text) -> bool:
    return isinstance(text, str) and text.split(":", 1)[0] in ("postgresql", "postgres")


def describe(url: str) -> dict:
    """Who, where and which database, for messages and the keyring (never a password)."""
    parts = urlsplit(url)
    return {
        "user": unquote(parts.username or ""),
        "host": parts.hostname or "localhost",
        "port": parts.port or 5432,
        "database": unquote(parts.path.lstrip("/")),
    }


def place(url: str) -> str:
    """user@host:port/database: how the keyring names this server's password."""
    d = describe(url)
    return f"{d['user']}@{d['host']}:{d['port']}/{d['database']}"


def check_url(url: str) -> None:
    """A password written into the URL ends up in shell histories and files: refuse it."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (a port that is not a number raises here)
    except ValueError:
        raise StoreError("pg.bad_url") from None
    if parts.password:
        raise StoreError("pg.password_in_url", place=place(url.replace(f":{parts.password}@", "@")))
    if not parts.path.lstrip("/"):
        raise StoreError("pg.bad_url")


def translate(error: BaseException, url: str) -> StoreError:
    """psycopg's errors as messages a person can act on."""
    import psycopg

    d = describe(url)
    text = str(error).lower()
    if isinstance(error, StoreError):
        return error
    if "password authentication failed" in text or "no password supplied" in text:
        return StoreError("pg.wrong_password", **d)
    if "does not exist" in text and "database" in text:
        return StoreError("pg.no_database", **d)
    if "ssl" in text or "certificate" in text or "root cert" in text:
        return StoreError("pg.tls", **d)
    if "permission denied" in text:
        return StoreError("pg.not_permitted", **d)
    if isinstance(error, (psycopg.errors.LockNotAvailable, psycopg.errors.QueryCanceled)) or "lock timeout" in text:
        from desk.store.db import busy_seconds  # another workstation holds the write lock

        return StoreError("store.locked", seconds=int(busy_seconds()))
    if isinstance(error, psycopg.OperationalError):
        return StoreError("pg.unreachable", **d)
    return StoreError("pg.failed", **d)


class Cursor:
    """What the tables read back: fetchone, fetchall, rows in a loop, rowcount."""

    def __init__(self, cursor):
        self._cursor = cursor
        self.rowcount = cursor.rowcount

    def fetchone(self):
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self):
        return self._cursor.fetchall() if self._cursor.description else []

    def __iter__(self):  # rows made as they are read, not all at once
        return iter(self._cursor) if self._cursor.description else iter(())


class Connection:
    """The connection as the store sees it: autocommit, with BEGIN and COMMIT said aloud."""

    def __init__(self, raw, url: str, counter, password: str | None = None):
        self.raw = raw
        self.url = url
        self._count = counter
        self._password = password
        self.in_block = False  # inside transaction() or read_snapshot(): never connect again half-way

    @property
    def in_transaction(self) -> bool:
        from psycopg import pq

        if self.raw.closed or self.raw.broken:
            return False
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def _ready(self) -> None:
        """After a lost connection, the next action (never one half-way) connects again."""
        if self.raw.closed or self.raw.broken:
            self.raw = connect(self.url, self._password)

    def execute(self, sql: str, params=None):
        return self._run(sql, params)

    def _run(self, sql: str, params=None, rows=None):
        try:
            return self._send(sql, params, rows)
        except StoreError as error:
            if error.key != "pg.lost" or self.in_block:
                raise
        # A connection the server ended while idle (a restart, an idle timeout) is found
        # dead only now. Outside a transaction, or at its BEGIN, nothing was done: connect
        # again and send it once more. Inside one, the server has rolled it back: say so.
        self.raw.close()
        self.raw = connect(self.url, self._password)
        return self._send(sql, params, rows)

    def _send(self, sql: str, params=None, rows=None):
        import psycopg

        self._count()
        if sql == "BEGIN" or sql.startswith("BEGIN "):
            self._ready()
        try:
            cursor = self.raw.cursor(row_factory=rows) if rows else self.raw.cursor()
            cursor.execute(to_pg(sql), params if params is not None else [])
            return cursor
        except psycopg.Error as error:
            if self.raw.broken or self.raw.closed:
                raise StoreError("pg.lost", **{k: v for k, v in describe(self.url).items() if k in ("host", "port")}) from error
            raise translate(error, self.url) from error

    def close(self) -> None:
        self.raw.close()


class Database:
    """The part of sqlite_utils.Database the store uses, over one psycopg connection."""

    dialect = DIALECT

    def __init__(self, url: str, password: str | None = None):
        self.url = url
        self.round_trips = 0  # every statement sent, for the benchmarks' count
        self.conn = Connection(connect(url, password), url, self._counted, password)

    def _counted(self) -> None:
        self.round_trips += 1

    def execute(self, sql: str, params=None) -> Cursor:
        if not self.conn.in_block:
            self.conn._ready()
        return Cursor(self.conn._run(sql, params))

    def query(self, sql: str, params=None):
        from psycopg.rows import dict_row

        if not self.conn.in_block:
            self.conn._ready()
        return iter(self.conn._run(sql, params, rows=dict_row).fetchall())

    def stream(self, sql: str, params=None, size: int = 5000):
        """Rows a few thousand at a time (libpq's chunked mode), for the walks over every
        event and post that verify makes: a million events never sit in memory at once.
        Nothing else may be sent on this connection until the rows are read."""
        import psycopg

        if not self.conn.in_block:
            self.conn._ready()
        self.round_trips += 1
        try:
            yield from self.conn.raw.cursor().stream(to_pg(sql), params if params is not None else [], size=size)
        except psycopg.Error as error:
            raise translate(error, self.url) from error

    def table_names(self) -> list[str]:
        rows = self.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                            " ORDER BY table_name").fetchall()
        return [r[0] for r in rows]


def connect(url: str, password: str | None = None):
    """One connection; TLS as the URL's sslmode says (libpq's default, prefer, uses it
    whenever the server offers it)."""
    import psycopg

    check_url(url)
    from desk.store.db import busy_seconds

    # Waiting for another workstation's write lock ends, as SQLite's busy timeout does,
    # after DESK_BUSY_TIMEOUT seconds.
    options = {"autocommit": True, "connect_timeout": CONNECT_SECONDS, "application_name": "posting-desk",
               "options": f"-c lock_timeout={int(busy_seconds() * 1000)}"}
    if password:
        options["password"] = password
    try:
        return psycopg.connect(url, **options)
    except psycopg.Error as error:
        raise translate(error, url) from error


@contextmanager
def transaction(db: Database):
    """One writing transaction, the desk's write lock taken first: like SQLite's BEGIN
    IMMEDIATE, two workstations never interleave a read-check-write. Every commit tells
    the other workstations' windows (NOTIFY is delivered only if the COMMIT is)."""
    conn = db.conn
    conn.execute("BEGIN")
    conn.in_block = True
    try:
        # The lock, and in the same statement: a workstation stopped half-way through (a
        # laptop closed, a process frozen) gives it back after a minute of silence.
        conn.execute(f"SELECT set_config('idle_in_transaction_session_timeout', '{WRITER_IDLE_MS}', true),"
                     f" pg_advisory_xact_lock({WRITE_LOCK})")
        yield db
        conn.execute(f"NOTIFY {CHANNEL}")
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise
    finally:
        conn.in_block = False


def _rollback(conn: Connection) -> None:
    """After a lost connection there is nothing to roll back: the server has done it."""
    if conn.raw.closed:
        return
    try:
        conn.raw.execute("ROLLBACK")
    except Exception:
        pass


@contextmanager
def read_snapshot(db: Database):
    """Several reads that see one committed state."""
    conn = db.conn
    conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    conn.in_block = True
    try:
        yield db
    finally:
        conn.in_block = False
        if conn.in_transaction:
            _rollback(conn)


class Listener:
    """A second connection that LISTENs: the window asks it, without a round trip to the
    server, whether any workstation has committed since the last look."""

    RETRY_SECONDS = 10  # a lost listener connects again at most this often (the window asks often)

    def __init__(self, url: str, password: str | None = None):
        self.url, self._password = url, password
        self.raw = self._listen()
        self.version = 0
        self._retry_at = 0.0

    def _listen(self):
        raw = connect(self.url, self._password)
        raw.execute(f"LISTEN {CHANNEL}")
        return raw

    def poll(self) -> int:
        if self.raw.closed or self.raw.broken:
            self._again()
            return self.version
        try:
            for _ in self.raw.notifies(timeout=0, stop_after=1000):
                self.version += 1
        except Exception:
            self._again()  # the server went away: listen again when it is back
        return self.version

    def _again(self) -> None:
        """Connect and listen again; what was committed meanwhile went unheard, so count
        one change: the window reads afresh."""
        import time

        if time.monotonic() < self._retry_at:
            return
        self._retry_at = time.monotonic() + self.RETRY_SECONDS
        try:
            self.raw.close()
            self.raw = self._listen()
        except Exception:
            return
        self.version += 1

    def close(self) -> None:
        self.raw.close()
