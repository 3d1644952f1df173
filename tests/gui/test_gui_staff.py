"""Staff (administrators): add, roles, reset a password, deactivate with handover."""

from gui_support import PASSWORD, as_user, settle

from desk.core.roles import Role
from desk.service import LogFilter


def staff_page(open_window, desk):
    window = open_window(desk, "admin")
    window.places.go("staff")
    return window, window.page["staff"]


def test_only_administrators_see_staff_and_settings(open_window, desk):
    assert "staff" not in open_window(desk, "huda").page
    window = open_window(desk, "admin")
    assert window.places.keys() == ["log", "reports", "training", "staff", "settings"]


def test_add_a_staff_member(qtbot, open_window, desk):
    window, page = staff_page(open_window, desk)
    page.add_button.click()
    dialog = page.dialog
    dialog.username.setText("fahad")
    dialog.name.setText("فهد")
    dialog.roles.boxes[Role.SUPERVISOR].setChecked(True)
    dialog.roles.boxes[Role.OFFICER].setChecked(False)
    dialog.password.setText(PASSWORD)
    dialog.password2.setText(PASSWORD)
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    member = next(m for m in window.ctx.session.staff() if m.username == "fahad")
    assert member.roles == frozenset({Role.SUPERVISOR}) and member.name == "فهد"
    assert desk.sign_in("fahad", PASSWORD).may("approve")
    assert "فهد can now sign in." in page.notice.text()


def test_a_refused_new_member_keeps_the_dialog_open_with_the_reason(qtbot, open_window, desk):
    window, page = staff_page(open_window, desk)
    page.add_button.click()
    page.dialog.username.setText("sara")
    page.dialog.name.setText("Another Sara")
    page.dialog.password.setText(PASSWORD)
    page.dialog.password2.setText(PASSWORD)
    page.dialog.ok.click()
    settle(qtbot)
    assert page.dialog.isVisible() and not page.dialog.working
    assert page.dialog.error.text() == "There is already a staff member named sara."


def test_deactivate_with_handover_of_open_drafts(open_window, desk):
    sara = as_user(desk, "sara")
    draft = sara.draft("مسودة مفتوحة")
    window, page = staff_page(open_window, desk)
    page.select("sara")
    page.deactivate_button.click()
    dialog = page.dialog
    dialog.hand_to.setCurrentIndex(dialog.hand_to.findData("huda"))
    dialog.ok.click()
    member = next(m for m in window.ctx.session.staff() if m.username == "sara")
    assert not member.active
    assert window.ctx.session.post(draft).author == "huda"
    assert "Open drafts handed over: 1." in page.notice.text()
    page.select("sara")
    assert not page.deactivate_button.isEnabled()
    assert window.ctx.session.log_count(LogFilter(author="sara")) == 0


def test_the_last_administrator_cannot_be_removed(open_window, desk):
    window, page = staff_page(open_window, desk)
    page.select("admin")
    page.deactivate_button.click()
    page.dialog.ok.click()
    assert page.dialog.error.text() == "The desk must keep at least one active administrator."
    assert next(m for m in window.ctx.session.staff() if m.username == "admin").active


def test_reset_a_password(qtbot, open_window, desk):
    window, page = staff_page(open_window, desk)
    page.select("sara")
    page.password_button.click()
    page.dialog.ok.click()
    qtbot.waitUntil(lambda: not page.dialog.isVisible())
    assert "one-time password" in page.notice.text()
    shown = page.one_time.password.text()
    assert page.one_time.isVisible() and len(shown) >= 8
    assert desk.sign_in("sara", shown).must_change_password
    page.one_time.reject()
    assert page.one_time.password.text() == ""  # not kept once closed

