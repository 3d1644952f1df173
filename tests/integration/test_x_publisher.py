"""XPublisher against the fake X API on 127.0.0.1: signing, images, every error path."""

import base64
import io
import logging
import socket
import sys
import time
import traceback
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
from PIL import Image
from requests_oauthlib import OAuth1

from desk.core.errors import PublishError, PublishUncertain, RateLimited
from desk.publish.base import OutgoingImage, OutgoingPost
from desk.publish.matching import find_match
from desk.publish.x import XPublisher
from desk.publish.x_refusals import DuplicateContent

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # tests/ is no package: reach tests.fakes from the repo root
    sys.path.insert(0, str(ROOT))
from tests.fakes.x_server import running_fake_x  # noqa: E402

HEADLINES = ROOT / ".." / "shared" / "seed" / "headlines-ar.txt"
MARKERS = {
    "consumer_key": "MARKER-SECRET-7f3a-ck-1c9e",
    "consumer_secret": "MARKER-SECRET-7f3a-cs-52b0",
    "access_token": "1580000000000000001-MARKER-SECRET-7f3a-at-9d41",
    "access_token_secret": "MARKER-SECRET-7f3a-ats-e06b",
}
HANDLE = "desk_institution"


@pytest.fixture
def fake():
    with running_fake_x(**MARKERS) as server:
        yield server


@pytest.fixture
def publisher(fake):
    return XPublisher(**fake.keys, api_base=fake.base_url, timeout=1.0)


def png(path: Path, color: str, size=(64, 48)) -> Path:
    Image.new("RGB", size, color).save(path, "PNG")
    return path


def post(text: str, *images: OutgoingImage, reply_to: str | None = None) -> OutgoingPost:
    return OutgoingPost(post_id=7, text=text, reply_to=reply_to, images=tuple(images))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_arabic_headline_with_two_images_goes_out_once_signed(fake, publisher, tmp_path):
    if not HEADLINES.is_file():
        pytest.skip(f"no seed headlines at {HEADLINES}")
    text = next(line.strip() for line in HEADLINES.read_text(encoding="utf-8").splitlines() if line.strip())
    images = (OutgoingImage(png(tmp_path / "مطر.png", "navy"), "image/png", "سحب داكنة فوق مدينة الرياض"),
              OutgoingImage(png(tmp_path / "map.png", "teal"), "image/png", "خريطة توزيع الأمطار على المناطق"))
    sent = publisher.send(post(text, *images))

    assert len(fake.posts) == 1 and fake.requests.count("POST /2/tweets") == 1
    accepted = fake.posts[0]
    assert accepted.text == text and accepted.reply_to is None
    assert sent.x_post_id == accepted.id
    assert sent.url == f"https://x.com/{HANDLE}/status/{accepted.id}"
    media = fake.images_of(accepted)
    assert [m.alt for m in media] == [img.alt for img in images]
    assert [m.data for m in media] == [img.path.read_bytes() for img in images]
    assert {m.category for m in media} == {"tweet_image"}
    assert fake.bad_signatures == 0


def test_reply_target_and_known_handle(fake, tmp_path):
    publisher = XPublisher(**fake.keys, api_base=fake.base_url, timeout=1, handle="someone_else")
    asked = fake.add_outside_post(f"@{fake.user['username']} متى يبدأ التسجيل؟")  # it summons the account
    sent = publisher.send(post("ردًا على السؤال", reply_to=asked.id))
    assert fake.posts[0].reply_to == asked.id
    assert sent.url.startswith("https://x.com/someone_else/status/")
    assert "GET /2/users/me" not in fake.requests  # the handle was known: one request only


def test_fake_refuses_a_wrong_secret(fake):
    for wrong in ({"consumer_secret": "not-the-secret"}, {"access_token_secret": "not-the-secret"}):
        keys = {**fake.keys, **wrong}
        publisher = XPublisher(**keys, api_base=fake.base_url, timeout=1, handle=HANDLE)
        with pytest.raises(PublishError) as caught:
            publisher.send(post("نص لن يُنشر"))
        assert type(caught.value) is PublishError and caught.value.key == "x.unauthorized"
    assert fake.bad_signatures == 2 and fake.posts == []


def test_fake_signature_covers_query_form_body_and_nonce(fake):
    k = fake.keys
    auth = OAuth1(k["consumer_key"], k["consumer_secret"], k["access_token"], k["access_token_secret"])
    url = fake.base_url
    with requests.Session() as session:
        ok = session.get(url + "/2/users/me", params={"user.fields": "profile_image_url"}, auth=auth, timeout=2)
        assert ok.status_code == 200 and "profile_image_url" in ok.json()["data"]
        moved = session.prepare_request(requests.Request("GET", url + "/2/users/me?user.fields=id", auth=auth))
        moved.url = moved.url.replace("user.fields=id", "user.fields=xy")
        assert session.send(moved, timeout=2).status_code == 401

        buffer = io.BytesIO()
        Image.new("RGB", (8, 8), "gold").save(buffer, "PNG")
        form = requests.Request("POST", url + "/1.1/account/update_profile_image.json", auth=auth,
                                data={"image": base64.b64encode(buffer.getvalue()), "skip_status": "1"})
        signed = session.prepare_request(form)
        assert session.send(signed, timeout=2).status_code == 200
        assert session.send(signed, timeout=2).status_code == 401  # the same nonce again
        tampered = session.prepare_request(form)
        assert b"skip_status=1" in tampered.body  # the form was signed with its body
        tampered.body = tampered.body.replace(b"skip_status=1", b"skip_status=0")
        answer = session.send(tampered, timeout=2)
        assert answer.status_code == 401 and answer.json()["errors"][0]["code"] == 32
    assert fake.bad_signatures == 3 and len(fake.profile_images) == 1


def test_same_text_twice_is_refused_as_duplicate(fake, publisher):
    publisher.send(post("بيان صحفي عن الموسم الجديد"))
    with pytest.raises(DuplicateContent) as caught:
        publisher.send(post("بيان صحفي عن الموسم الجديد"))
    assert caught.value.key == "x.duplicate" and caught.value.definite
    assert len(fake.posts) == 1


@pytest.mark.parametrize("fault, error_class, key", [
    ("401", PublishError, "x.unauthorized"),
    ("403", PublishError, "x.forbidden"),
    ("403-duplicate", DuplicateContent, "x.duplicate"),
    ("429", RateLimited, "x.rate_limited"),
    ("503", PublishUncertain, "x.uncertain_error"),  # overloaded: the post may be stored all the same
    ("500", PublishUncertain, "x.uncertain_error"),
])
def test_refusals_of_a_post_map_to_errors(fake, publisher, fault, error_class, key):
    fake.fail_next(fault, on="POST /2/tweets")
    with pytest.raises(PublishError) as caught:
        publisher.send(post("خبر عاجل"))
    error = caught.value
    assert type(error) is error_class and error.key == key
    assert error.definite is (error_class is not PublishUncertain)
    assert error.message("ar") != error.message("en") != key
    assert fake.posts == []


def test_errors_on_reads_are_definite(fake, publisher):
    for fault, key in (("401", "x.unauthorized"), ("500", "x.unavailable"), ("403", "x.forbidden")):
        fake.fail_next(fault, on="GET /2/users/me")
        with pytest.raises(PublishError) as caught:
            publisher.account()
        assert type(caught.value) is PublishError and caught.value.key == key


def test_rate_limit_carries_the_reset_time(fake, publisher):
    reset = int(time.time()) + 600
    fake.fail_next("429", on="GET /2/users/me", reset=reset)
    with pytest.raises(RateLimited) as caught:
        publisher.account()
    reset_at = datetime.fromtimestamp(reset, timezone.utc)
    assert caught.value.reset_at == reset_at
    assert reset_at.astimezone().strftime("%H:%M") in caught.value.message("ar")


def test_stalled_post_is_uncertain_but_a_stalled_read_is_not(fake):
    publisher = XPublisher(**fake.keys, api_base=fake.base_url, timeout=0.5, handle=HANDLE)
    fake.fail_next("stall", on="POST /2/tweets", seconds=3)
    started = time.monotonic()
    with pytest.raises(PublishUncertain) as caught:
        publisher.send(post("منشور قد يصل وقد لا يصل"))
    assert caught.value.key == "x.uncertain_timeout" and not caught.value.definite
    assert time.monotonic() - started < 2.5

    fake.fail_next("stall", on="GET /2/users/me", seconds=3)
    with pytest.raises(PublishError) as caught:
        publisher.account()
    assert type(caught.value) is PublishError and caught.value.key == "x.timeout"


def test_stalled_image_upload_is_definite(fake, tmp_path):
    publisher = XPublisher(**fake.keys, api_base=fake.base_url, timeout=0.5, handle=HANDLE)
    fake.fail_next("stall", on="POST /2/media/upload", seconds=3)
    image = OutgoingImage(png(tmp_path / "a.png", "red"), "image/png", "")
    with pytest.raises(PublishError) as caught:
        publisher.send(post("صورة", image))
    assert type(caught.value) is PublishError and caught.value.key == "x.timeout"
    assert "POST /2/tweets" not in fake.requests


def test_dropped_after_accept_is_uncertain_and_found_on_the_timeline(fake, publisher):
    text = "افتتاح المعرض الدولي للكتاب https://www.example.org/book-fair?lang=ar"
    publisher.account()
    started = datetime.now(timezone.utc)
    fake.fail_next("drop", on="POST /2/tweets")
    with pytest.raises(PublishUncertain) as caught:
        publisher.send(post(text))
    finished = datetime.now(timezone.utc)
    assert caught.value.key == "x.uncertain_dropped"
    assert len(fake.posts) == 1

    remote = publisher.recent_posts(started - timedelta(minutes=1))
    assert "t.co/" in remote[0].text
    assert find_match(text, remote, started, finished).x_post_id == fake.posts[0].id
    with pytest.raises(DuplicateContent):  # a blind retry: X says the first went out
        publisher.send(post(text))
    assert len(fake.posts) == 1


def test_no_network_is_definite(tmp_path):
    publisher = XPublisher(**MARKERS, api_base=f"http://127.0.0.1:{free_port()}", timeout=1, handle=HANDLE)
    for action in (lambda: publisher.send(post("نص")), publisher.account,
                   lambda: publisher.recent_posts(datetime.now(timezone.utc))):
        with pytest.raises(PublishError) as caught:
            action()
        assert type(caught.value) is PublishError and caught.value.key == "x.unreachable"


def test_an_image_x_refuses(fake, publisher, tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"this is not a picture")
    with pytest.raises(PublishError) as caught:
        publisher.send(post("صورة تالفة", OutgoingImage(broken, "image/png", "وصف")))
    assert caught.value.key == "x.image_refused" and caught.value.params["name"] == "broken.png"

    fake.fail_next("400", on="POST /2/media/metadata")
    good = OutgoingImage(png(tmp_path / "good.png", "green"), "image/png", "وصف مرفوض")
    with pytest.raises(PublishError) as caught:
        publisher.send(post("صورة سليمة", good))
    assert caught.value.key == "x.image_refused"
    assert fake.posts == [] and "POST /2/tweets" not in fake.requests


def test_withdraw_and_a_post_x_no_longer_has(fake, publisher):
    sent = publisher.send(post("منشور سيُسحب"))
    publisher.withdraw(sent.x_post_id)
    assert fake.posts == [] and [p.id for p in fake.deleted] == [sent.x_post_id]
    with pytest.raises(PublishError) as caught:
        publisher.withdraw(sent.x_post_id)
    assert type(caught.value) is PublishError and caught.value.key == "x.post_gone"


def test_stalled_withdraw_is_uncertain(fake):
    publisher = XPublisher(**fake.keys, api_base=fake.base_url, timeout=0.5, handle=HANDLE)
    sent = publisher.send(post("منشور"))
    fake.fail_next("stall", on=f"DELETE /2/tweets/{sent.x_post_id}", seconds=3)
    with pytest.raises(PublishUncertain) as caught:
        publisher.withdraw(sent.x_post_id)
    assert caught.value.key == "x.withdraw_uncertain"


def test_account_and_recent_posts_across_pages(fake, publisher):
    info = publisher.account()
    assert (info.handle, info.name, info.user_id) == (HANDLE, "المؤسسة", fake.user["id"])
    assert info.avatar_url.startswith("https://pbs.twimg.com/")
    now = datetime.now(timezone.utc)
    fake.add_post("قديم", now - timedelta(hours=3))
    for n in range(130):
        fake.add_post(f"منشور رقم {n} https://example.com/{n}", now - timedelta(minutes=n % 50))
    remote = publisher.recent_posts(now - timedelta(hours=1))
    assert len(remote) == 130 and all(r.created_at.tzinfo for r in remote)
    assert all("example.com" not in r.text for r in remote)


def test_profile_image_and_a_tier_that_refuses_it(fake, publisher, tmp_path):
    logo = png(tmp_path / "logo.png", "white", (400, 400)).read_bytes()
    assert publisher.set_profile_image(logo).startswith("https://")
    assert fake.profile_images == [logo]
    fake.refuse_profile_image = True
    with pytest.raises(PublishError) as caught:
        publisher.set_profile_image(logo)
    assert caught.value.key == "x.profile_image_tier"
    assert fake.profile_images == [logo]


def test_api_base_from_the_environment_and_bad_settings(fake, monkeypatch):
    monkeypatch.setenv("DESK_X_API_BASE", fake.base_url)
    assert XPublisher(**fake.keys).account().handle == HANDLE
    with pytest.raises(PublishError) as caught:
        XPublisher(**{**fake.keys, "access_token_secret": "  "})
    assert caught.value.key == "x.keys_missing"
    with pytest.raises(PublishError) as caught:
        XPublisher(**fake.keys, api_base="ftp://127.0.0.1")
    assert caught.value.key == "x.bad_base"


def test_marker_secrets_never_appear_in_errors_or_logs(fake, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("oauthlib", "requests_oauthlib", "urllib3", "tweepy"):
        caplog.set_level(logging.DEBUG, logger=name)
    publisher = XPublisher(**fake.keys, api_base=fake.base_url, timeout=0.5)
    image = OutgoingImage(png(tmp_path / "a.png", "blue"), "image/png", "وصف")
    sent = publisher.send(post("نشر ناجح", image))
    publisher.recent_posts(datetime.now(timezone.utc) - timedelta(minutes=5))
    publisher.withdraw(sent.x_post_id)

    errors = []
    for n, fault in enumerate(["401", "403", "403-duplicate", "429", "500", "503", "drop", "stall"]):
        fake.fail_next(fault, on="POST /2/tweets", seconds=2)
        with pytest.raises(PublishError) as caught:
            publisher.send(post(f"محاولة {n}"))
        errors.append(caught.value)
    broken = tmp_path / "x.png"
    broken.write_bytes(b"nope")
    others = [lambda: publisher.send(post("صورة", OutgoingImage(broken, "image/png", ""))),
              lambda: XPublisher(**{**fake.keys, "consumer_secret": "wrong"}, api_base=fake.base_url).account(),
              lambda: XPublisher(**fake.keys, api_base=f"http://127.0.0.1:{free_port()}").account()]
    for action in others:
        with pytest.raises(PublishError) as caught:
            action()
        errors.append(caught.value)

    assert "Making API request" in caplog.text  # DEBUG records were captured
    shown = [caplog.text, repr(publisher)]
    for error in errors:
        shown += [str(error), repr(error), error.message("ar"), "".join(traceback.format_exception(error))]
    for secret in [*MARKERS.values(), "MARKER-SECRET"]:
        assert not any(secret in text for text in shown), secret
