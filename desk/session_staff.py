"""What administrators do with staff, as part of a signed-in Session: add, roles,
password resets, deactivation and handover."""

from __future__ import annotations

from desk.core.errors import InvalidInput
from desk.core.roles import Role, parse_roles
from desk.core.staff_rules import check_gender, check_name, check_username, hash_password, one_time_password


class StaffActs:
    """Mixed into Session, whose _require, store, username, actor and settings it uses."""

    def staff(self):
        self._require("read_log")
        return self.store.staff.all()

    def add_staff(self, username: str, name: str, roles, password: str, gender: str = "") -> None:
        self._require("manage_staff")
        username, name, gender = check_username(username), check_name(name), check_gender(gender)
        roles = parse_roles(roles) if not isinstance(roles, frozenset) else roles
        password_hash = hash_password(password)
        with self.store.transaction():
            self.store.staff.add(username, name, roles, password_hash, by=self.username, gender=gender)

    def set_roles(self, username: str, roles) -> None:
        self._require("manage_staff")
        roles = parse_roles(roles) if not isinstance(roles, frozenset) else roles
        with self.store.transaction():
            self.store.staff.set_roles(username, roles, by=self.username)

    def set_gender(self, username: str, gender: str) -> None:
        """How sentences that name the person read (f, m, or "" for not given)."""
        self._require("manage_staff")
        gender = check_gender(gender)
        with self.store.transaction():
            self.store.staff.set_gender(username, gender, by=self.username)

    def reset_password(self, username: str) -> str | None:
        """A one-time password for a colleague, made by the desk and shown once; it must be
        changed at their next sign-in. With ``reset_needs_second_admin`` on, the first
        administrator's reset waits and a second one's completes it (and gets the password).
        Returns the one-time password, or None while the reset waits."""
        self._require("manage_staff")
        target = self.store.staff.require(username).username
        if target == self.username:
            raise InvalidInput("reset.own")
        password = one_time_password()
        password_hash = hash_password(password)
        with self.store.transaction():
            pending = self.store.staff.pending_reset(target)
            if not self.settings()["reset_needs_second_admin"]:
                self.store.staff.set_password(target, password_hash, by=self.username, one_time=True)
                return password
            if pending is None:
                self.store.staff.request_reset(target, by=self.username)
                return None
            if pending["requested_by"] == self.username:
                raise InvalidInput("reset.needs_other_admin", username=target)
            self.store.staff.set_password(target, password_hash, by=self.username, one_time=True,
                                          requested_by=pending["requested_by"])
            return password

    def pending_reset(self, username: str) -> dict | None:
        """The reset waiting for a second administrator, if any."""
        self._require("manage_staff")
        return self.store.staff.pending_reset(username)

    def deactivate(self, username: str, hand_to: str | None = None) -> list[int]:
        """Deactivate a person, handing their open drafts to a colleague first (one transaction)."""
        self._require("manage_staff")
        with self.store.transaction():
            moved = self._handover(username, hand_to) if hand_to else []
            self.store.staff.deactivate(username, by=self.username)
        return moved

    def handover(self, username: str, to: str) -> list[int]:
        self._require("manage_staff")
        with self.store.transaction():
            return self._handover(username, to)

    def _handover(self, username: str, to: str) -> list[int]:
        self.store.staff.require(username)
        target = self.store.staff.require(to)
        if target.username == username:
            raise InvalidInput("staff.same_person")
        if not target.active:
            raise InvalidInput("staff.inactive_target", username=to)
        if not (target.roles & {Role.OFFICER, Role.SUPERVISOR}):
            raise InvalidInput("staff.cannot_take_drafts", username=target.username)
        moved = self.store.posts.open_ids_of(username)
        for post_id in moved:
            self.store.posts.reassign(post_id, target.username, self.actor, self.settings())
        return moved
