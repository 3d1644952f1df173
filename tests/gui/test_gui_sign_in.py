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
    qtbot.waitUntil(lambda: not dialog.working)
    assert "X handle is 1 to 15 letters" in dialog.notice.text()
    assert dialog.result() == 0 and dialog.button.isEnabled()


def test_first_run_hashes_the_password_off_the_gui_thread(qtbot, data_dir, monkeypatch):
    """Argon2id is slow on purpose: the hash here waits for a timer of the GUI thread,
    which fires only if the event loop runs while the password is hashed."""
    import threading

    from PySide6.QtCore import QTimer

    import desk.service

    gui_thread = threading.get_ident()
    hashed_on = []
    loop_ran = threading.Event()
    real_hash = desk.service.hash_password

    def slow_hash(password):
        hashed_on.append(threading.get_ident())
        if not loop_ran.wait(10):
            raise RuntimeError("the GUI thread did not run while the password was hashed")
        return real_hash(password)

    monkeypatch.setattr(desk.service, "hash_password", slow_hash)
    the_desk = Desk(data_dir)
    dialog = FirstRunDialog(the_desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_ar.setText("المركز الإعلامي")
    dialog.name_en.setText("Media Centre")
    dialog.handle.setText("MediaCentre")
    dialog.admin.setText("admin")
    dialog.password.setText(PASSWORD)
    dialog.password2.setText(PASSWORD)
    dialog.button.click()
    QTimer.singleShot(0, loop_ran.set)
    assert dialog.working and dialog.busy.isVisible() and not dialog.button.isEnabled()
    dialog.reject()  # Esc or the window's close button while the desk is being made
    assert dialog.isVisible()  # it waits: closing would not stop the desk being made
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        pass
    assert hashed_on and gui_thread not in hashed_on
    assert the_desk.institution()["handle"] == "MediaCentre"


def sign_in(qtbot, desk, username, password):
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.button.click()
    qtbot.waitUntil(lambda: not dialog.checking)
    return dialog


def test_right_password_signs_in(qtbot, desk):
    dialog = sign_in(qtbot, desk, "huda", PASSWORD)
    assert dialog.session is not None and dialog.session.username == "huda"
    assert dialog.result() == SignInDialog.DialogCode.Accepted


def test_wrong_password_is_refused_in_plain_words(qtbot, desk):
    dialog = sign_in(qtbot, desk, "huda", "not-the-password")
    assert dialog.session is None
    assert not dialog.notice.isHidden() and dialog.notice.is_error
    assert dialog.notice.text().startswith("Wrong username or password")
    assert dialog.password.text() == ""


def test_a_locked_name_reads_like_a_wrong_password(qtbot, desk):
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.username.setText("sara")
    for _ in range(5):
        dialog.password.setText("wrong-password")
        dialog.button.click()
        qtbot.waitUntil(lambda: not dialog.checking)
    wrong = sign_in(qtbot, desk, "nobody", "wrong-password").notice.text()
    assert dialog.notice.text() == wrong and "locked for 15 minutes" in wrong
    dialog.password.setText(PASSWORD)  # even the right password waits for the lock to end
    dialog.button.click()
    qtbot.waitUntil(lambda: not dialog.checking)
    assert dialog.session is None
    assert dialog.notice.text() == wrong


def test_a_one_time_password_asks_for_a_new_one_and_shows_who_reset_it(qtbot, desk):
    one_time = desk.sign_in("admin", PASSWORD).reset_password("sara")
    dialog = sign_in(qtbot, desk, "sara", one_time)
    assert dialog.session is None and dialog.result() == 0
    assert dialog.new_password.isVisibleTo(dialog) and not dialog.password.isVisibleTo(dialog)
    admin_name = desk.store.staff.require("admin").name
    assert f"Reset by {admin_name}" in dialog.reset_info.text()
    assert "Actions taken in your name since then: 0" in dialog.reset_info.text()
    dialog.new_password.setText("sara's new one")
    dialog.new_password2.setText("not the same")
    dialog.button.click()
    assert "not the same" in dialog.notice.text() and dialog.session is None
    dialog.new_password2.setText("sara's new one")
    dialog.button.click()
    qtbot.waitUntil(lambda: not dialog.checking)
    assert dialog.session is not None and not dialog.session.must_change_password
    assert desk.sign_in("sara", "sara's new one").username == "sara"


def test_deactivated_name_is_refused(qtbot, desk):
    desk.sign_in("admin", PASSWORD).deactivate("sara")
    dialog = sign_in(qtbot, desk, "sara", PASSWORD)
    assert dialog.session is None
    assert dialog.notice.text() == "sara has been deactivated and cannot sign in."


def test_sign_in_runs_off_the_gui_thread(qtbot, desk, monkeypatch):
    """The password check is slow on purpose: the dialog waits, greyed, and the event loop
    goes on. The check here waits for a timer of the GUI thread, which fires only if the
    event loop runs while the check does."""
    import threading

    from PySide6.QtCore import QTimer

    gui_thread = threading.get_ident()
    checked_on = []
    loop_ran = threading.Event()
    slow = Desk.sign_in

    def slow_sign_in(self, username, password):
        checked_on.append(threading.get_ident())
        if not loop_ran.wait(10):
            raise RuntimeError("the GUI thread did not run while the password was checked")
        return slow(self, username, password)

    monkeypatch.setattr(Desk, "sign_in", slow_sign_in)
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("huda")
    dialog.password.setText(PASSWORD)
    dialog.button.click()
    QTimer.singleShot(0, loop_ran.set)
    assert dialog.checking and not dialog.button.isEnabled() and not dialog.password.isEnabled()
    assert dialog.busy.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        pass
    assert checked_on and gui_thread not in checked_on
    assert dialog.session is not None and dialog.session.username == "huda"
    assert dialog.button.isEnabled() and not dialog.busy.isVisible()


def test_the_sign_in_frame_shows_before_the_desk_opens(qtbot, data_dir, desk_template):
    """The first screen comes first; the desk is opened once it has been painted, and the
    institution's name then fills in."""
    import shutil

    from desk.ui import tasks
    from desk.ui.flow import DeskFlow

    shutil.copytree(desk_template, data_dir)
    opened = []

    def open_desk():
        opened.append(Desk(data_dir))
        return opened[-1]

    flow = DeskFlow()
    flow.begin(open_desk)
    qtbot.addWidget(flow.dialog)
    try:
        assert flow.dialog.isVisible() and not opened
        assert not flow.dialog.button.isEnabled() and flow.dialog.name.text() == ""
        qtbot.waitUntil(lambda: flow.desk is not None)
        qtbot.waitUntil(lambda: flow.dialog.button.isEnabled())
        assert opened and flow.dialog.name.text() == "Media Centre"
        flow.dialog.accepted.disconnect()  # the sign-in is what is tried here, not the window after it
        flow.dialog.username.setText("huda")
        flow.dialog.password.setText(PASSWORD)
        with qtbot.waitSignal(flow.dialog.accepted, timeout=10000):
            flow.dialog.button.click()
        assert flow.dialog.session.username == "huda"
    finally:
        tasks.wait_all(20000)
        for desk in opened:
            desk.close()


def test_the_first_screen_imports_neither_the_store_nor_sqlite_utils():
    """What the sign-in frame needs before its first paint, in a fresh interpreter."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "from desk.ui.app import DeskApplication\n"
        "from desk.ui.flow import DeskFlow\n"
        "app = DeskApplication([])\n"
        "app.set_language('ar')\n"
        "flow = DeskFlow()\n"
        "flow.begin(lambda: None)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('desk.store', 'desk.service', 'sqlite_utils', "
        "'platformdirs', 'argon2', 'keyring')))\n"
        "print('LOADED', loaded)\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    line = next(line for line in done.stdout.splitlines() if line.startswith("LOADED"))
    assert line == "LOADED []", line
