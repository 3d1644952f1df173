"""Sign-in: the institution's logo and name, username and password, the language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QApplication, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout,
)

from desk.core.errors import DeskError
from desk.ui import adapters, i18n
from desk.ui.avatar import round_logo
from desk.ui.language_box import LanguageBox
from desk.ui.notice import NoticeLine
from desk.ui.tasks import run_task


class SignInDialog(QDialog):
    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.session = None
        self.logo = QLabel()
        self.logo.setPixmap(round_logo(desk.logo_path(), 96))
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel()
        self.name.setObjectName("institution_name")
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
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

        self.form = QFormLayout()
        self.labels = {}
        for field in (self.username, self.password, self.language):
            self.labels[field] = QLabel()
            self.labels[field].setBuddy(field)
            self.form.addRow(self.labels[field], field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch()
        buttons.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.logo)
        layout.addWidget(self.name)
        layout.addSpacing(12)
        layout.addLayout(self.form)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.setMinimumWidth(440)
        self.retranslate()
        self.username.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Posting Desk — sign in"))
        found = self.desk.institution() or {}
        self.name.setText(found.get("name_ar" if i18n.current() == "ar" else "name_en", ""))
        self.labels[self.username].setText(self.tr("Username"))
        self.labels[self.password].setText(self.tr("Password"))
        self.labels[self.language].setText(self.tr("Language"))
        self.username.setAccessibleName(self.tr("Username"))
        self.password.setAccessibleName(self.tr("Password"))
        self.button.setText(self.tr("Sign in"))
        self.button.setAccessibleName(self.tr("Sign in"))
        self.logo.setAccessibleName(self.tr("Institution logo"))
        self.busy.setAccessibleName(QCoreApplication.translate("MainWindow", "Working"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_busy(self, busy: bool) -> None:
        self.checking = busy
        self.busy.setVisible(busy)
        for widget in (self.button, self.username, self.password, self.language):
            widget.setEnabled(not busy)

    def try_sign_in(self) -> None:
        """The password check (Argon2id, slow on purpose) runs off the GUI thread."""
        if self.checking:
            return
        self._set_busy(True)
        run_task(adapters.check_password(self.desk, self.username.text(), self.password.text()),
                 self._signed_in, self._refused, owner=self)

    def _signed_in(self, member) -> None:
        from desk.session import Session

        self._set_busy(False)
        self.session = Session(self.desk, member)
        self.password.clear()
        self.accept()

    def _refused(self, error) -> None:
        self._set_busy(False)
        self.password.clear()
        if isinstance(error, DeskError):
            text = error.message(i18n.current())
        else:
            text = QCoreApplication.translate("DeskContext", "Something unexpected went wrong (%1). Nothing else was changed.").replace(
                "%1", type(error).__name__)
        self.notice.show_text(text, True)
        self.password.setFocus()
