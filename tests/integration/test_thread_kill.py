"""A desk killed between a thread's parts: each part still reaches X once, in order.

A worker process (desk_worker.py, its own desk on this office) publishes a 5-part thread
to the fake X and stops itself (SIGSTOP) at a chosen post request, then is killed
(SIGKILL). This process then finds the thread ``publishing``, leaves it alone while the
stall window is open, lets the reconciler settle the part that was in flight once it has
passed, and publish-due finishes the thread: five posts on X, each a reply to the one before.
"""

from __future__ import annotations

import json
import os
import select
import signal
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.fakes.x_server import running_fake_x  # noqa: E402
from tests.integration.desk_worker import FAKE_X, STOP_AT_SEND  # noqa: E402
from tests.integration.pg_office import Worker  # noqa: E402
from tests.integration.test_threads import approved_thread, assert_one_thread, people, statement  # noqa: E402

from desk.core.states import State  # noqa: E402
from desk.publish.reconcile import STALLED, TIMELINE_LAG, reconcile  # noqa: E402
from desk.publish.x import XPublisher  # noqa: E402

pytestmark = [pytest.mark.both_stores, pytest.mark.slow,
              pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see a stopped process")]


def stopped(pid: int) -> bool:
    """The process stopped itself (SIGSTOP) where it was told to."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "T"
    except (OSError, IndexError):
        return False


def wait_for(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


def publish_and_kill(folder: Path, fake, post_id: int, stop: dict[str, str], user: str = "sara") -> dict | None:
    """A desk in a process of its own publishes ``post_id`` to ``fake`` and is killed
    (SIGKILL) where ``stop`` (DESK_STOP_AT or STOP_AT_SEND) has it stop itself. None once
    killed there; else the desk's answer (it refused, or ended before that request)."""
    # The worker's environment only: this process goes on publishing, and must not stop.
    given = {FAKE_X: json.dumps({"keys": fake.keys, "api_base": fake.base_url}), **stop}
    saved = {name: os.environ.get(name) for name in given}
    os.environ.update(given)
    try:
        worker = Worker(folder)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    process = worker.process
    try:
        worker.send("publish", post_id, user=user)
        wait_for(lambda: stopped(process.pid) or bool(select.select([process.stdout], [], [], 0)[0]))
        if not stopped(process.pid):
            return worker._answer()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        return None
    finally:
        worker.close()
        for pipe in (process.stdin, process.stdout, process.stderr):
            pipe.close()


@pytest.mark.parametrize("stop, recorded, on_x", [
    ({"DESK_STOP_AT": "answered"}, 0, 1),  # the desk's own hook: after part 1's answer
    ({STOP_AT_SEND: "answered:2"}, 1, 2),  # X took part 2, the desk had not recorded it
    ({STOP_AT_SEND: "before:3"}, 2, 2),  # part 2 recorded, part 3 not yet sent
    ({STOP_AT_SEND: "answered:5"}, 4, 5),  # the last part out, unrecorded
])
def test_a_desk_killed_between_parts_leaves_each_part_once_in_order(office_folder, desk_factory, headlines,
                                                                     stop, recorded, on_x):
    texts = statement(headlines, 5)
    with running_fake_x(username="MinistryMedia") as fake:
        desk = desk_factory(office_folder, publisher_factory=lambda d: XPublisher(
            **fake.keys, api_base=fake.base_url, timeout=5))
        omar, sara = people(desk)
        post_id = approved_thread(omar, sara, [(text, []) for text in texts])
        assert publish_and_kill(office_folder, fake, post_id, stop) is None  # killed where it stopped

        post = desk.store.posts.get(post_id)
        assert post.state == State.PUBLISHING and len(post.part_ids) == recorded
        assert len(fake.posts) == on_x
        assert list(post.part_ids) == [p.id for p in fake.posts][:recorded]

        desk.publish_due()  # the stall window is open: the sending desk may only be slow
        assert desk.store.posts.get(post_id).state == State.PUBLISHING and len(fake.posts) == on_x

        # Past the stall window and X's lag: the part in flight is found on the timeline
        # (or proven not there) and the thread is partly published, or whole.
        later = datetime.now(timezone.utc) + STALLED + TIMELINE_LAG + timedelta(minutes=1)
        [settled] = reconcile(desk.store, desk.publisher(), now=later)
        assert settled.outcome == ("published" if on_x > recorded else "retry")
        post = desk.store.posts.get(post_id)
        assert list(post.part_ids) == [p.id for p in fake.posts]
        assert post.state == (State.PUBLISHED if on_x == 5 else State.PARTLY_PUBLISHED)

        desk.publish_due()  # goes on from the first part not yet out
        assert_one_thread(fake, texts)
        post = desk.store.posts.get(post_id)
        assert post.state == State.PUBLISHED and list(post.part_ids) == [p.id for p in fake.posts]
        assert post.x_post_id == fake.posts[0].id
        actions = [e["action"] for e in desk.store.log.history(post_id)]
        assert actions.count("claim") == (1 if on_x == 5 else 2)
        assert desk.verify().ok
