"""Keeps the window current: other desks' changes, and scheduled posts falling due."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desk.core.errors import DeskError
from desk.ui import adapters
from desk.ui.tasks import run_task

POLL_MS = 2000
DUE_MS = 30_000


class DataWatcher(QObject):
    """Polls SQLite's data_version: it moves whenever another connection commits."""

    changed = Signal()

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.version = desk.data_version()
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        try:
            now = self.desk.data_version()
        except DeskError:
            return  # the database is busy for a moment: ask again next time
        if now != self.version:
            self.version = now
            self.changed.emit()


class DueRunner(QObject):
    """Publishes scheduled posts when due, by the outbox's own rules, off the GUI thread."""

    ran = Signal(list)  # the outbox's results
    failed = Signal(object)

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.running = False
        self.timer = QTimer(self, interval=DUE_MS)
        self.timer.timeout.connect(self.run)
        self.timer.start()
        # At start-up too: settle posts left uncertain, send what fell due while closed.
        QTimer.singleShot(0, self.run)

    def run(self) -> None:
        if self.running:
            return  # one round at a time; the outbox's claim also keeps desks apart
        self.running = True
        run_task(adapters.publish_due(self.desk), self._done, self._failed, owner=self)

    def _done(self, results) -> None:
        self.running = False
        self.ran.emit(list(results or []))

    def _failed(self, error) -> None:
        self.running = False
        self.failed.emit(error)
