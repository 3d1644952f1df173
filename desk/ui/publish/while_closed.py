"""One line on the Approved page: whether scheduled posts still go out while the window
is closed (a timer on this computer runs `desk publish-due`), and when that last ran."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

from desk.ui import words
from desk.ui.tasks import run_task

class WhileClosed(QLabel):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.ask_systemd = True  # systemctl is asked off the GUI thread
        self.status = None
        self.setWordWrap(True)
        self.setObjectName("muted")

    def refresh(self, scheduled: int) -> None:
        """Read the timer and the last run off the GUI thread; ``scheduled``: the posts waiting
        for their time, which make an uncovered computer worth a warning."""
        from desk import schedule_service

        folder, ask = self.ctx.desk.folder, self.ask_systemd
        run_task(lambda: schedule_service.publishing_status(folder, ask_systemd=ask),
                 lambda status: self.show_status(status, scheduled), lambda error: self.hide(), owner=self)

    def show_status(self, status, scheduled: int) -> None:
        self.status = status
        lines = [self._timer(status)] if sys.platform.startswith("linux") else []
        lines.append(self._last_run(status.last_run))
        self.setText("\n".join(line for line in lines if line))
        uncovered = status.covered is False and sys.platform.startswith("linux")
        name = "warning" if uncovered and scheduled else "muted"
        if self.objectName() != name:
            self.setObjectName(name)
            self.style().unpolish(self)
            self.style().polish(self)
        self.show()

    def _timer(self, status) -> str:
        if status.covered:
            return self.tr("While the window is closed, scheduled posts still go out: a timer on this computer "
                           "runs publish-due every %n minute(s).", "", status.every_minutes or 1)
        if status.covered is None:
            return self.tr("A timer for publish-due is installed on this computer, but systemd did not say whether "
                           "it is running.")
        if status.timer_installed:
            return self.tr("The publish-due timer on this computer is stopped: scheduled posts wait while the "
                           "window is closed.")
        return self.tr("While the window is closed, scheduled posts wait: nothing on this computer runs "
                       "publish-due (“desk schedule-service install” sets that up).")

    def _last_run(self, run: dict | None) -> str:
        if run is None:
            return self.tr("No run of publish-due is recorded on this computer.")
        said = self._exit_words(run["exit_code"])
        return self.tr("publish-due last ran %1: %2.").replace("%1", words.when(run["at"].isoformat())).replace(
            "%2", said)

    def _exit_words(self, code: int) -> str:
        """What publish-due's exit code means, for the person reading the line."""
        if code == 0:
            return self.tr("it went well")
        if code == 5:
            return self.tr("X refused or did not answer")
        if code == 6:
            return self.tr("the keyring was locked or out of reach, so nothing was sent")
        return self.tr("it ended with exit code %1").replace("%1", str(code))
