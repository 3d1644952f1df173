"""How many requests publishing costs: a pay-per-use X account pays for each one.

The account's id and handle are kept in the log when the keys are set, so a round of
``publish-due`` asks X nothing but the posts themselves, and a reconcile round reads the
timeline once, whatever number of posts it settles. The keys live in this session's
throw-away Secret Service (run under ``.ci/keyring-session.sh``).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.fakes.x_server import running_fake_x  # noqa: E402

from desk.core.states import State  # noqa: E402
from desk.store import chain  # noqa: E402

pytestmark = [pytest.mark.keyring]
HEADLINES = [line.strip() for line in (ROOT.parent / "shared" / "seed" / "headlines-ar.txt").read_text(
    encoding="utf-8").splitlines() if line.strip()]
ME, TIMELINE, CREATE = "GET /2/users/me", "GET /2/users/1580000000000000001/tweets", "POST /2/tweets"


@pytest.fixture
def fake_x(real_keyring, monkeypatch):
    with running_fake_x(username="MinistryMedia") as fake:
        monkeypatch.setenv("DESK_X_API_BASE", fake.base_url)
        monkeypatch.setenv("DESK_X_TIMEOUT", "5")
        yield fake


@pytest.fixture
def connected(office, fake_x):
    """The office with the fake account's keys set by the administrator, as the window does."""
    office.desk.account.set_keys(office.session("admin"), **fake_x.keys)
    fake_x.requests.clear()
    yield office
    office.desk.account.vault().forget()


def headline(n: int) -> str:
    return HEADLINES[n % len(HEADLINES)]


def schedule_due(office, count: int) -> list[int]:
    ids = []
    for n in range(count):
        post_id = office.approved_post(f"{headline(n)} ({n})")
        office.sara.schedule(post_id, (datetime.now(timezone.utc) + timedelta(seconds=1)).isoformat())
        ids.append(post_id)
    time.sleep(1.1)
    return ids


def test_a_round_of_due_posts_asks_x_for_nothing_but_the_posts(connected, fake_x):
    ids = schedule_due(connected, 3)
    results = connected.desk.publish_due()
    assert [r.outcome for r in results] == ["published"] * 3
    assert Counter(fake_x.requests) == Counter({CREATE: 3})
    post = connected.sara.post(ids[0])
    assert post.x_url == f"https://x.com/MinistryMedia/status/{post.x_post_id}"


def test_a_reconcile_round_reads_the_timeline_once_for_all_its_posts(connected, fake_x):
    ids = schedule_due(connected, 3)
    fake_x.fail_always("drop", on=CREATE)  # each reaches X, no answer comes back
    assert [r.outcome for r in connected.desk.publish_due()] == ["uncertain"] * 3
    fake_x.clear_faults()
    fake_x.requests.clear()
    settled = connected.desk.outbox.reconcile()
    assert sorted(s.outcome for s in settled) == ["published"] * 3
    assert Counter(fake_x.requests) == Counter({TIMELINE: 1})
    assert {connected.sara.post(i).state for i in ids} == {State.PUBLISHED}


def test_keys_of_another_user_id_than_the_log_names_are_asked_about(connected, fake_x):
    """The log's id is trusted only while the access token names the same user: keys
    changed behind the desk's back make the publisher ask X whose they are."""
    with connected.desk.store.transaction():
        chain.append(connected.desk.store.db, action="account_verify", actor="admin",
                     detail={"handle": "MinistryMedia", "user_id": "1590000000000000002"})
    connected.desk.outbox.reconcile()  # nothing uncertain: no request at all
    assert fake_x.requests == []
    publisher = connected.desk.publisher()
    assert publisher.recent_posts(datetime.now(timezone.utc) - timedelta(minutes=1)) == []
    assert Counter(fake_x.requests) == Counter({ME: 1, TIMELINE: 1})


def test_a_log_from_before_the_id_was_kept_costs_one_lookup_per_round(connected, fake_x):
    with connected.desk.store.transaction():  # what account_set wrote before the id was kept
        chain.append(connected.desk.store.db, action="account_verify", actor="admin",
                     detail={"handle": "MinistryMedia"})
    ids = schedule_due(connected, 2)
    fake_x.fail_always("drop", on=CREATE)
    connected.desk.publish_due()
    fake_x.clear_faults()
    fake_x.requests.clear()
    connected.desk.outbox.reconcile()
    assert Counter(fake_x.requests) == Counter({ME: 1, TIMELINE: 1})
    assert {connected.sara.post(i).state for i in ids} == {State.PUBLISHED}
