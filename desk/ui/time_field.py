"""Date and time fields that read the same in Arabic as in English.

Qt turns a QDateTimeEdit's sections around in a right-to-left widget: "2026-12-03 08:54"
is shown as "54:08 03-12-2026", and a person schedules at the wrong time. Digits of a
date or a time read left to right in Arabic too, so the field itself is laid out left to
right, its text kept on the side the window reads from; the calendar that drops down
still follows the window's language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def left_to_right(edit, display_format: str):
    """Lay a QDateTimeEdit (QDateEdit, QTimeEdit) out left to right with this format."""
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setDisplayFormat(display_format)  # again: Qt reversed it if it was set while right to left
    window_way = QApplication.layoutDirection()
    side = Qt.AlignmentFlag.AlignRight if window_way == Qt.LayoutDirection.RightToLeft else Qt.AlignmentFlag.AlignLeft
    # absolute: Arabic words in the field ("any day") would turn a plain right to the left
    edit.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
    if edit.calendarPopup() and edit.calendarWidget() is not None:
        edit.calendarWidget().setLayoutDirection(window_way)
    return edit
