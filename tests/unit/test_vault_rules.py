"""Vault rules that need no keyring daemon: key validation, which back-ends are accepted,
how keyring failures are reported, and that secrets stay out of every message."""

from __future__ import annotations

import logging
import sys

import keyring.core
import keyring.errors as kerrors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, chainer, fail, null
from keyring.compat import properties

from desk import vault as vault_mod
from desk.core.errors import InvalidInput, VaultError
from desk.vault import KeyringLocked, NoSecureKeyring, Vault, XKeys, resolve_backend

CK = "MARKERck" + "a1" * 10
CS = "MARKERcs" + "b2" * 20
AT = "1234567890-MARKERat" + "c3" * 15
ATS = "MARKERats" + "d4" * 18
MARKERS = (CK, CS, AT, ATS)


def good_keys(**changes) -> XKeys:
    values = dict(consumer_key=CK, consumer_secret=CS, access_token=AT, access_token_secret=ATS)
    values.update(changes)
    return XKeys(**values)


class _TestOnly(KeyringBackend):
    """Base of the fakes: never viable, so keyring's own detection never picks one up."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("test back-end")


class PlaintextKeyring(_TestOnly):
    """What keyrings.alt's PlaintextKeyring amounts to: secrets kept readable."""

    def __init__(self):
        super().__init__()
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.data.get((service, username))

    def set_password(self, service, username, password):
        self.data[(service, username)] = password

    def delete_password(self, service, username):
        if self.data.pop((service, username), None) is None:
            raise kerrors.PasswordDeleteError("no such password")


class MemoryKeyring(PlaintextKeyring):
    """Stands in for a secure back-end once its name is allowed (see `allowed`)."""


class BrokenKeyring(MemoryKeyring):
    def __init__(self, error: Exception):
        super().__init__()
        self.error = error

    def get_password(self, service, username):
        raise self.error

    set_password = delete_password = lambda self, *args: self.get_password(None, None)  # noqa: E731


def chain_of(*members):
    class TestChainer(chainer.ChainerBackend):
        backends = list(members)

    return TestChainer()


@pytest.fixture
def allowed(monkeypatch):
    """Let MemoryKeyring (and its subclasses) pass as secure for this test."""
    for cls in (MemoryKeyring, BrokenKeyring):
        monkeypatch.setitem(vault_mod.SECURE_BACKENDS, f"{cls.__module__}.{cls.__qualname__}",
                            "vault.backend.secret_service")


# --- the four keys -------------------------------------------------------------------

def test_good_keys_are_trimmed_and_kept():
    keys = good_keys(consumer_key=f"  {CK}\n")
    assert keys.consumer_key == CK
    assert keys == good_keys()


@pytest.mark.parametrize("field, words", [
    ("consumer_key", "consumer key"),
    ("consumer_secret", "consumer secret"),
    ("access_token", "access token"),
    ("access_token_secret", "access token secret"),
])
@pytest.mark.parametrize("bad, key", [
    ("", "keys.empty"),
    ("   \n", "keys.empty"),
    ("MARKERbad" + "x" * 10 + " " + "y" * 10, "keys.whitespace"),
    ("MARKERbad\tx" + "y" * 10, "keys.whitespace"),
    ("MARKERbad", "keys.malformed"),  # too short
    ("MARKERbad" + "x" * 300, "keys.malformed"),
    ("MARKERbad'quote'xxxxxxxx", "keys.malformed"),
    ("MARKERbadمفتاحxxxxxxxx", "keys.malformed"),
])
def test_malformed_keys_name_the_field_never_the_value(field, words, bad, key):
    with pytest.raises(InvalidInput) as caught:
        good_keys(**{field: bad})
    error = caught.value
    assert error.key == key
    assert error.exit_code == 4
    assert words in str(error)
    assert "MARKERbad" not in str(error) + repr(error) + error.message("ar")
    assert error.message("ar") != str(error)  # an Arabic message exists


def test_access_token_must_start_with_the_account_number():
    with pytest.raises(InvalidInput) as caught:
        good_keys(access_token="MARKERnodash" + "x" * 30)
    assert caught.value.key == "keys.access_token_form"
    assert "access token" in str(caught.value)
    assert "MARKERnodash" not in str(caught.value)


def test_the_same_value_pasted_twice_is_refused():
    with pytest.raises(InvalidInput) as caught:
        good_keys(access_token_secret=CS)
    assert caught.value.key == "keys.duplicate"
    assert "consumer secret" in str(caught.value) and "access token secret" in str(caught.value)
    assert CS not in str(caught.value)


def test_keys_hide_their_values():
    keys = good_keys()
    shown = " ".join([repr(keys), str(keys), f"{keys}", f"{keys!r}", repr([keys]), repr({"k": keys})])
    assert not any(marker in shown for marker in MARKERS)
    with pytest.raises(AttributeError):
        keys.consumer_key = "x" * 20  # frozen


def test_keys_must_be_text():
    with pytest.raises(TypeError):
        XKeys(None, CS, AT, ATS)


# --- which back-ends are accepted ------------------------------------------------------

@pytest.mark.parametrize("backend", [SecretService.Keyring()], ids=["SecretService"])
def test_secure_backend_is_used_as_is(backend):
    assert resolve_backend(backend) is backend


@pytest.mark.parametrize("backend, key", [
    (PlaintextKeyring(), "vault.insecure_backend"),
    (fail.Keyring(), "vault.no_keyring"),
    (null.Keyring(), "vault.no_keyring"),
])
def test_insecure_or_missing_backend_is_refused(backend, key):
    with pytest.raises(NoSecureKeyring) as caught:
        resolve_backend(backend)
    error = caught.value
    assert error.key == key
    assert isinstance(error, VaultError)
    assert "gnome-keyring" in str(error)  # tells how to get one
    assert "gnome-keyring" in error.message("ar")


def test_subclass_of_a_secure_backend_is_not_trusted():
    class Lookalike(SecretService.Keyring):
        @properties.classproperty
        def priority(cls) -> float:
            raise RuntimeError("test back-end")

    with pytest.raises(NoSecureKeyring):
        resolve_backend(Lookalike())


def test_chainer_is_judged_by_the_member_it_writes_to():
    secure, plain = SecretService.Keyring(), PlaintextKeyring()
    assert resolve_backend(chain_of(secure, plain)) is secure
    for chain in (chain_of(plain), chain_of(plain, secure), chain_of()):
        with pytest.raises(NoSecureKeyring):
            resolve_backend(chain)


def test_default_backend_comes_from_keyring_and_is_judged(monkeypatch):
    plain = PlaintextKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", plain)
    vault = Vault("desk-1")
    with pytest.raises(NoSecureKeyring):
        vault.store_keys(good_keys())
    with pytest.raises(NoSecureKeyring):
        vault.backend_name()
    assert plain.data == {}  # nothing went to the plaintext store


def test_no_secure_keyring_changes_nothing_and_reads_nothing():
    plain = PlaintextKeyring()
    plain.data[("posting-desk", "desk-1/x-keys")] = "planted"
    vault = Vault("desk-1", backend=plain)
    for call in (vault.has_keys, vault.load_keys, vault.forget, vault.get_checkpoint,
                 lambda: vault.set_checkpoint("0" * 64), lambda: vault.store_keys(good_keys())):
        with pytest.raises(NoSecureKeyring):
            call()
    assert plain.data == {("posting-desk", "desk-1/x-keys"): "planted"}


@pytest.mark.skipif(sys.platform != "linux", reason="the Secret Service is a Linux keyring")
def test_unreachable_secret_service_is_reported(monkeypatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/desk-test-bus")
    vault = Vault("desk-1", backend=SecretService.Keyring())
    assert "Secret Service" in vault.backend_name()
    with pytest.raises(NoSecureKeyring) as caught:
        vault.has_keys()
    assert caught.value.key == "vault.unreachable"


# --- the vault's own logic, over an allowed in-memory back-end -----------------------

def test_keys_are_one_json_entry_per_namespace(allowed):
    store = MemoryKeyring()
    one, two = Vault("desk-1", backend=store), Vault("desk-2", backend=store)
    one.store_keys(good_keys())
    assert list(store.data) == [("posting-desk", "desk-1/x-keys")]
    assert one.load_keys() == good_keys() and one.has_keys()
    assert two.load_keys() is None and not two.has_keys()
    two.forget()  # forgetting nothing is fine
    assert one.has_keys()


def test_checkpoint_rules(allowed):
    vault = Vault("desk-1", backend=MemoryKeyring())
    assert vault.get_checkpoint() is None
    vault.set_checkpoint("ab" * 32)
    assert vault.get_checkpoint() == "ab" * 32
    for bad in ("AB" * 32, "ab" * 31, "zz" * 32, None):
        with pytest.raises(InvalidInput):
            vault.set_checkpoint(bad)
    vault.forget()
    assert vault.get_checkpoint() == "ab" * 32  # forgetting the account keeps the audit anchor


@pytest.mark.parametrize("stored", ["not json", '{"v": 1}', '{"v": 1, "consumer_key": 5}',
                                    '{"v":1,"consumer_key":"MARKERdamaged x","consumer_secret":"a",'
                                    '"access_token":"b","access_token_secret":"c"}'])
def test_damaged_entry_is_its_own_error(allowed, stored):
    store = MemoryKeyring()
    store.data[("posting-desk", "desk-1/x-keys")] = stored
    with pytest.raises(VaultError) as caught:
        Vault("desk-1", backend=store).load_keys()
    assert caught.value.key == "vault.entry_damaged"
    assert "MARKERdamaged" not in str(caught.value)
    assert caught.value.__context__ is None  # the damaged text is not chained along


@pytest.mark.parametrize("error, kind, key", [
    (kerrors.KeyringLocked("Failed to unlock the collection!"), KeyringLocked, "vault.locked"),
    (kerrors.InitError("Failed to create the collection"), NoSecureKeyring, "vault.unreachable"),
    (kerrors.PasswordSetError("MARKERleak " + CS), VaultError, "vault.failed"),
    (OSError("MARKERleak " + CS), VaultError, "vault.failed"),
])
def test_keyring_failures_become_typed_errors_without_their_text(allowed, caplog, error, kind, key):
    caplog.set_level(logging.DEBUG)
    vault = Vault("desk-1", backend=BrokenKeyring(error))
    for call in (vault.has_keys, lambda: vault.store_keys(good_keys()), vault.forget):
        with pytest.raises(kind) as caught:
            call()
        assert caught.value.key == key
        assert caught.value.__cause__ is None and caught.value.__context__ is None
        text = str(caught.value) + repr(caught.value) + caught.value.message("ar")
        assert "MARKER" not in text and "wrong" not in text.lower()
    assert "MARKER" not in caplog.text


def test_locked_message_is_not_a_wrong_key_message():
    error = KeyringLocked("vault.locked")
    assert "locked" in str(error)
    assert "مقفل" in error.message("ar")
    assert "wrong" not in str(error).lower() and "invalid" not in str(error).lower()


def test_vault_repr_and_logs_carry_no_secret(allowed, caplog):
    caplog.set_level(logging.DEBUG)
    vault = Vault("desk-1", backend=MemoryKeyring())
    vault.store_keys(good_keys())
    vault.load_keys()
    vault.forget()
    assert not any(marker in caplog.text + repr(vault) for marker in MARKERS)


def test_namespace_is_required():
    for bad in ("", "a\nb", "x" * 201):
        with pytest.raises(ValueError):
            Vault(bad)
