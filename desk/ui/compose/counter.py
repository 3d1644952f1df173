"""X's weighted count of the text (n / 280), red past the limit with the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desk.core.text import weighted_length
from desk.ui import words
from desk.ui.post_text import counted_parts
from desk.ui.style import restyle


class CharCounter(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.limit = 280
        self.length = 0
        self.count = QLabel()
        self.count.setObjectName("counter")
        self.reason = QLabel()
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.reason, 1)
        row.addWidget(self.count, 0, Qt.AlignmentFlag.AlignTop)
        self.update_for("")

    @property
    def over(self) -> bool:
        return self.length > self.limit

    def set_limit(self, limit: int) -> None:
        self.limit = limit

    def update_for(self, text: str) -> None:
        self.length = weighted_length(text, self.limit) if text else 0
        self.count.setText(f"\u200e{self.length} / {self.limit}")  # the mark keeps "n / 280" in this order
        self.count.setAccessibleName(self.tr("%1 of %2 characters as X counts them")
                                     .replace("%1", str(self.length)).replace("%2", str(self.limit)))
        links, emoji = counted_parts(text) if text else (0, 0)
        parts = []
        if links:
            parts.append(self.tr("links: %1 × 23").replace("%1", str(links)))
        if emoji:
            parts.append(self.tr("emoji: %1 × 2").replace("%1", str(emoji)))
        weights = words.joined(parts, "; ", "؛ ")
        if self.over:
            why = self.tr("%1 over the limit. X counts every link as 23 and every emoji as 2.").replace(
                "%1", str(self.length - self.limit))
            self.reason.setText(f"{why} {weights}".strip())
        elif weights:
            self.reason.setText(self.tr("Counted as X counts: %1").replace("%1", weights))
        else:
            self.reason.setText("")
        for label in (self.count, self.reason):
            label.setProperty("over", self.over)
            restyle(label)
