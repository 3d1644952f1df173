"""A scheduled `desk publish-due` whose keyring is out of reach (D-Bus session bus pointing
nowhere, as for a job started outside the person's session): exit 6, words that say where
the timer must run, nothing sent, and the run noted for the window. Real Secret Service
and the fake X server, as tests/integration/test_keyring_blocked_e2e.py:

    dbus-run-session -- bash .ci/keyring-session.sh python -m pytest tests/integration/test_schedule_keyring.py
"""

from __future__ import annotations

import json
import subprocess
import time
from datetime import datetime, timedelta, timezone

import pytest

from tests.integration import test_publish_e2e as e2e
from tests.integration.cli_helpers import Ran, desk_executable

# the end-to-end office, its fake X and its keyring entries (module fixtures, by name)
secret_service, e2e_template, world, connected, news = (
    e2e.secret_service, e2e.e2e_template, e2e.world, e2e.connected, e2e.news)

pytestmark = [pytest.mark.keyring, pytest.mark.both_stores]

NOWHERE = "unix:path=/nonexistent/posting-desk-test-bus"


def due_now(world, post_id: int) -> None:
    """Scheduled a few seconds ahead (the command takes a while on a busy server), then due."""
    at = datetime.now(timezone.utc) + timedelta(seconds=6)
    world.cli.ok("schedule", post_id, "--at", at.isoformat(timespec="milliseconds"), as_user="sara")
    while datetime.now(timezone.utc) <= at + timedelta(milliseconds=50):
        time.sleep(0.05)


def run_with_bus(cli, address: str, *args, env: dict | None = None) -> Ran:
    environ = {**cli.environ(**(env or {})), "DBUS_SESSION_BUS_ADDRESS": address}
    done = subprocess.run([desk_executable(), *args], capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env=environ, timeout=120, stdin=subprocess.DEVNULL)
    return Ran(list(args), done.returncode, done.stdout, done.stderr)


def test_publish_due_with_the_keyring_out_of_reach_exits_6_and_says_where_to_run(connected, news, snapshot):
    world, fake = connected, connected.fake
    post_id = world.approved(news[5])
    due_now(world, post_id)
    before, asked = snapshot(world.folder), len(fake.requests)

    ran = run_with_bus(world.cli, NOWHERE, "publish-due", env={"DESK_SCHEDULER": "systemd"})
    assert ran.code == 6, str(ran)
    assert "the keyring is locked or unreachable" in ran.err and NOWHERE in ran.err, str(ran)
    assert "desk schedule-service install" in ran.err and "Exit code 6" in ran.err, str(ran)
    assert ran.out == "" and len(fake.requests) == asked and e2e.post_requests(fake) == 0
    assert snapshot(world.folder) == before and world.state(post_id) == "scheduled"
    record = json.loads((world.folder / "publish-due.json").read_text())
    assert record["exit_code"] == 6 and record["by"] == "systemd", record

    arabic = run_with_bus(world.cli, NOWHERE, "publish-due", env={"DESK_LANG": "ar"})
    assert arabic.code == 6 and "تعذّر النشر المجدول: مخزن المفاتيح مقفل أو لا يمكن الوصول إليه" in arabic.err, \
        str(arabic)
    assert "رمز الخروج 6" in arabic.err

    # inside the session (the bus the keyring answers on) the same command sends it
    done = world.cli.ok("publish-due")
    assert f"{post_id}\tpublished" in done.out
    assert [p.text for p in fake.posts] == [news[5]]
    assert json.loads((world.folder / "publish-due.json").read_text())["exit_code"] == 0
