"""Bar charts on any QPainter: the report's PDF (300 DPI) and the window's Reports page draw
the same pictures with this code.

QtGui only, no widgets. Sizes come from the rectangle and the font; lines and gaps are in
points, turned into the device's own pixels, so a chart looks the same on paper and on a
screen. Labels are drawn with their direction set, so Qt shapes Arabic and lays out
mixed text in reading order.
"""

from __future__ import annotations

import math
from typing import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextOption

from desk.core.figures import Count
from desk.export.dates import starts_rtl
from desk.export.report_words import count_text

ROW_PITCH = 1.7  # a row of paint_rows, in lines of its font
BAR_SHARE = 0.7  # of a column's slot, the rest is the gap between bars


def _points(device) -> float:
    """Device pixels in one typographic point: 1.33 on a common screen, 4.17 in a 300-DPI PDF."""
    dpi = device.logicalDpiY() if device is not None else 96
    return (dpi or 96) / 72.0


def _draw_text(painter: QPainter, rect: QRectF, text: str, align, rtl: bool) -> None:
    """One line in rect; align is visual (left is left in both directions)."""
    option = QTextOption(align | Qt.AlignAbsolute | Qt.AlignVCenter)
    option.setTextDirection(Qt.RightToLeft if rtl else Qt.LeftToRight)
    option.setWrapMode(QTextOption.NoWrap)
    painter.drawText(rect, text, option)


def _step(top: int) -> int:
    """A round step (1, 2, 5 times a power of ten) giving three or four ticks up to ``top``."""
    raw = max(top, 1) / 3
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for m in (1, 2, 5, 10):
        if m * power >= raw:
            return max(1, int(m * power))
    return max(1, int(10 * power))


def ticks(top: int) -> list[int]:
    """The grid's values from 0: ticks(7) == [0, 5, 10]; ticks(0) == [0, 1]."""
    step = _step(top)
    last = max(1, math.ceil(max(top, 1) / step))
    return [n * step for n in range(last + 1)]


def _fitted(font: QFont, device, texts: Sequence[str], width: float, least: float = 0.6) -> QFont:
    """The font, made smaller (down to ``least`` of its size) so the widest text fits ``width``."""
    widest = max((QFontMetricsF(font, device).horizontalAdvance(t) for t in texts), default=0.0)
    if widest <= width or widest == 0:
        return font
    smaller = QFont(font)
    smaller.setPointSizeF(font.pointSizeF() * max(least, width / widest))
    return smaller


class _Columns:
    """Where paint_columns puts things: the plot, each bar's slot, the room for values and labels."""

    def __init__(self, rect: QRectF, bars: Sequence[Count], font: QFont, device, rtl: bool):
        pt = _points(device)
        metrics = QFontMetricsF(font, device)
        self.values = ticks(max((b.count for b in bars), default=0))
        self.gutter = max(metrics.horizontalAdvance(count_text(v)) for v in self.values) + 6 * pt
        self.slot = (rect.width() - self.gutter) / max(len(bars), 1)
        numbers = [count_text(b.count) for b in bars if b.count]
        self.value_font = _fitted(font, device, numbers, self.slot * 0.96, least=0.75)
        value_w = max((QFontMetricsF(self.value_font, device).horizontalAdvance(t) for t in numbers), default=0.0)
        self.upright = value_w > self.slot * 0.96  # too wide even when smaller: the values stand on end
        self.value_h = value_w + 2 * pt if self.upright else metrics.height() * 1.2
        self.label_h = metrics.height() * 1.4
        self.plot = QRectF(rect.left() + (0 if rtl else self.gutter), rect.top() + self.value_h,
                           rect.width() - self.gutter, rect.height() - self.value_h - self.label_h)


def column_at(rect: QRectF, bars: Sequence[Count], x: float, *, rtl: bool, font: QFont, device) -> int | None:
    """The index of the bar paint_columns draws at ``x`` (its whole slot), or None: for tooltips."""
    shape = _Columns(rect, bars, font, device, rtl)
    plot = shape.plot
    if not bars or shape.slot <= 0 or not plot.left() <= x < plot.right():
        return None
    index = min(len(bars) - 1, int((x - plot.left()) // shape.slot))
    return len(bars) - 1 - index if rtl else index


def row_at(rect: QRectF, bars: Sequence[Count], y: float, *, font: QFont, device) -> int | None:
    """The index of the bar paint_rows draws at height ``y``, or None."""
    pitch = QFontMetricsF(font, device).height() * ROW_PITCH
    row = int((y - rect.top()) // pitch) if y >= rect.top() else -1
    return row if 0 <= row < len(bars) else None


def paint_columns(painter: QPainter, rect: QRectF, bars: Sequence[Count], *, rtl: bool, font: QFont,
                  color: QColor, ink: QColor, label_every: int = 1) -> None:
    """Vertical bars, one per Count in order (the first at the right when ``rtl``): the value
    above each bar that is not zero, the label under it, a light grid with round ticks."""
    device = painter.device()
    pt = _points(device)
    metrics = QFontMetricsF(font, device)
    shape = _Columns(rect, bars, font, device, rtl)
    plot, slot, top = shape.plot, shape.slot, shape.values[-1]
    if plot.width() <= 0 or plot.height() <= 0:
        return
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setFont(font)
    grid = QColor(ink)
    grid.setAlphaF(0.18)
    for v in shape.values:
        y = plot.bottom() - plot.height() * v / top
        painter.setPen(QPen(grid, 0.5 * pt))
        if v:
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(ink)
        band = QRectF(rect.left() if not rtl else plot.right() + 5 * pt, y - metrics.height() / 2,
                      shape.gutter - 5 * pt, metrics.height())
        _draw_text(painter, band, count_text(v), Qt.AlignLeft if rtl else Qt.AlignRight, False)

    widest = max((metrics.horizontalAdvance(b.label) for b in bars), default=0.0)
    every = max(1, label_every, math.ceil((widest + 2 * pt) / slot))
    for i, bar in enumerate(bars):
        left = plot.right() - (i + 1) * slot if rtl else plot.left() + i * slot
        if bar.count:
            h = plot.height() * bar.count / top
            width = slot * BAR_SHARE
            painter.fillRect(QRectF(left + (slot - width) / 2, plot.bottom() - h, width, h), color)
            painter.setPen(ink)
            painter.setFont(shape.value_font)
            if shape.upright:  # read from the bar upward
                painter.save()
                painter.translate(left + slot / 2, plot.bottom() - h - 1 * pt)
                painter.rotate(-90)
                _draw_text(painter, QRectF(0, -slot / 2, shape.value_h, slot), count_text(bar.count), Qt.AlignLeft,
                           False)
                painter.restore()
            else:
                _draw_text(painter, QRectF(left - slot / 2, plot.bottom() - h - shape.value_h, 2 * slot, shape.value_h),
                           count_text(bar.count), Qt.AlignHCenter, False)
            painter.setFont(font)
        if i % every == 0:
            painter.setPen(ink)
            room = slot * every
            text = metrics.elidedText(bar.label, Qt.ElideRight, room)
            centre = left + slot / 2
            _draw_text(painter, QRectF(centre - room / 2, plot.bottom() + 1 * pt, room, shape.label_h - 1 * pt),
                       text, Qt.AlignHCenter, starts_rtl(text, rtl))
    painter.setPen(QPen(ink, 0.8 * pt))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    side = plot.right() if rtl else plot.left()
    painter.drawLine(QPointF(side, plot.top()), QPointF(side, plot.bottom()))
    painter.restore()


def rows_height(count: int, font: QFont, device) -> float:
    """The height paint_rows needs for ``count`` bars in this font on this device."""
    return count * QFontMetricsF(font, device).height() * ROW_PITCH


def paint_rows(painter: QPainter, rect: QRectF, bars: Sequence[Count], *, rtl: bool, font: QFont,
               color: QColor, ink: QColor, most: int | None = None) -> None:
    """Horizontal bars (people, reasons): the label on the reading start side, elided when too
    long, the bar growing toward the other side with its number at its end. ``most`` is the
    count a full bar stands for (the largest of ``bars`` when None), so a list cut over pages
    keeps one scale."""
    if not bars:
        return
    device = painter.device()
    pt = _points(device)
    metrics = QFontMetricsF(font, device)
    pitch = metrics.height() * ROW_PITCH
    gap = 3 * pt
    label_w = min(max(metrics.horizontalAdvance(b.label or b.key) for b in bars) + gap, rect.width() * 0.4)
    number_w = max(metrics.horizontalAdvance(count_text(b.count)) for b in bars) + gap
    room = rect.width() - label_w - number_w - gap
    if room <= 0:
        return
    full = max(most or 0, max(b.count for b in bars), 1)
    origin = rect.right() - label_w - gap if rtl else rect.left() + label_w + gap
    painter.save()
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setFont(font)
    for i, bar in enumerate(bars):
        y = rect.top() + i * pitch
        label = metrics.elidedText(bar.label or bar.key, Qt.ElideRight, label_w - gap)
        label_x = rect.right() - label_w if rtl else rect.left()
        painter.setPen(ink)
        _draw_text(painter, QRectF(label_x, y, label_w - gap, pitch), label, Qt.AlignRight if rtl else Qt.AlignLeft,
                   starts_rtl(label, rtl))
        length = room * bar.count / full
        thick = pitch * 0.58
        if length > 0:
            painter.fillRect(QRectF(origin - length if rtl else origin, y + (pitch - thick) / 2, length, thick), color)
        end = origin - length if rtl else origin + length
        number = QRectF(end - number_w - gap / 2 if rtl else end + gap / 2, y, number_w, pitch)
        _draw_text(painter, number, count_text(bar.count), Qt.AlignRight if rtl else Qt.AlignLeft, False)
    painter.setPen(QPen(ink, 0.8 * pt))
    painter.drawLine(QPointF(origin, rect.top()), QPointF(origin, rect.top() + len(bars) * pitch))
    painter.restore()
