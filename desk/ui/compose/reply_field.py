"""The post this one answers: an X post's link or its number. Only the number is kept."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desk.ui.x_caution import XCaution

# x.com or twitter.com, the account's handle (or "i" / "i/web"), then the post's number
X_LINK = re.compile(
    r"^(?:https?://)?(?:www\.|mobile\.)?(?:x|twitter)\.com/([A-Za-z0-9_]{1,15}|i(?:/web)?)"
    r"/status(?:es)?/(\d{1,25})(?:[/?#].*)?$", re.IGNORECASE)
# a number typed with Arabic-Indic digits is the same number
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)


def reply_target(typed: str) -> tuple[str, str] | None:
    """(post number, @handle or "") from what was typed; ("", "") when empty; None when not understood."""
    typed = (typed or "").strip().translate(DIGITS)
    if not typed:
        return "", ""
    if typed.isascii() and typed.isdigit() and len(typed) <= 25:
        return typed, ""
    found = X_LINK.match(typed)
    if found is None:
        return None
    handle = found.group(1)
    return found.group(2), "" if handle.lower() in ("i", "i/web") else handle


class ReplyField(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel(self.tr("In reply to"))
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Optional: the link or number of the X post this answers"))
        self.field.setAccessibleName(self.tr("In reply to: the link or number of an X post"))
        self.field.setClearButtonEnabled(True)
        self.label.setBuddy(self.field)
        self.problem = QLabel(self.tr("Not an X post: paste a link such as https://x.com/handle/status/123… "
                                      "or the post's number alone."))
        self.problem.setObjectName("disabled_reason")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.caution = XCaution()  # X may refuse the reply: said before it is written
        self.field.textChanged.connect(self._typed)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.field, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.problem)
        column.addWidget(self.caution)

    def _typed(self) -> None:
        self.problem.setVisible(self.target() is None)
        self.caution.show_for("", self.post_id())
        self.changed.emit()

    def text(self) -> str:
        return self.field.text()

    def set_text(self, text: str | None) -> None:
        self.field.setText(text or "")

    def target(self) -> tuple[str, str] | None:
        return reply_target(self.field.text())

    def post_id(self) -> str | None:
        """The number to keep ("" for none), or None when what was typed is not an X post."""
        found = self.target()
        return found[0] if found is not None else None

    def setReadOnly(self, read_only: bool) -> None:
        self.field.setReadOnly(read_only)
        self.field.setClearButtonEnabled(not read_only)
