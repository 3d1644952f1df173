"""First run and sign-in: right, wrong, locked and deactivated names."""

from gui_support import PASSWORD

from desk.service import Desk
from desk.ui.first_run import FirstRunDialog
from desk.ui.sign_in import SignInDialog


def test_first_run_sets_up_the_institution_and_administrator(qtbot, data_dir):
    desk = Desk(data_dir)
    dialog = FirstRunDialog(desk)
    qtbot.addWidget(dialog)
    dialog.name_ar.setText("المركز الإعلامي")
    dialog.name_en.setText("Media Centre")
    dialog.handle.setText("@MediaCentre")
    dialog.admin.setText("admin")
    dialog.admin_name.setText("Noura")
    dialog.password.setText(PASSWORD)
    dialog.password2.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.button.click()
    assert desk.institution()["handle"] == "MediaCentre"
    assert desk.sign_in("admin", PASSWORD).may("manage_staff")


def test_first_run_shows_the_refusal(qtbot, data_dir):
    dialog = FirstRunDialog(Desk(data_dir))
    qtbot.addWidget(dialog)
    dialog.name_ar.setText("المركز")
    dialog.name_en.setText("Centre")
    dialog.handle.setText("not a handle!")
    dialog.admin.setText("admin")
    dialog.password.setText(PASSWORD)
    dialog.password2.setText(PASSWORD)
    dialog.button.click()
    assert "X handle is 1 to 15 letters" in dialog.notice.text()
    assert dialog.result() == 0


def sign_in(qtbot, desk, username, password):
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.button.click()
    return dialog


def test_right_password_signs_in(qtbot, desk):
    dialog = sign_in(qtbot, desk, "huda", PASSWORD)
    assert dialog.session is not None and dialog.session.username == "huda"
    assert dialog.result() == SignInDialog.DialogCode.Accepted


def test_wrong_password_is_refused_in_plain_words(qtbot, desk):
    dialog = sign_in(qtbot, desk, "huda", "not-the-password")
    assert dialog.session is None
    assert not dialog.notice.isHidden() and dialog.notice.is_error
    assert dialog.notice.text() == "Wrong username or password."
    assert dialog.password.text() == ""


def test_locked_name_says_until_when(qtbot, desk):
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.username.setText("sara")
    for _ in range(5):
        dialog.password.setText("wrong-password")
        dialog.button.click()
    assert "sara is locked until" in dialog.notice.text()
    dialog.password.setText(PASSWORD)  # even the right password waits for the lock to end
    dialog.button.click()
    assert dialog.session is None
    assert "locked until" in dialog.notice.text()


def test_deactivated_name_is_refused(qtbot, desk):
    desk.sign_in("admin", PASSWORD).deactivate("sara")
    dialog = sign_in(qtbot, desk, "sara", PASSWORD)
    assert dialog.session is None
    assert dialog.notice.text() == "sara has been deactivated and cannot sign in."
