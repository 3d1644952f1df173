"""What X may refuse although the desk accepts it, said where it is written, approved and set:
a reply where the account was not summoned, a post over 280 characters without Premium."""

import pytest
from gui_support import approved, as_user, page_of

POST = "1890000000000000001"
LONG = "تعلن الوزارة عن برنامج جديد لدعم الطلاب " * 9  # over 280


@pytest.fixture(params=["en", "ar"])
def lang(request, qapp):
    qapp.set_language(request.param)
    yield request.param
    qapp.set_language("en")


WORDS = {  # the caution in each language
    "reply": {"en": "mentioned the institution's account or quoted one of its posts", "ar": "ذكر صاحبُه حسابَ المؤسسة"},
    "long": {"en": "Premium or Verified Organization", "ar": "موثّق بصفة مؤسسة"},
}


def test_compose_cautions_that_x_may_refuse_a_reply(open_window, desk, lang):
    window = open_window(desk, "sara")
    window.places.go("compose")
    page = window.page["compose"]
    caution = page.reply.caution
    assert caution.isHidden()
    page.reply.field.setText(f"https://x.com/SaudiNews/status/{POST}")
    assert not caution.isHidden() and WORDS["reply"][lang] in caution.text()
    page.reply.field.setText("https://example.org/news/1")  # not an X post: that problem, no caution
    assert caution.isHidden()
    page.reply.field.clear()
    assert caution.isHidden()


def _review(open_window, desk, text, reply_to=None):
    sara = as_user(desk, "sara")
    post_id = sara.draft(text, reply_to=reply_to)
    sara.submit(post_id)
    window, page = page_of(open_window, desk, "khalid", "review")
    page.reload()
    page.show_post(post_id)
    return page


def test_approval_cautions_about_a_reply_and_a_long_post(open_window, desk, lang):
    as_user(desk, "admin").set_setting("char_limit", 25_000)
    page = _review(open_window, desk, LONG, reply_to=POST)
    text = page.x_caution.text()
    assert not page.x_caution.isHidden()
    assert WORDS["reply"][lang] in text and WORDS["long"][lang] in text


def test_a_short_post_that_is_no_reply_carries_no_caution(open_window, desk):
    page = _review(open_window, desk, "خبر قصير")
    assert page.x_caution.isHidden() and page.x_caution.text() == ""


def test_the_length_setting_says_who_may_publish_long_posts(open_window, desk, lang):
    window = open_window(desk, "admin")
    window.places.go("settings")
    box = window.page["settings"].desk_settings
    assert WORDS["long"][lang] in box.long_note.text()
    assert box.char_limit.accessibleDescription() == box.long_note.text()


def test_a_due_post_waiting_for_x_says_until_when(open_window, desk, lang):
    from datetime import datetime, timedelta, timezone

    from desk.core.errors import RateLimited
    from desk.publish.outbox import DueResult

    window = open_window(desk, "sara")
    until = datetime.now(timezone.utc) + timedelta(hours=5)
    window._due_ran([DueResult(3, "published"), DueResult(4, "waiting", "", RateLimited("x.daily_user",
                                                                                         reset_at=until, limit="17"))])
    said = window.statusBar().currentMessage()
    assert until.astimezone().strftime("%H:%M") in said
    assert ("daily limit of posts (17)" if lang == "en" else "الحد اليومي للمنشورات الذي يسمح به X (17)") in said
    window._due_ran([DueResult(5, "published")])  # nothing waits: nothing more is said
    assert window.statusBar().currentMessage() == said


class NotNow:
    """A publisher X keeps saying "not now" to: the account's 24-hour cap."""

    kind = "x"

    def __init__(self, until):
        self.until = until

    def send(self, post, progress=None):
        from desk.core.errors import RateLimited

        raise RateLimited("x.daily_user", reset_at=self.until, limit="17")


def test_a_post_x_said_not_now_to_stays_approved_and_says_until_when(open_window, desk, qtbot, lang):
    from datetime import datetime, timedelta, timezone

    from desk.core.errors import RateLimited

    until = datetime.now(timezone.utc) + timedelta(hours=3)
    desk._publisher_factory = lambda d: NotNow(until)
    post_id = approved(desk, "موعد إعلان النتائج")
    khalid = as_user(desk, "khalid")
    with pytest.raises(RateLimited):
        khalid.publish(post_id)
    window, page = page_of(open_window, desk, "khalid", "approved")
    page.reload()
    page.show_post(post_id)
    assert khalid.post(post_id).state.value == "approved"
    assert not page.advice.isHidden() and until.astimezone().strftime("%H:%M") in page.advice.text()
    assert page.problem.isHidden()  # not a failure: it waits in its place
    assert page.publish_button.isEnabled()
    history = page.detail.history.topLevelItem(page.detail.history.topLevelItemCount() - 1).text(2)
    assert history == ("not sent: X said not now; it keeps its place" if lang == "en"
                       else "لم يُرسَل: طلب X الانتظار، ويبقى المنشور في مكانه")


def test_once_the_limit_has_lifted_the_page_no_longer_says_wait():
    from datetime import datetime, timedelta, timezone

    from desk.ui.publish.advice import waiting_message

    def history(at):
        return [{"action": "wait", "detail": {"key": "x.rate_limited", "params": {"reset": "…"},
                                              "retry_after": at.isoformat()}}]

    now = datetime.now(timezone.utc)
    assert "request limit" in waiting_message(history(now + timedelta(minutes=10)))
    assert waiting_message(history(now - timedelta(minutes=1))) == ""
    assert waiting_message(history(now + timedelta(minutes=10)) + [{"action": "claim", "detail": None}]) == ""
