"""The writer's own open posts: drafts (returned ones marked) and those waiting for review."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from desk.service import LogFilter
from desk.ui import words
from desk.ui.empty_hint import EmptyHint
from desk.ui.post_text import first_line


class DraftsList(QListWidget):
    opened = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("My drafts"))
        self.setWordWrap(True)
        self.itemActivated.connect(lambda item: self.opened.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.itemClicked.connect(lambda item: self.opened.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.empty_hint = EmptyHint(self, self.tr("No drafts yet: write a post in the editor and save it as a draft."))

    def reload(self, session) -> None:
        rows = []
        for state in ("draft", "in_review"):
            rows += session.log(LogFilter(state=state, author=session.username), limit=200)
        rows.sort(key=lambda r: r["post_id"], reverse=True)
        current = self.currentItem().data(Qt.ItemDataRole.UserRole) if self.currentItem() else None
        self.clear()
        for row in rows:
            label = f"#{row['post_id']} · {words.state_label(row['state'])}\n{first_line(row['text'], 60)}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, row["post_id"])
            self.addItem(item)
            if row["post_id"] == current:
                self.setCurrentItem(item)
