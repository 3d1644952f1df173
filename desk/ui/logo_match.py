"""Does the X account's picture carry the institution's logo? A small, forgiving comparison."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from desk.ui.avatar import load_image

SIDE = 16
THRESHOLD = 0.14  # mean grey difference (0..1) under which two pictures count as the same logo


def _grey(image: QImage) -> list[float]:
    flat = QImage(SIDE, SIDE, QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))  # transparent logos compared on white, as X shows them
    painter = QPainter(flat)
    painter.drawImage(0, 0, image.scaled(SIDE, SIDE, Qt.AspectRatioMode.IgnoreAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation))
    painter.end()
    return [QColor(flat.pixel(x, y)).lightnessF() for y in range(SIDE) for x in range(SIDE)]


def carries_logo(logo_path, avatar_bytes: bytes) -> bool | None:
    """True/False, or None when either picture cannot be read. Safe off the GUI thread."""
    avatar = QImage.fromData(avatar_bytes) if avatar_bytes else QImage()
    logo = load_image(logo_path, 128)
    if avatar.isNull() or logo.isNull():
        return None
    a, b = _grey(logo), _grey(avatar)
    return sum(abs(x - y) for x, y in zip(a, b)) / len(a) < THRESHOLD
