"""The desk's settings and its institution, with their defaults and allowed values."""

from __future__ import annotations

import uuid
from contextlib import contextmanager

import sqlite_utils

from desk.core.errors import InvalidInput
from desk.store import chain

DEFAULTS: dict[str, object] = {
    "approvals_needed": 1,
    "lateness_minutes": 60,
    "char_limit": 280,
    "paused": False,
    "training_mode": False,
    "idle_minutes": 10,
    "language": "",
    "schedule_max_days": 365,  # X's scheduling goes no further than a year ahead
    # a password reset waits for a second administrator's confirmation
    "reset_needs_second_admin": False,
    # the one workstation (its name) that publishes scheduled posts; "" = any that holds the X keys
    "publishing_workstation": "",
    # the connected X account as X last described it (never its keys)
    "x_handle": "",
    "x_name": "",
    "x_avatar_url": "",
    # reading X's figures (desk.core.reach): every N days on the schedule, 0 = only when asked;
    # X's price per post read in thousandths of a cent (500 = $0.005); a month's budget in cents
    "reach_every_days": 0,
    "reach_price_millicents": 500,
    "reach_budget_cents": 500,
}


def _parse(key: str, value) -> object:
    """Check a value against what the setting allows; raise InvalidInput otherwise."""
    bad = InvalidInput("setting.bad_value", key=key, value=str(value))
    if key not in DEFAULTS:
        raise InvalidInput("setting.unknown", key=key)
    default = DEFAULTS[key]
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise bad
    if isinstance(default, int):
        try:
            number = int(str(value).strip())
        except ValueError:
            raise bad from None
        allowed = {
            "approvals_needed": range(1, 3),
            "lateness_minutes": range(0, 24 * 60 + 1),
            "char_limit": range(280, 25_001),
            "idle_minutes": range(1, 24 * 60 + 1),
            "schedule_max_days": range(1, 10 * 366 + 1),
            "reach_every_days": range(0, 31),
            "reach_price_millicents": range(0, 100_001),
            "reach_budget_cents": range(0, 10_000_001),
        }[key]
        if number not in allowed:
            raise bad
        return number
    if key == "language" and str(value) not in ("", "ar", "en"):
        raise bad
    if key == "publishing_workstation":
        from desk.core.workstation import check_name

        return check_name(str(value))
    return str(value).strip()


class Settings:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def all(self) -> dict:
        values = dict(DEFAULTS)
        for key, raw in self.db.execute("SELECT key, value FROM settings").fetchall():
            if key in DEFAULTS:
                values[key] = _parse(key, raw)
        return values

    def set(self, key: str, value, by: str | None) -> object:
        parsed = _parse(key, value)
        stored = ("1" if parsed else "0") if isinstance(parsed, bool) else str(parsed)
        self.db.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                        " ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, stored])
        chain.append(self.db, action="setting", actor=by, detail={"key": key, "value": stored})
        return parsed


class Institution:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self._held = 0
        self._row: dict | None = None

    @contextmanager
    def held(self):
        """One read of the row for a whole action: the keyring's namespace, the seal, the
        anchor and the checkpoint each ask for it, and on a server each ask is a round trip."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held:
                self._row = None

    def get(self) -> dict | None:
        if self._held and self._row is not None:
            return dict(self._row)
        rows = list(self.db.query("SELECT * FROM institution WHERE id = 1"))
        row = rows[0] if rows else None
        if self._held:
            self._row = row
        return dict(row) if row else None

    def create(self, name_ar: str, name_en: str, handle: str, logo_file: str | None, by: str) -> None:
        # desk_id names this desk's entries in the OS keyring, apart from any other desk's.
        desk_id = uuid.uuid4().hex
        self._row = None
        self.db.execute(
            "INSERT INTO institution (id, name_ar, name_en, handle, logo_file, desk_id, created_at)"
            " VALUES (1, ?, ?, ?, ?, ?, ?)",
            [name_ar, name_en, handle, logo_file, desk_id, chain.now_utc()],
        )
        # Every field in the first event, so the row can be checked against the log.
        chain.append(self.db, action="institution", actor=by, detail={
            "name_ar": name_ar, "name_en": name_en, "handle": handle, "logo_file": logo_file, "desk_id": desk_id})

    def update(self, by: str, **fields) -> None:
        assignments = ", ".join(f"{k} = ?" for k in fields)
        self._row = None
        self.db.execute(f"UPDATE institution SET {assignments} WHERE id = 1", list(fields.values()))
        chain.append(self.db, action="institution", actor=by, detail={k: v for k, v in fields.items()})
