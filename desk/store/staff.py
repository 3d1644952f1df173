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
    )


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

    def add(self, username: str, name: str, roles: frozenset[Role], password_hash: str, by: str | None) -> None:
        if self.get(username) is not None:
            raise InvalidInput("staff.exists", username=username)
        self.db.execute(
            "INSERT INTO staff (username, name, roles, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
            [username, name, roles_text(roles), password_hash, chain.now_utc()],
        )
        chain.append(self.db, action="staff_add", actor=by, detail={"username": username, "name": name, "roles": roles_text(roles)})

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

    def set_password(self, username: str, password_hash: str, by: str) -> None:
        self.require(username)
        self.db.execute(
            "UPDATE staff SET password_hash = ?, failed_count = 0, locked_until = NULL WHERE username = ?",
            [password_hash, username],
        )
        chain.append(self.db, action="staff_password", actor=by, detail={"username": username})

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
