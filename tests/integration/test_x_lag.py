"""X's lag: an uncertain post is settled only from what X shows, never from a guess.

The fake X stores a post ``lag`` seconds after the request, by its own clock, and until
then shows it on no timeline and calls no copy a duplicate (the worst case). Time on
both sides is moved by hand: the fake's clock and the reconciler's ``now``.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.conftest import PASSWORDS  # noqa: E402
from tests.fakes.x_server import running_fake_x  # noqa: E402

from desk.core.errors import DeskError  # noqa: E402
from desk.publish.reconcile import TIMELINE_LAG, reconcile  # noqa: E402
from desk.publish.x import XPublisher  # noqa: E402

pytestmark = pytest.mark.both_stores

LAGS = (0, 30, 90, 300)


class Clock:
    """X's clock: the real time moved ahead by ``ahead`` seconds."""

    def __init__(self):
        self.ahead = 0.0

    def __call__(self) -> datetime:
        return datetime.now(timezone.utc) + timedelta(seconds=self.ahead)


@pytest.fixture
def lagging(office_folder, desk_factory):
    clock = Clock()
    with running_fake_x(username="MinistryMedia", clock=clock) as fake:
        desk = desk_factory(office_folder, publisher_factory=lambda d: XPublisher(
            **fake.keys, api_base=fake.base_url, timeout=0.5))
        yield desk, fake, clock


def approved(desk, text: str) -> int:
    omar, sara = desk.sign_in("omar", PASSWORDS["omar"]), desk.sign_in("sara", PASSWORDS["sara"])
    post_id = omar.draft(text)
    omar.submit(post_id)
    sara.approve(post_id)
    return post_id


def settle_at(desk, clock: Clock, seconds: float):
    """The reconciler run ``seconds`` after now, with X's clock moved as far."""
    clock.ahead = seconds
    return {s.post_id: s.outcome for s in reconcile(desk.store, desk.publisher(),
                                                    now=datetime.now(timezone.utc) + timedelta(seconds=seconds))}


@pytest.mark.parametrize("lag", LAGS)
def test_a_post_x_stores_late_is_found_never_called_safe_to_retry(lagging, lag):
    desk, fake, clock = lagging
    fake.lag = lag
    post_id = approved(desk, f"خبر يصل متأخرًا بعد {lag} ثانية")
    fake.fail_next("drop", on="POST /2/tweets")  # X took it, the answer never came
    sara = desk.sign_in("sara", PASSWORDS["sara"])
    with pytest.raises(DeskError):
        sara.publish(post_id)
    assert desk.store.posts.get(post_id).state.value == "uncertain"

    # Every moment before X shows the post: it waits, and a person cannot send it again.
    for seconds in (1, 31, 89, 299, lag - 1, TIMELINE_LAG.total_seconds() - 1):
        if 0 < seconds < lag:
            assert settle_at(desk, clock, seconds) == {post_id: "waiting"}, seconds
            with pytest.raises(DeskError):
                sara.publish(post_id)
    outcome = settle_at(desk, clock, lag + 1)
    assert outcome == {post_id: "published"}
    post = desk.store.posts.get(post_id)
    assert post.state.value == "published" and post.x_post_id == fake.posts[0].id
    assert len(fake.posts) == 1


@pytest.mark.parametrize("lag", LAGS)
def test_a_post_x_never_stored_waits_the_whole_lag_then_goes_out_once(lagging, lag):
    desk, fake, clock = lagging
    fake.lag = lag
    post_id = approved(desk, f"خبر لم يصل إلى المنصة {lag}")
    fake.fail_next("500", on="POST /2/tweets")  # may have been stored: here it was not
    sara = desk.sign_in("sara", PASSWORDS["sara"])
    with pytest.raises(DeskError):
        sara.publish(post_id)
    for seconds in (31, 90, 300, TIMELINE_LAG.total_seconds() - 5):
        assert settle_at(desk, clock, seconds) == {post_id: "waiting"}, seconds
    assert settle_at(desk, clock, TIMELINE_LAG.total_seconds() + 5) == {post_id: "retry"}
    sara.publish(post_id)
    clock.ahead += lag + 1
    assert len(fake.visible()) == 1 and len(fake.posts) == 1


def test_created_at_is_xs_time_and_a_post_from_before_the_attempt_does_not_settle_it(lagging):
    """An older post with the same text (X's created_at before the claim) is no proof."""
    desk, fake, clock = lagging
    text = "نص نشر من قبل بالصيغة نفسها"
    fake.add_post(text, created_at=datetime.now(timezone.utc) - timedelta(hours=2))
    post_id = approved(desk, text)
    fake.fail_next("500", on="POST /2/tweets")
    with pytest.raises(DeskError):
        desk.sign_in("sara", PASSWORDS["sara"]).publish(post_id)
    assert settle_at(desk, clock, 60) == {post_id: "waiting"}
    assert settle_at(desk, clock, TIMELINE_LAG.total_seconds() + 5) == {post_id: "retry"}


# --------------------------------------------------------------------------- deleted on X by hand
def test_a_post_deleted_on_x_is_noted_once_never_withdrawn_by_the_reconciler(lagging):
    desk, fake, clock = lagging
    sara = desk.sign_in("sara", PASSWORDS["sara"])
    gone, kept = approved(desk, "خبر حذف من المنصة يدويًا"), approved(desk, "خبر باق على المنصة")
    sara.publish(gone)
    sara.publish(kept)
    deleted = next(p for p in fake.posts if p.id == desk.store.posts.get(gone).x_post_id)
    fake.posts.remove(deleted)  # someone deleted it on x.com
    unsure = approved(desk, "خبر لم يتأكد نشره")
    fake.fail_next("500", on="POST /2/tweets")
    with pytest.raises(DeskError):
        sara.publish(unsure)  # the reconciler will read the timeline anyway

    assert settle_at(desk, clock, 60) == {unsure: "waiting"}  # too soon to say anything is missing
    later = TIMELINE_LAG.total_seconds() + 60
    assert settle_at(desk, clock, later) == {gone: "missing", unsure: "retry"}
    post = desk.store.posts.get(gone)
    assert post.state.value == "published" and desk.store.posts.get(kept).state.value == "published"
    last = desk.store.log.history(gone)[-1]
    assert last["action"] == "missing_on_x" and last["detail"]["x_post_id"] == deleted.id

    # Said once: the next read does not repeat it while the supervisor decides.
    fake.fail_next("500", on="POST /2/tweets")
    with pytest.raises(DeskError):
        sara.publish(unsure)
    assert gone not in settle_at(desk, clock, later * 2 + 60)


def test_a_thread_finished_long_after_its_first_part_is_not_noted_missing(lagging, monkeypatch):
    """The timeline read starts near the latest attempt: a thread whose first part went out
    an hour before its last is looked for by the part sent last, which the read reaches."""
    from desk.store import chain

    desk, fake, clock = lagging
    omar, sara = desk.sign_in("omar", PASSWORDS["omar"]), desk.sign_in("sara", PASSWORDS["sara"])
    thread = omar.draft_parts([("بيان الوزارة عن موسم الأمطار 1/2", []), ("التفاصيل في الموقع الرسمي 2/2", [])])
    omar.submit(thread)
    sara.approve(thread)
    fake.fail_next("400", on="POST /2/tweets", after=1)  # part 1 out, part 2 refused outright
    with pytest.raises(DeskError):
        sara.publish(thread)
    assert desk.store.posts.get(thread).state.value == "partly_published"

    hour = 3600  # an hour later, for the desk and for X
    real_now = chain.now_utc
    monkeypatch.setattr(chain, "now_utc", lambda: (datetime.fromisoformat(real_now()) + timedelta(
        seconds=hour)).isoformat(timespec="milliseconds"))
    clock.ahead = hour
    unsure = approved(desk, "خبر لم يتأكد نشره بعد البيان")
    fake.fail_next("500", on="POST /2/tweets")
    with pytest.raises(DeskError):
        sara.publish(unsure)  # uncertain: the reconciler reads the timeline from about now
    sara.publish(thread)  # the rest of the thread goes out
    assert desk.store.posts.get(thread).state.value == "published"

    settled = settle_at(desk, clock, hour + TIMELINE_LAG.total_seconds() + 60)
    assert settled == {unsure: "retry"}, settled  # the thread is on X: nothing to note
    assert desk.store.log.history(thread)[-1]["action"] != "missing_on_x"
