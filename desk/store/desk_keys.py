"""Rows of desk_keys (PostgreSQL only): what a workstation needs to join the desk, kept
outside the log (it is no event) and never a secret in the clear."""

from __future__ import annotations

from desk.store import chain

SEAL_KEY = "seal_key"


class DeskKeys:
    def __init__(self, db):
        self.db = db

    def get(self, name: str) -> str | None:
        row = self.db.execute("SELECT value FROM desk_keys WHERE name = ?", [name]).fetchone()
        return row[0] if row else None

    def put(self, name: str, value: str) -> None:
        """Call inside the transaction."""
        self.db.execute("INSERT INTO desk_keys (name, value, at) VALUES (?, ?, ?)"
                        " ON CONFLICT (name) DO UPDATE SET value = excluded.value, at = excluded.at",
                        [name, value, chain.now_utc()])
