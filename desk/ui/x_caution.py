"""A caution beside a post: what X may refuse of it although the desk accepts it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desk.core.messages import render
from desk.core.x_limits import cautions
from desk.ui import i18n


class XCaution(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("x_caution")
        self.setWordWrap(True)
        self.hide()

    def show_for(self, text: str, reply_to: str | None) -> None:
        lang = i18n.current()
        said = [render(key, lang, params) for key, params in cautions(text, reply_to)]
        self.setText("\n".join(said))
        self.setAccessibleName(self.text())
        self.setVisible(bool(said))
