"""First run: the institution and its first administrator, when the data folder is new."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QApplication, QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QProgressBar, QPushButton, QVBoxLayout,
)

from desk import paths
from desk.core.errors import DeskError
from desk.ui import adapters, i18n
from desk.ui.avatar import round_logo
from desk.ui.language_box import LanguageBox
from desk.ui.notice import NoticeLine
from desk.ui.staff.dialogs import GenderBox
from desk.ui.tasks import run_task


LOGO = 64


class FirstRunDialog(QDialog):
    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.logo_file: str | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name_ar = QLineEdit()
        self.name_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.name_en = QLineEdit()
        self.name_en.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.handle = QLineEdit()
        self.handle.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.handle.setPlaceholderText("@")
        self.logo = QLabel()
        self.logo.setPixmap(round_logo(paths.resources_dir() / "logo-placeholder.svg", LOGO))
        self.logo.setFixedSize(LOGO, LOGO)
        self.logo_button = QPushButton()
        self.logo_button.clicked.connect(self.choose_logo)
        self.admin = QLineEdit()
        self.admin.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.admin_name = QLineEdit()
        self.admin_gender = GenderBox()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = LanguageBox()
        self.language.chosen.connect(QApplication.instance().set_language)
        self.notice = NoticeLine()
        self.button = QPushButton()
        self.button.setDefault(True)
        self.button.clicked.connect(self.set_up)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # moving, without a percentage: "setting up"
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        self.working = False

        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addWidget(self.logo_button)
        logo_row.addStretch()
        self.labels = {}
        self.institution_box = QGroupBox()
        institution_form = QFormLayout(self.institution_box)
        for field in (self.name_ar, self.name_en, self.handle):
            institution_form.addRow(self._label(field), field)
        institution_form.addRow(self._label(self.logo), logo_row)
        self.admin_box = QGroupBox()
        admin_form = QFormLayout(self.admin_box)
        for field in (self.admin, self.admin_name, self.admin_gender, self.password, self.password2):
            admin_form.addRow(self._label(field), field)
        top = QFormLayout()
        top.addRow(self._label(self.language), self.language)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy)
        buttons.addStretch()
        buttons.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.institution_box)
        layout.addWidget(self.admin_box)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.retranslate()

    def _label(self, field) -> QLabel:
        label = QLabel()
        label.setBuddy(field)
        self.labels[field] = label
        return label

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("First run"))  # Qt adds " — Posting Desk"
        self.intro.setText(self.tr(
            "This data folder has no institution yet. Enter the institution that owns the X account "
            "and its first administrator. The administrator then adds the office's staff."))
        self.labels[self.language].setText(self.tr("Language"))
        self.institution_box.setTitle(self.tr("The institution"))
        self.admin_box.setTitle(self.tr("The first administrator"))
        labels = [
            (self.name_ar, self.tr("Name in Arabic")),
            (self.name_en, self.tr("Name in English")),
            (self.handle, self.tr("X handle")),
            (self.logo, self.tr("Logo")),
            (self.admin, self.tr("Username")),
            (self.admin_name, self.tr("Full name")),
            (self.admin_gender, self.tr("Addressed as")),
            (self.password, self.tr("Password")),
            (self.password2, self.tr("Password again")),
        ]
        for field, text in labels:
            self.labels[field].setText(text)
            field.setAccessibleName(text)
        self.logo.setAccessibleName(self.tr("Logo"))
        self.logo_button.setText(self.tr("Choose logo…"))
        self.logo_button.setToolTip(self.tr("PNG, JPEG or SVG. Until one is chosen a neutral placeholder is used."))
        self.button.setText(self.tr("Set up the desk"))
        self.busy.setAccessibleName(QCoreApplication.translate("MainWindow", "Working"))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for the wrapped introduction at this width: a dialog takes the height
        its layout guessed for a single line, and the form's rows (the logo's) paid for it."""
        layout = self.layout()
        width = max(self.width(), self.minimumWidth())
        if layout is not None and layout.hasHeightForWidth():
            self.setMinimumHeight(layout.totalHeightForWidth(width))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fit_height()
        super().changeEvent(event)

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the institution's logo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.svg)"))
        if name:
            self.set_logo(name)

    def set_logo(self, name: str) -> None:
        self.logo_file = name
        self.logo.setPixmap(round_logo(name, LOGO))

    def set_up(self) -> None:
        """The administrator's password is hashed (Argon2id, slow on purpose) off the GUI thread."""
        if self.working:
            return
        if self.password.text() != self.password2.text():
            self.notice.show_text(self.tr("The two passwords are not the same."), True)
            return
        self._set_busy(True)
        run_task(adapters.set_up_desk(self.desk, self.name_ar.text(), self.name_en.text(), self.handle.text().strip(),
                                      self.admin.text(), self.admin_name.text(), self.password.text(),
                                      logo=self.logo_file, admin_gender=self.admin_gender.gender()),
                 self._done, self._refused, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self.working = busy
        self.busy.setVisible(busy)
        for widget in (self.institution_box, self.admin_box, self.language, self.button):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        if self.working:  # the desk is being made: closing now would not stop it, so wait for it
            return
        super().reject()

    def _done(self, _result) -> None:
        self._set_busy(False)
        self.accept()

    def _refused(self, error) -> None:
        self._set_busy(False)
        if isinstance(error, DeskError):
            self.notice.show_text(error.message(i18n.current()), True)
        else:
            self.notice.show_text(QCoreApplication.translate(
                "DeskContext", "Something unexpected went wrong (%1). Nothing else was changed.").replace(
                "%1", type(error).__name__), True)
