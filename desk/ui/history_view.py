"""A post's whole history: who, when, what, and the reason or comment."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QTreeWidget, QTreeWidgetItem

from desk.ui import words



def event_note(event: dict) -> str:
    """The words a person gave with the event, or the message X gave; for a thread, which
    part it was about ("part 3 of 5: X refused …")."""
    note, part = _note(event), words.part_of(event)
    if part:
        return f"{part}: {note}" if note else part
    return note


def _note(event: dict) -> str:
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


REASON_ROOM = 160  # the reason column's least useful width, in pixels
CELL_PADDING = 8


class JoinedNote(QStyledItemDelegate):
    """Draws the event's words with its reason under them while the reason's column is hidden."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        if self.view.joined and index.column() == 2:
            note = index.siblingAtColumn(3).data()
            if note:
                option.text = f"{option.text}\u2028{note}"  # a line separator: the item view breaks there


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
        self.joined = False
        self.setItemDelegateForColumn(2, JoinedNote(self))

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
        if event.size().width() != event.oldSize().width():
            self._fit()
        self.updateGeometry()  # a narrower column wraps onto more lines

    def set_history(self, history: list[dict], names: dict[str, str], genders: dict[str, str] | None = None) -> None:
        genders = genders or {}
        self.rows = [(words.when(event["at"]), words.actor_name(event["actor"], names),
                      words.event_text(event, genders.get(event["actor"] or "", "")), self._note(event))
                     for event in history]
        self.clear()
        for cells in self.rows:
            item = QTreeWidgetItem(list(cells))
            item.setToolTip(3, cells[3])
            item.setToolTip(2, cells[3])
            self.addTopLevelItem(item)
        self._fit(force=True)
        self.updateGeometry()  # the rows' height may differ from the font's guess

    def _note(self, event: dict) -> str:
        parts = (event.get("detail") or {}).get("parts") or 0
        if event["action"] == "create" and parts > 1:  # a thread: how many parts it was written with
            return self.tr("a thread of %n parts", "", parts)
        return event_note(event)

    def _fit(self, force: bool = False) -> None:
        """Narrow (a detail beside a list on a small screen): the reason goes under the
        event's words instead of into a column of its own too narrow to be read."""
        rows = getattr(self, "rows", [])
        metrics = self.fontMetrics()
        needed = sum(max([metrics.horizontalAdvance(r[c]) for r in rows] + [0]) + 2 * CELL_PADDING for c in range(3))
        joined = self.viewport().width() < needed + REASON_ROOM  # no reason at all: nothing lost either
        if joined == self.joined and not force:
            return
        self.joined = joined
        header = self.header()
        self.setColumnHidden(3, joined)
        header.setStretchLastSection(not joined)  # the last section is the hidden one when joined
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch if joined
                                    else QHeaderView.ResizeMode.ResizeToContents)
        self.doItemsLayout()  # the rows with a reason under their words are taller
        self.updateGeometry()
