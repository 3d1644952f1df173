"""X's limits, caps and credits, and what it allows a reply or a long post, against the fake X.

X's "not now" comes in four kinds (rate limit, 24-hour cap, usage cap: 429; no credits: 402).
Nothing went out: the post keeps its place and waits, and nothing else is sent before the
limit lifts. A reply X does not allow and a long post from an account without Premium are
refused (failed), said in those words.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
from requests_oauthlib import OAuth1

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.conftest import PASSWORDS  # noqa: E402
from tests.fakes.x_server import running_fake_x  # noqa: E402

from desk.core.errors import PublishError, RateLimited  # noqa: E402
from desk.publish.base import OutgoingPost  # noqa: E402
from desk.publish.x import XPublisher  # noqa: E402

pytestmark = pytest.mark.both_stores
HANDLE = "MinistryMedia"


@pytest.fixture
def fake():
    with running_fake_x(username=HANDLE) as server:
        yield server


@pytest.fixture
def desk(office_folder, desk_factory, fake):
    return desk_factory(office_folder, publisher_factory=lambda d: XPublisher(
        **fake.keys, api_base=fake.base_url, timeout=2))


def approved(desk, text: str, reply_to: str | None = None) -> int:
    omar, sara = desk.sign_in("omar", PASSWORDS["omar"]), desk.sign_in("sara", PASSWORDS["sara"])
    post_id = omar.draft(text, reply_to=reply_to)
    omar.submit(post_id)
    sara.approve(post_id)
    return post_id


def state(desk, post_id: int) -> str:
    with desk.store.read():
        return desk.store.posts.get(post_id).state.value


def last_event(desk, post_id: int) -> dict:
    with desk.store.read():
        return desk.store.log.history(post_id)[-1]


def post_requests(fake) -> int:
    return fake.requests.count("POST /2/tweets")


def shown(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


# --------------------------------------------------------------------------- each kind told apart
KINDS = {
    # fault: (key, English words, Arabic words)
    "429": ("x.rate_limited", "request limit", "عدد الطلبات"),
    "429-24h": ("x.daily_user", "daily limit of posts (17)", "الحد اليومي للمنشورات"),
    "429-app-24h": ("x.daily_app", "shared by every account the app serves", "مشترك بين كل الحسابات"),
    "429-usage-cap": ("x.usage_cap", "usage cap", "سقف الاستخدام"),
    "402": ("x.credits", "Buy credits in the developer console", "لوحة المطوّرين"),
}


@pytest.mark.parametrize("fault", list(KINDS))
def test_each_kind_of_not_now_is_told_apart_with_when_it_lifts(fake, fault):
    key, english, arabic = KINDS[fault]
    reset = int(time.time()) + 5 * 3600
    fake.fail_next(fault, on="POST /2/tweets", reset=reset)
    publisher = XPublisher(**fake.keys, api_base=fake.base_url, timeout=2, handle=HANDLE)
    before = datetime.now(timezone.utc)

    with pytest.raises(RateLimited) as caught:
        publisher.send(OutgoingPost(1, "خبر عاجل"))

    error = caught.value
    assert error.key == key and error.definite and fake.posts == []
    assert english in error.message("en") and arabic in error.message("ar")
    assert "keeps its place" in error.message("en") and "يبقى المنشور في مكانه" in error.message("ar")
    if fault in ("429", "429-24h", "429-app-24h"):  # X says when: its reset header
        assert error.reset_at == datetime.fromtimestamp(reset, timezone.utc)
    else:  # X does not say: the desk tries again in an hour
        assert timedelta(minutes=59) < error.reset_at - before < timedelta(minutes=61)
    assert shown(error.reset_at) in error.message("en") and shown(error.reset_at) in error.message("ar")


def test_the_24_hour_cap_counts_when_it_lifts_after_the_15_minute_window(fake):
    """The 24-hour headers come beside the 15-minute ones, which still show room."""
    fake.fail_next("429-24h", on="POST /2/tweets", reset=int(time.time()) + 7200)
    publisher = XPublisher(**fake.keys, api_base=fake.base_url, timeout=2, handle=HANDLE)
    with pytest.raises(RateLimited) as caught:
        publisher.send(OutgoingPost(1, "خبر"))
    assert caught.value.key == "x.daily_user"
    assert caught.value.reset_at > datetime.now(timezone.utc) + timedelta(minutes=100)


# --------------------------------------------------------------------------- the post waits
@pytest.mark.parametrize("fault", ["429", "429-24h", "429-usage-cap", "402"])
def test_publish_now_refused_for_now_leaves_the_post_approved(desk, fake, fault):
    post_id = approved(desk, f"إعلان نتائج القبول ({fault})")
    fake.fail_next(fault, on="POST /2/tweets")
    sara = desk.sign_in("sara", PASSWORDS["sara"])

    with pytest.raises(RateLimited):
        sara.publish(post_id)

    assert state(desk, post_id) == "approved" and fake.posts == []
    event = last_event(desk, post_id)
    assert (event["action"], event["from_state"], event["to_state"]) == ("wait", "publishing", "approved")
    assert event["detail"]["key"] == KINDS[fault][0] and event["detail"]["retry_after"]


def _schedule_due(desk, *texts: str) -> list[int]:
    sara = desk.sign_in("sara", PASSWORDS["sara"])
    ids = [approved(desk, text) for text in texts]
    at = (datetime.now(timezone.utc) + timedelta(seconds=1)).isoformat()
    for post_id in ids:
        sara.schedule(post_id, at)
    time.sleep(1.2)
    return ids


def test_due_posts_wait_for_the_24_hour_cap_and_go_out_once_it_lifts(desk, fake):
    first, second = _schedule_due(desk, "موعد صرف المكافآت", "افتتاح معرض الكتاب")
    fake.fail_next("429-24h", on="POST /2/tweets", reset=int(time.time()) + 3)

    results = desk.publish_due()

    assert [r.outcome for r in results] == ["waiting", "waiting"]
    assert all(r.error.key == "x.daily_user" for r in results)
    assert post_requests(fake) == 1  # the second was never sent into the same cap
    assert state(desk, first) == state(desk, second) == "scheduled"  # each keeps its place
    assert [r.outcome for r in desk.publish_due()] == ["waiting", "waiting"] and post_requests(fake) == 1

    time.sleep(3.2)
    assert [r.outcome for r in desk.publish_due()] == ["published", "published"]
    assert state(desk, first) == state(desk, second) == "published"
    assert sorted(p.text for p in fake.posts) == sorted(["موعد صرف المكافآت", "افتتاح معرض الكتاب"])


def test_a_due_post_past_its_lateness_while_waiting_is_missed_not_sent_late(desk, fake):
    (post_id,) = _schedule_due(desk, "بيان صحفي")
    fake.fail_next("429-24h", on="POST /2/tweets", reset=int(time.time()) + 30 * 3600)
    assert [r.outcome for r in desk.publish_due()] == ["waiting"]
    lateness = desk.store.settings.all()["lateness_minutes"]
    later = datetime.now(timezone.utc) + timedelta(minutes=lateness + 1)
    assert [r.outcome for r in desk.publish_due(later)] == ["missed"]
    assert state(desk, post_id) == "missed" and fake.posts == []


def test_out_of_credits_the_schedule_waits_but_a_supervisor_may_publish_by_hand(desk, fake):
    (due,) = _schedule_due(desk, "تنبيه من الأرصاد")
    fake.fail_next("402", on="POST /2/tweets")
    assert [r.outcome for r in desk.publish_due()] == ["waiting"]
    assert [r.outcome for r in desk.publish_due()] == ["waiting"] and post_requests(fake) == 1

    # credits bought: a person need not wait for the desk's next try
    by_hand = approved(desk, "شكرًا لكل المشاركين")
    desk.sign_in("sara", PASSWORDS["sara"]).publish(by_hand)
    assert state(desk, by_hand) == "published"
    # and X accepting a post says the wait is over for the schedule too
    assert [r.outcome for r in desk.publish_due()] == ["published"] and state(desk, due) == "published"


def test_a_rate_limit_holds_a_person_too_until_it_resets(desk, fake):
    first, second = approved(desk, "خبر أول"), approved(desk, "خبر ثان")
    fake.fail_next("429", on="POST /2/tweets", reset=int(time.time()) + 600)
    sara = desk.sign_in("sara", PASSWORDS["sara"])
    with pytest.raises(RateLimited):
        sara.publish(first)
    seen = len(fake.requests)
    with pytest.raises(RateLimited) as caught:
        sara.publish(second)
    assert caught.value.key == "x.rate_limited" and len(fake.requests) == seen
    assert state(desk, second) == "approved"  # refused at the desk: not even claimed


# --------------------------------------------------------------------------- 503 on a post
def test_a_503_on_a_post_is_uncertain_not_failed(desk, fake):
    post_id = approved(desk, "خبر في وقت ازدحام")
    fake.fail_next("503", on="POST /2/tweets")
    with pytest.raises(PublishError) as caught:
        desk.sign_in("sara", PASSWORDS["sara"]).publish(post_id)
    assert not caught.value.definite and state(desk, post_id) == "uncertain"


# --------------------------------------------------------------------------- replies
def test_a_reply_to_a_post_that_did_not_summon_the_account_is_refused_in_plain_words(desk, fake):
    stranger = fake.add_outside_post("ما رأيكم في القرار الجديد؟")
    post_id = approved(desk, "نشكر لكم اهتمامكم", reply_to=stranger.id)

    with pytest.raises(PublishError) as caught:
        desk.sign_in("sara", PASSWORDS["sara"]).publish(post_id)

    error = caught.value
    assert error.key == "x.reply_refused" and error.definite and fake.posts == []
    assert "mentioned the institution's account or quoted one of its posts" in error.message("en")
    assert "ذكر صاحبُه حسابَ المؤسسة" in error.message("ar")
    assert "Reply to this conversation is not allowed" in error.message("en")  # X's own words too
    assert state(desk, post_id) == "failed"


def test_a_reply_where_the_account_was_mentioned_or_quoted_goes_out(desk, fake):
    mentioned = fake.add_outside_post(f"@{HANDLE} متى يفتح باب التسجيل؟")
    own = fake.add_post("يبدأ التسجيل يوم الأحد")
    quoted = fake.add_outside_post("خبر مهم", quotes=own.id)
    for target in (mentioned.id, quoted.id, own.id):
        post_id = approved(desk, f"التفاصيل في الرابط ({target})", reply_to=target)
        desk.sign_in("sara", PASSWORDS["sara"]).publish(post_id)
        assert state(desk, post_id) == "published"
    assert [p.reply_to for p in fake.posts[1:]] == [mentioned.id, quoted.id, own.id]


# --------------------------------------------------------------------------- long posts
LONG_TEXT = "تعلن الوزارة عن برنامج جديد لدعم الطلاب " * 10  # about 400 characters


def test_a_long_post_from_an_account_without_premium_is_refused_and_explained(desk, fake):
    desk.sign_in("admin", PASSWORDS["admin"]).set_setting("char_limit", 25_000)
    post_id = approved(desk, LONG_TEXT)
    with pytest.raises(PublishError) as caught:
        desk.sign_in("sara", PASSWORDS["sara"]).publish(post_id)
    error = caught.value
    assert error.key == "x.long_refused" and fake.posts == []
    assert "Premium or Verified Organization" in error.message("en") and "Premium" in error.message("ar")
    assert str(error.params["length"]) in error.message("ar")
    assert state(desk, post_id) == "failed"

    fake.premium = True  # the account subscribed: the same post goes out
    desk.sign_in("sara", PASSWORDS["sara"]).publish(post_id)
    assert state(desk, post_id) == "published" and fake.posts[0].text == LONG_TEXT


# --------------------------------------------------------------------------- the fake is as strict as X
def signed(fake):
    keys = fake.keys
    return OAuth1(keys["consumer_key"], keys["consumer_secret"], keys["access_token"], keys["access_token_secret"])


def create(fake, body: dict) -> requests.Response:
    return requests.post(fake.base_url + "/2/tweets", json=body, auth=signed(fake), timeout=5)


def test_the_fake_refuses_what_x_refuses_on_create(fake):
    cases = [
        ({"text": "خبر", "link": "https://example.org"}, 400, "$.link: is not defined in the schema"),
        ({"text": "خبر", "media": {"media_ids": ["1", "2", "3", "4", "5"]}}, 400, "between 1 and 4"),
        ({"text": "خبر", "media": {"media_ids": ["1"], "alt": "x"}}, 400, "$.media.alt: is not defined"),
        ({"text": "خبر", "reply": {"in_reply_to_tweet_id": "1", "quote": "2"}}, 400, "$.reply.quote"),
        ({"text": "ن" * 281}, 403, "more than 280 characters"),
        ({"text": "ر" * 25_001}, 400, "too long"),
    ]
    for body, status, words in cases:
        answer = create(fake, body)
        assert answer.status_code == status, (body, answer.text)
        assert words in answer.text, answer.text
    assert fake.posts == []
    assert create(fake, {"text": "ن" * 280}).status_code == 201  # exactly the limit
    fake.premium = True
    assert create(fake, {"text": "ن" * 281}).status_code == 201
    assert create(fake, {"text": "ر" * 25_001}).status_code == 400


def test_the_fake_remembers_a_deleted_post_for_its_duplicate_window(fake):
    first = create(fake, {"text": "تهنئة بمناسبة اليوم الوطني"}).json()["data"]["id"]
    assert requests.delete(f"{fake.base_url}/2/tweets/{first}", auth=signed(fake), timeout=5).status_code == 200
    again = create(fake, {"text": "تهنئة بمناسبة اليوم الوطني"})
    assert again.status_code == 403 and "duplicate" in again.text
    fake.duplicate_window = 0  # past X's memory of it
    assert create(fake, {"text": "تهنئة بمناسبة اليوم الوطني"}).status_code == 201


def test_the_fake_refuses_max_results_out_of_range_rather_than_clamping(fake):
    url = f"{fake.base_url}/2/users/{fake.user['id']}/tweets"
    for value, status in (("4", 400), ("101", 400), ("ten", 400), ("5", 200), ("100", 200)):
        answer = requests.get(url, params={"max_results": value}, auth=signed(fake), timeout=5)
        assert answer.status_code == status, (value, answer.text)
        if status == 400:
            assert "is not between 5 and 100" in answer.text


# --------------------------------------------------------------------------- the command line says it too
@pytest.mark.parametrize("lang, reply_words, long_words", [
    ("en", "mentioned the institution's account", "Premium or Verified Organization"),
    ("ar", "ذكر صاحبُه حسابَ المؤسسة", "موثّق بصفة مؤسسة"),
])
def test_the_command_line_cautions_where_a_reply_or_a_long_post_is_written_and_approved(
        office_folder, lang, reply_words, long_words):
    from tests.integration.cli_helpers import DeskCli

    cli = DeskCli(office_folder, env={"DESK_LANG": lang})
    short = cli.ok("draft", "--text", "شكرًا لكم", as_user="omar")
    assert short.err.strip() == ""  # nothing to caution about
    reply = cli.ok("draft", "--text", "نشكر لكم السؤال", "--reply-to", POST_ON_X, as_user="omar")
    post_id = int(reply.out.strip())
    assert reply_words in reply.err and long_words not in reply.err
    cli.ok("submit", post_id, as_user="omar")
    approved_ = cli.ok("approve", post_id, as_user="sara")
    assert reply_words in approved_.err

    with_long = cli.run("draft", "--text", LONG_TEXT, as_user="omar")
    assert with_long.code == 0 and long_words in with_long.err and reply_words not in with_long.err


POST_ON_X = "1890000000000000001"


def test_a_post_that_waited_then_went_out_verifies_and_exports(desk, fake, tmp_path):
    from desk.export import verify_export

    post_id = approved(desk, "نتائج المسابقة الثقافية")
    sara = desk.sign_in("sara", PASSWORDS["sara"])
    fake.fail_next("402", on="POST /2/tweets")
    with pytest.raises(RateLimited):
        sara.publish(post_id)
    sara.publish(post_id)  # credits bought
    with desk.store.read():
        actions = [e["action"] for e in desk.store.log.history(post_id)][-4:]
    assert actions == ["claim", "wait", "claim", "sent"] and state(desk, post_id) == "published"
    assert desk.verify().ok
    out = tmp_path / "log.json"
    sara.export(out, "json")
    checked = verify_export(out)
    assert checked.ok, checked
    with desk.store.read():
        assert desk.store.log.row(post_id)["published_by"] == "sara"
