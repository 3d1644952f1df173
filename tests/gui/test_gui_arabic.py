"""In Arabic the window speaks Arabic and lays out right to left, Qt's own buttons included."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desk.ui.reason_dialog import ReasonDialog


def test_arabic_window_is_right_to_left_and_translated(arabic, qapp, open_window, desk):
    window = open_window(desk, "huda")
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    places = [window.places.item(i).text() for i in range(window.places.count())]
    assert places == ["كتابة منشور", "للمراجعة", "المعتمدة والمجدولة", "السجل", "التقارير", "خط التدريب الزمني"]
    assert window.header.person.text().splitlines()[1] == "مشرف"
    assert not any(ch.isascii() and ch.isalpha() for ch in window.bands.training.text().replace("X", ""))


def test_qt_own_buttons_speak_arabic(arabic, qtbot):
    dialog = ReasonDialog("عنوان", "السبب؟", "رفض")
    qtbot.addWidget(dialog)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text()
    assert cancel != "Cancel" and "\u0600" <= cancel[0] <= "\u06ff"  # Qt's own qtbase_ar.qm


def test_refusals_come_in_arabic(arabic, qtbot, desk):
    from desk.ui.sign_in import SignInDialog

    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "المركز الإعلامي"
    dialog.username.setText("huda")
    dialog.password.setText("wrong-password")
    dialog.button.click()
    qtbot.waitUntil(lambda: not dialog.checking)
    assert dialog.notice.text().startswith("اسم المستخدم أو كلمة المرور غير صحيحة")
