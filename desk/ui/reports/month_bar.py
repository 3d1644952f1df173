"""Which month the page shows: the calendar (Gregorian or Hijri), the month before and after,
its name, and under it the same days in the other calendar."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desk.core.errors import DeskError
from desk.core.figures import CALENDARS, Period, month_of
from desk.ui import i18n

SETTING = "reports/calendar"  # this computer's choice, beside the remembered language


def remembered_calendar() -> str:
    value = QSettings().value(SETTING, "gregorian")
    return value if value in CALENDARS else "gregorian"


class MonthBar(QWidget):
    changed = Signal(object)  # the Period now shown

    def __init__(self, parent=None):
        super().__init__(parent)
        self.calendar = QComboBox()
        self.calendar.addItem(self.tr("Gregorian"), "gregorian")
        self.calendar.addItem(self.tr("Hijri"), "hijri")
        self.calendar.setAccessibleName(self.tr("Calendar"))
        self.previous_button = QToolButton()
        self.next_button = QToolButton()
        self.previous_button.setToolTip(self.tr("The month before"))
        self.previous_button.setAccessibleName(self.tr("The month before"))
        self.next_button.setToolTip(self.tr("The month after"))
        self.next_button.setAccessibleName(self.tr("The month after"))
        for button in (self.previous_button, self.next_button):
            button.setMinimumSize(32, 32)
            button.setIconSize(QSize(16, 16))  # the arrow, large enough to see at once
        self.month = QLabel()
        self.month.setObjectName("report_month")
        self.month.setStyleSheet("QLabel#report_month { font-size: 14pt; font-weight: bold; }")
        self.month.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.other = QLabel()
        self.other.setObjectName("muted")
        self.other.setAlignment(Qt.AlignmentFlag.AlignCenter)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.month)
        names.addWidget(self.other)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.calendar)
        row.addSpacing(8)
        row.addWidget(self.previous_button)
        row.addLayout(names)
        row.addWidget(self.next_button)
        chosen = remembered_calendar()
        self.calendar.setCurrentIndex(self.calendar.findData(chosen))
        self.period: Period = month_of(date.today(), chosen)
        self.calendar.currentIndexChanged.connect(self._calendar_chosen)
        self.previous_button.clicked.connect(lambda: self.show_period(self.period.previous()))
        self.next_button.clicked.connect(lambda: self.show_period(self.period.next()))
        self._show()

    def _arrows(self) -> None:
        # earlier is to the right in a right-to-left page: the arrows point where they lead
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        left, right = Qt.ArrowType.LeftArrow, Qt.ArrowType.RightArrow
        self.previous_button.setArrowType(right if rtl else left)
        self.next_button.setArrowType(left if rtl else right)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.LayoutDirectionChange:
            self._arrows()

    def _calendar_chosen(self) -> None:
        calendar = self.calendar.currentData()
        QSettings().setValue(SETTING, calendar)
        today = date.today()
        if self.period.start <= today < self.period.end:
            self.show_period(month_of(today, calendar))
        else:  # the month that holds most of the days shown (this month's, before the Hijri calendar's first)
            middle = self.period.start + timedelta(days=self.period.days // 2)
            try:
                self.show_period(month_of(middle, calendar))
            except (DeskError, OverflowError, ValueError):
                self.show_period(month_of(today, calendar))

    def show_period(self, period: Period) -> None:
        self.period = period
        self._show()
        self.changed.emit(period)

    def _show(self) -> None:
        lang = i18n.current()
        self.month.setText(self.period.label(lang))
        self.other.setText(self.period.other_label(lang))
        self.month.setAccessibleName(self.period.label(lang))
        # nothing to see after this month: its days have not come
        self.next_button.setEnabled(self.period.end <= date.today())
        self.previous_button.setEnabled(_has_previous(self.period))  # the calendars' first convertible month
        self._arrows()


def _has_previous(period: Period) -> bool:
    try:
        period.previous()
    except (DeskError, OverflowError, ValueError):
        return False
    return True
