"""The test keyring outlives a daemon that exits in the middle of a run.

gnome-keyring-daemon 42 was seen to exit in the middle of a run (it is known to abort
when a client disconnects while the daemon still answers it, and the tests start many
short-lived desk processes), and the bus then starts a bare daemon with no keyring.
``.ci/keyring-session.sh`` starts another daemon on the same keyrings; these tests kill
the daemon and watch the keys come back.

    dbus-run-session -- bash .ci/keyring-session.sh .venv/bin/python -m pytest tests/integration/test_keyring_session.py
"""
from __future__ import annotations

import os
import signal
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.integration.cli_helpers import keyring_problem  # noqa: E402

SERVICE = "desk-test-keyring-session"


def owner_pid() -> int | None:
    """The pid that holds the Secret Service's name, asked of the bus (never activating)."""
    import secretstorage
    from jeepney.bus_messages import message_bus

    with closing(secretstorage.dbus_init()) as connection:
        if not connection.send_and_get_reply(message_bus.NameHasOwner("org.freedesktop.secrets")).body[0]:
            return None
        return connection.send_and_get_reply(
            message_bus.GetConnectionUnixProcessID("org.freedesktop.secrets")).body[0]


def read_back(user: str, seconds: float) -> tuple[str | None, list[str]]:
    """The secret kept for ``user``, asked again until it comes or ``seconds`` pass.

    Asked through secretstorage, never through keyring: keyring answers a locked
    collection with an unlock prompt and waits for it forever, and a bare daemon that is
    killed with its prompt open never answers."""
    import secretstorage

    seen, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with closing(secretstorage.dbus_init()) as connection:
                collection = secretstorage.Collection(connection)  # the default alias, never created
                if collection.is_locked():
                    seen.append("locked")
                else:
                    found = [item.get_secret().decode() for item in
                             collection.search_items({"service": SERVICE, "username": user})]
                    if found:
                        return found[0], seen
                    seen.append("nothing kept")
        except Exception as exc:  # noqa: BLE001 - the gap while the daemon is started again
            seen.append(type(exc).__name__)
        time.sleep(0.3)
    return None, seen


@pytest.fixture
def session_keyring():
    if problem := keyring_problem():
        if os.environ.get("CI"):
            pytest.fail(f"CI needs a real Secret Service: {problem}", pytrace=False)
        pytest.skip(problem)
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    yield backend
    for user in ("before", "after"):
        try:
            backend.delete_password(SERVICE, user)
        except Exception:  # noqa: BLE001 - not kept, or kept in a collection that went
            pass


@pytest.mark.parametrize("signal_sent", [signal.SIGKILL, signal.SIGABRT])
def test_a_daemon_that_dies_is_replaced_on_the_same_keyrings(session_keyring, signal_sent):
    session_keyring.set_password(SERVICE, "before", "kept-before")
    first = owner_pid()
    assert first is not None
    os.kill(first, signal_sent)

    found, seen = read_back("before", seconds=20)
    assert found == "kept-before", seen  # the same keyring file, unlocked again
    second = owner_pid()
    assert second not in (None, first)
    assert keyring_problem() is None  # what every later test asks first
    session_keyring.set_password(SERVICE, "after", "kept-after")
    assert session_keyring.get_password(SERVICE, "after") == "kept-after"


def test_a_bare_daemon_the_bus_started_is_replaced_too(session_keyring):
    """A client that asks in the gap makes the bus start gnome-keyring on its own, with no
    keyring; the session replaces that daemon as well."""
    session_keyring.set_password(SERVICE, "before", "kept-before")
    first = owner_pid()
    os.kill(first, signal.SIGKILL)
    while owner_pid() == first:  # the bus sees the name go
        time.sleep(0.05)
    import secretstorage

    # at once, before the session's two looks (0.4 s): the bus activates a daemon for
    # this call, one with no keyring, so it is refused at once rather than prompted.
    # Which daemon is first is not the test's to choose; either way the keys come back.
    try:
        with closing(secretstorage.dbus_init()) as connection:
            secretstorage.Collection(connection).is_locked()
    except Exception:  # noqa: BLE001 - the bare daemon has no default collection, or the
        pass  # bus is still handing the name over

    found, seen = read_back("before", seconds=20)
    assert found == "kept-before", seen
    assert owner_pid() not in (None, first)
