"""Notices when nobody has touched the keyboard or mouse for a while."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: int, parent=None):
        super().__init__(parent)
        self.timeout_ms = minutes * 60_000
        self.last = time.monotonic()
        self.fired = False
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self.check)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def set_minutes(self, minutes: int) -> None:
        self.timeout_ms = minutes * 60_000

    def eventFilter(self, watched, event) -> bool:
        if event.type() in ACTIVITY:
            self.last = time.monotonic()
            self.fired = False
        return False

    def check(self) -> None:
        if not self.fired and (time.monotonic() - self.last) * 1000 >= self.timeout_ms:
            self.fired = True
            self.idle.emit()

    def stop(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)
