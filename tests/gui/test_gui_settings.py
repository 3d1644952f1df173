"""Settings: the X account's keys are never shown again; the desk's rules; the institution."""

from gui_support import FakeAccountLink, as_user
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from desk.ui import tasks

KEYS = {
    "consumer_key": "KEYck" + "a1" * 11,
    "consumer_secret": "KEYcs" + "b2" * 20,
    "access_token": "1234567890-KEYat" + "c3" * 15,
    "access_token_secret": "KEYats" + "d4" * 18,
}


def settings_page(open_window, desk, link):
    window = open_window(desk, "admin", link)
    window.places.go("settings")
    return window, window.page["settings"]


def every_text(widget) -> str:
    """Everything a person could read on the window: texts, placeholders, tooltips, names."""
    parts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        parts += [child.toolTip(), child.accessibleName(), child.accessibleDescription(), child.windowTitle()]
        if isinstance(child, (QLabel, QAbstractButton, QLineEdit)):
            parts.append(child.text())
        if isinstance(child, QLineEdit):
            parts.append(child.placeholderText())
    return "\n".join(parts)


def test_saved_keys_are_never_shown_again(qtbot, open_window, desk):
    link = FakeAccountLink()
    window, page = settings_page(open_window, desk, link)
    box = page.account
    for name, value in KEYS.items():
        assert box.fields[name].echoMode() == QLineEdit.EchoMode.Password
        box.fields[name].setText(value)
    box.save_button.click()
    qtbot.waitUntil(lambda: link.keys is not None and tasks.tracker().idle())
    assert link.keys == KEYS
    for field in box.fields.values():
        assert field.text() == ""
        assert "*" not in field.placeholderText() and "•" not in field.placeholderText()
    shown = every_text(window)
    for value in KEYS.values():
        assert value not in shown
        assert value[:6] not in shown and value[-6:] not in shown
    assert "cannot be shown again" in box.status.text()
    assert window.ctx.account_connected is True and window.bands.training.isHidden()

    again = open_window(desk, "admin", link)  # another sign-in: still nothing of the keys
    again.places.go("settings")
    for field in again.page["settings"].account.fields.values():
        assert field.text() == ""
    shown = every_text(again)
    assert not any(value in shown for value in KEYS.values())
    assert str(len(KEYS["consumer_secret"])) not in again.page["settings"].account.status.text()


def test_keys_the_vault_would_refuse_are_not_kept_in_the_fields(qtbot, open_window, desk):
    link = FakeAccountLink()
    window, page = settings_page(open_window, desk, link)
    box = page.account
    box.fields["consumer_key"].setText("short")
    box.save_button.click()
    qtbot.waitUntil(lambda: tasks.tracker().idle())
    assert link.keys is None
    assert all(field.text() == "" for field in box.fields.values())
    assert "API Key" in page.notice.text()


def test_connected_account_leaves_training_and_verify_shows_it(qtbot, open_window, desk):
    link = FakeAccountLink(saved=True)
    window, page = settings_page(open_window, desk, link)
    qtbot.waitUntil(lambda: window.ctx.account_connected is True)
    assert window.bands.training.isHidden()
    assert window.header.account.text() == "On X as \u2066@MediaCentre\u2069"  # the handle kept left-to-right
    page.account.verify_button.click()
    qtbot.waitUntil(lambda: "@MediaCentre" in page.account.account.text())
    assert "Media Centre" in page.account.account.text()
    page.account.disconnect()
    qtbot.waitUntil(lambda: window.ctx.account_connected is False)
    assert not window.bands.training.isHidden()


def test_desk_settings_are_saved(open_window, desk):
    window, page = settings_page(open_window, desk, FakeAccountLink())
    box = page.desk_settings
    box.approvals.setCurrentIndex(box.approvals.findData(2))
    box.lateness.setValue(30)
    box.training.setChecked(True)
    box.save_button.click()
    settings = window.ctx.settings()
    assert (settings["approvals_needed"], settings["lateness_minutes"], settings["training_mode"]) == (2, 30, True)
    assert "Training mode: posts go to the desk's training timeline" in window.bands.training.text()


def test_how_far_ahead_a_schedule_may_go_is_a_desk_setting(open_window, desk):
    window, page = settings_page(open_window, desk, FakeAccountLink())
    box = page.desk_settings
    assert box.schedule_days.value() == 365
    box.schedule_days.setValue(730)
    box.save_button.click()
    assert window.ctx.settings()["schedule_max_days"] == 730


def test_institution_names_and_handle(open_window, desk):
    window, page = settings_page(open_window, desk, FakeAccountLink())
    page.institution.name_en.setText("Media Center")
    page.institution.handle.setText("@MediaCenter2")
    page.institution.save_button.click()
    assert desk.institution()["name_en"] == "Media Center"
    assert window.header.name.text() == "Media Center"
    assert "@MediaCenter2" in window.header.account.text()


def test_without_a_secure_keyring_the_desk_says_so_and_keeps_nothing(qtbot, open_window, desk):
    from desk.ui.account_link import ServiceAccountLink

    session = desk.sign_in("admin", "correct-horse-1")
    window = open_window(desk, "admin", ServiceAccountLink(session))  # the real account, no keyring
    window.places.go("settings")
    box = window.page["settings"].account
    qtbot.waitUntil(lambda: window.ctx.account_connected is False)
    assert "password keyring could not be opened" in box.status.text()
    assert "No secure keyring was found" in box.details.text() and not box.details_button.isHidden()
    for name, value in KEYS.items():
        box.fields[name].setText(value)
    box.save_button.click()
    qtbot.waitUntil(lambda: tasks.tracker().idle() and box.save_button.isEnabled())
    assert "password keyring could not be opened" in window.page["settings"].notice.text()
    assert "No secure keyring was found" in box.details.text()
    assert all(field.text() == "" for field in box.fields.values())
    assert not any(value in every_text(window) for value in KEYS.values())


def test_the_language_chosen_in_settings_applies_without_signing_in_again(qtbot, qapp, desk):
    from PySide6.QtCore import Qt

    from desk.ui import i18n
    from desk.ui.flow import DeskFlow

    as_user(desk, "admin").set_roles("admin", "administrator,supervisor")  # one who also writes
    flow = DeskFlow(desk, FakeAccountLink())
    flow.open_window(as_user(desk, "admin"))
    first = flow.window
    first.page["compose"].editor.set_text("مسودة لم تُحفظ")  # what was being typed comes along
    first.places.go("settings")
    box = first.page["settings"].desk_settings
    box.language.setCurrentIndex(box.language.findData("ar"))
    try:
        box.save_button.click()
        qtbot.waitUntil(lambda: flow.window is not first)
        window = flow.window
        assert qapp.language == "ar" and i18n.remembered_language() == "ar"
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.places.item(0).text() == "كتابة منشور"
        assert window.pages.currentWidget() is window.page["settings"]
        assert window.page["settings"].notice.text() == "حُفظت إعدادات المكتب."
        assert window.page["compose"].editor.text() == "مسودة لم تُحفظ"
        assert window.ctx.session.username == "admin" and desk.settings()["language"] == "ar"
        box = window.page["settings"].desk_settings
        box.language.setCurrentIndex(box.language.findData(""))  # the computer's language again
        box.save_button.click()
        qtbot.waitUntil(lambda: flow.window is not window)
        assert qapp.language == "en" and i18n.remembered_language() == ""
    finally:
        flow.window.set_aside()
        qapp.set_language("en")


def test_x_figures_settings_are_saved_and_off_by_default(qtbot, open_window, desk):
    window, page = settings_page(open_window, desk, FakeAccountLink())
    box = page.reach_settings
    assert box.every.value() == 0 and box.every.text() == box.every.specialValueText()
    assert box.price.value() == 0.005 and box.budget.value() == 5.0
    box.every.setValue(7)
    box.price.setValue(0.0061)
    box.budget.setValue(12.5)
    assert box.every.suffix().strip()  # "7 days", said with the number's form
    box.save_button.click()
    saved = desk.settings()
    assert (saved["reach_every_days"], saved["reach_price_millicents"], saved["reach_budget_cents"]) == (7, 610, 1250)
    box.budget.setValue(-1)  # below its range: the box keeps it at 0, never a negative budget
    assert box.budget.value() == 0
