"""A post's whole history: who, when, what, and the reason or comment."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from desk.ui import words



def event_note(event: dict) -> str:
    """The words a person gave with the event, or the message X gave."""
    detail = event.get("detail") or {}
    if detail.get("key"):  # a refusal by X, recorded by its message key and numbers
        return words.desk_message(detail["key"], detail.get("reason") or detail.get("message") or "",
                                  detail.get("params"))
    if event["action"] == "settle_retry":
        return ""  # its note is the outbox's English; the event's own words say the same
    for key in ("reason", "comment", "message", "note"):
        if detail.get(key):
            return str(detail[key])
    if event["action"] == "schedule" and detail.get("at"):
        return words.when_with_hijri(detail["at"])
    if event["action"] == "approve" and (detail.get("approvals") or 0) > 1:  # the second of two
        return words.tr("approval %1").replace("%1", str(detail["approvals"]))
    return ""


def last_note(history: list[dict], *actions: str) -> tuple[dict | None, str]:
    """The newest event among ``actions`` and its note."""
    for event in reversed(history):
        if event["action"] in actions:
            return event, event_note(event)
    return None, ""


class HistoryView(QTreeWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("History of the post"))
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Reason or comment")])
        header = self.header()
        header.setStretchLastSection(True)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(48)

    def full_height(self) -> int:
        """Header and every event: the view never scrolls, the detail around it does."""
        rows = sum(self.indexRowSizeHint(self.indexFromItem(self.topLevelItem(i))) for i in range(self.topLevelItemCount()))
        rows = max(rows, self.fontMetrics().height() + 8)  # an empty history keeps one line
        scroll = self.horizontalScrollBar().sizeHint().height() if self.horizontalScrollBar().isVisible() else 0
        return self.header().sizeHint().height() + rows + scroll + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.full_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.full_height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # a narrower reason column wraps onto more lines

    def set_history(self, history: list[dict], names: dict[str, str]) -> None:
        self.clear()
        for event in history:
            item = QTreeWidgetItem([
                words.when(event["at"]),
                words.actor_name(event["actor"], names),
                words.event_words(event["action"]),
                event_note(event),
            ])
            item.setToolTip(3, event_note(event))
            self.addTopLevelItem(item)
        self.updateGeometry()  # the rows' height may differ from the font's guess
