"""A list of posts with a few columns; the id of the chosen post in UserRole."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem


TEXT_ROOM = 160  # the last column's (the first line's) least width, in pixels


class PostList(QTreeWidget):
    chosen = Signal(object)  # post id, or None when nothing is chosen

    def __init__(self, headers: list[str], accessible_name: str, parent=None, step_aside: tuple[int, ...] = ()):
        """``step_aside``: columns the detail beside the list repeats, hidden in that order
        when the list is too narrow for the first line to be read."""
        super().__init__(parent)
        self.step_aside = step_aside
        self.setAccessibleName(accessible_name)
        self.setHeaderLabels(headers)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        header = self.header()
        for column in range(len(headers) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.itemSelectionChanged.connect(self._selection)

    def current_id(self):
        item = self.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def set_rows(self, rows: list[tuple[int, list[str]]], parent_item: QTreeWidgetItem | None = None) -> None:
        """Replace the rows, keeping the chosen post chosen if it is still there."""
        keep = self.current_id()
        self.blockSignals(True)
        if parent_item is None:
            self.clear()
        found = None
        for post_id, cells in rows:
            item = QTreeWidgetItem(cells)
            item.setData(0, Qt.ItemDataRole.UserRole, post_id)
            for column, text in enumerate(cells):
                item.setToolTip(column, text)
            if parent_item is None:
                self.addTopLevelItem(item)
            else:
                parent_item.addChild(item)
            if post_id == keep:
                found = item
        self.blockSignals(False)
        self.fit_columns()
        if found is not None:
            self.setCurrentItem(found)
        elif parent_item is None:
            self.chosen.emit(None)

    def fit_columns(self) -> None:
        if not self.step_aside:
            return
        last = self.columnCount() - 1
        header = self.header()
        # columns the page itself hides stay hidden; only the ones that step aside come and go
        shown = [c for c in range(last) if c in self.step_aside or not self.isColumnHidden(c)]
        widths = {c: max(self.sizeHintForColumn(c), header.sectionSizeFromContents(c).width()) for c in shown}
        hidden = set()
        for column in self.step_aside:
            if self.viewport().width() - sum(w for c, w in widths.items() if c not in hidden) >= TEXT_ROOM:
                break
            hidden.add(column)
        for column in self.step_aside:
            self.setColumnHidden(column, column in hidden)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_columns()

    def _selection(self) -> None:
        self.chosen.emit(self.current_id())
