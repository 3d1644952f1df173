"""Export the log as it is filtered: CSV, XLSX, PDF or JSON, off the GUI thread."""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from desk.ui import i18n


def available_formats() -> list[str]:
    """The writers the export package has; PDF joins when its writer lands."""
    if importlib.util.find_spec("desk.export") is None:
        return []
    found = ["csv", "xlsx", "json"]
    if importlib.util.find_spec("desk.export.pdf_writer") is not None:
        found.insert(2, "pdf")
    return found


class LogExport(QObject):
    progress = Signal(int)  # rows written so far, from the worker thread (queued)
    finished = Signal(str)  # a message for the person
    failed = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.cancel_flag = threading.Event()
        self.running = False

    def ask(self, parent_widget, log_filter, period) -> None:
        formats = available_formats()
        names = {"csv": self.tr("CSV for Excel (*.csv)"), "xlsx": self.tr("Excel workbook (*.xlsx)"),
                 "pdf": self.tr("PDF document (*.pdf)"), "json": self.tr("JSON for auditors (*.json)")}
        path, chosen = QFileDialog.getSaveFileName(parent_widget, self.tr("Export the log"), "desk-log.csv",
                                                   ";;".join(names[f] for f in formats))
        if path:
            fmt = next((f for f in formats if names[f] == chosen), None) or Path(path).suffix.lstrip(".").lower()
            self.start(fmt, path, log_filter, period)

    def start(self, fmt: str, path: str, log_filter, period) -> None:
        if self.running:
            return
        self.running = True
        self.cancel_flag.clear()
        lang = i18n.current()

        def work(session):
            return session.export(path, fmt, log_filter, period, lang,
                                  progress=self.progress.emit, cancelled=self.cancel_flag.is_set)

        self.ctx.in_background(work, lambda count: self._done(count, path), self._failed, owner=self)

    def cancel(self) -> None:
        self.cancel_flag.set()

    def _done(self, count: int, path: str) -> None:
        self.running = False
        self.finished.emit(self.tr("Exported to %2 (posts: %1).").replace("%1", str(count)).replace("%2", path))

    def _failed(self, error) -> None:
        self.running = False
        self.failed.emit(self.ctx.message(error))
