"""Staff rows: add, read, roles, passwords, failed sign-ins, deactivation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from desk.core.errors import InvalidInput, NotFound, NotPermitted
from desk.core.roles import Role, parse_roles
from desk.store import chain


@dataclass(frozen=True)
class StaffMember:
    username: str
    name: str
    roles: frozenset[Role]
    active: bool
    failed_count: int
    locked_until: datetime | None
    password_hash: str
    must_change: bool = False  # signed in with a one-time password: only a new password may follow
    gender: str = ""  # "f", "m" or "" (not known): which form of a sentence names them

    def __repr__(self) -> str:  # never print the password hash
        return f"StaffMember({self.username!r}, roles={sorted(r.value for r in self.roles)}, active={self.active})"


def _member(row: dict) -> StaffMember:
    return StaffMember(
        username=row["username"],
        name=row["name"],
        roles=parse_roles(row["roles"]),
        active=bool(row["active"]),
        failed_count=row["failed_count"],
        locked_until=datetime.fromisoformat(row["locked_until"]) if row["locked_until"] else None,
        password_hash=row["password_hash"],
        must_change=bool(row.get("must_change", 0)),
        gender=row.get("gender") or "",
    )


def _detail(row: dict) -> dict:
    import json

    try:
        return json.loads(row["detail"] or "{}")
    except ValueError:
        return {}


def password_digest(password_hash: str) -> str:
    """What the log keeps of a password hash: enough to notice it was replaced in the
    database, nothing that helps to guess the password."""
    import hashlib

    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()


def roles_text(roles: frozenset[Role]) -> str:
    return ",".join(r.value for r in Role if r in roles)


class StaffTable:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def get(self, username: str) -> StaffMember | None:
        rows = list(self.db.query("SELECT * FROM staff WHERE username = ?", [username]))
        return _member(rows[0]) if rows else None

    def require(self, username: str) -> StaffMember:
        member = self.get(username)
        if member is None:
            raise NotFound("staff.not_found", username=username)
        return member

    def all(self) -> list[StaffMember]:
        return [_member(r) for r in self.db.query("SELECT * FROM staff ORDER BY active DESC, username")]

    def names(self) -> dict[str, str]:
        return {r["username"]: r["name"] for r in self.db.query("SELECT username, name FROM staff")}

    def genders(self) -> dict[str, str]:
        return {r["username"]: r["gender"] or "" for r in self.db.query("SELECT username, gender FROM staff")}

    def add(self, username: str, name: str, roles: frozenset[Role], password_hash: str, by: str | None,
            gender: str = "") -> None:
        if self.get(username) is not None:
            raise InvalidInput("staff.exists", username=username)
        self.db.execute(
            "INSERT INTO staff (username, name, roles, password_hash, created_at, gender) VALUES (?, ?, ?, ?, ?, ?)",
            [username, name, roles_text(roles), password_hash, chain.now_utc(), gender],
        )
        detail = {"username": username, "name": name, "roles": roles_text(roles),
                  "password_digest": password_digest(password_hash)}
        if gender:
            detail["gender"] = gender
        chain.append(self.db, action="staff_add", actor=by, detail=detail)

    def _active_admins(self) -> list[str]:
        return [m.username for m in self.all() if m.active and Role.ADMINISTRATOR in m.roles]

    def _keep_an_admin(self, username: str) -> None:
        if self._active_admins() == [username]:
            raise NotPermitted("perm.last_admin")

    def set_roles(self, username: str, roles: frozenset[Role], by: str) -> None:
        member = self.require(username)
        if Role.ADMINISTRATOR in member.roles and Role.ADMINISTRATOR not in roles and member.active:
            self._keep_an_admin(username)
        self.db.execute("UPDATE staff SET roles = ? WHERE username = ?", [roles_text(roles), username])
        chain.append(self.db, action="staff_roles", actor=by, detail={"username": username, "roles": roles_text(roles)})

    def set_gender(self, username: str, gender: str, by: str) -> None:
        self.require(username)
        self.db.execute("UPDATE staff SET gender = ? WHERE username = ?", [gender, username])
        chain.append(self.db, action="staff_gender", actor=by, detail={"username": username, "gender": gender})

    def set_password(self, username: str, password_hash: str, by: str, one_time: bool = False,
                     requested_by: str | None = None) -> None:
        """A new password: by an administrator's reset (one time, to be changed at the next
        sign-in) or by the person themselves."""
        self.require(username)
        self.db.execute(
            "UPDATE staff SET password_hash = ?, must_change = ?, failed_count = 0, locked_until = NULL"
            " WHERE username = ?",
            [password_hash, int(one_time), username],
        )
        self.db.execute("DELETE FROM pending_resets WHERE username = ?", [username])
        detail = {"username": username, "password_digest": password_digest(password_hash)}
        if one_time:
            detail["one_time"] = True
        if requested_by:
            detail["requested_by"] = requested_by
        chain.append(self.db, action="staff_password", actor=by, detail=detail)

    def pending_reset(self, username: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM pending_resets WHERE username = ?", [username]))
        return rows[0] if rows else None

    def request_reset(self, username: str, by: str) -> None:
        self.require(username)
        self.db.execute("INSERT INTO pending_resets (username, requested_by, requested_at) VALUES (?, ?, ?)",
                        [username, by, chain.now_utc()])
        chain.append(self.db, action="staff_reset_requested", actor=by, detail={"username": username})

    def reset_notice(self, username: str, since_iso: str) -> dict | None:
        """Resets of the person's password since ``since_iso``, and what was done in their
        name after the earliest of them: read from the chain, not from any row."""
        resets = [r for r in self.db.query(
            "SELECT id, at, actor, detail FROM events WHERE action = 'staff_password' AND at >= ? ORDER BY id",
            [since_iso]) if _detail(r).get("username") == username and _detail(r).get("one_time")]
        if not resets:
            return None
        actions = list(self.db.query(
            "SELECT id, at, action, post_id FROM events WHERE actor = ? AND id > ? ORDER BY id",
            [username, resets[0]["id"]]))
        return {
            "resets": [{"by": r["actor"], "at": r["at"], "requested_by": _detail(r).get("requested_by")}
                       for r in resets],
            "actions": actions,
        }

    def deactivate(self, username: str, by: str) -> None:
        member = self.require(username)
        if not member.active:
            raise InvalidInput("staff.inactive_target", username=username)
        if Role.ADMINISTRATOR in member.roles:
            self._keep_an_admin(username)
        self.db.execute("UPDATE staff SET active = 0 WHERE username = ?", [username])
        chain.append(self.db, action="staff_deactivate", actor=by, detail={"username": username})

    def record_failure(self, username: str, failures: int, locked_until: datetime | None) -> None:
        self.db.execute(
            "UPDATE staff SET failed_count = ?, locked_until = ? WHERE username = ?",
            [failures, locked_until.isoformat() if locked_until else None, username],
        )
        if locked_until:
            chain.append(self.db, action="staff_locked", actor=None, detail={"username": username, "until": locked_until.isoformat()})

    def record_success(self, username: str) -> None:
        self.db.execute("UPDATE staff SET failed_count = 0, locked_until = NULL WHERE username = ?", [username])
