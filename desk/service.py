"""The one entrance: sign in, then act as a staff member.

The command line and the window call this module and nothing below it. Every rule is
enforced underneath (desk.core decides, desk.store applies in one transaction).
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from desk import paths
from desk.account import Account
from desk.core.errors import DeskError, InvalidInput, SignInRefused, StoreError
from desk.core.media import check_image
from desk.core.roles import Role
from desk.core.staff_rules import (
    LOCK_MINUTES, check_name, check_username, decoy_check, hash_password, is_locked, lock_until,
    password_matches,
)
from desk.publish.outbox import Outbox
from desk.publish.training import TrainingPublisher
from desk.store import LogFilter, Store

if TYPE_CHECKING:
    from desk.session import Session

__all__ = ["Desk", "LogFilter", "read_image"]

HANDLE = re.compile(r"^@?[A-Za-z0-9_]{1,15}$")
LOGO_KINDS = {".png", ".jpg", ".jpeg", ".svg"}


def read_image(source, alt: str = ""):
    """An image given as a path or (name, bytes): decoded and checked before acceptance."""
    if isinstance(source, tuple):
        name, data = source
    else:
        path = Path(source)
        name = path.name
        try:
            data = path.read_bytes()
        except OSError:
            raise InvalidInput("media.missing", name=name) from None
    return check_image(data, name, alt)


class Desk:
    """A data folder opened: what anyone may do before signing in."""

    def __init__(self, data_dir=None, publisher_factory=None, checkpoint_in_background: bool = False):
        self.folder = paths.data_dir(data_dir)
        self.store = Store(self.folder)
        self._publisher_factory = publisher_factory
        self.outbox = Outbox(self.store, self.publisher)
        self.account = Account(self, checkpoint_in_background)
        self.store.on_commit = self._keep_checkpoint

    # the institution ---------------------------------------------------------
    def institution(self) -> dict | None:
        return self.store.institution.get()

    def require_institution(self) -> dict:
        found = self.institution()
        if not found:
            raise StoreError("desk.not_initialised")
        return found

    def logo_path(self) -> Path:
        found = self.institution()
        if found and found["logo_file"]:
            return self.folder / found["logo_file"]
        return paths.resources_dir() / "logo-placeholder.svg"

    def save_logo(self, logo) -> str:
        path = Path(logo)
        if path.suffix.lower() not in LOGO_KINDS:
            raise InvalidInput("institution.bad_logo")
        try:
            data = path.read_bytes()
        except OSError:
            raise InvalidInput("institution.bad_logo") from None
        if path.suffix.lower() != ".svg":
            read_image(("logo" + path.suffix, data))
        elif b"<svg" not in data[:4096]:
            raise InvalidInput("institution.bad_logo")
        name = "logo" + path.suffix.lower()
        target = self.folder / name
        target.write_bytes(data)
        target.chmod(0o600)
        return name

    def init(self, name_ar: str, name_en: str, handle: str, admin: str, admin_name: str, password: str, logo=None) -> None:
        """Set up a new desk: the institution and its first administrator."""
        existing = self.institution()
        if existing:
            raise InvalidInput("desk.already_initialised", name=existing["name_en"])
        name_ar, name_en = (name_ar or "").strip(), (name_en or "").strip()
        if not name_ar or not name_en:
            raise InvalidInput("institution.name_required")
        if not HANDLE.match(handle or ""):
            raise InvalidInput("institution.bad_handle")
        username = check_username(admin)
        name = check_name(admin_name or admin)
        password_hash = hash_password(password)
        logo_file = self.save_logo(logo) if logo else None
        with self.store.transaction():
            self.store.institution.create(name_ar, name_en, handle.lstrip("@"), logo_file, by=username)
            self.store.staff.add(username, name, frozenset({Role.ADMINISTRATOR}), password_hash, by=None)

    # signing in --------------------------------------------------------------
    def sign_in(self, username: str, password: str) -> "Session":
        """One answer for every refusal until the password is known to be right.

        Under the write lock the count and the lock are read, the password checked and
        the outcome recorded in one transaction: parallel sign-ins are serialised, so at
        most MAX_FAILURES wrong passwords are checked per lock period and no failure can
        overwrite a lock another one set. A locked name's password is not checked at all
        (the decoy is, for the same cost); saying "locked" only after a right password
        would let the lock be guessed through."""
        from desk.session import Session

        self.require_institution()
        username = (username or "").strip().lower()
        checkable = True
        with self.store.transaction():
            now = datetime.now(timezone.utc)
            member = self.store.staff.get(username)
            if member is None or is_locked(member.locked_until, now):
                checkable, refusal = False, SignInRefused("signin.refused", minutes=LOCK_MINUTES)
            elif not password_matches(member.password_hash, password):
                failures = member.failed_count + 1
                until = lock_until(failures, now)
                self.store.staff.record_failure(username, 0 if until else failures, until)
                refusal = SignInRefused("signin.refused", minutes=LOCK_MINUTES)
            elif not member.active:  # said only to someone who knows the password
                refusal = SignInRefused("signin.inactive", username=username)
            else:
                refusal = None
                if member.failed_count or member.locked_until:
                    self.store.staff.record_success(username)
                # images left by refused drafts: swept while the write lock is held anyway
                self.store.media.sweep(self.store.db)
        if not checkable:  # outside the write lock: nothing to record, and no one waits on it
            decoy_check(password)
        if refusal is not None:  # raised after the commit: the count must stay recorded
            raise refusal
        return Session(self, self.store.staff.require(username))

    # publishing without a person ------------------------------------------------
    def publisher(self):
        """X when an account is connected and training mode is off; else the training timeline."""
        if self._publisher_factory is not None:
            publisher = self._publisher_factory(self)
            if publisher is not None:
                return publisher
        if not self.store.settings.all()["training_mode"]:
            publisher = self.account.publisher()
            if publisher is not None:
                return publisher
        handle = (self.institution() or {}).get("handle", "training")
        return TrainingPublisher(self.store, handle)

    def settings(self) -> dict:
        """The desk's settings; readable before sign-in (language, idle minutes)."""
        return self.store.settings.all()

    def data_version(self) -> int:
        """Changes whenever another desk or process commits: the window's cue to refresh."""
        return self.store.data_version()

    def reopen(self) -> "Desk":
        """The same data folder on a second connection, for work off the GUI thread."""
        return Desk(self.folder, publisher_factory=self._publisher_factory,
                    checkpoint_in_background=self.account._checkpoints is not None)

    def is_training(self) -> bool:
        """True when posts go to the training timeline (no account, or chosen)."""
        if self._publisher_factory is not None:
            chosen = self._publisher_factory(self)
            if chosen is not None:
                return chosen.kind == "training"
        if self.store.settings.all()["training_mode"]:
            return True
        try:
            return not self.account.vault().has_keys()
        except DeskError:
            return True

    def _keep_checkpoint(self, head_hash: str) -> None:
        if self.institution():
            self.account.save_checkpoint(head_hash)

    def publish_due(self, now: datetime | None = None):
        return self.outbox.publish_due(now)

    def verify(self):
        """Recompute the chain, then compare its newest hash with the keyring's checkpoint,
        which catches a consistent rewrite of the whole events table."""
        report = self.store.verify(workers=os.cpu_count() or 1)
        if not report.ok:
            return report
        kept = self.account.checkpoint() if self.institution() else None
        if kept is None:
            return replace(report, checkpoint="none")
        if not self.store.has_event_hash(kept):
            return replace(report, ok=False, key="chain.checkpoint", params={}, checkpoint="missing")
        return replace(report, checkpoint="matched")

    def close(self) -> None:
        self.account.flush()
        self.store.close()

