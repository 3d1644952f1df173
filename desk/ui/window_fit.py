"""Windows that fit the screen they open on, and remember their size, place and splitters.

Kept in QSettings (this computer's, beside the remembered language): a window's
geometry under ``geometry/<name>``, a splitter's sizes under ``splitter/<name>``.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication

MARGIN = 24  # room left around a window that fills the screen (the desktop's own edges)


def fit_inside(available: QRect, wanted: QSize, margin: int = MARGIN) -> QRect:
    """``wanted`` shrunk to fit ``available`` less a margin on each side, centred in it."""
    room_w = max(available.width() - 2 * margin, min(available.width(), 320))
    room_h = max(available.height() - 2 * margin, min(available.height(), 240))
    width, height = min(wanted.width(), room_w), min(wanted.height(), room_h)
    left = available.left() + (available.width() - width) // 2
    top = available.top() + (available.height() - height) // 2
    return QRect(left, top, width, height)


def clamp_inside(available: QRect, frame: QRect) -> QRect:
    """``frame`` no larger than ``available`` and moved, if it must be, to lie within it."""
    width, height = min(frame.width(), available.width()), min(frame.height(), available.height())
    left = min(max(frame.left(), available.left()), available.right() + 1 - width)
    top = min(max(frame.top(), available.top()), available.bottom() + 1 - height)
    return QRect(left, top, width, height)


def available_for(widget) -> QRect:
    screen = widget.screen() if widget.screen() is not None else QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def place_window(widget, name: str, wanted: QSize, available: QRect | None = None) -> bool:
    """Where the window was last time (kept within this screen), else ``wanted`` fitted to it.
    ``available``: the room to fit in, by default the available geometry of the widget's screen.
    True when the place was the remembered one."""
    saved = QSettings().value(f"geometry/{name}")
    if isinstance(saved, QByteArray) and not saved.isEmpty() and widget.restoreGeometry(saved):
        # the screen it was left on, if that is still there (a second monitor); then kept
        # within it: restored on another, smaller screen, or saved maximised, never larger
        if available is None:
            screen = QGuiApplication.screenAt(widget.geometry().center())
            available = screen.availableGeometry() if screen is not None else available_for(widget)
        inside = clamp_inside(available, widget.geometry())
        if inside != widget.geometry():
            widget.setGeometry(inside)
        return True
    available = available if available is not None else available_for(widget)
    widget.setGeometry(fit_inside(available, wanted))
    return False


def keep_on_screen(widget, wanted: QSize | None = None, available: QRect | None = None) -> None:
    """Back within the screen: a window grows to its least size as it shows, and that is
    larger before its pages have their text and their widths than after. ``wanted`` (a
    window placed afresh, not one the person sized): back to that, fitted, if it now can be."""
    available = available if available is not None else available_for(widget)
    if wanted is not None:
        fitted = fit_inside(available, wanted)
        least = widget.minimumSizeHint()
        if widget.size() != fitted.size() and least.width() <= fitted.width() and least.height() <= fitted.height():
            widget.setGeometry(fitted)
            return
    inside = clamp_inside(available, widget.geometry())
    if inside != widget.geometry():
        widget.setGeometry(inside)


def keep_window(widget, name: str) -> None:
    QSettings().setValue(f"geometry/{name}", widget.saveGeometry())


def restore_splitter(splitter, name: str) -> bool:
    saved = QSettings().value(f"splitter/{name}")
    return isinstance(saved, QByteArray) and not saved.isEmpty() and splitter.restoreState(saved)


def remember_splitter(splitter, name: str) -> None:
    """Restore the splitter's place now and keep it each time a person moves it."""
    restore_splitter(splitter, name)
    splitter.splitterMoved.connect(lambda *_: QSettings().setValue(f"splitter/{name}", splitter.saveState()))
