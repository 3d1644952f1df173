"""Helpers for the tests of a desk on a PostgreSQL server: the server from
tools/with-postgres.sh, everything a database holds, everything a folder holds."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from tests.conftest import PG_ADMIN_URL


def need_server() -> None:
    if PG_ADMIN_URL:
        return
    if os.environ.get("CI"):
        pytest.fail("CI runs these tests on PostgreSQL: start them through tools/with-postgres.sh")
    pytest.skip("no PostgreSQL server (run the tests through tools/with-postgres.sh)")


def pg_contents(url: str) -> dict:
    """Every row of every table in the database, and its functions: what 'nothing changed' compares."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            " ORDER BY table_name").fetchall()]
        found = {name: sorted(map(repr, conn.execute(f'SELECT * FROM "{name}"').fetchall())) for name in names}
        found["(functions)"] = sorted(r[0] for r in conn.execute(
            "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            " WHERE n.nspname = current_schema()").fetchall())
    return found


def pg_query(url: str, statement: str, params=()) -> list[tuple]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(statement, list(params))
        return [tuple(r) for r in cursor.fetchall()] if cursor.description else []


def folder_contents(folder: Path) -> dict:
    """Every file under the folder with its bytes (a missing folder is empty). The SQLite
    files are left to the snapshot of their rows: SQLite may rewrite its WAL index on a read."""
    folder = Path(folder)
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith("desk.sqlite3")}


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_url(database: str, user: str | None = None) -> str:
    from tests.conftest import pg_url

    return pg_url(database, user)
