"""The vault against a real Secret Service (gnome-keyring on a private D-Bus session).

Run under the helper that starts a throw-away, unlocked keyring:

    dbus-run-session -- bash .ci/keyring-session.sh pytest tests/integration/test_vault.py

Without it these tests skip, so they never write to (or lock) a person's own keyring;
on CI (env CI set) they fail instead, because a missing keyring must not pass quietly.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
import uuid
from contextlib import closing

import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, chainer, fail, null
from keyring.compat import properties

from desk.core.errors import InvalidInput
from desk.vault import KeyringLocked, NoSecureKeyring, Vault, XKeys

if sys.platform != "linux":
    pytest.skip("the Secret Service is a Linux keyring", allow_module_level=True)

# Linux only, hence after the check
import secretstorage  # noqa: E402
from jeepney.bus_messages import message_bus  # noqa: E402
from jeepney.io.blocking import open_dbus_connection  # noqa: E402
from secretstorage.util import DBusAddressWrapper, format_secret, open_session  # noqa: E402

pytestmark = pytest.mark.keyring

SERVICE = "posting-desk-test"
CK = "MARKERck" + "a1" * 10
CS = "MARKERcs" + "b2" * 20
AT = "1234567890-MARKERat" + "c3" * 15
ATS = "MARKERats" + "d4" * 18
MARKERS = (CK, CS, AT, ATS)
GUILT = "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"
SERVICE_IFACE = "org.freedesktop.Secret.Service"


def keys(**changes) -> XKeys:
    values = dict(consumer_key=CK, consumer_secret=CS, access_token=AT, access_token_secret=ATS)
    values.update(changes)
    return XKeys(**values)


def _why_unreachable() -> str | None:
    if not os.environ.get("DESK_TEST_KEYRING_SESSION"):
        return ("no test keyring: run under `dbus-run-session -- bash .ci/keyring-session.sh "
                "pytest ...` (these tests write to and lock the keyring they find)")
    try:
        with closing(secretstorage.dbus_init()) as connection:
            # asked of the bus, so no daemon is started by activation on the real keyrings
            owned = connection.send_and_get_reply(message_bus.NameHasOwner("org.freedesktop.secrets"))
            if not owned.body[0]:
                return "no Secret Service runs on this D-Bus session"
            if secretstorage.Collection(connection).is_locked():
                return "the test keyring's default collection is locked"
    except secretstorage.exceptions.ItemNotFoundException:
        return "the Secret Service has no default collection"
    except Exception as exc:  # noqa: BLE001 - any failure means no usable Secret Service
        return f"Secret Service not reachable ({type(exc).__name__}: {exc})"
    return None


@pytest.fixture(scope="module", autouse=True)
def secret_service():
    problem = _why_unreachable()
    if problem and os.environ.get("CI"):
        pytest.fail(f"CI needs a real Secret Service: {problem}", pytrace=False)
    if problem:
        pytest.skip(problem)


@pytest.fixture
def make_vault():
    made = []

    def make(namespace=None, **options):
        options.setdefault("service_name", SERVICE)
        vault = Vault(namespace or f"desk-{uuid.uuid4().hex[:12]}", **options)
        made.append(vault)
        return vault

    yield make
    for vault in made:
        try:
            vault.forget()
            vault._delete(vault._user("audit-checkpoint"))
        except Exception:  # noqa: BLE001 - a locked test collection is cleaned up by its fixture
            pass


def stored_items(attributes: dict[str, str], path=secretstorage.collection.DEFAULT_COLLECTION):
    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.Collection(connection, path)
        return [(item.get_label(), item.get_attributes(), item.get_secret())
                for item in collection.search_items(attributes)]


@pytest.fixture
def own_collection():
    """A collection of this test only, created and unlocked with a known password
    through gnome-keyring's non-prompting interface, so it can be locked and reopened."""
    password = uuid.uuid4().hex.encode()
    connection = secretstorage.dbus_init()
    session = open_session(connection)
    guilt = DBusAddressWrapper("/org/freedesktop/secrets", GUILT, connection)
    label = f"desk-test-{uuid.uuid4().hex[:8]}"
    path, = guilt.call("CreateWithMasterPassword", "a{sv}(oayays)",
                       {"org.freedesktop.Secret.Collection.Label": ("s", label)},
                       format_secret(session, password, "text/plain"))
    collection = secretstorage.Collection(connection, path)

    def unlock():
        guilt.call("UnlockWithMasterPassword", "o(oayays)", path,
                   format_secret(session, password, "text/plain"))

    collection.unlock_with_password = unlock
    yield collection
    unlock()
    collection.delete()
    connection.close()


@pytest.fixture
def own_default(own_collection):
    """own_collection as the default collection, so a vault reaches it the stock way."""
    def set_default(path):
        with closing(secretstorage.dbus_init()) as connection:
            service = DBusAddressWrapper("/org/freedesktop/secrets", SERVICE_IFACE, connection)
            previous, = service.call("ReadAlias", "s", "default")
            service.call("SetAlias", "so", "default", path)
            return previous

    previous = set_default(own_collection.collection_path)
    yield own_collection
    set_default(previous)


def vault_on(make_vault, collection, **options):
    backend = SecretService.Keyring()
    backend.preferred_collection = collection.collection_path
    return make_vault(backend=backend, **options)


class PlaintextKeyring(KeyringBackend):
    """Keeps secrets readable, as keyrings.alt's PlaintextKeyring does; never viable."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("test back-end")

    def __init__(self):
        super().__init__()
        self.data = {}

    def get_password(self, service, username):
        return self.data.get((service, username))

    def set_password(self, service, username, password):
        self.data[(service, username)] = password

    def delete_password(self, service, username):
        self.data.pop((service, username), None)


def chain_of(*members):
    class TestChainer(chainer.ChainerBackend):
        backends = list(members)

    return TestChainer()


# --- the real Secret Service ---------------------------------------------------------

def test_keys_round_trip_through_secret_service(make_vault):
    vault = make_vault()
    assert not vault.has_keys() and vault.load_keys() is None
    vault.store_keys(keys())
    assert vault.has_keys()
    assert vault.load_keys() == keys()
    # one item in the real default collection, its label and attributes free of secrets
    (label, attributes, secret), = stored_items({"service": SERVICE, "username": f"{vault.namespace}/x-keys"})
    assert CK.encode() in secret and ATS.encode() in secret
    assert not any(marker in label + repr(attributes) for marker in MARKERS)
    # storing again replaces, never duplicates
    vault.store_keys(keys(consumer_key="MARKERnew" + "e5" * 10))
    assert vault.load_keys().consumer_key == "MARKERnew" + "e5" * 10
    assert len(stored_items({"service": SERVICE, "username": f"{vault.namespace}/x-keys"})) == 1


def test_default_backend_is_secret_service_and_says_so(make_vault):
    vault = make_vault()
    assert "Secret Service" in vault.backend_name()
    assert "خدمة الأسرار" in vault.backend_name("ar")
    assert type(vault.backend()).__module__ == "keyring.backends.SecretService"


@pytest.mark.parametrize("backend", [PlaintextKeyring(), fail.Keyring(), null.Keyring()],
                         ids=["plaintext", "fail", "null"])
def test_insecure_backend_is_refused(make_vault, monkeypatch, backend):
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)  # as if keyring chose it
    vault = make_vault()
    with pytest.raises(NoSecureKeyring) as caught:
        vault.store_keys(keys())
    assert "gnome-keyring" in str(caught.value)
    with pytest.raises(NoSecureKeyring):
        vault.backend_name()
    assert getattr(backend, "data", {}) == {}


def test_chainer_wrapping_an_insecure_backend_is_refused(make_vault):
    plain = PlaintextKeyring()
    for chain in (chain_of(plain), chain_of(plain, SecretService.Keyring())):
        with pytest.raises(NoSecureKeyring):
            make_vault(backend=chain).store_keys(keys())
    assert plain.data == {}


def test_chainer_led_by_secret_service_uses_it_alone(make_vault):
    plain = PlaintextKeyring()
    plain.data[(SERVICE, "shared/x-keys")] = "planted by an insecure keyring"
    vault = make_vault("shared", backend=chain_of(SecretService.Keyring(), plain))
    assert "Secret Service" in vault.backend_name()
    assert vault.load_keys() is None  # no fall-through to the insecure member
    vault.store_keys(keys())
    assert vault.load_keys() == keys()
    assert plain.data == {(SERVICE, "shared/x-keys"): "planted by an insecure keyring"}


def returns_from(call, hang=120.0):
    """What ``call`` raised (None if it returned), run beside the test so that a call
    that never comes back fails the test instead of stopping the suite."""
    outcome = {}

    def run():
        try:
            call()
            outcome["raised"] = None
        except Exception as exc:  # noqa: BLE001 - handed back to the test
            outcome["raised"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(hang)
    assert "raised" in outcome, "the keyring call never came back"
    return outcome["raised"]


def test_locked_collection_is_keyring_locked_not_a_hang(make_vault, own_default):
    vault = make_vault(unlock_timeout=10)  # keyring's own choice, the default collection
    vault.store_keys(keys())
    vault.set_checkpoint("ab" * 32)
    assert stored_items({"service": SERVICE}, own_default.collection_path)
    own_default.lock()
    for call in (vault.load_keys, vault.has_keys, vault.get_checkpoint,
                 lambda: vault.store_keys(keys(consumer_key="MARKERother" + "f6" * 10)),
                 vault.forget):
        # with no display gnome-keyring's prompter cannot start: the prompt is dismissed,
        # and the call comes back refused instead of hanging
        caught = returns_from(call)
        assert isinstance(caught, KeyringLocked), caught
        text = str(caught).lower()
        assert "locked" in text and "wrong" not in text and "invalid" not in text
        assert "مقفل" in caught.message("ar")
    own_default.unlock_with_password()
    assert vault.load_keys() == keys()  # nothing was changed while locked
    assert vault.get_checkpoint() == "ab" * 32


def test_unanswered_unlock_prompt_times_out_as_keyring_locked(make_vault, own_collection):
    vault = vault_on(make_vault, own_collection, unlock_timeout=1.5)
    vault.store_keys(keys())
    own_collection.lock()
    # A prompter that takes gnome-keyring's call and never answers: a person away
    # from a desktop where the unlock dialog is open.
    with closing(open_dbus_connection(bus="SESSION")) as prompter:
        reply = prompter.send_and_get_reply(
            message_bus.RequestName("org.gnome.keyring.SystemPrompter", 4))  # do not queue
        assert reply.body == (1,), "another prompter owns the name"
        started = time.monotonic()
        assert isinstance(returns_from(vault.load_keys), KeyringLocked)
        waited = time.monotonic() - started
    assert waited >= 1.4  # it waited out the unlock timeout, then gave up
    own_collection.unlock_with_password()
    assert vault.load_keys() == keys()


def test_missing_collection_says_how_to_make_one(make_vault):
    backend = SecretService.Keyring()
    backend.preferred_collection = "/org/freedesktop/secrets/collection/desk_no_such"
    with pytest.raises(NoSecureKeyring) as caught:
        make_vault(backend=backend).has_keys()
    assert caught.value.key == "vault.no_collection"


def test_malformed_keys_are_refused_with_the_field_named(make_vault):
    vault = make_vault()
    vault.store_keys(keys())
    cases = {
        "consumer_secret": ("", "consumer secret"),
        "access_token": ("1234567890-MARKERbad with space", "access token"),
        "access_token_secret": ("MARKERbad", "access token secret"),
        "consumer_key": ("MARKERbad;" + "x" * 20, "consumer key"),
    }
    for field, (bad, words) in cases.items():
        with pytest.raises(InvalidInput) as caught:
            vault.store_keys(keys(**{field: bad}))
        assert words in str(caught.value)
        assert "MARKERbad" not in str(caught.value) + caught.value.message("ar")
    assert vault.load_keys() == keys()  # the stored keys are untouched


def test_marker_secrets_never_show(make_vault, own_collection, caplog):
    caplog.set_level(logging.DEBUG)
    texts = []
    vault = make_vault()
    vault.store_keys(keys())
    loaded = vault.load_keys()
    texts += [repr(loaded), str(loaded), f"{loaded}", repr(vault), str(vault)]
    locked = vault_on(make_vault, own_collection, unlock_timeout=5)
    locked.store_keys(keys())
    own_collection.lock()
    failures = [lambda: locked.load_keys(), lambda: locked.store_keys(keys()),
                lambda: make_vault(backend=PlaintextKeyring()).store_keys(keys()),
                lambda: vault.store_keys(keys(consumer_secret=CS + " " + CK))]
    for failure in failures:
        with pytest.raises(Exception) as caught:
            failure()
        error = caught.value
        texts += [str(error), repr(error), str(error.__cause__), str(error.__context__)]
        if hasattr(error, "message"):
            texts.append(error.message("ar"))
    own_collection.unlock_with_password()
    shown = "\n".join(texts) + caplog.text
    assert not any(marker in shown for marker in MARKERS)


def test_two_namespaces_do_not_see_each_other(make_vault):
    one, two = make_vault(), make_vault()
    one.store_keys(keys())
    one.set_checkpoint("11" * 32)
    assert two.load_keys() is None and not two.has_keys() and two.get_checkpoint() is None
    other = keys(consumer_key="MARKERtwo" + "a7" * 10)
    two.store_keys(other)
    two.set_checkpoint("22" * 32)
    assert one.load_keys() == keys() and two.load_keys() == other
    two.forget()
    assert one.has_keys() and not two.has_keys()
    assert one.get_checkpoint() == "11" * 32 and two.get_checkpoint() == "22" * 32


def test_checkpoint_round_trip(make_vault):
    vault = make_vault()
    assert vault.get_checkpoint() is None
    vault.set_checkpoint("ab" * 32)
    assert vault.get_checkpoint() == "ab" * 32
    vault.set_checkpoint("cd" * 32)
    assert vault.get_checkpoint() == "cd" * 32
    with pytest.raises(InvalidInput):
        vault.set_checkpoint("not a hash")
    assert vault.get_checkpoint() == "cd" * 32


def test_forget_removes_the_keys_only(make_vault):
    vault = make_vault()
    vault.store_keys(keys())
    vault.set_checkpoint("ef" * 32)
    vault.forget()
    assert not vault.has_keys() and vault.load_keys() is None
    assert stored_items({"service": SERVICE, "username": f"{vault.namespace}/x-keys"}) == []
    assert vault.get_checkpoint() == "ef" * 32
    vault.forget()  # twice is fine
