"""Approved and scheduled: publish to training, schedule, unschedule, pause, problems."""

from datetime import datetime, timedelta

from gui_support import as_user, read_as_text

from desk.core.states import State
from desk.ui import tasks


def approved(desk, text="خبر معتمد للنشر"):
    sara = as_user(desk, "sara")
    post_id = sara.draft(text)
    sara.submit(post_id)
    as_user(desk, "khalid").approve(post_id)
    return post_id


def approved_page(open_window, desk, post_id, username="huda"):
    window = open_window(desk, username)
    window.places.go("approved")
    page = window.page["approved"]
    page._select(post_id)
    assert page.list.current_id() == post_id
    return window, page


def test_publish_to_training_after_a_confirmation(qtbot, open_window, desk):
    post_id = approved(desk)
    window, page = approved_page(open_window, desk, post_id)
    page.publish_button.click()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert "training timeline (@MediaCentre), not to X" in read_as_text(page.dialog.where.text())
    assert "خبر معتمد للنشر" in page.dialog.preview.body.text()
    page.dialog.publish_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.post(post_id).state == State.PUBLISHED)
    qtbot.waitUntil(lambda: tasks.tracker().idle())
    timeline = window.ctx.session.training_timeline()
    assert [entry["text"] for entry in timeline] == ["خبر معتمد للنشر"]
    assert "is on the training timeline" in page.notice.text()
    window.places.go("training")
    cards = window.page["training"].cards
    assert len(cards) == 1 and "خبر معتمد للنشر" in cards[0].body.text()


def test_cancel_publishes_nothing(qtbot, open_window, desk):
    post_id = approved(desk)
    window, page = approved_page(open_window, desk, post_id)
    page.ask_publish()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    page.dialog.reject()
    qtbot.waitUntil(lambda: tasks.tracker().idle())
    assert window.ctx.session.post(post_id).state == State.APPROVED


def test_schedule_with_the_hijri_date_then_unschedule(open_window, desk):
    post_id = approved(desk)
    window, page = approved_page(open_window, desk, post_id)
    page.schedule_button.click()
    page.dialog.later(120)
    assert page.dialog.hijri.text().endswith("AH")
    chosen = page.dialog.moment()
    page.dialog.ok.click()
    post = window.ctx.session.post(post_id)
    assert post.state == State.SCHEDULED
    assert datetime.fromisoformat(post.scheduled_at).astimezone().replace(tzinfo=None) == chosen
    assert "scheduled for" in page.notice.text()
    page._select(post_id)
    page.unschedule_button.click()
    assert window.ctx.session.post(post_id).state == State.APPROVED


def test_a_time_in_the_past_cannot_be_chosen(open_window, desk):
    post_id = approved(desk)
    _, page = approved_page(open_window, desk, post_id)
    page.schedule_button.click()
    page.dialog.set_moment(datetime.now() - timedelta(days=1))
    assert page.dialog.moment() >= datetime.now().replace(second=0, microsecond=0) - timedelta(minutes=1)


def test_pause_all_shows_the_band_and_resume_removes_it(open_window, desk):
    window = open_window(desk, "huda")
    window.places.go("approved")
    page = window.page["approved"]
    assert window.bands.paused.isHidden()
    assert page.pause_button.text() == "Pause all publishing"
    page.pause_button.click()
    assert window.ctx.settings()["paused"] is True
    assert not window.bands.paused.isHidden()
    assert page.pause_button.text() == "Resume publishing"
    page.pause_button.click()
    assert window.ctx.settings()["paused"] is False
    assert window.bands.paused.isHidden()


def test_training_band_when_no_account_is_connected(open_window, desk):
    window = open_window(desk, "sara")
    assert not window.bands.training.isHidden()
    assert "no X account is connected" in window.bands.training.text()


def test_a_failed_post_shows_its_message_and_what_can_be_done(qtbot, open_window, data_dir, desk_template):
    import shutil

    from desk.core.errors import PublishError
    from desk.service import Desk

    class Refusing:
        kind = "x"

        def send(self, post, progress=None):
            raise PublishError("x.duplicate")

    shutil.copytree(desk_template, data_dir)
    desk = Desk(data_dir, publisher_factory=lambda d: Refusing())
    post_id = approved(desk)
    window, page = approved_page(open_window, desk, post_id)
    page.publish(window.ctx.session.post(post_id))
    qtbot.waitUntil(lambda: window.ctx.session.post(post_id).state == State.FAILED)
    qtbot.waitUntil(lambda: tasks.tracker().idle())
    page._select(post_id)
    assert page.problem.text() == "X refused the post as a duplicate: the account has already published the same text."
    assert "publish it again" in page.advice.text()
    assert page.publish_button.isEnabled()
    assert window.places.item(window.places.keys().index("approved")).text() == "Approved and scheduled\n1 to look at"
    desk.close()
