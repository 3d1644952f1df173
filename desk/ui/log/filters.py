"""The log's filters: state, dates, author, approver, and a search box (Ctrl+F)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from desk.core.states import State
from desk.service import LogFilter
from desk.ui import words
from desk.ui.time_field import left_to_right

UNSET = QDate(2000, 1, 1)


def day_bounds(start: date | None, end: date | None) -> tuple[str | None, str | None]:
    """Local calendar days -> UTC ISO bounds [start 00:00, the day after end 00:00)."""

    def utc(day: date) -> str:
        return datetime.combine(day, time()).astimezone().astimezone(timezone.utc).isoformat(timespec="milliseconds")

    return (utc(start) if start else None), (utc(end + timedelta(days=1)) if end else None)


class LogFilters(QWidget):
    changed = Signal(object)  # LogFilter

    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search the text of every post (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.state = QComboBox()
        self.state.setAccessibleName(self.tr("State"))
        self.state.addItem(self.tr("Every state"), None)
        for state in State:
            self.state.addItem(words.state_label(state), state.value)
        self.date_from = self._date(self.tr("From"))
        self.date_to = self._date(self.tr("To"))
        self.author = QComboBox()
        self.author.setAccessibleName(self.tr("Author"))
        self.approver = QComboBox()
        self.approver.setAccessibleName(self.tr("Approver"))
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.emit_filter)
        self.search.textChanged.connect(lambda: self._timer.start())
        for box in (self.state, self.author, self.approver):
            box.currentIndexChanged.connect(self.emit_filter)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.emit_filter)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 3)
        row.addWidget(self.state, 1)
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.date_from)
        row.addWidget(QLabel(self.tr("To")))
        row.addWidget(self.date_to)
        row.addWidget(self.author, 1)
        row.addWidget(self.approver, 1)

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        left_to_right(edit, "yyyy-MM-dd")
        edit.setMinimumDate(UNSET)
        edit.setSpecialValueText(self.tr("any day"))  # shown while the date is UNSET
        edit.setDate(UNSET)
        edit.setAccessibleName(name)
        return edit

    def set_staff(self, staff) -> None:
        for box, everyone, who in ((self.author, self.tr("Every author"), staff),
                                   (self.approver, self.tr("Every approver"),
                                    [m for m in staff if "supervisor" in {r.value for r in m.roles}])):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everyone, None)
            for member in who:
                box.addItem(member.name, member.username)
            index = box.findData(chosen)
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)

    def current(self) -> LogFilter:
        start = self.date_from.date().toPython() if self.date_from.date() != UNSET else None
        end = self.date_to.date().toPython() if self.date_to.date() != UNSET else None
        date_from, date_to = day_bounds(start, end)
        return LogFilter(state=self.state.currentData(), date_from=date_from, date_to=date_to,
                         author=self.author.currentData(), approver=self.approver.currentData(),
                         search=self.search.text().strip() or None)

    def period(self) -> tuple[date | None, date | None]:
        start = self.date_from.date().toPython() if self.date_from.date() != UNSET else None
        end = self.date_to.date().toPython() if self.date_to.date() != UNSET else None
        return start, end

    def emit_filter(self) -> None:
        self.changed.emit(self.current())
