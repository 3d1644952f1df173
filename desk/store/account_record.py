"""What the chain says about the X account and training mode, without asking the keyring.

The chain is read, not the settings rows: an event cannot be removed or changed without
``desk verify`` (and the keyring checkpoint) noticing, a settings row can be by one UPDATE.
"""

from __future__ import annotations

import json

import sqlite_utils

CONNECTED = ("account_set", "account_verify")
FORGOTTEN = "account_forget"


class AccountRecord:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def connected(self) -> bool:
        """An account was connected (account set or verified) and not forgotten since."""
        row = self.db.execute(
            "SELECT action FROM events WHERE action IN (?, ?, ?) ORDER BY id DESC LIMIT 1",
            [*CONNECTED, FORGOTTEN]).fetchone()
        return row is not None and row[0] in CONNECTED

    def account(self) -> tuple[str, str] | None:
        """The connected account's X user id and handle as X gave them when the keys were set
        or verified (the newest such event, not forgotten since); None when unknown or not
        kept (events written before the id was kept)."""
        row = self.db.execute(
            "SELECT action, detail FROM events WHERE action IN (?, ?, ?) ORDER BY id DESC LIMIT 1",
            [*CONNECTED, FORGOTTEN]).fetchone()
        if row is None or row[0] not in CONNECTED:
            return None
        try:
            detail = json.loads(row[1]) or {}
            user_id, handle = str(detail.get("user_id") or ""), str(detail.get("handle") or "")
        except (TypeError, ValueError, AttributeError):
            return None
        return (user_id, handle) if user_id.isdigit() and handle else None

    def training_chosen(self) -> bool:
        """The newest training_mode choice in the chain is "on"."""
        row = self.db.execute(
            "SELECT detail FROM events WHERE action = 'setting' AND json_extract(detail, '$.key') = 'training_mode'"
            " ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return False
        try:
            return json.loads(row[0]).get("value") == "1"
        except (TypeError, ValueError, AttributeError):
            return False
