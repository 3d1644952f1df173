"""Schedule a post: date and time, with the Hijri (Umm al-Qura) date beside it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QToolButton, QVBoxLayout

from desk.ui import words
from desk.ui.time_field import left_to_right


class ScheduleDialog(QDialog):
    chosen = Signal(object)  # a naive local datetime

    def __init__(self, post_id: int, current_iso: str | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Schedule post #%1").replace("%1", str(post_id)))
        start = QDateTime.currentDateTime().addSecs(3600)
        if current_iso:
            start = QDateTime(words.local(current_iso).replace(tzinfo=None))
        self.when = QDateTimeEdit(start)
        self.when.setCalendarPopup(True)
        left_to_right(self.when, "yyyy-MM-dd HH:mm")
        self.when.setMinimumDateTime(QDateTime.currentDateTime())
        self.when.setAccessibleName(self.tr("Date and time"))
        self.hijri = QLabel()
        self.hijri.setAccessibleName(self.tr("Hijri date"))
        self.when.dateTimeChanged.connect(self._changed)
        form = QFormLayout()
        form.addRow(self.tr("Date and time"), self.when)
        form.addRow(self.tr("Hijri date"), self.hijri)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(self.tr("Schedule"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("It is published at that time while Posting Desk is open on any computer of the "
                              "office, or when the office's scheduled publishing task runs."))
        note.setWordWrap(True)
        note.setObjectName("muted")
        # the command is for whoever sets the task up: behind "Details", out of the sentence
        self.details = QToolButton()
        self.details.setText(self.tr("Details"))
        self.details.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details.setArrowType(Qt.ArrowType.RightArrow if self.isLeftToRight() else Qt.ArrowType.LeftArrow)
        self.details.setAutoRaise(True)
        self.command = QLabel(self.tr("For whoever looks after the office's computers: the scheduled task runs "
                                      "the command %1.").replace("%1", "\u2066desk publish-due\u2069"))
        self.command.setWordWrap(True)
        self.command.setObjectName("muted")
        self.command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.command.hide()
        self.details.clicked.connect(lambda: self._show_details(self.command.isHidden()))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.details, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.command)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.accepted.connect(lambda: self.chosen.emit(self.moment()))
        self._changed()

    def _show_details(self, shown: bool) -> None:
        self.details.setArrowType(Qt.ArrowType.DownArrow if shown else
                                  Qt.ArrowType.RightArrow if self.isLeftToRight() else Qt.ArrowType.LeftArrow)
        self.command.setVisible(shown)

    def moment(self):
        return self.when.dateTime().toPython().replace(second=0, microsecond=0)

    def set_moment(self, moment) -> None:
        self.when.setDateTime(QDateTime(moment))

    def _changed(self) -> None:
        self.hijri.setText(words.hijri(self.moment().date()))

    def later(self, minutes: int) -> None:
        """For tests and quick choices: now plus some minutes."""
        self.set_moment(QDateTime.currentDateTime().toPython() + timedelta(minutes=minutes))
