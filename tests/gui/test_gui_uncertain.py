"""Posts that may have gone out: their message with its numbers, and "Check X now"."""

import shutil
from datetime import datetime, timedelta, timezone

import pytest
from gui_support import as_user

from desk.core.errors import PublishError, PublishUncertain
from desk.core.states import State
from desk.publish.base import AccountInfo, Publisher, RemotePost
from desk.service import Desk
from desk.ui import tasks

TEXT = "خبر قد يكون نُشر"


class Unsure(Publisher):
    """X that takes the post but never answers; its timeline is what the test puts there."""

    kind = "x"
    timeline: list = []
    reachable = True

    def send(self, post, progress=None):
        raise PublishUncertain("x.uncertain_timeout", seconds=30)

    def recent_posts(self, since):
        if not Unsure.reachable:
            raise PublishError("x.unreachable")
        return list(Unsure.timeline)

    def withdraw(self, x_post_id):
        pass

    def account(self):
        return AccountInfo("1", "MediaCentre", "Media Centre")


@pytest.fixture
def unsure_desk(data_dir, desk_template):
    Unsure.timeline, Unsure.reachable = [], True
    shutil.copytree(desk_template, data_dir)
    desk = Desk(data_dir, publisher_factory=lambda d: Unsure())
    yield desk
    desk.close()


def uncertain_post(desk) -> int:
    sara = as_user(desk, "sara")
    post_id = sara.draft(TEXT)
    sara.submit(post_id)
    huda = as_user(desk, "huda")
    huda.approve(post_id)
    with pytest.raises(PublishUncertain):
        as_user(desk, "khalid").publish(post_id)
    return post_id


def approved_page(qtbot, open_window, desk, post_id):
    window = open_window(desk, "huda")
    # the window's own first round of due posts (it reconciles too) has ended
    qtbot.waitUntil(lambda: window.due.rounds >= 1 and tasks.tracker().idle())
    window.places.go("approved")
    page = window.page["approved"]
    page._select(post_id)
    return window, page


def check(qtbot, page) -> str:
    page.check_button.click()
    qtbot.waitUntil(lambda: not page.checking and tasks.tracker().idle())
    return page.notice.text()


def test_the_message_keeps_its_numbers_in_english_and_arabic(qtbot, qapp, open_window, unsure_desk):
    post_id = uncertain_post(unsure_desk)
    window, page = approved_page(qtbot, open_window, unsure_desk, post_id)
    assert page.problem.text().startswith("X did not answer within 30 seconds after receiving the post")
    notes = [page.detail.history.topLevelItem(i).text(3) for i in range(page.detail.history.topLevelItemCount())]
    assert any("30 seconds" in note for note in notes)
    window.close()
    qapp.set_language("ar")
    try:
        _, page = approved_page(qtbot, open_window, unsure_desk, post_id)
        assert page.problem.text().startswith("لم يردّ X خلال 30 ثانية")
        assert "…" not in page.problem.text()
    finally:
        qapp.set_language("en")


def test_an_event_recorded_without_numbers_still_reads(qapp):
    from desk.ui.publish.advice import problem_message

    old = [{"action": "uncertain", "detail": {"key": "x.uncertain_timeout", "message": "X did not answer"}}]
    assert problem_message(old).startswith("X did not answer within … seconds")


def test_check_x_now_only_for_uncertain_posts(qtbot, open_window, unsure_desk):
    post_id = uncertain_post(unsure_desk)
    other = as_user(unsure_desk, "sara").draft("خبر آخر")
    as_user(unsure_desk, "sara").submit(other)
    as_user(unsure_desk, "huda").approve(other)
    _, page = approved_page(qtbot, open_window, unsure_desk, post_id)
    assert not page.check_button.isHidden() and page.check_button.isEnabled()
    assert not page.publish_button.isEnabled()  # never sent again before the check
    page._select(other)
    assert page.check_button.isHidden()


def test_check_x_finds_the_post_and_marks_it_published(qtbot, open_window, unsure_desk):
    post_id = uncertain_post(unsure_desk)
    window, page = approved_page(qtbot, open_window, unsure_desk, post_id)
    Unsure.timeline = [RemotePost("1890000000000000042", TEXT, datetime.now(timezone.utc))]
    said = check(qtbot, page)
    assert said == f"Post #{post_id} is on X after all: it is now marked as published."
    post = window.ctx.session.post(post_id)
    assert post.state == State.PUBLISHED and post.x_post_id == "1890000000000000042"
    assert not page.notice.is_error


def test_check_x_waits_while_the_timeline_may_lag(qtbot, open_window, unsure_desk):
    post_id = uncertain_post(unsure_desk)
    window, page = approved_page(qtbot, open_window, unsure_desk, post_id)
    said = check(qtbot, page)
    assert "can lag behind a new post" in said and "Try again in a minute." in said
    assert window.ctx.session.post(post_id).state == State.UNCERTAIN


def test_check_x_not_found_makes_it_safe_to_publish_again(qtbot, monkeypatch, open_window, unsure_desk):
    post_id = uncertain_post(unsure_desk)
    window, page = approved_page(qtbot, open_window, unsure_desk, post_id)
    monkeypatch.setattr("desk.publish.reconcile.TIMELINE_LAG", timedelta(0))  # as if a minute had passed
    said = check(qtbot, page)
    assert said == f"Post #{post_id} is not on X: nothing went out. It is back among the posts ready to publish."
    assert window.ctx.session.post(post_id).state == State.APPROVED
    page._select(post_id)
    notes = [page.detail.history.topLevelItem(i).text(3) for i in range(page.detail.history.topLevelItemCount())]
    assert notes[-1] == ""  # the outbox's English note is not shown; the event's words say it


def test_check_x_when_x_cannot_be_reached(qtbot, qapp, open_window, unsure_desk):
    post_id = uncertain_post(unsure_desk)
    Unsure.reachable = False
    window, page = approved_page(qtbot, open_window, unsure_desk, post_id)
    said = check(qtbot, page)
    assert said.startswith(f"Post #{post_id} could not be checked") and page.notice.is_error
    assert window.ctx.session.post(post_id).state == State.UNCERTAIN
    window.close()
    qapp.set_language("ar")
    try:
        _, page = approved_page(qtbot, open_window, unsure_desk, post_id)
        said = check(qtbot, page)
        assert not any(ch.isascii() and ch.isalpha() for ch in said.replace("X", ""))
    finally:
        qapp.set_language("en")
