"""A reply: the X post it answers, by link or number; the number is what the desk keeps."""

import pytest
from gui_support import as_user, settle

from desk.ui.compose.reply_field import reply_target

POST = "1890000000000000001"


@pytest.mark.parametrize("typed, found", [
    ("", ("", "")),
    ("  ", ("", "")),
    (POST, (POST, "")),
    ("١٨٩٠٠٠", ("189000", "")),  # typed with Arabic-Indic digits
    (f"https://x.com/SaudiNews/status/{POST}", (POST, "SaudiNews")),
    (f"https://x.com/SaudiNews/status/{POST}?s=20&t=abc", (POST, "SaudiNews")),
    (f"x.com/SaudiNews/status/{POST}/photo/1", (POST, "SaudiNews")),
    (f"https://twitter.com/SaudiNews/status/{POST}", (POST, "SaudiNews")),
    (f"https://mobile.twitter.com/SaudiNews/statuses/{POST}", (POST, "SaudiNews")),
    (f"https://x.com/i/web/status/{POST}", (POST, "")),
    (f"https://x.com/i/status/{POST}", (POST, "")),
])
def test_links_and_numbers_are_understood(typed, found):
    assert reply_target(typed) == found


@pytest.mark.parametrize("typed", [
    "https://example.org/SaudiNews/status/123", "https://x.com/SaudiNews", "@SaudiNews", "12a3", "x" * 30,
    "https://x.com/SaudiNews/status/", "https://x.com/SaudiNews/status/12.5",
])
def test_anything_else_is_not_an_x_post(typed):
    assert reply_target(typed) is None


def compose_page(open_window, desk, username="sara"):
    window = open_window(desk, username)
    window.places.go("compose")
    return window, window.page["compose"]


def test_a_link_is_shown_in_the_preview_and_its_number_kept(qtbot, open_window, desk):
    window, page = compose_page(open_window, desk)
    page.editor.set_text("شكرًا لكم على المتابعة")
    page.reply.field.setText(f"https://x.com/SaudiNews/status/{POST}?s=20")
    page.update_preview()
    assert not page.preview.replying.isHidden()
    assert "Replying to" in page.preview.replying.text() and "@SaudiNews" in page.preview.replying.text()
    assert page.reply.problem.isHidden()
    assert page.save()
    settle(qtbot)
    post = window.ctx.session.post(page.post_id)
    assert post.reply_to == POST
    assert page.reply.text() == POST  # reopened from the store: the number
    assert f"post {POST} on X" in page.preview.replying.text()


def test_what_is_not_an_x_post_is_refused_before_saving(open_window, desk):
    window, page = compose_page(open_window, desk)
    page.editor.set_text("خبر")
    page.reply.field.setText("https://example.org/news/1")
    assert not page.reply.problem.isHidden()
    assert not page.save()
    assert page.post_id is None and page.notice.is_error
    assert window.ctx.session.log_count() == 0


def test_removing_the_reply_from_a_saved_draft(qtbot, open_window, desk):
    post_id = as_user(desk, "sara").draft("خبر", reply_to=POST)
    window, page = compose_page(open_window, desk)
    page.open_post(post_id)
    assert page.reply.text() == POST and not page.preview.replying.isHidden()
    page.reply.field.clear()
    page.update_preview()
    assert page.preview.replying.isHidden()
    assert page.save()
    settle(qtbot)
    assert window.ctx.session.post(post_id).reply_to is None


def test_reviewers_and_the_confirmation_see_the_reply(qtbot, open_window, desk):
    sara = as_user(desk, "sara")
    post_id = sara.draft("نعم، الموعد الخميس", reply_to=POST)
    sara.submit(post_id)
    window = open_window(desk, "huda")
    window.places.go("review")
    review = window.page["review"]
    review.show_post(post_id)
    assert "Replying to" in review.detail.preview.replying.text()
    assert POST in review.detail.preview.replying.text()
    as_user(desk, "khalid").approve(post_id)
    window.places.go("approved")
    approved = window.page["approved"]
    approved._select(post_id)
    approved.ask_publish()
    qtbot.waitUntil(lambda: approved.dialog is not None and approved.dialog.isVisible())
    assert POST in approved.dialog.preview.replying.text()
    approved.dialog.reject()


def test_the_reply_is_kept_with_the_typed_text(open_window, desk):
    window, page = compose_page(open_window, desk)
    page.editor.set_text("ردّ لم يُحفظ بعد")
    page.reply.field.setText(POST)
    page.flush_autosave()
    window.close()
    window, page = compose_page(open_window, desk)
    assert page.editor.text() == "ردّ لم يُحفظ بعد" and page.reply.text() == POST
