"""The upload's progress while a post is being published, and a Cancel that works only
until the post request is about to leave (from then on it is greyed out)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from desk.service import Progress

MB = 1024 * 1024


class PublishProgress(QWidget):
    # emitted from the publishing worker; Qt queues it to the GUI thread
    reported = Signal(str, int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.progress: Progress | None = None
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Publishing progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop before the post is sent to X. Once the post is on its way it "
                                              "cannot be stopped."))
        self.cancel_button.clicked.connect(self.cancel)
        self.label.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.label)  # on a line of its own: the longest stage fits, in either language
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        column.addLayout(row)
        self.reported.connect(self.show_stage)
        self.hide()

    def busy(self) -> bool:
        return self.progress is not None

    def start(self) -> Progress:
        """A fresh Progress for one publish; its reports come back here."""
        self.progress = Progress(lambda stage, done, total: self.reported.emit(stage, done, total))
        self.bar.setRange(0, 0)  # busy until the first report
        self.label.setText(self.tr("Getting ready…"))
        self.cancel_button.setEnabled(True)
        self.show()
        return self.progress

    def show_stage(self, stage: str, done: int, total: int) -> None:
        if self.progress is None:
            return
        if stage == "upload" and total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * done / total))
            self.label.setText(self.tr("Uploading: %1 of %2 MB").replace("%1", f"{done / MB:.1f}")
                               .replace("%2", f"{total / MB:.1f}"))
        elif stage == "processing":
            self.bar.setRange(0, 100)
            self.bar.setValue(done)
            self.label.setText(self.tr("X is processing the media: %1%").replace("%1", str(done)))
        elif stage == "post":
            self.bar.setRange(0, 0)
            self.label.setText(self.tr("Sending the post to X…"))
            self.cancel_button.setEnabled(False)

    def cancel(self) -> None:
        if self.progress is not None and self.progress.cancel():
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling: nothing will be sent…"))
        else:
            self.cancel_button.setEnabled(False)

    def finish(self) -> None:
        self.progress = None
        self.hide()
