"""Keeps the window current: other desks' changes, and scheduled posts falling due."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desk.core.errors import DeskError
from desk.ui import adapters
from desk.ui.tasks import run_task

POLL_MS = 2000
# On a server every commit NOTIFYs; asking the listening connection reads only its own
# socket (no round trip), so it is asked often: other workstations' changes show within a second.
SERVER_POLL_MS = 400
RETRY_MS = 3000  # while the server cannot be reached: how often to try again
DUE_MS = 30_000


def is_unreachable(error) -> bool:
    """The desk's database server cannot be reached or the connection dropped."""
    return isinstance(error, DeskError) and error.key in ("pg.unreachable", "pg.lost")


class DataWatcher(QObject):
    """Polls the store's data_version: SQLite's moves whenever another connection
    commits, the server's counts the NOTIFYs of every workstation's commits.

    A server that went away is asked again off the GUI thread (connecting may wait
    seconds); meanwhile ``reachable(False)`` lets the window say so, and the first
    answer after it gives ``reachable(True)`` and ``changed``."""

    changed = Signal()
    reachable = Signal(bool)

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.online = True
        self.retrying = False
        try:
            self.version = desk.data_version()
        except DeskError as error:
            self.version = None
            self.online = not is_unreachable(error)
        self.timer = QTimer(self, interval=SERVER_POLL_MS if desk.on_server else POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        if not self.online:
            self._retry()
            return
        try:
            now = self.desk.data_version()
        except DeskError as error:
            if is_unreachable(error):
                self.lost()
            return  # the database is busy for a moment: ask again next time
        if now != self.version:
            self.version = now
            self.changed.emit()

    def lost(self) -> None:
        """The server cannot be reached (seen here or by an action): try again now and then."""
        if self.online:
            self.online = False
            self.timer.setInterval(RETRY_MS)
            self.reachable.emit(False)

    def _retry(self) -> None:
        if self.retrying:
            return
        self.retrying = True
        # a task, not a thread of its own: its answer reaches the GUI thread only while
        # this watcher (and so its window) still exists
        run_task(self.desk.data_version, self._after_retry, self._after_retry, owner=self)

    def _after_retry(self, found) -> None:
        self.retrying = False
        if isinstance(found, BaseException) or self.online:
            return
        self.online = True
        self.version = found
        self.timer.setInterval(SERVER_POLL_MS if self.desk.on_server else POLL_MS)
        self.reachable.emit(True)
        self.changed.emit()  # whatever was committed meanwhile


class DueRunner(QObject):
    """Publishes scheduled posts when due, by the outbox's own rules, off the GUI thread."""

    ran = Signal(list)  # the outbox's results
    failed = Signal(object)

    def __init__(self, desk, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.running = False
        self.rounds = 0  # rounds ended; the first (at start-up) settles what the desk found waiting
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
        self.rounds += 1
        self.ran.emit(list(results or []))

    def _failed(self, error) -> None:
        self.running = False
        self.rounds += 1
        self.failed.emit(error)
