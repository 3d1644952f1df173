"""Sign-in: the institution's logo and name, username and password, the language.

The first screen a person sees, so it shows before the desk is open: built without a
desk (and without importing the store), it gets its desk, logo and name from
``set_desk`` a moment later, once it has been painted (``first_painted``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QApplication, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout,
)

from desk.ui import adapters, i18n
from desk.ui.language_box import LanguageBox
from desk.ui.notice import NoticeLine
from desk.ui.tasks import run_task

LOGO = 96


class SignInDialog(QDialog):
    first_painted = Signal()

    def __init__(self, desk=None, parent=None):
        super().__init__(parent)
        self.desk = None
        self.session = None
        self._painted = False
        self.logo = QLabel()
        self.logo.setFixedSize(LOGO, LOGO)  # the logo's room from the start: nothing moves when it comes
        self.name = QLabel()
        self.name.setObjectName("institution_name")
        self.name.setStyleSheet("qproperty-alignment: AlignCenter;")  # Qt's enums cost the first screen time
        self.name.setWordWrap(True)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = LanguageBox()
        self.language.chosen.connect(QApplication.instance().set_language)
        self.notice = NoticeLine()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # moving, without a percentage: "checking"
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        self.checking = False
        self.button = QPushButton()
        self.button.setDefault(True)
        self.button.clicked.connect(self.try_sign_in)
        self.password.returnPressed.connect(self.try_sign_in)
        # after a one-time password: a new one, twice, and who reset it
        self.reset_info = QLabel()
        self.reset_info.setWordWrap(True)
        self.reset_info.setObjectName("reset_info")
        self.reset_info.hide()
        self.new_password = QLineEdit()
        self.new_password2 = QLineEdit()
        for field in (self.new_password, self.new_password2):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password2.returnPressed.connect(self.try_sign_in)
        self._one_time = None
        self._member = None

        self.form = QFormLayout()
        self.labels = {}
        for field in (self.username, self.password, self.new_password, self.new_password2, self.language):
            self.labels[field] = QLabel()
            self.labels[field].setBuddy(field)
            self.form.addRow(self.labels[field], field)
        for field in (self.new_password, self.new_password2):
            self.form.setRowVisible(field, False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch()
        buttons.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        logo_row = QHBoxLayout()  # centred by stretches on either side
        logo_row.addStretch()
        logo_row.addWidget(self.logo)
        logo_row.addStretch()
        layout.addLayout(logo_row)
        layout.addWidget(self.name)
        layout.addSpacing(12)
        layout.addWidget(self.reset_info)
        layout.addLayout(self.form)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.setMinimumWidth(440)
        self._institution = None
        self.button.setEnabled(False)  # until the desk is open
        self.retranslate()
        self.username.setFocus()
        if desk is not None:
            self.set_desk(desk)

    def set_desk(self, desk) -> None:
        """The desk is open: its logo and name, and the button that signs in."""
        from desk.ui.avatar import round_logo

        self.desk = desk
        self.logo.setPixmap(round_logo(desk.logo_path(), LOGO))
        self.retranslate()
        self.button.setEnabled(not self.checking)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in"))  # Qt adds " — Posting Desk"
        if self._institution is None and self.desk is not None:  # read once: a language change needs no database
            self._institution = self.desk.institution() or {}
        found = self._institution or {}
        self.name.setText(found.get("name_ar" if i18n.current() == "ar" else "name_en", ""))
        self.labels[self.username].setText(self.tr("Username"))
        self.labels[self.password].setText(self.tr("Password"))
        self.labels[self.language].setText(self.tr("Language"))
        self.username.setAccessibleName(self.tr("Username"))
        self.password.setAccessibleName(self.tr("Password"))
        self.labels[self.new_password].setText(self.tr("New password"))
        self.labels[self.new_password2].setText(self.tr("New password again"))
        self.new_password.setAccessibleName(self.tr("New password"))
        self.new_password2.setAccessibleName(self.tr("New password again"))
        button = self.tr("Set password and sign in") if self._one_time is not None else self.tr("Sign in")
        self.button.setText(button)
        self.button.setAccessibleName(button)
        if self._member is not None:
            self._show_reset_notice()
        self.logo.setAccessibleName(self.tr("Institution logo"))
        self.busy.setAccessibleName(QCoreApplication.translate("MainWindow", "Working"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_busy(self, busy: bool) -> None:
        self.checking = busy
        self.busy.setVisible(busy)
        for widget in (self.button, self.username, self.password, self.new_password, self.new_password2,
                       self.language):
            widget.setEnabled(not busy)
        self.button.setEnabled(not busy and self.desk is not None)

    def try_sign_in(self) -> None:
        """The password check (Argon2id, slow on purpose) runs off the GUI thread."""
        if self.checking or self.desk is None:
            return  # a check under way, or the desk not open yet (the button says so, greyed)
        if self._one_time is not None:
            self._change_password()
            return
        self._set_busy(True)
        run_task(adapters.check_password(self.desk, self.username.text(), self.password.text()),
                 self._signed_in, self._refused, owner=self)

    def _signed_in(self, member) -> None:
        from desk.session import Session

        self._set_busy(False)
        if member.must_change:  # a one-time password: nothing but a new password may follow
            self._one_time = self.password.text()
            self._member = member
            self.password.clear()
            self._ask_new_password()
            return
        self.session = Session(self.desk, member)
        self.password.clear()
        self.accept()

    def _ask_new_password(self) -> None:
        for field in (self.username, self.password):
            self.form.setRowVisible(field, False)
        for field in (self.new_password, self.new_password2):
            self.form.setRowVisible(field, True)
        self.retranslate()
        self.reset_info.show()
        self.new_password.setFocus()

    def _show_reset_notice(self) -> None:
        """Who reset the password and when, and what was done in this name since."""
        from desk.session import Session
        from desk.ui import words

        notice = Session(self.desk, self._member).reset_notice() or {"resets": [], "actions": []}
        names, genders = self.desk.store.staff.names(), self.desk.store.staff.genders()
        lines = [self.tr("Your password was reset. Choose a new one to go on.")]
        for reset in notice["resets"]:
            reset_by = words.agreeing(genders.get(reset["by"] or "", ""), self.tr("Reset by %1 on %2."),
                                      self.tr("Reset by %1 on %2.", "female"))
            lines.append(reset_by.replace("%1", names.get(reset["by"], reset["by"] or "?")).replace(
                "%2", words.when(reset["at"])))
        lines.append(self.tr("Actions taken in your name since then: %1").replace("%1", str(len(notice["actions"]))))
        for action in notice["actions"][-5:]:
            post = f" #{action['post_id']}" if action["post_id"] else ""
            lines.append(f"• {words.when(action['at'])} {words.event_text(action, self._member.gender)}{post}")
        self.reset_info.setText("\n".join(lines))

    def _change_password(self) -> None:
        if self.new_password.text() != self.new_password2.text():
            self.notice.show_text(self.tr("The two passwords are not the same."), True)
            return
        self._set_busy(True)
        run_task(adapters.change_password(self.desk, self._member, self._one_time, self.new_password.text()),
                 self._changed, self._refused_change, owner=self)

    def _changed(self, _result) -> None:
        from desk.session import Session

        self._set_busy(False)
        self._one_time = None
        self.session = Session(self.desk, self.desk.store.staff.require(self._member.username))
        self.accept()

    def _refused_change(self, error) -> None:
        from desk.core.errors import DeskError

        self._set_busy(False)
        self.new_password.clear()
        self.new_password2.clear()
        self.notice.show_text(error.message(i18n.current()) if isinstance(error, DeskError) else str(type(error).__name__), True)
        self.new_password.setFocus()

    def _refused(self, error) -> None:
        from desk.core.errors import DeskError

        self._set_busy(False)
        self.password.clear()
        if isinstance(error, DeskError):
            text = error.message(i18n.current())
        else:
            text = QCoreApplication.translate("DeskContext", "Something unexpected went wrong (%1). Nothing else was changed.").replace(
                "%1", type(error).__name__)
        self.notice.show_text(text, True)
        self.password.setFocus()
