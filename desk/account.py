"""The institution's X account: keys into the keyring, verify, forget, the logo as avatar.

Keys go in once and never come back out: no method here returns them, and the only
reader is ``publisher()``, which hands them straight to the X publisher.
"""

from __future__ import annotations

import logging
import os
import threading

from desk.core import roles as role_rules
from desk.core.errors import InvalidInput, StoreError, VaultError
from desk.core.messages import render
from desk.publish.base import AccountInfo

log = logging.getLogger(__name__)
CHECKPOINT_UNLOCK_SECONDS = 2.0


def _x_timeout() -> float:
    """Seconds to wait for X on each request: DESK_X_TIMEOUT (a positive number), else 20."""
    from desk.publish.x import DEFAULT_TIMEOUT

    try:
        seconds = float(os.environ.get("DESK_X_TIMEOUT", "").strip() or DEFAULT_TIMEOUT)
    except ValueError:
        return DEFAULT_TIMEOUT
    return seconds if 0 < seconds < float("inf") else DEFAULT_TIMEOUT


def _blocked(error: VaultError) -> VaultError:
    """A keyring failure met while publishing: exit 5, in the words of item 0 when it is
    the keyring being locked or out of reach, else the keyring's own words."""
    from desk.vault import KeyringLocked, PublishingBlocked

    if isinstance(error, KeyringLocked):
        return PublishingBlocked("vault.publish_blocked")
    return PublishingBlocked(error.key, **error.params)


class Account:
    """One desk's link to its X account, kept in the OS keyring under the desk's id."""

    def __init__(self, desk, checkpoint_in_background: bool = False):
        self.desk = desk
        self._vault = None
        self._checkpoints = _CheckpointWriter(self) if checkpoint_in_background else None

    def vault(self, unlock_timeout: float | None = None):
        from desk.vault import UNLOCK_TIMEOUT, Vault

        namespace = f"desk-{self.desk.require_institution()['desk_id']}"
        if unlock_timeout is not None and unlock_timeout != UNLOCK_TIMEOUT:
            return Vault(namespace=namespace, unlock_timeout=unlock_timeout)
        if self._vault is None:
            self._vault = Vault(namespace=namespace)
        return self._vault

    # reading, for anyone signed in ---------------------------------------------------
    def status(self, lang: str = "en") -> dict:
        """What the window shows: connected or not, the remembered @handle, the keyring in use."""
        settings = self.desk.store.settings.all()
        found = {"connected": False, "handle": settings["x_handle"], "name": settings["x_name"],
                 "avatar_url": settings["x_avatar_url"], "backend": "", "problem": ""}
        try:
            found["backend"] = self.vault().backend_name(lang)
            found["connected"] = self.vault().has_keys()
        except VaultError as error:
            found["problem"] = error.message(lang)
        # On record but no keys to be had: publishing is blocked, and the window says why.
        found["blocked"] = ""
        if not found["connected"] and self.on_record():
            key = "vault.publish_keys_gone" if not found["problem"] else "vault.publish_blocked"
            found["blocked"] = render(key, lang, {})
        return found

    def on_record(self) -> bool:
        """An account was connected and not forgotten, as the chain says (no keyring asked)."""
        return self.desk.store.account_record.connected()

    def publisher(self):
        """The X publisher, or None for training: only when no account is on record and the
        keyring holds no keys (or there is no secure keyring to ask). With an account on
        record, keys that cannot be had are PublishingBlocked, never a quiet switch to
        training: a person would think the post went out. A locked keyring is always refused."""
        from desk.vault import NoSecureKeyring, PublishingBlocked

        on_record = self.on_record()
        try:
            keys = self.vault().load_keys()
        except NoSecureKeyring:
            if on_record:
                raise PublishingBlocked("vault.publish_blocked") from None
            return None
        except VaultError as error:
            raise _blocked(error) from None
        if keys is None:
            if on_record:
                raise PublishingBlocked("vault.publish_keys_gone")
            return None
        from desk.publish.x import XPublisher

        settings = self.desk.store.settings.all()
        return XPublisher(keys.consumer_key, keys.consumer_secret, keys.access_token, keys.access_token_secret,
                          handle=settings["x_handle"] or None, timeout=_x_timeout())

    # administrators ----------------------------------------------------------------------
    def set_keys(self, session, consumer_key: str, consumer_secret: str, access_token: str,
                 access_token_secret: str, replace_other: bool = False) -> AccountInfo:
        """Check the keys with X, then keep them. Keys of another account than the desk's
        handle are refused unless ``replace_other``; nothing is kept when X refuses them."""
        from desk.publish.x import XPublisher
        from desk.vault import XKeys

        role_rules.require(session.member.roles, "manage_account")
        keys = XKeys(consumer_key, consumer_secret, access_token, access_token_secret)
        self.vault().backend()  # no secure keyring: say so before anything goes to X
        info = XPublisher(keys.consumer_key, keys.consumer_secret, keys.access_token,
                          keys.access_token_secret, timeout=_x_timeout()).account()
        expected = self.desk.store.settings.all()["x_handle"] or self.desk.require_institution()["handle"]
        if info.handle.lower() != expected.lower() and not replace_other:
            raise InvalidInput("account.other_handle", found=info.handle, expected=expected)
        self.vault().store_keys(keys)
        self._remember(session, info, "account_set")
        return info

    def verify(self, session) -> AccountInfo:
        role_rules.require(session.member.roles, "manage_account")
        publisher = self.publisher()
        if publisher is None:
            raise InvalidInput("account.not_connected")
        info = publisher.account()
        self._remember(session, info, "account_verify")
        return info

    def forget(self, session) -> None:
        role_rules.require(session.member.roles, "manage_account")
        self.vault().forget()
        with self.desk.store.transaction():
            from desk.store import chain

            chain.append(self.desk.store.db, action="account_forget", actor=session.username)

    def set_logo_as_avatar(self, session) -> str:
        """Make the institution's logo the account's picture (X may refuse on some tiers)."""
        role_rules.require(session.member.roles, "manage_account")
        publisher = self.publisher()
        if publisher is None:
            raise InvalidInput("account.not_connected")
        logo = self.desk.logo_path()
        if logo.suffix.lower() == ".svg":
            raise InvalidInput("account.logo_svg")
        url = publisher.set_profile_image(logo.read_bytes())
        with self.desk.store.transaction():
            self.desk.store.settings.set("x_avatar_url", url or "", by=session.username)
        return url

    def _remember(self, session, info: AccountInfo, action: str) -> None:
        store = self.desk.store
        with store.transaction():
            for key, value in (("x_handle", info.handle), ("x_name", info.name), ("x_avatar_url", info.avatar_url or "")):
                store.settings.set(key, value, by=session.username)
            from desk.store import chain

            chain.append(store.db, action=action, actor=session.username, detail={"handle": info.handle})

    # the audit checkpoint ------------------------------------------------------------
    def save_checkpoint(self, head_hash: str) -> None:
        """After each commit: the newest hash into the keyring. Without a keyring the
        chain still verifies on its own; only a whole-table rewrite goes unnoticed.
        The window hands this to a thread of its own: a slow keyring never stalls it."""
        if self._checkpoints is not None:
            self._checkpoints.put(head_hash)
        else:
            self.write_checkpoint(head_hash)

    def write_checkpoint(self, head_hash: str) -> None:
        try:
            # Never wait on an unlock prompt for this: a locked keyring skips one checkpoint.
            self.vault(unlock_timeout=CHECKPOINT_UNLOCK_SECONDS).set_checkpoint(head_hash)
        except (VaultError, StoreError) as error:
            log.debug("no audit checkpoint kept: %s", error.key)

    def flush(self, seconds: float = 5.0) -> None:
        if self._checkpoints is not None:
            self._checkpoints.flush(seconds)

    def checkpoint(self) -> str | None:
        try:
            return self.vault().get_checkpoint()
        except VaultError:
            return None


class _CheckpointWriter:
    """One thread that keeps only the newest hash waiting: writes never pile up."""

    def __init__(self, account: Account):
        self.account = account
        self.waiting: str | None = None
        self.lock = threading.Condition()
        self.busy = False
        self.thread: threading.Thread | None = None

    def put(self, head_hash: str) -> None:
        with self.lock:
            self.waiting = head_hash
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="audit-checkpoint", daemon=True)
                self.thread.start()
            self.lock.notify()

    def _run(self) -> None:
        while True:
            with self.lock:
                if self.waiting is None:
                    self.busy = False
                    self.lock.notify_all()
                    if not self.lock.wait(timeout=30):
                        self.thread = None
                        return
                    continue
                head_hash, self.waiting, self.busy = self.waiting, None, True
            self.account.write_checkpoint(head_hash)

    def flush(self, seconds: float) -> None:
        with self.lock:
            self.lock.wait_for(lambda: self.waiting is None and not self.busy, timeout=seconds)
