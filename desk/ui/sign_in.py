"""Sign-in: the institution's logo and name, username and password, the language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
)

from desk.core.errors import DeskError
from desk.ui import i18n
from desk.ui.avatar import round_logo
from desk.ui.language_box import LanguageBox
from desk.ui.notice import NoticeLine


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

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def try_sign_in(self) -> None:
        try:
            self.session = self.desk.sign_in(self.username.text(), self.password.text())
        except DeskError as error:
            self.password.clear()
            self.notice.show_text(error.message(i18n.current()), True)
            return
        self.password.clear()
        self.accept()
