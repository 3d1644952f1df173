"""One helper for work off the GUI thread (X, exports, long database reads).

``run_task(func, on_done, on_error)`` runs ``func()`` on the global QThreadPool and
hands the result or the exception back on the GUI thread. Widgets are touched only
in the callbacks. ``tracker()`` counts running tasks for the busy indicator.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class TaskTracker(QObject):
    busy_changed = Signal(bool)
    failed = Signal(object)  # an error nobody else took

    def __init__(self):
        super().__init__()
        self.running = 0

    def idle(self) -> bool:
        return self.running == 0

    def _start(self) -> None:
        self.running += 1
        if self.running == 1:
            self.busy_changed.emit(True)

    def _end(self) -> None:
        self.running -= 1
        if self.running == 0:
            self.busy_changed.emit(False)


_tracker: TaskTracker | None = None
_pending: set = set()  # keeps relays alive until they deliver


def tracker() -> TaskTracker:
    global _tracker
    if _tracker is None:
        _tracker = TaskTracker()
    return _tracker


class _Relay(QObject):
    """Lives on the GUI thread; its signal is emitted from the worker and queued here."""

    finished = Signal(bool, object)

    def __init__(self, on_done, on_error, owner):
        super().__init__()
        self.on_done, self.on_error, self.owner = on_done, on_error, owner
        self.finished.connect(self.deliver)

    @Slot(bool, object)
    def deliver(self, ok: bool, value) -> None:
        _pending.discard(self)
        tracker()._end()
        if self.owner is not None and not shiboken6.isValid(self.owner):
            return  # the widget that asked is gone
        if ok:
            if self.on_done is not None:
                self.on_done(value)
        elif self.on_error is not None:
            self.on_error(value)
        else:
            tracker().failed.emit(value)


class _Task(QRunnable):
    def __init__(self, func, relay: _Relay):
        super().__init__()
        self.func, self.relay = func, relay

    def run(self) -> None:
        try:
            result = self.func()
        except BaseException as error:  # handed to the GUI thread, never lost
            log.debug("task failed: %r", error)
            self.relay.finished.emit(False, error)
        else:
            self.relay.finished.emit(True, result)


def run_task(func, on_done=None, on_error=None, owner: QObject | None = None) -> None:
    """Run ``func()`` off the GUI thread; call ``on_done(result)`` or ``on_error(exc)`` on it.

    ``owner``: a widget whose deletion cancels the callbacks (not the work).
    """
    relay = _Relay(on_done, on_error, owner)
    _pending.add(relay)
    tracker()._start()
    QThreadPool.globalInstance().start(_Task(func, relay))


def wait_all(msecs: int = 30000) -> bool:
    """Wait for running tasks (on quit); their callbacks arrive with the next events."""
    return QThreadPool.globalInstance().waitForDone(msecs)
