"""How a post's files look on screen: images as they are, a video as a dark frame with a
play mark (the desk does not decode video), a caption file not at all (it is named instead)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QPolygonF

STILL_OR_GIF = ("png", "jpg", "webp", "gif")


def video_frame(width: int = 480, height: int = 270) -> QPixmap:
    return QPixmap.fromImage(video_frame_image(width, height))


def video_frame_image(width: int = 480, height: int = 270) -> QImage:
    """The video's dark frame as an image: painted on any thread (a QPixmap is the GUI thread's)."""
    pixmap = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    pixmap.fill(QColor("#14171a"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 220))
    cx, cy, r = width / 2, height / 2, min(width, height) / 6
    painter.drawPolygon(QPolygonF([QPointF(cx - r * 0.6, cy - r), QPointF(cx - r * 0.6, cy + r),
                                   QPointF(cx + r, cy)]))
    painter.end()
    return pixmap


def shown_files(session, media) -> list[tuple[str, str]]:
    """(kind, path) of the files the preview shows, in order: a caption file is not shown."""
    return [(item.ext, str(session.media_path(item))) for item in media if item.ext in STILL_OR_GIF + ("mp4",)]


def decode(files: list[tuple[str, str]]) -> list[QImage]:
    """The pictures of ``shown_files``: slow for a large photo, so run off the GUI thread."""
    return [video_frame_image() if kind == "mp4" else QImage(path) for kind, path in files]


def as_pixmaps(images: list[QImage]) -> list[QPixmap]:
    """On the GUI thread: what the preview paints."""
    return [QPixmap.fromImage(image) for image in images]


def post_pixmaps(session, media) -> list[QPixmap]:
    """What the preview shows for the post's files, in order (decoded here, on this thread)."""
    return as_pixmaps(decode(shown_files(session, media)))


def language_name(code: str) -> str:
    if code == "ar":
        return QCoreApplication.translate("media_look", "Arabic")
    if code == "en":
        return QCoreApplication.translate("media_look", "English")
    return code


def caption_line(item) -> str:
    return QCoreApplication.translate("media_look", "Captions: %1").replace("%1", language_name(item.alt))


def describe(media) -> list[str]:
    """One line per file for a confirmation: its kind and its description or language."""
    lines, number = [], 0
    for item in media:
        if item.ext == "srt":
            lines.append(caption_line(item))
            continue
        number += 1
        alt = item.alt or QCoreApplication.translate("media_look", "(no description)")
        if item.ext == "mp4":
            lines.append(QCoreApplication.translate("media_look", "Video: %1").replace("%1", alt))
        else:
            lines.append(QCoreApplication.translate("media_look", "Image %1: %2").replace("%1", str(number))
                         .replace("%2", alt))
    return lines
