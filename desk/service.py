"""The one entrance: sign in, then act as a staff member.

The command line and the window call this module and nothing below it. Every rule is
enforced underneath (desk.core decides, desk.store applies in one transaction).
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from desk import paths
from desk.account import Account, Sealer
from desk.core.errors import DeskError, InvalidInput, SignInRefused, StoreError, VaultError
from desk.core.media import check_image
from desk.core.roles import Role, parse_roles
from desk.core.workstation import require_publishing_here
from desk.core.staff_rules import (
    LOCK_MINUTES, check_gender, check_name, check_username, decoy_check, hash_password, is_locked, lock_until,
    password_matches,
)
from desk.publish.outbox import Outbox
from desk.publish.progress import Progress
from desk.publish.training import TrainingPublisher
from desk.service_copies import Copies
from desk.store import LogFilter, Store

if TYPE_CHECKING:
    from desk.session import Session

__all__ = ["Desk", "LogFilter", "Progress", "read_image"]

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


DATABASE_NAME_PATH = paths.DATABASE_NAME
# In creation order; removed in reverse by a failed first init.
_MADE = ("media", "backups", "logo.png", "logo.jpg", "logo.jpeg", "logo.svg",
         paths.DATABASE_NAME, paths.DATABASE_NAME + "-wal", paths.DATABASE_NAME + "-shm")


def restore_damaged(data_dir, file, username: str, password: str) -> Path:
    """Restore when the desk's own database is too damaged to open: the administrator is
    checked against the backup's staff, the backup's integrity, log and desk id as usual."""
    from desk.core import roles as role_rules
    from desk.store import backups, chain

    folder = paths.data_dir(data_dir)
    source, report = backups.check_backup(Path(file), backups.damaged_desk_id(folder))
    try:
        row = source.execute("SELECT roles, password_hash, active FROM staff WHERE username = ?",
                             [(username or "").strip().lower()]).fetchone()
        if row is None or not row[2] or not password_matches(row[1], password):
            if row is None:
                hash_password("decoy-password")
            raise SignInRefused("signin.wrong")
        role_rules.require(parse_roles(row[0]), "manage_institution")
        kept = backups.replace_damaged(source, folder)
    finally:
        source.close()
    store = Store(folder)
    try:
        with store.transaction():
            chain.append(store.db, action="restore", actor=username.strip().lower(),
                         detail={"file": Path(file).name, "events": report.count, "kept": kept.name})
    finally:
        store.close()
    return kept


class Desk(Copies):
    """A data folder opened: what anyone may do before signing in."""

    def __init__(self, data_dir=None, publisher_factory=None, checkpoint_in_background: bool = False,
                 create: bool = True, database: str | None = None):
        """create=False (every command but init): a folder with no desk is refused, not made.
        database: a postgresql:// URL (default DESK_DATABASE_URL); the data folder then
        keeps this workstation's own files only."""
        self.folder = paths.data_dir(data_dir)
        self.database = paths.database_url(database)
        # What this open creates, so a failed init can take it away again.
        self._made = [p for p in (self.folder, *(self.folder / n for n in _MADE)) if not p.exists()]
        self._background = checkpoint_in_background
        self._publisher_factory = publisher_factory
        self._open(create)

    def _open(self, create: bool = True) -> None:
        password = None
        if self.database:
            from desk import server_login

            password = server_login.password_for(self.database)
        self.store = Store(self.folder, create=create, daily_backup=not self._background,
                           database=self.database, password=password)
        self.outbox = Outbox(self.store, self.publisher)
        self.account = Account(self, self._background)
        self.store.sealer = Sealer(self.account)
        self.store.on_commit = self._keep_checkpoint

    # The command line sets this: a failed `desk init` on a new folder takes away what this
    # open made (the Desk is closed then). The window keeps its Desk open for another try.
    undo_failed_init = False

    def _undo_new_folder(self) -> None:
        """After a failed init on a folder that had no desk: leave nothing behind."""
        if DATABASE_NAME_PATH not in [p.name for p in self._made] or self.institution():
            return
        self.store.close()
        for path in reversed(self._made):
            try:
                path.rmdir() if path.is_dir() else path.unlink(missing_ok=True)
            except OSError:
                pass

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
            return self.store.media.named(found["logo_file"]) if self.store.on_server else self.folder / found["logo_file"]
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
        self.store.media.put(name, data)  # on PostgreSQL, for every workstation
        return name

    def media_file(self, name: str) -> Path:
        """A training timeline entry's image file on this workstation."""
        return self.store.media.named(name)

    def init(self, name_ar: str, name_en: str, handle: str, admin: str, admin_name: str, password: str, logo=None,
             admin_gender: str = "") -> None:
        """Set up a new desk: the institution and its first administrator."""
        try:
            self._init(name_ar, name_en, handle, admin, admin_name, password, logo, admin_gender)
        except BaseException:
            if self.undo_failed_init:
                self._undo_new_folder()
            raise

    def _init(self, name_ar, name_en, handle, admin, admin_name, password, logo, admin_gender="") -> None:
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
        gender = check_gender(admin_gender)
        password_hash = hash_password(password)
        logo_file = self.save_logo(logo) if logo else None
        with self.store.transaction():
            self.store.institution.create(name_ar, name_en, handle.lstrip("@"), logo_file, by=username)
            self.store.staff.add(username, name, frozenset({Role.ADMINISTRATOR}), password_hash, by=None,
                                 gender=gender)

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
        if self.store.read_only:
            return self._sign_in_to_read(username, password)
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

    def _sign_in_to_read(self, username: str, password: str) -> "Session":
        """A read-only copy (an auditor's) records nothing, so it counts no failures either;
        the same one message and the same single Argon2id check on every path."""
        from desk.session import Session

        member = self.store.staff.get(username)
        if member is None or is_locked(member.locked_until, datetime.now(timezone.utc)):
            decoy_check(password)
            raise SignInRefused("signin.refused", minutes=LOCK_MINUTES)
        if not password_matches(member.password_hash, password):
            raise SignInRefused("signin.refused", minutes=LOCK_MINUTES)
        if not member.active:
            raise SignInRefused("signin.inactive", username=username)
        return Session(self, member)

    # publishing without a person ------------------------------------------------
    def publisher(self):
        """Where a post published now goes. The training timeline only when an administrator
        chose training mode, or when no X account is on record in the chain and the keyring
        holds no keys. An account on record whose keys cannot be had (keyring locked, no
        D-Bus session, no secure back-end) raises PublishingBlocked (exit 5): nothing is
        claimed, the post stays as it was."""
        if self._publisher_factory is not None:
            publisher = self._publisher_factory(self)
            if publisher is not None:
                return publisher
        if not self.training_chosen():
            publisher = self.account.publisher()
            if publisher is not None:
                return publisher
        handle = (self.institution() or {}).get("handle", "training")
        return TrainingPublisher(self.store, handle)

    def training_chosen(self) -> bool:
        """Training mode is on in the settings and the chain's newest choice says so too:
        a settings row changed behind the desk's back cannot divert posts to training."""
        return bool(self.store.settings.all()["training_mode"]) and self.store.account_record.training_chosen()

    def account_on_record(self) -> bool:
        """An X account was connected and not forgotten (the chain's events; no keyring asked)."""
        return self.account.on_record()

    def settings(self) -> dict:
        """The desk's settings; readable before sign-in (language, idle minutes)."""
        return self.store.settings.all()

    def data_version(self) -> int:
        """Changes whenever another desk or process commits: the window's cue to refresh."""
        return self.store.data_version()

    def reopen(self) -> "Desk":
        """The same data folder (and server) on a second connection, for work off the GUI thread."""
        return Desk(self.folder, publisher_factory=self._publisher_factory,
                    checkpoint_in_background=self.account._checkpoints is not None, database=self.database)

    @property
    def on_server(self) -> bool:
        """The desk lives on a PostgreSQL server shared by the office's workstations."""
        return self.store.on_server

    # workstations -------------------------------------------------------------------
    @staticmethod
    def workstation_name() -> str:
        """This workstation's name: DESK_WORKSTATION, else the host name."""
        import socket

        return (os.environ.get("DESK_WORKSTATION") or "").strip() or socket.gethostname()

    def publishing_workstation(self) -> str:
        """The workstation chosen to publish scheduled posts, or "" for any."""
        return self.store.settings.all()["publishing_workstation"]

    def _keys_elsewhere(self) -> bool:
        """A reachable keyring without the keys of a connected account, on an office's desk.
        A keyring that cannot be asked is said when a post is due (publisher())."""
        try:
            return self.account.keys_elsewhere()
        except VaultError:
            return False

    def is_training(self) -> bool:
        """True when posts go to the training timeline (chosen, or no account at all).
        False when publishing is blocked: those posts go nowhere, least of all to training."""
        try:
            return self.publisher().kind == "training"
        except DeskError:
            return False

    def _keep_checkpoint(self, anchor) -> None:
        self.account.save_checkpoint(anchor)

    def publish_due(self, now: datetime | None = None):
        """Send what is due. When anything is due or unsettled, the publisher is found
        first: a blocked keyring refuses the whole run before any post is touched. On an
        office's desk only the chosen workstation publishes (NotThisWorkstation elsewhere),
        and one whose keyring lacks the keys says so on every run."""
        from desk.core.states import State

        require_publishing_here(self.publishing_workstation(), self.workstation_name())
        if not self.training_chosen() and self._keys_elsewhere():
            from desk.vault import PublishingBlocked

            raise PublishingBlocked("workstation.keys_elsewhere")  # on every run, due or not
        moment = now or datetime.now(timezone.utc)
        publisher = None
        if self.store.posts.due(moment.isoformat(timespec="milliseconds")) or \
                self.store.posts.ids_in(State.UNCERTAIN, State.PUBLISHING):
            publisher = self.publisher()  # the keyring is asked once a round
        results = self.outbox.publish_due(now, publisher=publisher)
        from desk.session_reach import reach_due

        reach_due(self, now)  # X's figures on the administrator's schedule (off by default)
        return results

    def verify(self):
        """The chain, its seals, the rows it vouches for and its anchors (desk.audit)."""
        from desk.audit import verify_desk

        return verify_desk(self)

    def close(self) -> None:
        self.account.flush()
        self.store.close()

