"""The log's table: the first line keeps room to be read however narrow the window.

Names and dates take what they need, up to a cap (a longer one elides; its tooltip
holds it whole). When the table is too narrow for every column, X's figures (the Reports
page has them) and then the columns the detail beside it repeats (the link, the
approvers, the author, the date) step aside in that order, until the first line has its
room again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

from desk.ui.log.model import (
    COL_APPROVER, COL_AUTHOR, COL_IMPRESSIONS, COL_LIKES, COL_LINK, COL_PUBLISHED, COL_REPOSTS, COL_TEXT,
)

CAPS = {COL_AUTHOR: 150, COL_APPROVER: 150, COL_LINK: 110}  # widest in pixels
STEP_ASIDE = (COL_IMPRESSIONS, COL_REPOSTS, COL_LIKES, COL_LINK, COL_APPROVER, COL_AUTHOR, COL_PUBLISHED)
TEXT_ROOM = 180  # the first line's least width, in pixels


class LogTable(QTableView):
    def setModel(self, model) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        model.modelReset.connect(self.fit_columns)

    def wanted_width(self, column: int) -> int:
        header = self.horizontalHeader()
        width = max(self.sizeHintForColumn(column), header.sectionSizeFromContents(column).width())
        return min(width, CAPS.get(column, width))

    def fit_columns(self) -> None:
        model = self.model()
        if model is None:
            return
        others = [c for c in range(model.columnCount()) if c != COL_TEXT]
        widths = {c: self.wanted_width(c) for c in others}
        room = self.viewport().width()
        hidden = set()
        for column in STEP_ASIDE:
            if room - sum(w for c, w in widths.items() if c not in hidden) >= TEXT_ROOM:
                break
            hidden.add(column)
        for column in others:
            self.setColumnHidden(column, column in hidden)
            if column not in hidden:
                self.setColumnWidth(column, widths[column])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_columns()
