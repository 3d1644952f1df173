"""X's figures for the account's posts, read from the fake X (tests/fakes/x_lookup.py).

What a read would cost is said before it runs; a read over the month's budget, or one X
refuses at its first request, changes nothing at all; one X refuses part-way keeps what
X returned (and charged for) before it. Posts of the last 30 days get X's private
figures (impressions, clicks), older ones their public figures only.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.conftest import PASSWORDS, db_snapshot  # noqa: E402
from tests.fakes.x_server import running_fake_x  # noqa: E402

from desk.core.errors import InvalidInput, NotPermitted, PublishError  # noqa: E402
from desk.core.figures import month_of  # noqa: E402
from desk.publish.x import XPublisher  # noqa: E402
from desk.publish.x_reach import created_at  # noqa: E402

pytestmark = pytest.mark.both_stores
LOOKUP = "GET /2/tweets"


@pytest.fixture
def fake_desk(office_folder, desk_factory):
    with running_fake_x(username="MinistryMedia") as fake:
        desk = desk_factory(office_folder, publisher_factory=lambda d: XPublisher(
            **fake.keys, api_base=fake.base_url, timeout=5))
        yield desk, fake


def signed(desk, *names):
    return [desk.sign_in(name, PASSWORDS[name]) for name in names]


def published(desk, headlines, count: int) -> list[int]:
    omar, sara = signed(desk, "omar", "sara")
    ids = []
    for i in range(count):
        post_id = omar.draft(f"{headlines[i % len(headlines)]} ({i})")
        omar.submit(post_id)
        sara.approve(post_id)
        sara.publish(post_id)
        ids.append(post_id)
    return ids


def x_id(desk, post_id: int) -> str:
    return desk.store.posts.get(post_id).x_post_id


def lookups(fake) -> int:
    return sum(1 for line in fake.requests if line == LOOKUP)


def test_a_read_says_its_cost_first_then_keeps_x_figures_beside_the_log(fake_desk, headlines):
    desk, fake = fake_desk
    ids = published(desk, headlines, 3)
    for n, post_id in enumerate(ids):
        fake.set_metrics(x_id(desk, post_id), likes=10 * (n + 1), reposts=n, replies=1, quotes=0, bookmarks=2,
                         impressions=1000 * (n + 1), url_clicks=5, profile_clicks=3)
    sara, = signed(desk, "sara")
    plan = sara.reach_plan()
    assert (plan.posts, plan.requests) == (3, 1)
    assert plan.cost_cents == pytest.approx(1.5) and plan.budget_cents == 500 and plan.affordable
    assert lookups(fake) == 0  # saying the cost asks X nothing
    result = sara.refresh_reach()
    assert (result.read, result.missing, result.requests, result.stopped) == (3, 0, 1, None)
    assert result.cost_cents == pytest.approx(1.5) and lookups(fake) == 1
    rows = {row["post_id"]: row for row in sara.log()}
    assert [rows[i]["x_likes"] for i in ids] == [10, 20, 30]
    assert [rows[i]["x_impressions"] for i in ids] == [1000, 2000, 3000]
    assert all(rows[i]["x_read_at"] for i in ids)
    # the read is on record with what it cost; the chain stays whole
    event = desk.store.db.execute("SELECT actor, detail FROM events WHERE action = 'reach_read'").fetchone()
    assert event[0] == "sara" and json.loads(event[1])["cost_millicents"] == 1500
    assert sara.reach_plan().spent_cents == pytest.approx(1.5)
    assert desk.verify().ok
    # a second read overwrites each post's figures with X's newer ones
    fake.set_metrics(x_id(desk, ids[0]), likes=99)
    sara.refresh_reach()
    assert {row["post_id"]: row for row in sara.log()}[ids[0]]["x_likes"] == 99


def test_a_read_over_the_budget_is_refused_before_any_request(fake_desk, headlines):
    desk, fake = fake_desk
    published(desk, headlines, 3)
    admin, sara = signed(desk, "admin", "sara")
    admin.set_setting("reach_budget_cents", 1)  # a cent left; three posts cost a cent and a half
    before = db_snapshot(desk.folder) if not desk.store.on_server else None
    events = desk.store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    with pytest.raises(InvalidInput) as refused:
        sara.refresh_reach()
    assert refused.value.key == "reach.over_budget" and "$0.015" in refused.value.message("en")
    assert lookups(fake) == 0
    assert desk.store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == events
    assert desk.store.db.execute("SELECT COUNT(*) FROM reach").fetchone()[0] == 0
    if before is not None:
        assert db_snapshot(desk.folder) == before


def test_x_refusing_the_first_request_changes_nothing(fake_desk, headlines):
    desk, fake = fake_desk
    published(desk, headlines, 2)
    sara, = signed(desk, "sara")
    events = desk.store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    fake.fail_next("402", on=LOOKUP)
    with pytest.raises(PublishError) as refused:
        sara.refresh_reach()
    assert refused.value.key == "reach.x_credits"
    assert "credits" in refused.value.message("en") and "الرصيد" in refused.value.message("ar")
    assert desk.store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == events
    assert desk.store.db.execute("SELECT COUNT(*) FROM reach").fetchone()[0] == 0


def test_a_refusal_part_way_keeps_what_x_returned_before_it(fake_desk, headlines, monkeypatch):
    desk, fake = fake_desk
    monkeypatch.setattr("desk.core.reach.BATCH", 2)
    published(desk, headlines, 3)
    sara, = signed(desk, "sara")
    fake.fail_next("429", on=LOOKUP, after=1)
    result = sara.refresh_reach(progress=None)
    assert result.read == 2 and result.stopped is not None and result.stopped.key == "reach.x_limit"
    assert desk.store.db.execute("SELECT COUNT(*) FROM reach").fetchone()[0] == 2
    detail = json.loads(desk.store.db.execute(
        "SELECT detail FROM events WHERE action = 'reach_read'").fetchone()[0])
    assert detail["posts"] == 2 and detail["stopped"] == "reach.x_limit" and detail["cost_millicents"] == 1000


def test_a_post_deleted_on_x_is_missing_not_a_failure(fake_desk, headlines):
    desk, fake = fake_desk
    ids = published(desk, headlines, 2)
    with fake._lock:  # deleted on X's own site, behind the desk's back
        gone = next(p for p in fake.posts if p.id == x_id(desk, ids[0]))
        fake.posts.remove(gone)
        fake.deleted.append(gone)
    sara, = signed(desk, "sara")
    result = sara.refresh_reach()
    assert (result.read, result.missing) == (1, 1) and result.cost_cents == pytest.approx(0.5)


def test_officers_may_not_spend_on_reads_and_training_has_nothing_to_read(office, headlines):
    with pytest.raises(NotPermitted):
        office.omar.reach_plan()
    post_id = office.approved_post(headlines[0])
    office.sara.publish(post_id)  # to the training timeline
    assert office.sara.reach_plan().posts == 1
    with pytest.raises(InvalidInput) as refused:
        office.sara.refresh_reach()
    assert refused.value.key == "reach.training"


def test_old_posts_get_public_figures_and_recent_ones_private_in_batches_of_100(office_folder, desk_factory):
    now = datetime.now(timezone.utc)
    with running_fake_x(username="MinistryMedia") as fake:
        old = [fake.add_post(f"خبر قديم {n}", now - timedelta(days=40, minutes=n)) for n in range(3)]
        new = [fake.add_post(f"خبر جديد {n}", now - timedelta(days=2, minutes=n)) for n in range(203)]
        for post in old + new:
            fake.set_metrics(post.id, likes=7, impressions=700, url_clicks=4)
        publisher = XPublisher(**fake.keys, api_base=fake.base_url, timeout=5)
        readings, result = publisher.read_metrics([p.id for p in old + new], now)
        assert result.read == 206 and result.missing == 0
        assert lookups(fake) == 4  # 203 recent ids in three requests, 3 old ones in one
        found = {r.x_post_id: r for r in readings}
        assert all(found[p.id].url_clicks == 4 and found[p.id].impressions == 700 for p in new)
        assert all(found[p.id].url_clicks is None and found[p.id].likes == 7 for p in old)
        assert abs(created_at(new[0].id) - new[0].created_at) < timedelta(seconds=1)


def test_the_schedule_reads_with_publish_due_and_is_off_by_default(fake_desk, headlines):
    desk, fake = fake_desk
    published(desk, headlines, 1)
    desk.publish_due()
    assert lookups(fake) == 0  # off by default: each read costs money
    admin, = signed(desk, "admin")
    admin.set_setting("reach_every_days", 7)
    desk.publish_due()
    assert lookups(fake) == 1
    assert desk.store.db.execute("SELECT actor FROM events WHERE action = 'reach_read'").fetchone()[0] is None
    desk.publish_due()
    assert lookups(fake) == 1  # read a moment ago: not again for seven days


def test_exports_carry_x_figures_apart_from_the_record(fake_desk, headlines, tmp_path):
    import csv

    desk, fake = fake_desk
    ids = published(desk, headlines, 2)
    fake.set_metrics(x_id(desk, ids[1]), likes=12, reposts=3, impressions=450)
    sara, = signed(desk, "sara")
    sara.refresh_reach()
    sara.export(tmp_path / "log.json", "json")
    exported = json.loads((tmp_path / "log.json").read_text(encoding="utf-8"))
    assert "not the desk's record" in exported["x_figures"]
    figures = {row["post_id"]: row["x_figures"] for row in exported["rows"]}
    assert figures[ids[1]]["source"] == "x" and figures[ids[1]]["likes"] == 12
    assert figures[ids[1]]["impressions"] == 450 and figures[ids[1]]["read_at"]
    assert not any(key.startswith("x_") and key != "x_post_id" and key != "x_url" and key != "x_figures"
                   for row in exported["rows"] for key in row)
    from desk.export.verify_file import verify_export

    assert verify_export(tmp_path / "log.json").ok
    sara.export(tmp_path / "log.csv", "csv")
    with open(tmp_path / "log.csv", encoding="utf-8-sig") as stream:
        rows = {row["post_id"]: row for row in csv.DictReader(stream)}
    assert rows[str(ids[1])]["x_likes"] == "12" and rows[str(ids[1])]["x_reposts"] == "3"


def test_figures_of_the_month_count_what_went_out(fake_desk, headlines):
    desk, fake = fake_desk
    ids = published(desk, headlines, 2)
    fake.set_metrics(x_id(desk, ids[0]), likes=5, impressions=100)
    sara, omar = signed(desk, "sara", "omar")
    sara.refresh_reach()
    figures = omar.figures(month_of(datetime.now().date()))  # officers see the figures
    assert figures.published == 2 and not figures.training
    assert figures.reach.posts_read == 2 and figures.reach.likes == 5 and figures.reach.impressions == 100


def test_a_month_with_nothing_on_x_is_refused_before_any_request(fake_desk, headlines):
    from desk.core.figures import gregorian_month

    desk, fake = fake_desk
    published(desk, headlines, 1)
    sara, = signed(desk, "sara")
    with pytest.raises(InvalidInput) as refused:
        sara.refresh_reach(gregorian_month(2025, 1))
    assert refused.value.key == "reach.nothing_to_read" and lookups(fake) == 0
    assert desk.store.db.execute("SELECT COUNT(*) FROM reach").fetchone()[0] == 0


def test_the_cost_agreed_to_is_a_ceiling(fake_desk, headlines):
    desk, fake = fake_desk
    published(desk, headlines, 2)
    sara, = signed(desk, "sara")
    agreed = sara.reach_plan()
    published(desk, headlines[5:], 1)  # one more went out while the question was open
    with pytest.raises(InvalidInput) as refused:
        sara.refresh_reach(most_cents=agreed.cost_cents)
    assert refused.value.key == "reach.plan_grew" and lookups(fake) == 0
    assert sara.refresh_reach(most_cents=sara.reach_plan().cost_cents).read == 3


def test_the_plan_counts_the_requests_the_read_makes(office_folder, desk_factory, monkeypatch):
    from desk.session_reach import _plan

    monkeypatch.setattr("desk.core.reach.BATCH", 2)
    now = datetime.now(timezone.utc)
    with running_fake_x(username="MinistryMedia") as fake:
        posts = [fake.add_post(f"خبر {n}", now - timedelta(days=2 if n < 3 else 40)) for n in range(4)]
        desk = desk_factory(office_folder)

        class Store:  # the desk's store, with these X posts as the month's
            reach = type("Reach", (), {"to_read": lambda self, a, b, t: [(n + 1, p.id) for n, p in
                                                                       enumerate(posts)],
                                       "spent_millicents": lambda self, since: 0})()

        plan, _ = _plan(Store(), desk.settings(), (now - timedelta(days=60), now), False, now)
        _, result = XPublisher(**fake.keys, api_base=fake.base_url, timeout=5).read_metrics(
            [p.id for p in posts], now)
        assert plan.requests == result.requests == lookups(fake) == 3  # 3 recent ids in two, 1 older in one


def test_impressions_moved_to_the_public_figures_are_kept():
    from desk.publish.x_reach import _reading

    found = _reading({"id": "1", "public_metrics": {"like_count": 4, "retweet_count": 1, "reply_count": 0,
                                                    "quote_count": 0, "impression_count": 900},
                      "non_public_metrics": {"url_link_clicks": 7, "user_profile_clicks": 2}})
    assert (found.impressions, found.url_clicks, found.likes, found.bookmarks) == (900, 7, 4, None)


def test_a_read_only_copy_asks_x_nothing(fake_desk, headlines):
    desk, fake = fake_desk
    published(desk, headlines, 1)
    sara, = signed(desk, "sara")
    desk.store.read_only = True  # as an auditor's copy of the folder opens
    try:
        with pytest.raises(Exception) as refused:
            sara.refresh_reach()
        assert getattr(refused.value, "key", "") == "store.read_only_copy" and lookups(fake) == 0
    finally:
        desk.store.read_only = False
