"""What a day of 30 posts costs in requests to X, and in money on a pay-per-use account.

The desk runs a simulated day against the fake X on 127.0.0.1: 30 scheduled posts (8 with
a link, 10 with an image and its alt text), one of them left uncertain by a cut connection
and settled by the next round, and ``publish-due`` every minute for 24 hours. Every request
the fake receives is counted; the prices are X's pay-per-use rates as its documentation
gives them (docs.x.com, "X API pay-per-usage pricing" and the changelog of 16 April 2026).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

from benchmarks.make_db import headlines

# US dollars. Reads are charged per resource returned, writes per request; a resource read
# twice in one UTC day is charged once.
POST_CREATE = 0.015
POST_CREATE_WITH_URL = 0.200
MEDIA_METADATA = 0.005
OWNED_READ = 0.001  # GET /2/users/{id}/tweets on the app owner's own account, per post returned
USER_READ = 0.010  # GET /2/users/me, per user returned (once a day at most)
POSTS = 30
WITH_LINK = 8
WITH_IMAGE = 10
KEYS = dict(consumer_key="bench-consumer-key", consumer_secret="bench-consumer-secret",
            access_token="1580000000000000001-bench", access_token_secret="bench-token-secret")


def _office(folder: Path):
    from desk.core.roles import Role
    from desk.core.staff_rules import hash_password
    from desk.service import Desk
    from desk.store import chain

    desk = Desk(folder)
    password = hash_password("benchmark-password")
    with desk.store.transaction():
        desk.store.institution.create("مكتب الاتصال", "Communications Office", "office", None, by="admin")
        desk.store.staff.add("officer", "عمر", frozenset({Role.OFFICER}), password, by=None)
        desk.store.staff.add("supervisor", "سارة", frozenset({Role.SUPERVISOR}), password, by=None)
        # what Account.set_keys writes once X has named the account
        chain.append(desk.store.db, action="account_set", actor="admin",
                     detail={"handle": "office", "user_id": "1580000000000000001"})
    return desk


def _image(folder: Path, n: int) -> Path:
    from PIL import Image

    path = folder / f"photo-{n}.png"
    Image.new("RGB", (64, 48), (20 * n % 255, 90, 140)).save(path)
    return path


def simulate_day() -> tuple[Counter, int, int]:
    """Requests by endpoint, the posts the timeline returned, and the posts with a link."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.fakes.x_server import FakeX

    from desk.account import x_publisher
    from desk.vault import XKeys

    fake = FakeX(**KEYS, username="office").start()
    os.environ.pop("DESK_DATABASE_URL", None)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            desk = _office(folder / "desk")
            desk._publisher_factory = lambda d: x_publisher(d.store, XKeys(**KEYS), api_base=fake.base_url)
            officer = desk.sign_in("officer", "benchmark-password")
            supervisor = desk.sign_in("supervisor", "benchmark-password")
            lines = headlines()
            start = datetime.now(timezone.utc) + timedelta(minutes=2)
            for n in range(POSTS):
                text = f"{lines[n % len(lines)]} ({n + 1})"
                if n < WITH_LINK:
                    text += f" https://example.org/news/{n + 1}"
                images = [(_image(folder, n), "صورة الخبر")] if WITH_LINK <= n < WITH_LINK + WITH_IMAGE else []
                post_id = officer.draft(text, images=images)
                officer.submit(post_id)
                supervisor.approve(post_id)
                supervisor.schedule(post_id, (start + timedelta(minutes=45 * n)).isoformat())
            fake.requests.clear()
            fake.posts_served = 0
            for minute in range(24 * 60):
                if minute == 15 * 45 + 2:  # the 16th post reaches X and its answer is lost
                    fake.fail_next("drop", on="POST /2/tweets")
                desk.publish_due(now=start + timedelta(minutes=minute))
            desk.close()
        return Counter(fake.requests), fake.posts_served, WITH_LINK
    finally:
        fake.stop()


def measure(folder=None):
    from benchmarks.measures import Result

    started = time.perf_counter()
    calls, returned, links = simulate_day()
    creates = calls["POST /2/tweets"]
    day = ((creates - links) * POST_CREATE + links * POST_CREATE_WITH_URL
           + calls["POST /2/media/metadata"] * MEDIA_METADATA + returned * OWNED_READ
           + min(calls["GET /2/users/me"], 1) * USER_READ)
    no_links = creates * POST_CREATE + calls["POST /2/media/metadata"] * MEDIA_METADATA + returned * OWNED_READ \
        + min(calls["GET /2/users/me"], 1) * USER_READ
    shown = ", ".join(f"{name} {count}" for name, count in sorted(calls.items()))
    took = time.perf_counter() - started
    return [
        Result("x: requests for a day of 30 posts", sum(calls.values()), "req", None, f"({shown}; {took:.0f} s)"),
        Result("x: a month of it, pay-per-use", round(30 * day, 2), "USD", None,
               f"({links} of {POSTS} posts a day with a link; ${30 * no_links:.2f} a month with no links)"),
    ]
