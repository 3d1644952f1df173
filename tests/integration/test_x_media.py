"""GIFs and videos against the fake X: the chunked upload, X's processing, captions, the
fake's own strictness, and a cancel that is only ever taken before the post request."""

import io
import json
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PIL import Image

from desk.core.errors import PublishError
from desk.publish import x_media
from desk.publish.base import OutgoingImage, OutgoingPost
from desk.publish.progress import Progress
from desk.publish.x import XPublisher

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.fakes.media_samples import SRT_AR, gif_bytes, mp4_bytes, write_mp4  # noqa: E402
from tests.fakes.x_server import running_fake_x  # noqa: E402

MB = 1024 * 1024
API = "https://api.x.com"


@pytest.fixture
def fake():
    with running_fake_x() as server:
        yield server


@pytest.fixture
def publisher(fake):
    return XPublisher(**fake.keys, api_base=fake.base_url, timeout=2.0, handle="desk_institution")


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(x_media, "CHUNK", 64 * 1024)


def post(*items):
    return OutgoingPost(post_id=3, text="مقطع من حفل التخرج", images=tuple(items))


def signed(publisher, method, path, **kw):
    return publisher._signed(method, API + path, **kw)


class Recorder(Progress):
    """Reports kept; waits recorded instead of slept."""

    def __init__(self):
        self.reports, self.waits = [], []
        super().__init__(lambda *r: self.reports.append(r))

    def wait(self, seconds):
        self.waits.append(seconds)
        self.check()


# -- the fake is as strict as X -------------------------------------------------------
def test_single_upload_takes_only_the_schema_fields_and_no_gif_or_video(publisher, tmp_path):
    gif = gif_bytes()
    refused = signed(publisher, "POST", "/2/media/upload", data={"media_category": "tweet_image",
                     "media_type": "image/gif"}, files={"media": ("a.gif", gif, "image/gif")})
    assert refused.status_code == 400 and "media_type" in refused.text
    for category in ("tweet_gif", "tweet_video"):
        refused = signed(publisher, "POST", "/2/media/upload", data={"media_category": category},
                         files={"media": ("a", gif, "application/octet-stream")})
        assert refused.status_code == 400 and "chunked" in refused.text


@pytest.mark.parametrize("body, word", [
    ({"media_type": "video/avi", "media_category": "tweet_video", "total_bytes": 10}, "media_type"),
    ({"media_type": "video/mp4", "media_category": "tweet_movie", "total_bytes": 10}, "media_category"),
    ({"media_type": "video/mp4", "media_category": "tweet_video", "total_bytes": -1}, "total_bytes"),
    ({"media_type": "video/mp4", "media_category": "tweet_video", "total_bytes": True}, "total_bytes"),
    ({"media_type": "video/mp4", "media_category": "tweet_video"}, "total_bytes"),
    ({"media_type": "image/gif", "media_category": "tweet_video", "total_bytes": 10}, "does not belong"),
    ({"media_type": "image/gif", "media_category": "tweet_gif", "total_bytes": 15 * MB + 1}, "exceeds"),
    ({"media_type": "video/mp4", "media_category": "tweet_video", "total_bytes": 512 * MB + 1}, "exceeds"),
    ({"media_type": "video/mp4", "media_category": "tweet_video", "total_bytes": 10, "command": "INIT"}, "Unknown"),
])
def test_initialize_refuses_what_the_schema_does_not_allow(publisher, body, word):
    answer = signed(publisher, "POST", "/2/media/upload/initialize", json=body)
    assert answer.status_code == 400 and word in answer.text


def _init(publisher, total, mime="video/mp4", category="tweet_video") -> str:
    answer = signed(publisher, "POST", "/2/media/upload/initialize",
                    json={"media_type": mime, "media_category": category, "total_bytes": total})
    assert answer.status_code == 200, answer.text
    return answer.json()["data"]["id"]


def _append(publisher, media_id, index, data):
    return signed(publisher, "POST", f"/2/media/upload/{media_id}/append", data={"segment_index": str(index)},
                  files={"media": ("v", data, "application/octet-stream")})


def test_append_checks_segment_index_chunk_size_and_the_id(publisher):
    media_id = _init(publisher, 6 * MB)
    assert _append(publisher, media_id, 1000, b"x").status_code == 400
    assert _append(publisher, media_id, -1, b"x").status_code == 400
    assert _append(publisher, media_id, 0, b"x" * (5 * MB + 1)).status_code == 400
    assert _append(publisher, "1999999999999999999", 0, b"x").status_code == 400
    assert _append(publisher, media_id, 0, b"x" * (5 * MB)).status_code == 200
    assert _append(publisher, media_id, 999, b"x").status_code == 200


def test_finalize_wants_every_byte_announced_and_status_moves_on(fake, publisher):
    data = mp4_bytes(3000)
    media_id = _init(publisher, len(data))
    _append(publisher, media_id, 0, data[:1000])
    short = signed(publisher, "POST", f"/2/media/upload/{media_id}/finalize")
    assert short.status_code == 400 and "mismatch" in short.text
    _append(publisher, media_id, 1, data[1000:])
    done = signed(publisher, "POST", f"/2/media/upload/{media_id}/finalize").json()["data"]
    assert done["processing_info"] == {"state": "pending", "check_after_secs": 0}
    states = []
    for _ in range(fake.processing_steps):
        info = signed(publisher, "GET", "/2/media/upload",
                      params={"command": "STATUS", "media_id": media_id}).json()["data"]["processing_info"]
        states.append((info["state"], info.get("progress_percent")))
    assert states == [("in_progress", 50), ("succeeded", 100)]
    assert fake.media[media_id].data == data


def test_bytes_that_are_no_mp4_fail_in_processing(fake, publisher):
    fake.processing_steps = 0
    media_id = _init(publisher, 100)
    _append(publisher, media_id, 0, b"\0" * 100)
    info = signed(publisher, "POST", f"/2/media/upload/{media_id}/finalize").json()["data"]["processing_info"]
    assert info["state"] == "failed"


def _ready(fake, publisher, data, mime="video/mp4", category="tweet_video") -> str:
    steps, fake.processing_steps = fake.processing_steps, 0
    media_id = _init(publisher, len(data), mime, category)
    _append(publisher, media_id, 0, data)
    signed(publisher, "POST", f"/2/media/upload/{media_id}/finalize")
    fake.processing_steps = steps
    return media_id


def _image(publisher) -> str:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "PNG")
    answer = signed(publisher, "POST", "/2/media/upload", data={"media_category": "tweet_image"},
                    files={"media": ("a.png", out.getvalue(), "image/png")})
    return answer.json()["data"]["id"]


def test_a_post_takes_no_unprocessed_media_and_no_mix_x_refuses(fake, publisher):
    def create(ids):
        return signed(publisher, "POST", "/2/tweets", json={"text": f"x {len(fake.requests)}",
                                                           "media": {"media_ids": ids}})

    data = mp4_bytes(2000)
    pending = _init(publisher, len(data))
    _append(publisher, pending, 0, data)
    signed(publisher, "POST", f"/2/media/upload/{pending}/finalize")
    assert create([pending]).status_code == 400  # still processing
    video, other, gif = _ready(fake, publisher, data), _ready(fake, publisher, data), \
        _ready(fake, publisher, gif_bytes(), "image/gif", "tweet_gif")
    image = _image(publisher)
    for ids in ([video, other], [video, image], [gif, image], [gif, video], [image] * 5):
        assert create(ids).status_code == 400, ids
    assert not fake.posts
    assert create([video]).status_code == 201 and create([image] * 4).status_code == 201


# -- the publisher --------------------------------------------------------------------
def test_gif_goes_in_chunks_and_waits_for_processing(fake, publisher, small_chunks, tmp_path):
    path = tmp_path / "شعار.gif"
    path.write_bytes(gif_bytes(4, 256))
    fake.check_after_secs = 1
    progress = Recorder()
    sent = publisher.send(post(OutgoingImage(path, "image/gif", "شعار المؤسسة متحركًا")), progress)

    media = fake.images_of(fake.posts[0])
    assert [m.category for m in media] == ["tweet_gif"] and media[0].data == path.read_bytes()
    assert media[0].alt == "شعار المؤسسة متحركًا" and sent.x_post_id == fake.posts[0].id
    segments = -(-path.stat().st_size // x_media.CHUNK)
    assert sum(r.endswith("/append") for r in fake.requests) == segments
    assert fake.requests.count("GET /2/media/upload") == fake.processing_steps
    assert progress.waits == [1] * fake.processing_steps  # as X asked, check_after_secs
    sent_bytes = [done for stage, done, _ in progress.reports if stage == "upload"]
    assert sent_bytes == sorted(sent_bytes) and sent_bytes[-1] == path.stat().st_size
    assert [r for r in progress.reports if r[0] == "processing"][-1] == ("processing", 100, 100)
    assert progress.reports[-1] == ("post", 0, 0)
    assert fake.requests.index("POST /2/tweets") > max(i for i, r in enumerate(fake.requests) if "media" in r)


def test_video_with_arabic_captions(fake, publisher, small_chunks, tmp_path):
    video = write_mp4(tmp_path / "حفل.mp4", 300 * 1024)
    srt = tmp_path / "حفل.srt"
    srt.write_bytes(SRT_AR)
    publisher.send(post(OutgoingImage(video, "video/mp4", "", caption=srt, caption_lang="ar")))
    (media,) = fake.images_of(fake.posts[0])
    assert media.category == "tweet_video" and media.data == video.read_bytes()
    (track,) = media.subtitles
    assert track["language_code"] == "AR" and fake.media[track["id"]].data == SRT_AR
    assert fake.media[track["id"]].category == "subtitles"


def test_processing_that_fails_sends_no_post(fake, publisher, tmp_path):
    broken = tmp_path / "v.mp4"
    broken.write_bytes(b"\0" * 2048)  # the desk's own check would refuse this; X's processing must too
    with pytest.raises(PublishError) as caught:
        publisher.send(post(OutgoingImage(broken, "video/mp4", "")))
    assert type(caught.value) is PublishError and caught.value.key == "media.processing_failed"
    assert "POST /2/tweets" not in fake.requests


def test_processing_without_end_is_given_up_within_the_limit(fake, publisher, tmp_path, monkeypatch):
    monkeypatch.setattr(x_media, "MAX_CHECKS", 3)
    fake.processing_steps = 50
    path = write_mp4(tmp_path / "v.mp4", 2048)
    with pytest.raises(PublishError) as caught:
        publisher.send(post(OutgoingImage(path, "video/mp4", "")), Recorder())
    assert caught.value.key == "media.processing_slow"
    assert fake.requests.count("GET /2/media/upload") == 3 and "POST /2/tweets" not in fake.requests


def test_a_stalled_chunk_is_a_definite_failure(fake, tmp_path, small_chunks):
    publisher = XPublisher(**fake.keys, api_base=fake.base_url, timeout=0.5, handle="desk_institution")
    path = write_mp4(tmp_path / "v.mp4", 200 * 1024)
    media_id = str(fake._next_id + 1)
    fake.fail_next("stall", on=f"POST /2/media/upload/{media_id}/append", seconds=3)
    with pytest.raises(PublishError) as caught:
        publisher.send(post(OutgoingImage(path, "video/mp4", "")))
    assert type(caught.value) is PublishError and caught.value.key == "x.timeout"
    assert "POST /2/tweets" not in fake.requests


def test_cancel_during_the_upload_stops_before_the_post(fake, publisher, small_chunks, tmp_path):
    path = write_mp4(tmp_path / "v.mp4", 400 * 1024)
    progress = Progress(lambda stage, done, total: progress.cancel() if stage == "upload" and done else None)
    with pytest.raises(PublishError) as caught:
        publisher.send(post(OutgoingImage(path, "video/mp4", "")), progress)
    assert type(caught.value) is PublishError and caught.value.key == "media.cancelled"
    assert sum(r.endswith("/append") for r in fake.requests) == 1
    assert "POST /2/tweets" not in fake.requests and not fake.posts


def test_cancel_while_waiting_for_processing(fake, publisher, tmp_path):
    fake.check_after_secs, fake.processing_steps = 30, 5
    path = write_mp4(tmp_path / "v.mp4", 2048)
    progress = Progress()
    failure = []
    worker = threading.Thread(target=lambda: failure.append(_raised(publisher, path, progress)))
    worker.start()
    while "POST /2/media/upload/%s/finalize" % (fake._next_id) not in fake.requests:
        worker.join(0.01)
    assert progress.cancel()
    worker.join(5)
    assert not worker.is_alive() and failure == ["media.cancelled"]
    assert "POST /2/tweets" not in fake.requests


def _raised(publisher, path, progress):
    try:
        publisher.send(post(OutgoingImage(path, "video/mp4", "")), progress)
    except PublishError as error:
        return error.key


def test_no_cancel_once_the_post_request_may_leave(fake, publisher, tmp_path):
    path = write_mp4(tmp_path / "v.mp4", 2048)
    answers = []
    progress = Progress(lambda stage, done, total: answers.append(progress.cancel()) if stage == "post" else None)
    publisher.send(post(OutgoingImage(path, "video/mp4", "")), progress)
    assert answers == [False] and len(fake.posts) == 1


def test_requests_carry_only_the_schema_fields(fake, publisher, small_chunks, tmp_path):
    """The fake refuses unknown fields; this says which ones the desk sends, plainly."""
    seen = []
    original = publisher._signed

    def spy(method, url, **kw):
        seen.append((url.removeprefix(API), sorted((kw.get("data") or {})), sorted(kw.get("json") or {})))
        return original(method, url, **kw)

    publisher._signed = spy
    path = write_mp4(tmp_path / "v.mp4", 100 * 1024)
    publisher.send(post(OutgoingImage(path, "video/mp4", "وصف")))
    assert seen[0] == ("/2/media/upload/initialize", [], ["media_category", "media_type", "total_bytes"])
    assert {tuple(s[1]) for s in seen if s[0].endswith("/append")} == {("segment_index",)}
    assert json.dumps(seen).count("media_type") == 1


def test_a_file_that_changed_since_approval_is_never_finalized(fake, publisher, small_chunks, tmp_path):
    import hashlib

    path = write_mp4(tmp_path / "v.mp4", 200 * 1024)
    approved = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(path.read_bytes()[:-1] + b"\x00")  # same size, one byte different
    with pytest.raises(PublishError) as caught:
        publisher.send(post(OutgoingImage(path, "video/mp4", "", sha256=approved)))
    assert caught.value.key == "media.changed_while_sending"
    assert not any(r.endswith("/finalize") for r in fake.requests) and "POST /2/tweets" not in fake.requests
    srt = tmp_path / "c.srt"
    srt.write_bytes(SRT_AR)
    good = write_mp4(tmp_path / "w.mp4", 2048)
    with pytest.raises(PublishError) as caught:
        publisher.send(post(OutgoingImage(good, "video/mp4", "", caption=srt, caption_lang="ar",
                                          caption_sha256=hashlib.sha256(b"other").hexdigest())))
    assert caught.value.key == "media.changed_while_sending" and "POST /2/tweets" not in fake.requests


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(min_value=200, max_value=96 * 1024), chunk=st.integers(min_value=1024, max_value=40 * 1024))
def test_any_size_in_any_chunks_arrives_whole(tmp_path, monkeypatch, size, chunk):
    monkeypatch.setattr(x_media, "CHUNK", chunk)
    path = write_mp4(tmp_path / f"v{size}-{chunk}.mp4", size)
    with running_fake_x() as fake:
        fake.processing_steps = 1
        publisher = XPublisher(**fake.keys, api_base=fake.base_url, timeout=2.0, handle="desk_institution")
        progress = Recorder()
        publisher.send(post(OutgoingImage(path, "video/mp4", "")), progress)
        (media,) = fake.images_of(fake.posts[0])
        assert media.data == path.read_bytes()
        assert sum(r.endswith("/append") for r in fake.requests) == -(-size // chunk)
        assert [d for s, d, _ in progress.reports if s == "upload"][-1] == size


def test_a_refused_video_is_called_a_file_not_an_image(fake, publisher, tmp_path):
    path = write_mp4(tmp_path / "حفل.mp4", 2048)
    fake.fail_next("400", on="POST /2/media/upload/initialize")
    with pytest.raises(PublishError) as caught:
        publisher.send(post(OutgoingImage(path, "video/mp4", "")))
    assert caught.value.key == "media.file_refused" and "حفل.mp4" in caught.value.message("ar")
    assert "POST /2/tweets" not in fake.requests
