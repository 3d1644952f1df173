"""For review: four eyes, approve, return with a comment, reject with a reason."""

from gui_support import as_user

from desk.core.states import State


def submitted(desk, username="sara", text="خبر للمراجعة"):
    session = as_user(desk, username)
    post_id = session.draft(text)
    session.submit(post_id)
    return post_id


def review_page(open_window, desk, username, post_id):
    window = open_window(desk, username)
    window.places.go("review")
    page = window.page["review"]
    page.reload()
    page.list.setCurrentItem(next(page.list.topLevelItem(i) for i in range(page.list.topLevelItemCount())
                                  if page.list.topLevelItem(i).data(0, 256) == post_id))
    return window, page


def test_officers_have_no_review_place(open_window, desk):
    window = open_window(desk, "sara")
    assert "review" not in window.page and "approved" not in window.page
    assert window.places.keys() == ["compose", "log", "reports", "training"]


def test_review_count_in_places(open_window, desk):
    submitted(desk)
    submitted(desk, text="خبر ثانٍ")
    window = open_window(desk, "huda")
    assert window.places.item(window.places.keys().index("review")).text() == "For review\n2 waiting"


def test_approve_is_refused_for_the_author_with_the_reason(open_window, desk):
    post_id = submitted(desk, username="khalid")
    _, page = review_page(open_window, desk, "khalid", post_id)
    assert not page.approve_button.isEnabled()
    assert page.why_not.text() == "You cannot approve a post you wrote or edited: a second person must."
    assert not page.return_button.isEnabled() and not page.reject_button.isEnabled()


def test_approve_by_another_supervisor(open_window, desk):
    post_id = submitted(desk, username="khalid")
    window, page = review_page(open_window, desk, "huda", post_id)
    assert page.approve_button.isEnabled() and page.why_not.text() == ""
    assert "first review" in page.changes.text()
    page.approve_button.click()
    assert window.ctx.session.post(post_id).state == State.APPROVED
    assert page.list.topLevelItemCount() == 0
    assert window.places.item(window.places.keys().index("review")).text() == "For review"


def test_return_with_a_comment_and_see_what_changed(qtbot, open_window, desk):
    post_id = submitted(desk, text="أمطار على اجزاء من المملكة")
    window, page = review_page(open_window, desk, "huda", post_id)
    page.return_button.click()
    page.dialog.text.setPlainText("صححي كلمة اجزاء")
    page.dialog.ok.click()
    assert window.ctx.session.post(post_id).state == State.DRAFT
    sara = as_user(desk, "sara")
    sara.edit(post_id, "أمطار على أجزاء من المملكة")
    sara.submit(post_id)
    page.reload()
    page.show_post(post_id)
    assert "أجزاء" in page.changes.text() and "<s " in page.changes.text() and "<u " in page.changes.text()
    history = [page.detail.history.topLevelItem(i).text(2) for i in range(page.detail.history.topLevelItemCount())]
    assert "returned to the author" in history


def test_the_author_sees_the_comment_when_opening_the_returned_draft(open_window, desk):
    post_id = submitted(desk)
    as_user(desk, "huda").return_(post_id, "أضيفي الرابط")
    window = open_window(desk, "sara")
    page = window.page["compose"]
    page.open_post(post_id)
    assert page.returned.text() == "Returned by Huda: أضيفي الرابط"


def test_reject_needs_a_reason(open_window, desk):
    post_id = submitted(desk)
    window, page = review_page(open_window, desk, "khalid", post_id)
    page.reject_button.click()
    assert not page.dialog.ok.isEnabled()  # no reason, no rejection
    page.dialog.text.setPlainText("لا يخص المؤسسة")
    page.dialog.ok.click()
    assert window.ctx.session.post(post_id).state == State.REJECTED


def test_what_changed_is_the_same_at_every_desk(open_window, desk, data_dir):
    # Returned from another workstation (the service, not this window): the store remembers it.
    post_id = submitted(desk, text="افتتاح المعرض يوم الاحد")
    as_user(desk, "huda").return_(post_id, "صححي «الاحد»")
    sara = as_user(desk, "sara")
    sara.edit(post_id, "افتتاح المعرض يوم الأحد", reply_to="1890000000000000001")
    sara.submit(post_id)
    _, page = review_page(open_window, desk, "khalid", post_id)
    changes = page.changes.text()
    assert "<s " in changes and "الأحد" in changes
    assert "It is now a reply to post 1890000000000000001 on X." in changes
    assert not (data_dir / "reviewed.json").exists()  # nothing kept per workstation


def test_nothing_changed_for_the_second_of_two_approvals(open_window, desk):
    as_user(desk, "admin").set_setting("approvals_needed", 2)
    post_id = submitted(desk)
    as_user(desk, "huda").approve(post_id)
    _, page = review_page(open_window, desk, "khalid", post_id)
    assert page.changes.text() == "Nothing changed since it was last reviewed."
    assert page.approve_button.isEnabled()
