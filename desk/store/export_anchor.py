"""Reading a desk's chain to hold an exported file against it, without changing anything.

Opened read-only and never migrated: an auditor's copy of the data folder may be
read-only, and a folder without a desk must not get one. A desk on a PostgreSQL server
is read there, in read-only transactions.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Iterator

from desk.core.errors import StoreError
from desk.paths import DATABASE_NAME


class _OnServer:
    """The server's database under the few calls made here (execute, close)."""

    def __init__(self, db):
        self.db = db

    def execute(self, sql: str, params=()):
        return self.db.execute(sql, list(params))

    def close(self) -> None:
        self.db.conn.close()


def _open_server(url: str, password: str | None):
    from desk.store import pg

    db = pg.Database(url, password)
    try:
        db.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        db.execute("SELECT 1 FROM events LIMIT 1").fetchall()
    except StoreError:
        db.conn.close()
        return None
    return _OnServer(db)


def open_readonly(folder: Path, database: str | None = None, password: str | None = None):
    """The desk's database in ``folder`` (or on the server at ``database``), or None when
    there is no desk there."""
    if database:
        return _open_server(database, password)
    path = Path(folder) / DATABASE_NAME
    if not path.is_file():
        return None
    for mode in ("mode=ro", "immutable=1"):  # immutable: a read-only folder cannot hold the WAL index
        try:
            conn = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)
            conn.execute("SELECT 1 FROM events LIMIT 1").fetchall()
            return conn
        except sqlite3.Error:
            continue
    return None


def institution_handle(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT handle FROM institution LIMIT 1").fetchone()
    except (sqlite3.Error, StoreError):
        return None
    return row[0] if row else None


def event_hash_at(conn: sqlite3.Connection, event_id: int) -> str | None:
    row = conn.execute("SELECT hash FROM events WHERE id = ?", [event_id]).fetchone()
    return row[0] if row else None


def hashes_from(conn: sqlite3.Connection, first_id: int) -> Iterator[tuple[int, str]]:
    return ((r[0], r[1]) for r in conn.execute("SELECT id, hash FROM events WHERE id >= ? ORDER BY id", [first_id]))


def ids_digest(conn: sqlite3.Connection, first_id: int, last_id: int) -> str:
    """sha256 over "id hash" lines of events first_id..last_id, as verify_file computes
    it for a file: equal digests mean the same ids with the same hashes."""
    import hashlib

    sha = hashlib.sha256()
    for event_id, hash_hex in conn.execute("SELECT id, hash FROM events WHERE id BETWEEN ? AND ? ORDER BY id",
                                           [first_id, last_id]):
        sha.update(f"{event_id} {hash_hex}\n".encode())
    return sha.hexdigest()


def export_events_naming(conn: sqlite3.Connection, sha256: str) -> list[tuple[int, dict]]:
    """Export events whose detail records this file hash, oldest first."""
    rows = conn.execute(
        "SELECT id, detail FROM events WHERE action = 'export' AND json_extract(detail, '$.sha256') = ? ORDER BY id",
        [sha256],
    ).fetchall()
    return [(r[0], json.loads(r[1])) for r in rows]
