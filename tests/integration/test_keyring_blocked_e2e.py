"""With the X account connected, a keyring that cannot be reached or is locked blocks
publishing (exit 5): the post stays as it was, X receives nothing, the log is unchanged.
Never the training timeline. A bad DESK_X_API_BASE is refused the same way (exit 4).

Real Secret Service and the fake X server, as tests/integration/test_publish_e2e.py:

    dbus-run-session -- bash .ci/keyring-session.sh python -m pytest tests/integration/test_keyring_blocked_e2e.py
"""

from __future__ import annotations

import subprocess
import time
from datetime import datetime, timedelta, timezone

import pytest

from tests.integration.cli_helpers import Ran, desk_executable
from tests.integration.test_publish_e2e import (  # noqa: F401 - fixtures, used by name
    connected, e2e_template, news, post_requests, secret_service, world,
)
from tests.integration.test_vault import own_collection, own_default  # noqa: F401 - fixtures

pytestmark = [pytest.mark.keyring, pytest.mark.both_stores]

BLOCKED = "keyring is locked or unreachable"


def without_bus(cli, *args, as_user: str | None = None, env: dict | None = None) -> Ran:
    """``env -u DBUS_SESSION_BUS_ADDRESS desk ARGS``: what a scheduler (cron, a systemd
    timer outside the desktop session) runs."""
    args, stdin = cli.command(args, as_user)
    environ = cli.environ(**(env or {}))
    environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
    done = subprocess.run([desk_executable(), *args], input="".join(f"{line}\n" for line in stdin),
                          capture_output=True, text=True, encoding="utf-8", errors="replace", env=environ,
                          timeout=60)
    ran = Ran(args, done.returncode, done.stdout, done.stderr)
    cli.transcript.append(ran)
    return ran


def schedule_due(world, post_id: int) -> None:
    at = datetime.now(timezone.utc) + timedelta(seconds=2)
    world.cli.ok("schedule", post_id, "--at", at.isoformat(timespec="milliseconds"), as_user="sara")
    while datetime.now(timezone.utc) <= at + timedelta(milliseconds=50):
        time.sleep(0.05)


def test_publish_without_a_dbus_session_refuses_and_leaves_the_post_approved(connected, news, snapshot):
    world, cli, fake = connected, connected.cli, connected.fake
    post_id = world.approved(news[0])
    before, asked = snapshot(world.folder), len(fake.requests)

    ran = without_bus(cli, "publish", post_id, as_user="sara")

    assert ran.code == 5, str(ran)
    assert BLOCKED in ran.err and "unlock" in ran.err.lower() and ran.out == "", str(ran)
    assert len(fake.requests) == asked and fake.posts == []
    assert snapshot(world.folder) == before
    assert world.state(post_id) == "approved"
    arabic = without_bus(cli, "publish", post_id, as_user="sara", env={"DESK_LANG": "ar"})
    assert arabic.code == 5 and "مخزن المفاتيح مقفل أو لا يمكن الوصول إليه" in arabic.err, str(arabic)

    cli.ok("publish", post_id, as_user="sara")  # from the desktop session it goes out, to X
    assert [p.text for p in fake.posts] == [news[0]]
    assert world.desk().store.training.entries() == []


def test_publish_due_without_a_dbus_session_exits_6_and_the_post_stays_scheduled(connected, news, snapshot):
    world, cli, fake = connected, connected.cli, connected.fake
    post_id = world.approved(news[1])
    schedule_due(world, post_id)
    before, asked = snapshot(world.folder), len(fake.requests)

    ran = without_bus(cli, "publish-due")

    assert ran.code == 6 and BLOCKED in ran.err, str(ran)
    assert "published" not in ran.out, str(ran)
    assert len(fake.requests) == asked and post_requests(fake) == 0
    assert snapshot(world.folder) == before
    assert world.state(post_id) == "scheduled"

    done = cli.ok("publish-due")
    assert f"{post_id}\tpublished" in done.out
    assert [p.text for p in fake.posts] == [news[1]]


def test_a_locked_keyring_blocks_publishing_in_process_and_changes_nothing(world, news, snapshot, own_default):
    from desk.vault import PublishingBlocked

    world.connect()  # the keys go to this test's own collection, the default one now
    post_id = world.approved(news[2])
    desk = world.desk()
    sara = desk.sign_in("sara", "supervisor1")
    later = world.approved(news[4])
    sara.schedule(later, datetime.now(timezone.utc) + timedelta(minutes=5))
    own_default.lock()
    before, asked = snapshot(world.folder), len(world.fake.requests)

    assert desk.is_training() is False
    with pytest.raises(PublishingBlocked) as caught:
        sara.publish(post_id)
    assert caught.value.exit_code == 5 and BLOCKED in caught.value.message("en")
    with pytest.raises(PublishingBlocked):
        desk.publish_due(datetime.now(timezone.utc) + timedelta(minutes=6))

    assert snapshot(world.folder) == before and len(world.fake.requests) == asked
    assert (world.state(post_id), world.state(later)) == ("approved", "scheduled")
    own_default.unlock_with_password()
    assert sara.publish(post_id).state.value == "published"
    assert [p.text for p in world.fake.posts] == [news[2]]


@pytest.mark.parametrize("base", ["http://127.0.0.1:99999", "http://127.0.0.1:port", "http://exa mple.com"])
def test_a_bad_api_base_is_refused_before_the_post_is_claimed(connected, news, snapshot, base):
    world, cli = connected, connected.cli
    post_id = world.approved(news[3])
    before = snapshot(world.folder)

    ran = cli.run("publish", post_id, as_user="sara", env={"DESK_X_API_BASE": base})
    assert ran.code == 4, str(ran)
    assert "DESK_X_API_BASE" in ran.err and "Nothing was sent" in ran.err, str(ran)
    assert snapshot(world.folder) == before
    assert world.state(post_id) == "approved"

    schedule_due(world, post_id)
    before = snapshot(world.folder)
    ran = cli.run("publish-due", env={"DESK_X_API_BASE": base})
    assert ran.code == 4 and "DESK_X_API_BASE" in ran.err, str(ran)
    assert snapshot(world.folder) == before
    assert world.state(post_id) == "scheduled"
    assert world.fake.posts == []
