"""Asks for the reason or comment an action needs (reject, return, withdraw)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from desk.ui.post_text import direction


class ReasonDialog(QDialog):
    given = Signal(str)

    def __init__(self, title: str, prompt: str, button: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(prompt)
        self.text.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.resize(460, 240)
        self.accepted.connect(lambda: self.given.emit(self.text.toPlainText().strip()))

    def _changed(self) -> None:
        value = self.text.toPlainText()
        self.ok.setEnabled(bool(value.strip()))
        option = self.text.document().defaultTextOption()
        # like the post editor: a reason's paragraphs follow their own letters
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto if direction(value) else self.layoutDirection())
        self.text.document().setDefaultTextOption(option)
