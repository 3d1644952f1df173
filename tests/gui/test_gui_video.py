"""A video in the window: its card and caption language in Compose, then the upload's
progress while publishing, and a Cancel that leaves nothing on X and the post publishable."""

import shutil
import sys
from pathlib import Path

import pytest
from PIL import Image

from desk.core.messages import render
from desk.core.states import State
from desk.publish import x_media
from desk.ui import tasks
from gui_support import approved, page_of, settle

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.fakes.media_samples import SRT_AR, write_mp4  # noqa: E402
from tests.fakes.x_server import running_fake_x  # noqa: E402

SHOTS = Path("/tmp/desk-shots")


@pytest.fixture
def x_desk(data_dir, desk_template, monkeypatch):
    from desk.publish.x import XPublisher
    from desk.service import Desk

    monkeypatch.setattr(x_media, "CHUNK", 32 * 1024)
    shutil.copytree(desk_template, data_dir)
    with running_fake_x(username="MediaCentre") as fake:
        desk = Desk(data_dir, publisher_factory=lambda d: XPublisher(**fake.keys, api_base=fake.base_url, timeout=5))
        yield desk, fake
        tasks.wait_all(20000)
        desk.close()


def shot(widget, name):
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture(params=["en", "ar"])
def lang(request, qapp):
    qapp.set_language(request.param)
    yield request.param
    qapp.set_language("en")


def test_compose_takes_a_video_and_its_arabic_captions(qtbot, open_window, desk, tmp_path, lang):
    video = write_mp4(tmp_path / "حفل.mp4", 64 * 1024)
    caption = tmp_path / "حفل.srt"
    caption.write_bytes(SRT_AR)
    png = tmp_path / "p.png"
    Image.new("RGB", (40, 40), "red").save(png)
    window = open_window(desk, "sara")
    window.places.go("compose")
    page = window.page["compose"]
    page.editor.set_text("حفل التخرج")
    page.add_images([str(video), str(caption), str(png)])  # the picture cannot join a video
    settle(qtbot)
    assert [c.kind for c in page.images.cards] == ["mp4", "srt"]
    assert page.notice.text() == render("media.alone", lang, {"kind": ("video", "فيديو")})
    card = page.images.cards[1]
    assert card.language.currentData() == "ar" and card.alt.isHidden()
    page.images.cards[0].alt.setText("الطلاب على المنصة")
    page.save()
    settle(qtbot)
    post = window.ctx.session.post(page.post_id)
    assert [(m.ext, m.alt) for m in post.media] == [("mp4", "الطلاب على المنصة"), ("srt", "ar")]
    qtbot.waitUntil(lambda: page.preview.grid.count() == 1)  # the video's frame, no caption picture
    shot(window, f"compose-video-{lang}")
    shot(page.images, f"compose-cards-{lang}")


def approved_video(desk, tmp_path, text):
    return approved(desk, text, [(str(write_mp4(tmp_path / "v.mp4", 256 * 1024)), "")])


def test_publishing_shows_progress_and_cancel_stops_before_the_post(qtbot, open_window, x_desk, tmp_path, lang):
    desk, fake = x_desk
    post_id = approved_video(desk, tmp_path, "فيديو الافتتاح")
    fake.check_after_secs, fake.processing_steps = 1, 60  # X takes its time: the window waits
    window, page = page_of(open_window, desk, "huda", "approved")
    page._select(post_id)
    page.publish(window.ctx.session.post(post_id))
    sending = page.sending
    assert sending.isVisible() and sending.cancel_button.isEnabled() and not page.publish_button.isEnabled()
    qtbot.waitUntil(lambda: sending.bar.maximum() == 100 and sending.bar.value() > 0, timeout=10000)
    shot(window, f"publish-progress-{lang}")
    sending.cancel_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.post(post_id).state == State.FAILED, timeout=10000)
    qtbot.waitUntil(lambda: tasks.tracker().idle())
    assert not sending.isVisible()
    assert page.notice.text() == render("media.cancelled", lang, {})
    assert "POST /2/tweets" not in fake.requests and not fake.posts

    fake.processing_steps = 1
    page._select(post_id)
    assert page.publish_button.isEnabled()
    page.publish(window.ctx.session.post(post_id))
    qtbot.waitUntil(lambda: window.ctx.session.post(post_id).state == State.PUBLISHED, timeout=15000)
    qtbot.waitUntil(lambda: tasks.tracker().idle())
    assert len(fake.posts) == 1 and fake.images_of(fake.posts[0])[0].category == "tweet_video"


def test_the_confirmation_names_the_video_and_its_captions(qtbot, open_window, desk, tmp_path, lang):
    video = write_mp4(tmp_path / "v.mp4", 32 * 1024)
    caption = tmp_path / "c.srt"
    caption.write_bytes(SRT_AR)
    post_id = approved(desk, "حفل التخرج", [(str(video), "الطلاب على المنصة"), (str(caption), "ar")])
    window, page = page_of(open_window, desk, "huda", "approved")
    page._select(post_id)
    from desk.ui.media_look import decode, shown_files

    post = window.ctx.session.post(post_id)
    page._confirm(post, "x", [decode(shown_files(window.ctx.session, post.media))])  # one part
    qtbot.waitUntil(lambda: page.dialog.isVisible())
    expected = {"en": "Video: الطلاب على المنصة\nCaptions: Arabic", "ar": "الفيديو: الطلاب على المنصة\nالترجمة: العربية"}
    assert page.dialog.alts.text() == expected[lang]
    assert page.dialog.preview.grid.count() == 1  # the video's frame; the caption file is no picture
    shot(page.dialog, f"confirm-video-{lang}")
    page.dialog.reject()
