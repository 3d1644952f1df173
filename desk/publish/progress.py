"""How far a publish has got, and the person's wish to stop it while that is still safe.

Everything before ``POST /2/tweets`` (uploads, X's processing) puts nothing on the
account, so a cancel there is a definite "nothing went out". ``begin_post`` closes that
door under the same lock ``cancel`` takes: once the post request may leave, cancelling
is refused, never half done.
"""

from __future__ import annotations

import threading
from typing import Callable

from desk.core.errors import PublishError

# stage, done, total: ("upload", bytes sent, bytes in all), ("processing", percent, 100), ("post", 0, 0)
Report = Callable[[str, int, int], None]


class Progress:
    def __init__(self, report: Report | None = None):
        self._report = report
        self._lock = threading.Lock()
        self._cancelled = threading.Event()
        self._posting = False
        self.total = 0
        self.done = 0

    # the person's side -------------------------------------------------------
    def cancel(self) -> bool:
        """Stop before the post request; False when it may already be on its way."""
        with self._lock:
            if self._posting:
                return False
            self._cancelled.set()
            return True

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    # the publisher's side ----------------------------------------------------
    def check(self) -> None:
        if self._cancelled.is_set():
            raise PublishError("media.cancelled")

    def wait(self, seconds: float) -> None:
        """Sleep between status checks; a cancel ends the wait at once."""
        if self._cancelled.wait(max(0.0, seconds)):
            raise PublishError("media.cancelled")

    def start(self, total: int) -> None:
        self.total, self.done = total, 0
        self._tell("upload", 0, total)

    def sent(self, count: int) -> None:
        self.done += count
        self._tell("upload", self.done, self.total)

    def processing(self, percent: int) -> None:
        self._tell("processing", max(0, min(100, int(percent))), 100)

    def begin_post(self) -> None:
        """From here the post may reach X: no cancel any more."""
        with self._lock:
            if self._cancelled.is_set():
                raise PublishError("media.cancelled")
            self._posting = True
        self._tell("post", 0, 0)

    def _tell(self, stage: str, done: int, total: int) -> None:
        if self._report is not None:
            self._report(stage, done, total)
