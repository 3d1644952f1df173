"""A bar chart on the page, drawn by the same painter as the report's PDF: columns (the days
of the month) or rows (people, reasons). The bar under the mouse tells its exact value, and
the chart's accessible description reads every bar."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desk.ui.style import LINK, MUTED

PAD = 6  # room around the drawing, in pixels


class ChartView(QWidget):
    def __init__(self, kind: str, title: str, empty_text: str, tip=None, parent=None):
        """``kind``: "columns" or "rows"; ``tip(bar)``: the words under the mouse for one bar."""
        super().__init__(parent)
        self.kind = kind
        self.empty_text = empty_text
        self.tip = tip or (lambda bar: f"{bar.label}: {bar.count}")
        self.bars: tuple = ()
        self.label_every = 1
        self.setAccessibleName(title)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars, label_every: int = 1) -> None:
        self.bars = tuple(bars)
        self.label_every = label_every
        self.setAccessibleDescription("; ".join(self.tip(b) for b in self.bars) if self.has_bars() else
                                      self.empty_text)
        self.updateGeometry()
        self.update()

    def has_bars(self) -> bool:
        return any(b.count for b in self.bars)

    # size ------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(320, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self._height())

    def _height(self) -> int:
        line = self.fontMetrics().height()
        if not self.has_bars():
            return line * 2 + 2 * PAD
        if self.kind == "columns":
            return max(160, line * 11)
        from desk.reports import rows_height

        return int(math.ceil(rows_height(len(self.bars), self.font(), self))) + 2 * PAD

    def _area(self) -> QRectF:
        return QRectF(self.rect()).adjusted(PAD, PAD, -PAD, -PAD)

    # drawing ---------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        from desk.reports import paint_columns, paint_rows

        painter = QPainter(self)
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        if not self.has_bars():
            painter.setPen(QColor(MUTED))
            painter.drawText(self._area(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        if self.kind == "columns":
            paint_columns(painter, self._area(), self.bars, rtl=rtl, font=self.font(), color=QColor(LINK), ink=ink,
                          label_every=self.label_every)
        else:
            paint_rows(painter, self._area(), self.bars, rtl=rtl, font=self.font(), color=QColor(LINK), ink=ink)
        painter.end()

    # the bar under the mouse ---------------------------------------------------------
    def bar_at(self, x: float, y: float):
        """The bar drawn at this point of the widget, or None: the painter's own geometry."""
        if not self.has_bars():
            return None
        from desk.reports import column_at, row_at

        if self.kind == "rows":
            index = row_at(self._area(), self.bars, y, font=self.font(), device=self)
        else:
            rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            index = column_at(self._area(), self.bars, x, rtl=rtl, font=self.font(), device=self)
        return None if index is None else self.bars[index]

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            bar = self.bar_at(event.pos().x(), event.pos().y())
            if bar is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tip(bar), self)
            return True
        return super().event(event)
