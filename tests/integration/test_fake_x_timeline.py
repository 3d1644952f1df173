"""The fake X's timeline and create answer are as strict as X's: the fields asked for and no
others, the parameter names it takes, the text as X rewrites it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import requests
from PIL import Image
from requests_oauthlib import OAuth1

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.fakes.x_server import running_fake_x  # noqa: E402

from desk.publish.base import OutgoingImage, OutgoingPost  # noqa: E402
from desk.publish.x import XPublisher  # noqa: E402


@pytest.fixture
def fake():
    with running_fake_x(username="MinistryMedia") as server:
        yield server


def ask(fake, **params):
    keys = fake.keys
    auth = OAuth1(keys["consumer_key"], keys["consumer_secret"], keys["access_token"], keys["access_token_secret"])
    return requests.get(f"{fake.base_url}/2/users/{fake.user['id']}/tweets", params=params, auth=auth, timeout=2)


def image_post(fake, tmp_path, text="نص & صورة"):
    path = tmp_path / "a.png"
    Image.new("RGB", (20, 20), "navy").save(path, "PNG")
    publisher = XPublisher(**fake.keys, api_base=fake.base_url, timeout=2)
    return publisher.send(OutgoingPost(1, text, images=(OutgoingImage(path, "image/png", "وصف"),)))


def test_only_the_fields_asked_for_come(fake, tmp_path):
    image_post(fake, tmp_path)
    bare = ask(fake).json()["data"][0]
    assert set(bare) == {"id", "text", "edit_history_post_ids"}
    full = ask(fake, **{"post.fields": "created_at,attachments,entities,conversation_id"},
               expansions="attachments.media_keys").json()
    item = full["data"][0]
    media_id = fake.posts[0].media_ids[0]
    assert item["attachments"] == {"media_keys": [f"3_{media_id}"]}
    assert item["created_at"].endswith(".000Z") and item["conversation_id"] == item["id"]
    link = item["entities"]["urls"][-1]
    assert item["text"] == f"نص &amp; صورة {link['url']}" and link["display_url"].startswith("pic.x.com/")
    assert link["media_key"] == f"3_{media_id}"
    assert full["includes"]["media"] == [{"media_key": f"3_{media_id}", "type": "photo"}]


def test_the_create_answer_carries_the_text_as_x_keeps_it(fake):
    keys = fake.keys
    auth = OAuth1(keys["consumer_key"], keys["consumer_secret"], keys["access_token"], keys["access_token_secret"])
    answer = requests.post(f"{fake.base_url}/2/tweets", json={"text": "أ < ب https://example.org/x?a=1&b=2"},
                           auth=auth, timeout=2)
    data = answer.json()["data"]
    assert answer.status_code == 201 and data["text"].startswith("أ &lt; ب https://t.co/")
    assert "&b=" not in data["text"] and data["edit_history_post_ids"] == [data["id"]]


@pytest.mark.parametrize("dialect, wrong", [("post", "tweet.fields"), ("tweet", "post.fields")])
def test_a_parameter_x_does_not_take_is_refused_naming_it(fake, dialect, wrong):
    fake.fields_dialect = dialect
    answer = ask(fake, **{wrong: "created_at"})
    assert answer.status_code == 400 and wrong in answer.json()["errors"][0]["parameters"]
    note = "note_tweet" if dialect == "post" else "note_post"
    right = "post.fields" if dialect == "post" else "tweet.fields"
    answer = ask(fake, **{right: f"created_at,{note}"})
    assert answer.status_code == 400 and f"[{note}]" in answer.json()["errors"][0]["message"]
    assert ask(fake, **{right: "created_at"}).status_code == 200


def test_a_field_may_not_come_though_asked_for(fake):
    fake.add_post("منشور")
    fake.dropped_fields = {"created_at"}
    assert "created_at" not in ask(fake, **{"post.fields": "created_at"}).json()["data"][0]
