"""A line at the top of a screen that says what just happened, or why it was refused."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from desk.ui.style import restyle


class NoticeLine(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        # the room around the words as margins, not the style's padding: a selectable label
        # lays its text out ignoring the padding on one side, so a right-to-left line touched the edge
        self.setStyleSheet("QLabel { padding: 0px; }")
        self.setContentsMargins(10, 6, 10, 6)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=12000)
        self._timer.timeout.connect(self.hide)
        self.is_error = False

    def show_text(self, text: str, is_error: bool = False) -> None:
        # set with the first words, not when built: the first screen shows before Qt's enums are loaded
        from PySide6.QtCore import Qt

        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.is_error = is_error
        self.setObjectName("notice_error" if is_error else "notice_info")
        self.setAccessibleName(self.tr("Error") if is_error else self.tr("Notice"))
        self.setText(text)
        restyle(self)
        self.show()
        if is_error:
            self._timer.stop()  # an error stays until the next action
        else:
            self._timer.start()

    def clear_text(self) -> None:
        self.setText("")
        self.hide()
