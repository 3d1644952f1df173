"""The fake X's post lookup (GET /2/tweets?ids=) is as strict as X's: the ids it takes, the
parameters it knows, partial answers for posts it does not have, and private metrics only for
the account's own posts younger than 30 days."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
from requests_oauthlib import OAuth1

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.fakes.x_server import running_fake_x  # noqa: E402

START = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)
PUBLIC = {"retweet_count", "reply_count", "like_count", "quote_count", "bookmark_count", "impression_count"}
NON_PUBLIC = ("impression_count", "url_link_clicks", "user_profile_clicks")
ORGANIC = ("impression_count", "like_count", "reply_count", "retweet_count", "url_link_clicks", "user_profile_clicks")


class Clock:
    """X's clock, moved by the test."""

    def __init__(self):
        self.now = START

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def fake(clock):
    with running_fake_x(username="MinistryMedia", clock=clock) as server:
        yield server


def _auth(fake):
    keys = fake.keys
    return OAuth1(keys["consumer_key"], keys["consumer_secret"], keys["access_token"], keys["access_token_secret"])


def lookup(fake, **params):
    return requests.get(f"{fake.base_url}/2/tweets", params=params, auth=_auth(fake), timeout=2)


def not_found(post_id):
    return {"value": post_id, "detail": f"Could not find tweet with ids: [{post_id}].", "title": "Not Found Error",
            "resource_type": "tweet", "parameter": "ids", "resource_id": post_id,
            "type": "https://api.twitter.com/2/problems/resource-not-found"}


def not_authorized(post_id, field):
    return {"value": post_id, "detail": f"Sorry, you are not authorized to access '{field}' on the Tweet with "
                                        f"ids : [{post_id}].",
            "title": "Field Authorization Error", "resource_type": "tweet", "parameter": "ids",
            "resource_id": post_id, "section": "data", "field": field,
            "type": "https://api.twitter.com/2/problems/not-authorized-for-field"}


def test_found_missing_and_deleted_ids(fake):
    kept = fake.add_post("خبر & موعد", START - timedelta(hours=2))
    gone = fake.add_post("منشور سيحذف", START - timedelta(hours=1))
    answer = requests.delete(f"{fake.base_url}/2/tweets/{gone.id}", auth=_auth(fake), timeout=2)
    assert answer.status_code == 200
    unknown = "1860000000000000999"
    answer = lookup(fake, ids=f"{kept.id},{gone.id},{unknown}")
    assert answer.status_code == 200
    body = answer.json()
    assert body["data"] == [{"id": kept.id, "text": "خبر &amp; موعد", "edit_history_post_ids": [kept.id]}]
    assert body["errors"] == [not_found(gone.id), not_found(unknown)]
    assert set(body) == {"data", "errors"}
    assert fake.posts_served == 1 and fake.lookups == 1
    assert fake.requests.count("GET /2/tweets") == 1


def test_nothing_found_is_still_200_with_errors_only(fake):
    answer = lookup(fake, ids="1860000000000000001")
    assert answer.status_code == 200 and answer.json() == {"errors": [not_found("1860000000000000001")]}
    assert fake.posts_served == 0


def test_a_post_inside_the_lag_is_not_found_yet(fake, clock):
    fake.lag = 30
    answer = requests.post(f"{fake.base_url}/2/tweets", json={"text": "إعلان"}, auth=_auth(fake), timeout=2)
    post_id = answer.json()["data"]["id"]
    assert lookup(fake, ids=post_id).json() == {"errors": [not_found(post_id)]}
    clock.now += timedelta(seconds=31)
    assert [item["id"] for item in lookup(fake, ids=post_id).json()["data"]] == [post_id]


def test_posts_come_in_the_order_asked_once_each(fake):
    first = fake.add_post("أول", START - timedelta(days=2))
    second = fake.add_post("ثان", START - timedelta(days=1))
    body = lookup(fake, ids=f"{second.id},{first.id},{second.id}").json()
    assert [item["id"] for item in body["data"]] == [second.id, first.id]
    assert fake.posts_served == 2


def test_more_than_100_ids_are_refused(fake):
    ids = ",".join(str(1860000000000000000 + n) for n in range(101))
    answer = lookup(fake, ids=ids)
    assert answer.status_code == 400
    body = answer.json()
    assert body["title"] == "Invalid Request" and body["type"] == "https://api.twitter.com/2/problems/invalid-request"
    assert body["errors"] == [{"parameters": {"ids": [ids]}, "message": "The number of values in the `ids` query "
                                                                        "parameter list [101] is not between 1 and 100"}]
    hundred = ids.rsplit(",", 1)[0]
    answer = lookup(fake, ids=hundred)
    assert answer.status_code == 200 and len(answer.json()["errors"]) == 100


@pytest.mark.parametrize("ids, message", [
    ("1860000000000000001,12a", "The `ids` query parameter value [12a] does not match ^[0-9]{1,19}$"),
    ("18600000000000000001", "The `ids` query parameter value [18600000000000000001] does not match ^[0-9]{1,19}$"),
    ("1,,2", "The `ids` query parameter value [] does not match ^[0-9]{1,19}$"),
])
def test_an_id_that_is_no_id_is_refused(fake, ids, message):
    answer = lookup(fake, ids=ids)
    assert answer.status_code == 400
    assert answer.json()["errors"] == [{"parameters": {"ids": [ids]}, "message": message}]
    assert fake.posts_served == 0


def test_no_ids_and_an_unknown_parameter_are_listed_together(fake):
    answer = lookup(fake, max_results="10")
    assert answer.status_code == 400
    assert answer.json()["errors"] == [
        {"parameters": {"ids": []}, "message": "The `ids` query parameter can not be empty"},
        {"parameters": {"max_results": ["10"]},
         "message": "The query parameter [max_results] is not one of "
                    "[ids,expansions,post.fields,media.fields,poll.fields,place.fields,user.fields]"}]
    assert lookup(fake, ids="").status_code == 400


@pytest.mark.parametrize("dialect, right, wrong, history", [
    ("post", "post.fields", "tweet.fields", "edit_history_post_ids"),
    ("tweet", "tweet.fields", "post.fields", "edit_history_tweet_ids"),
])
def test_the_other_dialects_parameter_is_refused(fake, dialect, right, wrong, history):
    fake.fields_dialect = dialect
    post = fake.add_post("منشور", START - timedelta(hours=1))
    answer = lookup(fake, ids=post.id, **{wrong: "public_metrics"})
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["parameters"] == {wrong: ["public_metrics"]}
    answer = lookup(fake, ids=post.id, **{right: "public_metrics,nonsense"})
    assert answer.status_code == 400 and "[nonsense]" in answer.json()["errors"][0]["message"]
    item = lookup(fake, ids=post.id, **{right: "public_metrics"}).json()["data"][0]
    assert item[history] == [post.id] and set(item["public_metrics"]) == PUBLIC
    assert fake.posts_served == 1 and fake.lookups == 3


def test_metrics_of_a_recent_post(fake):
    post = fake.add_post("منشور حديث", START - timedelta(days=29))
    fake.set_metrics(post.id, likes=12, reposts=3, replies=2, quotes=1, bookmarks=4, impressions=900,
                     url_clicks=7, profile_clicks=5)
    fields = "public_metrics,non_public_metrics,organic_metrics,created_at"
    item = lookup(fake, ids=post.id, **{"post.fields": fields}).json()["data"][0]
    assert item["created_at"] == (START - timedelta(days=29)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert item["public_metrics"] == {"retweet_count": 3, "reply_count": 2, "like_count": 12, "quote_count": 1,
                                      "bookmark_count": 4, "impression_count": 900}
    assert item["non_public_metrics"] == {"impression_count": 900, "url_link_clicks": 7, "user_profile_clicks": 5}
    assert item["organic_metrics"] == {"impression_count": 900, "like_count": 12, "reply_count": 2,
                                       "retweet_count": 3, "url_link_clicks": 7, "user_profile_clicks": 5}


def test_a_post_never_given_figures_has_zeros(fake):
    post = fake.add_post("منشور", START - timedelta(hours=1))
    item = lookup(fake, ids=post.id, **{"post.fields": "public_metrics,organic_metrics"}).json()["data"][0]
    assert set(item["public_metrics"].values()) == {0} and set(item["organic_metrics"].values()) == {0}
    with pytest.raises(ValueError):
        fake.set_metrics("1860000000000000999", likes=1)


@pytest.mark.parametrize("group, members", [("non_public_metrics", NON_PUBLIC), ("organic_metrics", ORGANIC)])
def test_private_metrics_only_for_posts_younger_than_30_days(fake, clock, group, members):
    old = fake.add_post("منشور قديم", START - timedelta(days=31))
    recent = fake.add_post("منشور حديث", START - timedelta(days=29, hours=23))
    fake.set_metrics(old.id, likes=40, impressions=5000)
    answer = lookup(fake, ids=f"{old.id},{recent.id}", **{"post.fields": group})
    assert answer.status_code == 200
    body = answer.json()
    assert [item["id"] for item in body["data"]] == [recent.id] and group in body["data"][0]
    assert body["errors"] == [not_authorized(old.id, f"{group}.{member}") for member in members]
    assert fake.posts_served == 1
    clock.now += timedelta(hours=2)  # the recent post turns 30 days old by X's clock
    body = lookup(fake, ids=recent.id, **{"post.fields": group}).json()
    assert "data" not in body and [e["resource_id"] for e in body["errors"]] == [recent.id] * len(members)
    public = lookup(fake, ids=old.id, **{"post.fields": "public_metrics"}).json()
    assert public["data"][0]["public_metrics"]["like_count"] == 40 and "errors" not in public


def test_private_metrics_of_another_accounts_post_are_refused(fake):
    other = fake.add_post("منشور مواطن", START - timedelta(hours=3), author="citizen_voice")
    own = fake.add_post("منشورنا", START - timedelta(hours=2))
    body = lookup(fake, ids=f"{other.id},{own.id}",
                  **{"post.fields": "non_public_metrics,organic_metrics"}).json()
    assert [item["id"] for item in body["data"]] == [own.id]
    assert body["errors"] == ([not_authorized(other.id, f"non_public_metrics.{m}") for m in NON_PUBLIC]
                              + [not_authorized(other.id, f"organic_metrics.{m}") for m in ORGANIC])
    body = lookup(fake, ids=other.id, **{"post.fields": "public_metrics"}).json()
    assert set(body["data"][0]["public_metrics"]) == PUBLIC


def test_promoted_metrics_are_refused_for_a_post_never_promoted(fake):
    post = fake.add_post("منشور", START - timedelta(hours=1))
    body = lookup(fake, ids=post.id, **{"post.fields": "promoted_metrics"}).json()
    assert "data" not in body and {e["field"].split(".")[0] for e in body["errors"]} == {"promoted_metrics"}


def test_a_fault_on_the_lookup(fake):
    post = fake.add_post("منشور", START - timedelta(hours=1))
    fake.fail_next("402", on="GET /2/tweets")
    answer = lookup(fake, ids=post.id)
    assert answer.status_code == 402 and answer.json()["title"] == "CreditsDepleted"
    assert fake.posts_served == 0 and fake.lookups == 0
    fake.fail_next("429", on="GET /2/tweets")
    answer = lookup(fake, ids=post.id)
    assert answer.status_code == 429 and answer.headers["x-rate-limit-remaining"] == "0"
    assert lookup(fake, ids=post.id).status_code == 200
    assert fake.requests.count("GET /2/tweets") == 3 and fake.posts_served == 1 and fake.lookups == 1


def test_a_bad_signature_is_refused(fake):
    post = fake.add_post("منشور", START - timedelta(hours=1))
    keys = {**fake.keys, "consumer_secret": "wrong"}
    auth = OAuth1(keys["consumer_key"], keys["consumer_secret"], keys["access_token"], keys["access_token_secret"])
    answer = requests.get(f"{fake.base_url}/2/tweets", params={"ids": post.id}, auth=auth, timeout=2)
    assert answer.status_code == 401 and fake.bad_signatures == 1 and fake.posts_served == 0
