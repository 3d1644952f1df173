"""The lock: after idle minutes the window hides its work and asks for the password again.

Nothing is closed: what was being typed stays in its editor (and in the autosave file).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from desk.ui import adapters, words
from desk.ui.avatar import round_logo
from desk.ui.notice import NoticeLine
from desk.ui.tasks import run_task


BOX_WIDTH = 440


class LockScreen(QWidget):
    unlocked = Signal()
    sign_out = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        logo = QLabel()
        logo.setPixmap(round_logo(ctx.desk.logo_path(), 96))
        logo.setFixedSize(96, 96)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.try_unlock)
        self.notice = NoticeLine()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.clicked.connect(self.sign_out)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # moving, without a percentage: "checking"
        self.busy.setMaximumWidth(100)
        self.busy.setAccessibleName(QCoreApplication.translate("MainWindow", "Working"))
        self.busy.hide()
        self.checking = False
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch()
        buttons.addWidget(self.busy)
        buttons.addWidget(self.unlock_button)
        box = QWidget()
        box.setFixedWidth(BOX_WIDTH)
        column = self.column = QVBoxLayout(box)
        column.addWidget(logo, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(8)
        column.addWidget(self.message)
        column.addWidget(self.password)
        column.addWidget(self.notice)
        column.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch()

    def prepare(self) -> None:
        member = self.ctx.session.member
        text = words.agreeing(
            member.gender,
            self.tr("The desk was locked after a while without use. %1, enter your password to go on where you left off."),
            self.tr("The desk was locked after a while without use. %1, enter your password to go on where you left off.",
                    "female"))
        self.message.setText(text.replace("%1", member.name))
        # the wrapped lines' own height: centred in the page the box would get one line's, under the logo
        margins = self.column.contentsMargins()
        self.message.setMinimumHeight(self.message.heightForWidth(BOX_WIDTH - margins.left() - margins.right()))
        self.password.clear()
        self.notice.clear_text()
        self.password.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.checking = busy
        self.busy.setVisible(busy)
        for widget in (self.password, self.unlock_button, self.sign_out_button):
            widget.setEnabled(not busy)

    def try_unlock(self) -> None:
        """The password check (Argon2id, slow on purpose) runs off the GUI thread."""
        if self.checking:
            return
        self._set_busy(True)
        run_task(adapters.check_password(self.ctx.desk, self.ctx.session.username, self.password.text()),
                 self._unlocked, self._refused, owner=self)

    def _unlocked(self, _member) -> None:
        self._set_busy(False)
        self.password.clear()
        self.unlocked.emit()

    def _refused(self, error) -> None:
        self._set_busy(False)
        self.password.clear()
        self.notice.show_text(self.ctx.message(error), True)
        self.password.setFocus()
