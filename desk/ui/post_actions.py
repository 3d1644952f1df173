"""The row under a post on X — reply, repost, like, views — drawn simply and greyed:
in the preview they show how the post will look, they do nothing."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

GREY = "#8b98a5"  # X's grey for the icons, lighter: not something to press here
SIZE = 18


def _reply(path: QPainterPath) -> None:
    path.addRoundedRect(QRectF(2, 3, 14, 10), 5, 5)
    path.moveTo(6, 13)
    path.lineTo(4.5, 16.5)
    path.lineTo(9, 13)


def _repost(path: QPainterPath) -> None:
    path.moveTo(4, 13)
    path.lineTo(4, 5)
    path.lineTo(12, 5)
    path.moveTo(2, 11)
    path.lineTo(4, 13.5)
    path.lineTo(6, 11)
    path.moveTo(14, 5)
    path.lineTo(14, 13)
    path.lineTo(6, 13)
    path.moveTo(12, 7)
    path.lineTo(14, 4.5)
    path.lineTo(16, 7)


def _like(path: QPainterPath) -> None:
    path.moveTo(9, 15.5)
    path.cubicTo(2, 10.5, 1.5, 7, 3.5, 4.8)
    path.cubicTo(5.3, 3, 8, 3.6, 9, 5.8)
    path.cubicTo(10, 3.6, 12.7, 3, 14.5, 4.8)
    path.cubicTo(16.5, 7, 16, 10.5, 9, 15.5)


def _views(path: QPainterPath) -> None:
    for x, top in ((4, 10), (9, 4), (14, 7)):
        path.moveTo(x, 15)
        path.lineTo(x, top)


def icon(draw) -> QPixmap:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    path = QPainterPath()
    draw(path)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(GREY), 1.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    painter.translate(QPointF(0, 0))
    painter.drawPath(path)
    painter.end()
    return pixmap


class ActionRow(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("post_actions")
        names = (self.tr("Reply"), self.tr("Repost"), self.tr("Like"), self.tr("Views"))
        self.icons = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 6, 0, 0)
        for name, draw in zip(names, (_reply, _repost, _like, _views)):
            label = QLabel()
            label.setPixmap(icon(draw))
            label.setAccessibleName(name)
            label.setToolTip(self.tr("%1: as on X; nothing to press in the preview").replace("%1", name))
            label.setEnabled(False)
            row.addWidget(label)
            row.addStretch(1)
            self.icons.append(label)
