"""A list of posts with a few columns; the id of the chosen post in UserRole."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem


class PostList(QTreeWidget):
    chosen = Signal(object)  # post id, or None when nothing is chosen

    def __init__(self, headers: list[str], accessible_name: str, parent=None):
        super().__init__(parent)
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
        if found is not None:
            self.setCurrentItem(found)
        elif parent_item is None:
            self.chosen.emit(None)

    def _selection(self) -> None:
        self.chosen.emit(self.current_id())
