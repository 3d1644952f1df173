"""The staff dialogs: a new person, their roles, a new password, deactivation with handover."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QVBoxLayout, QWidget,
)

from desk.core.roles import Role
from desk.ui import words


class RoleBoxes(QWidget):
    def __init__(self, roles=frozenset(), parent=None, gender: str = ""):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes = {}
        for role in Role:
            box = QCheckBox(words.role_label(role, gender))
            box.setChecked(role in roles)
            self.boxes[role] = box
            row.addWidget(box)
        row.addStretch()

    def roles(self) -> frozenset:
        return frozenset(role for role, box in self.boxes.items() if box.isChecked())

    def set_gender(self, gender: str) -> None:
        """The roles named as they will be of this person («مشرفة» for a woman)."""
        for role, box in self.boxes.items():
            box.setText(words.role_label(role, gender))


class GenderBox(QComboBox):
    """How sentences that name the person read: Arabic verbs and titles agree with them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        for value in ("", "f", "m"):
            self.addItem("", value)
        self.retranslate()

    def retranslate(self) -> None:
        for index, text in enumerate((self.tr("Not given (sentences use the masculine form)"),
                                      self.tr("Female"), self.tr("Male"))):
            self.setItemText(index, text)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def gender(self) -> str:
        return self.currentData() or ""


INVALID = object()  # what value() returns when the form itself refuses (its reason is shown)


class _Form(QDialog):
    """A form with OK/Cancel whose result goes out through ``given``; errors show inside."""

    given = Signal(object)

    def __init__(self, title: str, button: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("notice_error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(lambda: self.given.emit(self.value()))
        self.buttons.rejected.connect(self.reject)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # moving, without a percentage: "working"
        self.busy.setAccessibleName(QCoreApplication.translate("MainWindow", "Working"))
        self.busy.hide()
        self.working = False
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def value(self):
        raise NotImplementedError

    def set_busy(self, busy: bool) -> None:
        """While the work runs off the GUI thread: the form waits, greyed, with a moving bar."""
        self.working = busy
        self.busy.setVisible(busy)
        if busy:
            self.error.hide()
        for i in range(self.form.count()):
            widget = self.form.itemAt(i).widget()
            if widget is not None:
                widget.setEnabled(not busy)
        self.buttons.setEnabled(not busy)

    def reject(self) -> None:
        if not self.working:  # Escape while the work runs: it finishes first
            super().reject()

    def refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _field(self, label: str, widget) -> None:
        widget.setAccessibleName(label)
        self.form.addRow(label, widget)


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class AddStaffDialog(_Form):
    def __init__(self, parent=None):
        super().__init__(self.tr("Add a staff member"), self.tr("Add"), parent)
        self.username = QLineEdit()
        self.username.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.name = QLineEdit()
        self.gender = GenderBox()
        self.roles = RoleBoxes(frozenset({Role.OFFICER}))
        self.gender.currentIndexChanged.connect(lambda _: self.roles.set_gender(self.gender.gender()))
        self.password = _password_field()
        self.password2 = _password_field()
        self._field(self.tr("Username"), self.username)
        self._field(self.tr("Full name"), self.name)
        self._field(self.tr("Addressed as"), self.gender)
        self._field(self.tr("Roles"), self.roles)
        self._field(self.tr("First password"), self.password)
        self._field(self.tr("Password again"), self.password2)

    def value(self):
        if self.password.text() != self.password2.text():
            self.refuse(self.tr("The two passwords are not the same."))
            return INVALID
        return self.username.text(), self.name.text(), self.roles.roles(), self.password.text(), self.gender.gender()


class RolesDialog(_Form):
    """A person's roles, and how sentences that name them read (a desk made before it was
    asked knows no one's)."""

    def __init__(self, member, parent=None):
        super().__init__(self.tr("Roles of %1").replace("%1", member.name), self.tr("Save"), parent)
        self.gender = GenderBox()
        self.gender.setCurrentIndex(max(self.gender.findData(member.gender or ""), 0))
        self.roles = RoleBoxes(member.roles, gender=member.gender)
        self.gender.currentIndexChanged.connect(lambda _: self.roles.set_gender(self.gender.gender()))
        self._field(self.tr("Addressed as"), self.gender)
        self._field(self.tr("Roles"), self.roles)

    def value(self):
        return self.roles.roles(), self.gender.gender()


class PasswordDialog(_Form):
    """Confirm a reset: the desk makes the one-time password, shown once afterwards."""

    def __init__(self, member, parent=None):
        super().__init__(self.tr("Reset the password of %1").replace("%1", member.name), self.tr("Reset password"), parent)
        text = QLabel(words.agreeing(
            member.gender,
            self.tr("The desk will make a one-time password for %1 and show it to you once. "
                    "They must choose a new password when they next sign in, and they will see that you reset it."),
            self.tr("The desk will make a one-time password for %1 and show it to you once. "
                    "They must choose a new password when they next sign in, and they will see that you reset it.",
                    "female")).replace("%1", member.name))
        text.setWordWrap(True)
        self.form.addRow(text)

    def value(self):
        return True


class OneTimePasswordDialog(QDialog):
    """The one-time password, shown once: the desk keeps only its hash."""

    def __init__(self, member, password: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(words.agreeing(member.gender, self.tr("One-time password for %1"),
                                           self.tr("One-time password for %1", "female")).replace("%1", member.name))
        self.password = QLineEdit(password)
        self.password.setReadOnly(True)
        self.password.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.password.setAccessibleName(self.tr("One-time password"))
        note = QLabel(words.agreeing(
            member.gender,
            self.tr("Give it to %1 in person. It is shown only now; at their next sign-in they "
                    "must choose a new password."),
            self.tr("Give it to %1 in person. It is shown only now; at their next sign-in they "
                    "must choose a new password.", "female")).replace("%1", member.name))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        font = self.password.font()
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.password.setFont(font)
        layout.addWidget(note)
        layout.addWidget(self.password)
        layout.addStretch()
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def done(self, result) -> None:  # nothing of it stays in memory once closed
        self.password.clear()
        super().done(result)


class DeactivateDialog(_Form):
    def __init__(self, member, colleagues, open_count: int, parent=None):
        super().__init__(self.tr("Deactivate %1").replace("%1", member.name), self.tr("Deactivate"), parent)
        note = QLabel(words.agreeing(
            member.gender,
            self.tr("%1 will no longer be able to sign in. Their history stays in the log under their name."),
            self.tr("%1 will no longer be able to sign in. Their history stays in the log under their name.",
                    "female")).replace("%1", member.name))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.hand_to = QComboBox()
        self.hand_to.addItem(self.tr("Nobody (leave them as they are)"), None)
        for other in colleagues:
            self.hand_to.addItem(other.name, other.username)
        if open_count:
            self._field(self.tr("Hand over the open drafts (%1) to").replace("%1", str(open_count)), self.hand_to)
            self.hand_to.setCurrentIndex(1 if colleagues else 0)
        else:
            self.hand_to.hide()

    def value(self):
        return self.hand_to.currentData()
