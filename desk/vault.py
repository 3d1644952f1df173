"""The X account keys and the audit checkpoint, kept in the OS keyring.

Only keyrings that protect secrets are used: Secret Service (GNOME Keyring, KWallet's
Secret Service, KeePassXC), libsecret, KWallet, macOS Keychain and Windows Credential
Manager. With none of them the vault refuses (NoSecureKeyring) instead of falling back
to a plaintext file; drafting and review go on, publishing waits.

Values never leave this module except through ``load_keys``, ``get_checkpoint``,
``get_anchor`` and ``seal_key``:
no exception, ``repr`` or log line carries them.
"""

from __future__ import annotations

import json
import logging
import re
from contextlib import closing
from dataclasses import dataclass, fields

import keyring
import keyring.errors as kerrors
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend

from desk.core.errors import EXIT_X, DeskError, InvalidInput, VaultError
from desk.core.messages import CATALOG

log = logging.getLogger(__name__)

SERVICE_NAME = "posting-desk"
UNLOCK_TIMEOUT = 60.0  # a person may need to type the keyring password

# Exact classes, by dotted name: a subclass could change where the secrets go.
SECURE_BACKENDS = {
    "keyring.backends.SecretService.Keyring": "vault.backend.secret_service",
    "keyring.backends.libsecret.Keyring": "vault.backend.libsecret",
    "keyring.backends.kwallet.DBusKeyring": "vault.backend.kwallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "vault.backend.kwallet",
    "keyring.backends.macOS.Keyring": "vault.backend.macos",
    "keyring.backends.Windows.WinVaultKeyring": "vault.backend.windows",
}
# Both talk to org.freedesktop.secrets, where a locked collection is checked up front.
SECRET_SERVICE_BACKENDS = {
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.libsecret.Keyring",
}
NO_KEYRING = {"keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"}
DEFAULT_COLLECTION = "/org/freedesktop/secrets/aliases/default"


class NoSecureKeyring(VaultError):
    """No keyring, only an insecure one, or the keyring service does not answer."""


class KeyringLocked(VaultError):
    """The keyring is locked and unlocking was refused or not answered in time."""


class PublishingBlocked(VaultError):
    """An X account is on record but its keys cannot be had: publishing refuses (exit 5)
    rather than sending the post anywhere else."""

    exit_code = EXIT_X


def _class_name(obj) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


# --- the four keys -----------------------------------------------------------------

KEY_FIELDS = ("consumer_key", "consumer_secret", "access_token", "access_token_secret")
KEY_MIN, KEY_MAX = 10, 200  # X's are 25 to ~60; the margin is for future formats
_KEY_CHARS = re.compile(r"[A-Za-z0-9_-]+")
_ACCESS_TOKEN = re.compile(r"[0-9]+-[A-Za-z0-9_-]+")  # "<account number>-<random>"
_SHA256 = re.compile(r"[0-9a-f]{64}")


def _field_words(name: str) -> tuple[str, str]:
    return CATALOG[f"keys.field.{name}"]


@dataclass(frozen=True, repr=False)
class XKeys:
    """OAuth 1.0a user-context keys of the institution's X app.

    Surrounding whitespace (a pasted line end) is trimmed; anything else that cannot be
    an X key raises InvalidInput naming the field, never showing its value.
    """

    consumer_key: str
    consumer_secret: str
    access_token: str
    access_token_secret: str

    def __post_init__(self):
        seen: dict[str, str] = {}
        for name in KEY_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, str):
                raise TypeError(f"XKeys.{name} must be a str")
            value = value.strip()
            object.__setattr__(self, name, value)
            field = _field_words(name)
            if not value:
                raise InvalidInput("keys.empty", field=field)
            if any(ch.isspace() for ch in value):
                raise InvalidInput("keys.whitespace", field=field)
            if not (KEY_MIN <= len(value) <= KEY_MAX and _KEY_CHARS.fullmatch(value)):
                raise InvalidInput("keys.malformed", field=field, min=KEY_MIN, max=KEY_MAX)
            if name == "access_token" and not _ACCESS_TOKEN.fullmatch(value):
                raise InvalidInput("keys.access_token_form", field=field)
            if value in seen:
                raise InvalidInput("keys.duplicate", field=_field_words(seen[value]), other=field)
            seen[value] = name

    def __repr__(self) -> str:
        return "XKeys(<hidden>)"

    __str__ = __repr__

    def _to_json(self) -> str:
        return json.dumps({"v": 1, **{f.name: getattr(self, f.name) for f in fields(self)}})


# --- the vault ---------------------------------------------------------------------


class Vault:
    """One desk's secrets in the OS keyring.

    ``namespace`` keeps desks apart (a stable id of the data folder), so two data
    folders on one computer never read each other's keys. ``backend`` defaults to the
    one keyring would choose; every method raises a VaultError subclass when the keyring
    cannot be used, and nothing is changed then.
    """

    def __init__(
        self,
        namespace: str,
        *,
        service_name: str = SERVICE_NAME,
        backend: KeyringBackend | None = None,
        unlock_timeout: float = UNLOCK_TIMEOUT,
    ):
        if not namespace or not namespace.isprintable() or len(namespace) > 200:
            raise ValueError("namespace must be a short printable id")
        self.namespace = namespace
        self.service_name = service_name
        self.unlock_timeout = unlock_timeout
        self._given = backend
        self._backend: KeyringBackend | None = None

    def __repr__(self) -> str:
        return f"Vault(namespace={self.namespace!r}, service_name={self.service_name!r})"

    # which keyring

    def backend(self) -> KeyringBackend:
        """The secure back-end in use, or NoSecureKeyring."""
        if self._backend is None:
            self._backend = resolve_backend(self._given)
            log.info("vault uses %s", _class_name(self._backend))
        return self._backend

    def backend_name(self, lang: str = "en") -> str:
        """Where the keys are kept, in plain words, e.g. 'macOS Keychain'."""
        english, arabic = CATALOG[SECURE_BACKENDS[_class_name(self.backend())]]
        return arabic if lang == "ar" else english

    # the X keys (load_keys is for the publisher only)

    def store_keys(self, keys: XKeys) -> None:
        if not isinstance(keys, XKeys):
            raise TypeError("store_keys takes XKeys")
        self._set(self._user("x-keys"), keys._to_json())
        log.info("X account keys stored for desk %s", self.namespace)

    def load_keys(self) -> XKeys | None:
        raw = self._get(self._user("x-keys"))
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            return XKeys(**{name: data[name] for name in KEY_FIELDS})
        except (ValueError, KeyError, TypeError, DeskError):
            pass  # raised below, so the parse error (which holds the text) is not chained
        raise VaultError("vault.entry_damaged")

    def has_keys(self) -> bool:
        return self._get(self._user("x-keys")) is not None

    def forget(self) -> None:
        """Remove the X keys (not the audit checkpoint). Forgetting nothing is fine."""
        self._delete(self._user("x-keys"))
        log.info("X account keys forgotten for desk %s", self.namespace)

    # the audit chain's newest hash

    def set_checkpoint(self, hash_hex: str) -> None:
        if not isinstance(hash_hex, str) or not _SHA256.fullmatch(hash_hex):
            raise InvalidInput("vault.checkpoint_malformed")
        self._set(self._user("audit-checkpoint"), hash_hex)

    def get_checkpoint(self) -> str | None:
        value = self._get(self._user("audit-checkpoint"))
        if value is not None and not _SHA256.fullmatch(value):
            raise VaultError("vault.entry_damaged")
        return value

    # the audit anchor: the chain's length and head together, and the log's seal key

    def set_anchor(self, anchor: dict) -> None:
        """{"events": n, "head": hash, "sealed_from": id or null}: where the chain ended."""
        events, head = anchor.get("events"), anchor.get("head")
        if not isinstance(events, int) or events < 0 or not isinstance(head, str) or not _SHA256.fullmatch(head):
            raise InvalidInput("vault.checkpoint_malformed")
        kept = {"events": events, "head": head, "sealed_from": anchor.get("sealed_from")}
        self._set(self._user("audit-anchor"), json.dumps(kept, sort_keys=True))

    def get_anchor(self) -> dict | None:
        """The anchor last kept; an older desk's bare checkpoint hash reads as one without a length."""
        raw = self._get(self._user("audit-anchor"))
        if raw is None:
            legacy = self.get_checkpoint()
            return None if legacy is None else {"events": None, "head": legacy, "sealed_from": None}
        try:
            found = json.loads(raw)
            if isinstance(found["events"], int) and _SHA256.fullmatch(found["head"]):
                return {"events": found["events"], "head": found["head"], "sealed_from": found.get("sealed_from")}
        except (ValueError, KeyError, TypeError):
            pass
        raise VaultError("vault.entry_damaged")

    def seal_key(self, create: bool = False) -> bytes | None:
        """The secret the log's events are sealed with (HMAC); made once, never shown."""
        raw = self._get(self._user("audit-seal"))
        if raw is None and create:
            import secrets

            self._set(self._user("audit-seal"), secrets.token_hex(32))
            raw = self._get(self._user("audit-seal"))
        if raw is None:
            return None
        if not _SHA256.fullmatch(raw):
            raise VaultError("vault.entry_damaged")
        return bytes.fromhex(raw)

    def keep_seal_key(self, key: bytes) -> None:
        """The log's seal key brought from the office (desk join): kept, never shown."""
        if not isinstance(key, bytes) or len(key) != 32:
            raise InvalidInput("vault.checkpoint_malformed")
        self._set(self._user("audit-seal"), key.hex())

    # plumbing

    def _user(self, what: str) -> str:
        return f"{self.namespace}/{what}"

    def _get(self, user: str) -> str | None:
        return _guarded("read", lambda: self._ready().get_password(self.service_name, user))

    def _set(self, user: str, value: str) -> None:
        _guarded("store", lambda: self._ready().set_password(self.service_name, user, value))

    def _delete(self, user: str) -> None:
        def delete():
            try:
                self._ready().delete_password(self.service_name, user)
            except kerrors.PasswordDeleteError:
                pass  # nothing stored: already forgotten

        _guarded("delete", delete)

    def _ready(self) -> KeyringBackend:
        backend = self.backend()
        if _class_name(backend) in SECRET_SERVICE_BACKENDS:
            _unlock_secret_service(backend, self.unlock_timeout)
        return backend


def resolve_backend(backend: KeyringBackend | None = None) -> KeyringBackend:
    """The back-end that would really hold the secrets, if it is a secure one.

    A chainer writes to its highest-priority member, so that member is judged and then
    used directly: reads never fall through to an insecure member further down.
    """
    if backend is None:
        try:
            backend = keyring.get_keyring()
        except Exception as exc:  # a broken keyringrc or plugin
            log.warning("keyring could not choose a back-end: %s", type(exc).__name__)
            raise NoSecureKeyring("vault.no_keyring", howto=CATALOG["vault.howto"]) from None
    if isinstance(backend, ChainerBackend):
        members = list(backend.backends)
        if not members:
            raise NoSecureKeyring("vault.no_keyring", howto=CATALOG["vault.howto"])
        backend = members[0]
    name = _class_name(backend)
    if name in SECURE_BACKENDS:
        return backend
    if name in NO_KEYRING:
        raise NoSecureKeyring("vault.no_keyring", howto=CATALOG["vault.howto"])
    log.warning("refusing insecure keyring back-end %s", name)
    raise NoSecureKeyring("vault.insecure_backend", found=name, howto=CATALOG["vault.howto"])


def _unlock_secret_service(backend: KeyringBackend, timeout: float) -> None:
    """Make sure the collection keyring will use is unlocked, waiting at most ``timeout``.

    keyring itself would wait for the unlock prompt forever; here a dismissed prompt
    (the usual answer with no display) or no answer in time is KeyringLocked. The prompt
    is left open rather than dismissed: gnome-keyring 42 was seen to exit when a prompt
    was dismissed before its prompter had answered.
    """
    import secretstorage

    path = getattr(backend, "preferred_collection", DEFAULT_COLLECTION)
    try:
        connection = secretstorage.dbus_init()
    except OSError:  # no session bus socket; secretstorage lets this one through
        raise NoSecureKeyring("vault.unreachable", howto=CATALOG["vault.howto"]) from None
    with closing(connection):
        try:
            collection = secretstorage.Collection(connection, path)
        except secretstorage.exceptions.ItemNotFoundException:
            raise NoSecureKeyring("vault.no_collection") from None
        if not collection.is_locked():
            return
        if timeout <= 0:  # background writes (checkpoint, seals) never raise a prompt
            raise KeyringLocked("vault.locked")
        log.info("keyring collection is locked; asking to unlock it")
        try:
            dismissed = collection.unlock(timeout=timeout)
        except TimeoutError:
            dismissed = True
        if dismissed or collection.is_locked():
            raise KeyringLocked("vault.locked")


def _guarded(action: str, call):
    """Run a keyring call; whatever it raises becomes a VaultError without its text.

    Back-end messages are not ours to show and, on a failed store, could in principle
    echo what was sent. The original is not even chained (raised after the ``except``
    block); only its type name is kept, for the log.
    """
    try:
        return call()
    except DeskError:
        raise
    except Exception as exc:  # noqa: BLE001 - every back-end raises its own kinds
        kind = type(exc).__name__
        error = _translate(kind, exc)
    log.warning("keyring %s failed: %s", action, kind)
    raise error


# secretstorage's exceptions by name: it exists on Linux only
_LOCKED = ("LockedException", "PromptDismissedException")
_UNREACHABLE = ("SecretServiceNotAvailableException",)


def _translate(kind: str, exc: Exception) -> VaultError:
    if isinstance(exc, kerrors.KeyringLocked) or kind in _LOCKED:
        return KeyringLocked("vault.locked")
    if isinstance(exc, (kerrors.InitError, kerrors.NoKeyringError)) or kind in _UNREACHABLE:
        return NoSecureKeyring("vault.unreachable", howto=CATALOG["vault.howto"])
    return VaultError("vault.failed", detail=kind)
