"""Save the month's report (PDF or Excel) for the head of the office, written off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from desk.ui import i18n, words

FORMATS = ("pdf", "xlsx")


class ReportSave(QObject):
    finished = Signal(str)  # a message for the person
    failed = Signal(str)
    busy = Signal(bool)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.saved: Path | None = None

    def ask(self, parent_widget, period) -> None:
        names = {"pdf": self.tr("PDF document (*.pdf)"), "xlsx": self.tr("Excel workbook (*.xlsx)")}
        suggested = self.tr("report-%1.pdf").replace("%1", period.key())
        path, chosen = QFileDialog.getSaveFileName(parent_widget, self.tr("Save the month's report"), suggested,
                                                   ";;".join(names[f] for f in FORMATS))
        if path:
            fmt = next((f for f in FORMATS if names[f] == chosen), None)
            if Path(path).suffix.lower().lstrip(".") in FORMATS:
                fmt = Path(path).suffix.lower().lstrip(".")  # what the person typed wins
            elif fmt:
                path += "." + fmt
            self.start(path, fmt or "pdf", period)

    def start(self, path: str, fmt: str, period) -> None:
        if self.running:
            return
        self.running = True
        self.busy.emit(True)
        lang = i18n.current()
        self.ctx.in_background(lambda s: s.write_report(period, path, fmt, lang=lang), self._done, self._failed,
                               owner=self)

    def _done(self, path) -> None:
        self.running = False
        self.saved = Path(path)
        self.busy.emit(False)
        # the file's name as one left-to-right island: an Arabic sentence keeps it whole
        self.finished.emit(self.tr("Report saved: %1 (in %2)").replace("%1", words.ltr(self.saved.name)).replace(
            "%2", words.ltr(str(self.saved.parent))))

    def _failed(self, error) -> None:
        self.running = False
        self.busy.emit(False)
        self.failed.emit(self.ctx.message(error))
