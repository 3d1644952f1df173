"""The institution's logo as X shows it: a round avatar. PNG, JPEG or SVG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPixmap
from PySide6.QtSvg import QSvgRenderer


def load_image(path, size: int) -> QImage:
    """The picture at ``path`` scaled to fill size x size (SVG rendered at that size)."""
    path = Path(path)
    if path.suffix.lower() == ".svg":
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        renderer = QSvgRenderer(str(path))
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        return image
    image = QImage(str(path))
    if image.isNull():
        return QImage()
    return image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                        Qt.TransformationMode.SmoothTransformation)


def round_image(image: QImage, size: int) -> QImage:
    result = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    clip = QPainterPath()
    clip.addEllipse(QRectF(0, 0, size, size))
    painter.setClipPath(clip)
    if image.isNull():
        painter.fillRect(0, 0, size, size, QColor("#c9d1d9"))
    else:
        x = (image.width() - size) / 2
        y = (image.height() - size) / 2
        painter.drawImage(QRectF(0, 0, size, size), image, QRectF(x, y, size, size))
    painter.end()
    return result


def round_logo(path, size: int) -> QPixmap:
    return QPixmap.fromImage(round_image(load_image(path, size), size))


def round_from_bytes(data: bytes, size: int) -> QPixmap:
    image = QImage.fromData(data)
    if not image.isNull():
        image = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                             Qt.TransformationMode.SmoothTransformation)
    return QPixmap.fromImage(round_image(image, size))
