"""The institution's X account: keys into the keyring, verify, forget, the logo as avatar.

Keys go in once and never come back out: no method here returns them, and the only
reader is ``publisher()``, which hands them straight to the X publisher.
"""

from __future__ import annotations

import logging
import os
import threading

from desk.core import roles as role_rules
from desk.core.errors import EXIT_X, InvalidInput, StoreError, VaultError
from desk.core.messages import render
from desk.publish.base import AccountInfo

log = logging.getLogger(__name__)
CHECKPOINT_UNLOCK_SECONDS = 0.0  # the checkpoint and the seal key never wait on an unlock prompt


def _x_timeout() -> float:
    """Seconds to wait for X on each request: DESK_X_TIMEOUT (a positive number), else 20."""
    from desk.publish.x import DEFAULT_TIMEOUT

    try:
        seconds = float(os.environ.get("DESK_X_TIMEOUT", "").strip() or DEFAULT_TIMEOUT)
    except ValueError:
        return DEFAULT_TIMEOUT
    return seconds if 0 < seconds < float("inf") else DEFAULT_TIMEOUT


def x_publisher(store, keys, api_base: str | None = None):
    """The X publisher for these keys, knowing the account as the desk's log names it (the
    id and handle X gave when the keys were set): no /2/users/me call per round."""
    from desk.publish.x import XPublisher

    settings = store.settings.all()
    known = store.account_record.account()
    return XPublisher(keys.consumer_key, keys.consumer_secret, keys.access_token, keys.access_token_secret,
                      api_base=api_base, handle=settings["x_handle"] or None, timeout=_x_timeout(),
                      known=AccountInfo(known[0], known[1], settings["x_name"]) if known else None)


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
        self._folder_noted = False

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
        found["keys_elsewhere"] = False
        if not found["connected"] and self.on_record():
            found["keys_elsewhere"] = not found["problem"] and self.desk.store.on_server
            key = "vault.publish_blocked" if found["problem"] else (
                "workstation.no_keys_here" if found["keys_elsewhere"] else "vault.publish_keys_gone")
            found["blocked"] = render(key, lang, {})
        return found

    def keys_elsewhere(self) -> bool:
        """An office's desk whose log says an account is connected, while this workstation's
        keyring holds no keys: another workstation publishes. (A keyring that cannot be
        asked raises VaultError: that is a blocked keyring, not keys elsewhere.)"""
        if not (self.desk.store.on_server and self.on_record()):
            return False
        return not self.vault(unlock_timeout=CHECKPOINT_UNLOCK_SECONDS).has_keys()  # never waits on a prompt

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
            if on_record:  # on an office's server the keys are then on another workstation
                raise PublishingBlocked("workstation.keys_elsewhere" if self.desk.store.on_server
                                        else "vault.publish_keys_gone")
            return None
        return x_publisher(self.desk.store, keys)

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

            chain.append(store.db, action=action, actor=session.username,
                         detail={"handle": info.handle, "user_id": info.user_id})

    # the audit checkpoint ------------------------------------------------------------
    def save_checkpoint(self, anchor) -> None:
        """After each commit: the chain's length and newest hash into the keyring. Without
        a keyring the chain still verifies on its own; only a whole-table rewrite goes
        unnoticed. The window hands this to a thread of its own: a slow keyring never
        stalls it (the anchor file beside the database is written at once meanwhile)."""
        if self._checkpoints is not None:
            self._checkpoints.put(anchor)
        else:
            self.write_checkpoint(anchor)

    def write_checkpoint(self, anchor) -> None:
        try:
            # Never wait on an unlock prompt for this: a locked keyring skips one checkpoint.
            self.vault(unlock_timeout=CHECKPOINT_UNLOCK_SECONDS).set_anchor(anchor.for_keyring())
            if not self._folder_noted:
                remember_folder(self.desk.folder, anchor.desk_id, anchor.name_en)
                self._folder_noted = True
        except (VaultError, StoreError) as error:
            log.debug("no audit checkpoint kept: %s", error.key)

    def flush(self, seconds: float = 5.0) -> None:
        if self._checkpoints is not None:
            self._checkpoints.flush(seconds)

    def checkpoint(self) -> dict | None:
        """The anchor the keyring keeps: {"events", "head", "sealed_from"}, or None."""
        try:
            return self.vault().get_anchor()
        except VaultError:
            return None


def _folder_vault():
    from desk.vault import Vault

    return Vault(namespace="folders", unlock_timeout=CHECKPOINT_UNLOCK_SECONDS)


def _folder_entry(folder) -> str:
    import hashlib

    return hashlib.sha256(str(os.path.realpath(folder)).encode("utf-8")).hexdigest()


def remember_folder(folder, desk_id: str, name_en: str) -> None:
    """Which desk a data folder holds, kept in the keyring: a wiped folder cannot take it along."""
    import json

    vault = _folder_vault()
    vault._set(vault._user(_folder_entry(folder)), json.dumps({"desk_id": desk_id, "name_en": name_en}))


def desk_once_in(folder) -> tuple[dict, dict | None] | None:
    """The desk the keyring remembers in this folder, and that desk's anchor; None if none."""
    import json

    from desk.vault import Vault

    try:
        vault = _folder_vault()
        raw = vault._get(vault._user(_folder_entry(folder)))
        if raw is None:
            return None
        found = json.loads(raw)
        return found, Vault(namespace=f"desk-{found['desk_id']}").get_anchor()
    except (VaultError, ValueError, KeyError, TypeError):
        return None


class SealUnavailable(VaultError):
    """The log is sealed and the keyring that holds its key cannot be reached now."""

    exit_code = EXIT_X


_SEAL_KEYS: dict[str, bytes] = {}  # per desk, for this process: read from the keyring once


class Sealer:
    """Gives the store the log's seal key. A desk whose keyring can hold secrets seals
    its log from its first event (or, for an older desk, from the first event written
    with a keyring at hand); a desk with no secure keyring writes unsealed events."""

    def __init__(self, account: Account):
        self.account = account
        self._no_keyring = False  # no secure back-end on this machine: it will not appear
        self._failed = False  # the keyring did not answer for this transaction

    def _namespace(self) -> str | None:
        found = self.account.desk.store.institution.get()
        return f"desk-{found['desk_id']}" if found else None

    def cached(self) -> bytes | None:
        namespace = self._namespace()
        return _SEAL_KEYS.get(namespace) if namespace else None

    def _fetch(self, create: bool) -> bytes | None:
        from desk.vault import NoSecureKeyring

        namespace = self._namespace()
        if namespace is None or self._no_keyring:
            return None
        if namespace in _SEAL_KEYS:
            return _SEAL_KEYS[namespace]
        try:
            key = self.account.vault(unlock_timeout=CHECKPOINT_UNLOCK_SECONDS).seal_key(create=create)
        except NoSecureKeyring as error:
            self._no_keyring = error.key in ("vault.no_keyring", "vault.insecure_backend")
            self._failed = True
            return None
        except (VaultError, StoreError):
            self._failed = True
            return None
        if key is not None:
            _SEAL_KEYS[namespace] = key
        return key

    def forget(self) -> None:
        """Read the key from the keyring again (it was just put there)."""
        namespace = self._namespace()
        if namespace:
            _SEAL_KEYS.pop(namespace, None)
        self._failed = self._no_keyring = False

    def prepare(self) -> None:
        """Before the write lock: read the key, so a slow keyring holds no other desk up."""
        self._failed = False
        self._fetch(create=False)

    def key(self, sealed: bool) -> bytes | None:
        """Inside the transaction. A sealed log without its key refuses the write."""
        key = self.cached()
        if key is None and not self._failed:
            key = self._fetch(create=not sealed)
        if key is None and sealed:
            # on a shared server, a keyring that answers but lacks the key: not joined yet
            unreachable = self._failed or self._no_keyring
            not_joined = not unreachable and self.account.desk.store.on_server
            raise SealUnavailable("join.not_joined" if not_joined else "audit.seal_unavailable")
        return key


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
