"""The idle lock: the window hides its work, asks for the password, keeps what was typed."""

from gui_support import PASSWORD


def test_lock_after_idle_keeps_the_typed_text(qtbot, open_window, desk):
    window = open_window(desk, "sara")
    page = window.page["compose"]
    page.editor.setFocus()
    page.editor.set_text("نص كُتب قبل القفل")
    window.idle.timeout_ms = 200  # the setting is in minutes; the rule is the same
    window.idle.timer.setInterval(20)
    qtbot.waitUntil(window.is_locked, timeout=3000)
    assert window.outer.currentWidget() is window.lock_screen
    assert window.page["compose"].autosave.load()["text"] == "نص كُتب قبل القفل"  # kept on disk too
    assert not window.menuBar().isEnabled()

    window.lock_screen.password.setText("wrong-password")
    window.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not window.lock_screen.checking)
    assert window.is_locked()
    assert window.lock_screen.notice.text().startswith("Wrong username or password")

    window.lock_screen.password.setText(PASSWORD)
    window.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not window.lock_screen.checking)
    assert not window.is_locked()
    assert page.editor.text() == "نص كُتب قبل القفل"


def test_typing_keeps_the_window_unlocked(qtbot, open_window, desk):
    """A key pressed sets the idle clock back: the clock is moved, nobody waits for it."""
    window = open_window(desk, "sara")
    editor = window.page["compose"].editor
    window.idle.timeout_ms = 60_000
    window.idle.last -= 120  # two minutes without a touch…
    qtbot.keyClicks(editor, "a")  # …until a key is pressed
    window.idle.check()
    assert not window.is_locked()
    window.idle.last -= 120  # and now two minutes without one
    window.idle.check()
    assert window.is_locked()


def test_lock_button_and_sign_out_from_the_lock(qtbot, open_window, desk):
    window = open_window(desk, "huda")
    window.header.lock_button.click()
    assert window.is_locked()
    with qtbot.waitSignal(window.signed_out):
        window.lock_screen.sign_out_button.click()


def test_a_reason_being_written_waits_through_the_lock(qtbot, open_window, desk):
    from gui_support import as_user

    sara = as_user(desk, "sara")
    post_id = sara.draft("خبر")
    sara.submit(post_id)
    window = open_window(desk, "huda")
    window.places.go("review")
    page = window.page["review"]
    page.list.setCurrentItem(page.list.topLevelItem(0))
    page.return_button.click()
    page.dialog.text.setPlainText("ملاحظة لم تكتمل")
    window.lock()
    assert not page.dialog.isVisible()
    window.lock_screen.password.setText(PASSWORD)
    window.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not window.lock_screen.checking)
    assert page.dialog.isVisible() and page.dialog.text.toPlainText() == "ملاحظة لم تكتمل"
