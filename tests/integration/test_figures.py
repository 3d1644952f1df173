"""The monthly figures (desk.store.figures) from a log written through the real desk, on
SQLite and on PostgreSQL: each count and table with its exact numbers, the waits' median
and 90th percentile, local days, the training timeline kept apart from the account, X's
figures, and a thread counted once.

The store's clock (chain.now_utc) is the test's: every event is logged at a moment the
test chose, so the figures can be worked out by hand."""

from __future__ import annotations

import itertools
import math
import sys
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.conftest import STAFF, Office, sql  # noqa: E402
from tests.fakes.x_server import running_fake_x  # noqa: E402

from desk.core.errors import DeskError  # noqa: E402
from desk.core.figures import Count, Reach, Wait, gregorian_month, month_of  # noqa: E402
from desk.publish.x import XPublisher  # noqa: E402
from desk.store import chain  # noqa: E402
from desk.store.figures import compute  # noqa: E402

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]

MARCH = gregorian_month(2027, 3)
RIYADH = 180  # minutes ahead of UTC
NUMBERS = itertools.count(1)


def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


class Clock:
    """The store's clock: set to a moment, or moved on."""

    def __init__(self, moment: datetime):
        self.moment = moment

    def __call__(self) -> str:
        return self.moment.isoformat(timespec="milliseconds")

    def set(self, moment: datetime) -> None:
        self.moment = moment

    def forward(self, **step) -> None:
        self.moment += timedelta(**step)


class Scene:
    """The office on one desk that publishes to the training timeline, or to the fake X
    while ``to_x`` is set."""

    def __init__(self, office: Office, clock: Clock, fake):
        self.office, self.clock, self.fake = office, clock, fake
        self.to_x = False

    def figures(self, period=MARCH, training=True, top=5, offset=RIYADH, bounds=None):
        start, end = bounds or month_bounds(period, offset)
        store = self.office.desk.store
        with store.read():
            return compute(store.db, period, start, end, offset, training, top)

    def draft(self, author="omar", parts: int = 1) -> int:
        n = next(NUMBERS)
        if parts == 1:
            return self.office.session(author).draft(f"بيان المكتب رقم {n}")
        return self.office.session(author).draft_parts(
            [(f"بيان المكتب رقم {n} ({i + 1}/{parts})", []) for i in range(parts)])

    def approved(self, author="omar", approver="sara", wait=timedelta(minutes=1), parts: int = 1) -> int:
        post_id = self.draft(author, parts)
        self.office.session(author).submit(post_id)
        self.clock.moment += wait
        self.office.session(approver).approve(post_id)
        return post_id

    def publish(self, post_id: int, to_x: bool = False, who: str = "sara") -> None:
        self.to_x = to_x
        try:
            self.office.session(who).publish(post_id)
        finally:
            self.to_x = False

    def published(self, author="omar", approver="sara", to_x=False, parts: int = 1) -> int:
        post_id = self.approved(author, approver, parts=parts)
        self.clock.forward(minutes=1)
        self.publish(post_id, to_x)
        return post_id


def month_bounds(period, offset: int) -> tuple[str, str]:
    """The period's first and last moment (exclusive) at ``offset``, as the events keep times."""
    first, after = period.bounds(timezone(timedelta(minutes=offset)))
    return tuple(moment.astimezone(timezone.utc).isoformat(timespec="milliseconds") for moment in (first, after))


@pytest.fixture
def clock(monkeypatch) -> Clock:
    found = Clock(utc(2027, 3, 1, 6))
    monkeypatch.setattr(chain, "now_utc", found)
    return found


@pytest.fixture
def scene(office_folder, desk_factory, clock):
    with running_fake_x(username="MinistryMedia", clock=lambda: clock.moment) as fake:  # X's clock is ours
        holder = {}
        desk = desk_factory(office_folder, publisher_factory=lambda d: XPublisher(
            **fake.keys, api_base=fake.base_url, timeout=2) if holder["scene"].to_x else None)
        holder["scene"] = Scene(Office(office_folder, desk), clock, fake)
        yield holder["scene"]


def day_counts(figures) -> dict[str, int]:
    return {c.key: c.count for c in figures.per_day if c.count}


def nearest_rank(values: list[float], share: Fraction) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(share * len(ordered)) - 1]


# ------------------------------------------------------------------ counts, days and weeks
def test_a_month_whose_clocks_change_puts_each_post_on_its_own_local_day(scene, clock):
    """Cairo leaves summer time at the end of October 2026 (+03:00, then +02:00 from 21:00 UTC
    on the 29th): a post at 23:30 on the 31st, local time, is October's, not November's."""
    october = gregorian_month(2026, 10)
    changes = [(None, 180), ("2026-10-29T21:00:00.000+00:00", 120)]
    bounds = ("2026-09-30T21:00:00.000+00:00", "2026-10-31T22:00:00.000+00:00")
    clock.set(utc(2026, 10, 29, 20, 0))  # 23:02 on the 29th at +03:00
    scene.published()
    clock.set(utc(2026, 10, 31, 21, 28))  # 23:30 on the 31st at +02:00 (00:30 on 1 November at +03:00)
    scene.published()
    found = scene.figures(october, offset=changes, bounds=bounds)
    assert found.published == 2 and sum(c.count for c in found.per_day) == 2
    assert day_counts(found) == {"2026-10-29": 1, "2026-10-31": 1}
    with_one_offset = scene.figures(october, offset=180, bounds=bounds)  # the old mistake: the 31st's post lost
    assert sum(c.count for c in with_one_offset.per_day) == 1


def test_the_workstation_zone_gives_its_offsets_and_their_changes(monkeypatch):
    import time as clock_time

    from desk.session_reach import offsets

    monkeypatch.setenv("TZ", "Africa/Cairo")
    clock_time.tzset()
    try:
        start, end = gregorian_month(2026, 10).bounds()
        assert offsets(start, end) == [(None, 180), ("2026-10-29T21:00:00.000+00:00", 120)]
        assert offsets(*gregorian_month(2026, 11).bounds()) == 120
    finally:
        monkeypatch.delenv("TZ")
        clock_time.tzset()


def test_counts_fall_on_local_days_inside_the_period(scene, clock):
    clock.set(utc(2027, 2, 28, 20, 59, 59, 999000))  # 23:59:59.999 in Riyadh: still February
    early = scene.draft()
    scene.office.omar.submit(early)
    clock.set(utc(2027, 2, 28, 21))  # midnight in Riyadh: the first moment of March
    late_evening = scene.draft()
    clock.set(utc(2027, 3, 1, 9))
    scene.office.sara.approve(early)  # submitted in February, approved in March
    clock.set(utc(2027, 3, 2, 10))
    scene.publish(early)  # 13:00 in Riyadh, 2 March
    clock.set(utc(2027, 3, 2, 12))
    scene.office.omar.submit(late_evening)
    clock.forward(minutes=10)
    scene.office.sara.approve(late_evening)
    clock.set(utc(2027, 3, 2, 22, 30))
    scene.publish(late_evening)  # 01:30 in Riyadh: 3 March
    clock.set(utc(2027, 3, 30, 10))
    month_end = scene.approved(wait=timedelta(minutes=2))
    clock.set(utc(2027, 3, 30, 21, 30))
    scene.publish(month_end)  # 00:30 in Riyadh, 31 March
    clock.set(utc(2027, 3, 31, 20))
    after = scene.approved(wait=timedelta(minutes=5))
    clock.set(utc(2027, 3, 31, 21))  # midnight in Riyadh: April
    scene.publish(after)

    figures = scene.figures()
    assert (figures.drafted, figures.submitted, figures.approved, figures.published) == (3, 3, 4, 3)
    assert len(figures.per_day) == 31
    assert [(c.key, c.label) for c in figures.per_day[:2]] == [("2027-03-01", "1"), ("2027-03-02", "2")]
    assert day_counts(figures) == {"2027-03-02": 1, "2027-03-03": 1, "2027-03-31": 1}
    assert figures.per_week == (Count("w1", "1-7", 2), Count("w2", "8-14", 0), Count("w3", "15-21", 0),
                                Count("w4", "22-28", 0), Count("w5", "29-31", 1))
    # 2, 5 and 10 minutes, and 12 hours and a millisecond from February's submission
    assert figures.approval_wait == Wait(4, 300.0, 43200.001)
    # from approval to going out: 10 h 20 min, 11 h 28 min and 25 h
    assert figures.publish_wait == Wait(3, 41280.0, 86400.0 + 3600.0)
    assert figures.by_author == (Count("omar", STAFF["omar"][0], 3),)
    assert figures.by_approver == (Count("sara", STAFF["sara"][0], 4),)

    in_utc = scene.figures(offset=0)  # the same log on a workstation set to UTC
    assert (in_utc.drafted, in_utc.published) == (2, 4)
    assert day_counts(in_utc) == {"2027-03-02": 2, "2027-03-30": 1, "2027-03-31": 1}


def test_an_event_logged_out_of_time_order_counts_on_its_own_day(scene, clock):
    clock.set(utc(2027, 3, 31, 20))
    scene.draft()
    clock.set(utc(2027, 3, 31, 22))  # 1 April in Riyadh
    scene.draft()
    clock.set(utc(2027, 3, 31, 20, 30))  # a workstation's clock half an hour behind the others'
    scene.draft()
    assert scene.figures().drafted == 2
    assert scene.figures(gregorian_month(2027, 4)).drafted == 1


def test_a_short_month_has_four_weeks_and_a_quiet_month_only_zeros(scene):
    february = scene.figures(gregorian_month(2027, 2))
    assert [c.label for c in february.per_week] == ["1-7", "8-14", "15-21", "22-28"]
    assert len(february.per_day) == 28 and not day_counts(february)
    assert (february.published, february.approval_wait, february.reach, february.top_posts) == (0, Wait(), Reach(), ())


# ------------------------------------------------------------------ waits
def test_waits_of_one_to_ten_minutes(scene, clock):
    for minutes in (4, 9, 1, 7, 10, 2, 5, 3, 8, 6):
        post_id = scene.approved(wait=timedelta(minutes=minutes))
        clock.forward(minutes=2 * minutes)
        scene.publish(post_id)
        clock.forward(hours=1)
    figures = scene.figures()
    assert figures.approval_wait == Wait(10, 300.0, 540.0)
    assert figures.publish_wait == Wait(10, 600.0, 1080.0)


def test_waits_count_from_the_latest_submission_and_approval(scene, clock):
    returned = scene.draft()
    scene.office.omar.submit(returned)
    clock.forward(minutes=5)
    scene.office.sara.return_(returned, "أضف مصدر الخبر")
    clock.forward(minutes=55)
    scene.office.omar.submit(returned)
    clock.forward(minutes=2)
    scene.office.sara.approve(returned)  # 2 minutes after it came back, not 62

    edited = scene.approved(wait=timedelta(minutes=3))
    clock.forward(days=1)
    scene.office.omar.edit(edited, "بيان المكتب بعد التعديل")  # the approval is void
    scene.office.omar.submit(edited)
    clock.forward(minutes=4)
    scene.office.sara.approve(edited)
    clock.forward(minutes=6)
    scene.publish(edited)  # 6 minutes after the approval that holds, not a day

    figures = scene.figures()
    assert (figures.submitted, figures.returned, figures.approved) == (4, 1, 3)
    assert figures.approval_wait == Wait(3, 180.0, 240.0)
    assert figures.publish_wait == Wait(1, 360.0, 360.0)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(waits=st.lists(st.integers(min_value=0, max_value=5 * 86400 * 1000), min_size=1, max_size=12))
def test_median_and_p90_are_the_nearest_ranks(scene, clock, waits):
    clock.forward(days=30)  # each example a stretch of the log of its own
    start = clock()
    for milliseconds in waits:
        scene.approved(wait=timedelta(milliseconds=milliseconds))
        clock.forward(minutes=1)
    end = clock()
    found = scene.figures(month_of(clock.moment.date()), bounds=(start, end)).approval_wait
    seconds = [ms / 1000 for ms in waits]
    assert found == Wait(len(waits), nearest_rank(seconds, Fraction(1, 2)), nearest_rank(seconds, Fraction(9, 10)))


# ------------------------------------------------------------------ reasons, people, withdrawals
def test_reasons_are_grouped_by_their_text_most_first(scene):
    returns = ["أعد الصياغة", "صحح اسم الوزير", "  أعد الصياغة ", "أعد الصياغة.", "صحح اسم الوزير",
               "أضف المصدر", "أعد الصياغة"]  # the desk keeps a reason trimmed
    post_id = scene.draft()
    for comment in returns:
        scene.office.omar.submit(post_id)
        scene.office.sara.return_(post_id, comment)
    for reason in ["خارج اختصاص المكتب", "مكرر", "خارج اختصاص المكتب"]:
        rejected = scene.draft()
        scene.office.omar.submit(rejected)
        scene.office.khalid.reject(rejected, reason)

    figures = scene.figures(top=3)
    assert (figures.returned, figures.rejected, figures.submitted) == (7, 3, 10)
    # a tie goes to the text that sorts first, byte by byte
    assert figures.return_reasons == (Count("أعد الصياغة", "أعد الصياغة", 3),
                                      Count("صحح اسم الوزير", "صحح اسم الوزير", 2),
                                      Count("أضف المصدر", "أضف المصدر", 1))
    assert figures.reject_reasons == (Count("خارج اختصاص المكتب", "خارج اختصاص المكتب", 2), Count("مكرر", "مكرر", 1))
    assert [c.key for c in scene.figures(top=5).return_reasons][-1] == "أعد الصياغة."
    assert scene.figures(top=1).reject_reasons == (Count("خارج اختصاص المكتب", "خارج اختصاص المكتب", 2),)


def test_authors_and_approvers_most_first_ties_by_username(scene):
    for author, approver in [("omar", "sara"), ("sara", "khalid"), ("omar", "sara"), ("khalid", "sara"),
                             ("sara", "khalid")]:
        scene.published(author, approver)
    scene.approved("omar", "khalid")  # approved, not out
    figures = scene.figures()
    name = {user: entry[0] for user, entry in STAFF.items()}
    assert figures.by_author == (Count("omar", name["omar"], 2), Count("sara", name["sara"], 2),
                                 Count("khalid", name["khalid"], 1))
    assert figures.by_approver == (Count("khalid", name["khalid"], 3), Count("sara", name["sara"], 3))


def test_withdrawals_newest_first_ten_at_most(scene, clock):
    posts = [scene.published() for _ in range(11)]
    for n, post_id in enumerate(posts, start=1):
        clock.forward(minutes=1)
        scene.office.sara.withdraw(post_id, f"سحب للتصحيح {n}")
    figures = scene.figures()
    assert (figures.published, figures.withdrawn) == (11, 11)
    assert figures.withdrawals == tuple(Count(str(post_id), f"سحب للتصحيح {n}", 1)
                                        for n, post_id in reversed(list(enumerate(posts, start=1)))
                                        if n > 1)


def test_missed_and_failed(scene, clock):
    refused = scene.approved()
    scene.fake.fail_next("400", on="POST /2/tweets")
    with pytest.raises(DeskError):
        scene.publish(refused, to_x=True)
    scene.publish(refused, to_x=True)  # sent again: failed once, published once
    late = scene.approved()
    now = datetime.now(timezone.utc)
    scene.office.sara.schedule(late, now + timedelta(minutes=10))
    scene.office.desk.publish_due(now=now + timedelta(hours=3))  # long past its time: missed
    figures = scene.figures(training=False)
    assert (figures.failed, figures.missed, figures.published) == (1, 1, 1)


# ------------------------------------------------------------------ the training timeline and the account
def test_training_posts_and_the_accounts_are_counted_apart(scene, clock):
    on_x = [scene.published(to_x=True) for _ in range(2)]
    on_training = scene.published()
    clock.forward(hours=1)
    scene.to_x = True
    scene.office.sara.withdraw(on_x[1], "نشر قبل موعده")
    scene.to_x = False
    scene.office.sara.withdraw(on_training, "تجربة")

    account, training = scene.figures(training=False), scene.figures(training=True)
    assert (account.published, account.withdrawn, sum(day_counts(account).values())) == (2, 1, 2)
    assert account.withdrawals == (Count(str(on_x[1]), "نشر قبل موعده", 1),)
    assert account.by_author == (Count("omar", STAFF["omar"][0], 2),)
    assert account.publish_wait.count == 2 and not account.training
    assert (training.published, training.withdrawn, training.publish_wait.count) == (1, 1, 1)
    assert training.withdrawals == (Count(str(on_training), "تجربة", 1),) and training.training
    # the account's figures leave out the practice that went to training; a training desk counts it all
    assert (account.drafted, account.approved, account.by_approver[0].count) == (2, 2, 2)
    assert (training.drafted, training.approved, training.by_approver[0].count) == (3, 3, 3)


# ------------------------------------------------------------------ threads
def test_a_thread_counts_once_when_it_has_gone_out(scene, clock):
    whole = scene.published(parts=3)  # on the training timeline: part, part, then sent
    refused = scene.approved(parts=3)
    scene.fake.fail_next("400", on="POST /2/tweets", after=1)
    with pytest.raises(DeskError):
        scene.publish(refused, to_x=True)  # part 1 out, part 2 refused: partly published
    settled = scene.approved(parts=3)
    scene.fake.fail_next("drop", on="POST /2/tweets", after=1)  # X keeps part 2, its answer is lost
    with pytest.raises(DeskError):
        scene.publish(settled, to_x=True)
    scene.office.sara.pause()
    clock.forward(minutes=1)
    scene.to_x = True
    scene.office.desk.publish_due()  # finds part 2 on X ('settle_published'), paused: goes no further
    scene.to_x = False
    scene.office.sara.resume()
    clock.set(utc(2027, 4, 2, 9))
    for post_id in (refused, settled):
        scene.publish(post_id, to_x=True)  # goes on from the first part not out, in April
    actions = {post_id: [e["action"] for e in scene.office.desk.store.log.history(post_id)]
               for post_id in (whole, refused, settled)}
    assert [(a.count("part_sent"), a.count("settle_published"), a.count("sent")) for a in actions.values()] == \
        [(2, 0, 1), (2, 0, 1), (1, 1, 1)]

    training, account = scene.figures(), scene.figures(training=False)
    assert (training.published, training.by_author[0].count, sum(day_counts(training).values())) == (1, 1, 1)
    assert (account.published, account.failed, account.by_author) == (0, 1, ())  # out in part only, in March
    april = scene.figures(gregorian_month(2027, 4), training=False)
    assert (april.published, day_counts(april), april.publish_wait.count) == (2, {"2027-04-02": 2}, 2)


# ------------------------------------------------------------------ X's figures
def reach_row(folder, x_post_id, post_id, read_at, likes, reposts, replies, quotes, bookmarks, impressions):
    sql(folder, "INSERT INTO reach (x_post_id, post_id, read_at, likes, reposts, replies, quotes, bookmarks,"
                " impressions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [x_post_id, post_id, read_at, likes, reposts, replies, quotes, bookmarks, impressions])


def x_ids(scene, post_id) -> list[str]:
    post = scene.office.desk.store.posts.get(post_id)
    return list(post.part_ids) or [post.x_post_id]


def test_reach_sums_a_months_posts_and_ranks_the_top(scene, clock):
    clock.set(utc(2027, 2, 20, 9))
    february = scene.published(to_x=True)
    clock.set(utc(2027, 3, 5, 9))
    single, thread, popular, unread = (scene.published(to_x=True, parts=p) for p in (1, 2, 1, 1))
    folder = scene.office.folder
    read, later = "2027-03-06T10:00:00.000+00:00", "2027-03-07T08:00:00.000+00:00"
    reach_row(folder, x_ids(scene, february)[0], february, read, 99, 99, 99, 9, 9, 9999)
    reach_row(folder, x_ids(scene, single)[0], single, read, 10, 2, 1, 0, None, None)
    first, second = x_ids(scene, thread)  # a thread's parts each have their reading
    reach_row(folder, first, thread, read, 5, 1, 0, 1, 2, 100)
    reach_row(folder, second, thread, later, 3, 0, 1, 0, None, None)
    reach_row(folder, x_ids(scene, popular)[0], popular, read, 1, 9, 0, 0, 0, 500)

    figures = scene.figures(training=False, top=2)
    assert figures.published == 5 - 1  # February's is not March's
    assert figures.reach == Reach(posts_read=3, likes=19, reposts=12, replies=2, quotes=1, bookmarks=2,
                                  impressions=600, last_read_at=later)
    assert [(p.post_id, p.impressions, p.likes) for p in figures.top_posts] == \
        [(popular, 500, 1), (thread, 100, 8)]
    top = figures.top_posts[1]
    assert top.text == scene.office.desk.store.posts.get(thread).text and top.published_at.startswith("2027-03-05")
    assert [p.post_id for p in scene.figures(training=False).top_posts] == [popular, thread, single]  # none last
    assert unread not in [p.post_id for p in scene.figures(training=False).top_posts]
    assert scene.figures(training=True).reach == Reach()

    # X gave none: the posts are older than its 30 days, or the account's access gives no private figures
    sql(folder, "UPDATE reach SET impressions = NULL, bookmarks = NULL")
    figures = scene.figures(training=False)
    assert (figures.reach.impressions, figures.reach.bookmarks, figures.reach.likes) == (None, 0, 19)
    assert [p.post_id for p in figures.top_posts] == [single, popular, thread]  # by likes and reposts: 12, 10, 9
