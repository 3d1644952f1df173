"""Times and dates read the same way in Arabic as in English: in fields and in sentences."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateTimeEdit, QLineEdit

from desk.ui import words
from desk.ui.log.filters import LogFilters
from desk.ui.publish.schedule_dialog import ScheduleDialog


@pytest.fixture(params=["ar", "en"])
def lang(request, qapp):
    qapp.set_language(request.param)
    yield request.param
    qapp.set_language("en")


def shown(edit) -> tuple[str, Qt.LayoutDirection, Qt.AlignmentFlag]:
    """What the person sees in a date or time field: its text, its direction, its side."""
    line = edit.findChild(QLineEdit)
    horizontal = line.alignment() & (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight)
    return line.text(), line.layoutDirection(), horizontal


def reading_side(lang):
    return Qt.AlignmentFlag.AlignRight if lang == "ar" else Qt.AlignmentFlag.AlignLeft


def test_the_schedule_dialog_shows_the_time_as_it_is(qtbot, lang):
    dialog = ScheduleDialog(7)
    qtbot.addWidget(dialog)
    tomorrow = (datetime.now() + timedelta(days=1)).replace(hour=8, minute=54, second=0, microsecond=0)
    dialog.set_moment(tomorrow)
    dialog.show()
    text, way, side = shown(dialog.when)
    assert text == tomorrow.strftime("%Y-%m-%d 08:54")  # not "54:08 …" as Qt turns it in right to left
    assert way == Qt.LayoutDirection.LeftToRight and side == reading_side(lang)
    assert dialog.moment() == tomorrow
    if lang == "ar":
        assert dialog.when.calendarWidget().layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_stepping_the_hour_changes_the_hour_shown(qtbot, lang):
    dialog = ScheduleDialog(7)
    qtbot.addWidget(dialog)
    tomorrow = (datetime.now() + timedelta(days=1)).replace(hour=8, minute=54, second=0, microsecond=0)
    dialog.set_moment(tomorrow)
    dialog.show()
    dialog.when.setCurrentSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClick(dialog.when, Qt.Key.Key_Up)
    assert shown(dialog.when)[0] == tomorrow.strftime("%Y-%m-%d 09:54")
    assert dialog.moment().hour == 9


def test_the_schedule_note_is_plain_words_and_the_command_waits_behind_details(qtbot, lang):
    dialog = ScheduleDialog(7)
    qtbot.addWidget(dialog)
    dialog.show()
    notes = [label.text() for label in dialog.findChildren(type(dialog.hijri)) if label.isVisible()]
    assert not any("publish-due" in text for text in notes)
    assert not dialog.command.isVisible()
    dialog.details.click()
    assert dialog.command.isVisible() and "\u2066desk publish-due\u2069" in dialog.command.text()
    if lang == "ar":
        latin = [text for text in notes if any(c.isascii() and c.isalpha() for c in text.replace("X", ""))]
        assert latin == []


def test_the_log_date_filters_read_left_to_right(qtbot, lang):
    filters = LogFilters()
    qtbot.addWidget(filters)
    filters.show()
    filters.date_from.setDate(QDate(2026, 3, 1))
    text, way, side = shown(filters.date_from)
    assert text == "2026-03-01"
    assert way == Qt.LayoutDirection.LeftToRight and side == reading_side(lang)
    assert filters.period()[0].isoformat() == "2026-03-01"


def test_times_in_sentences_are_left_to_right_islands(lang):
    at = "2026-03-01T06:30:00+00:00"
    local = datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    assert words.when(at) == f"\u2066{local}\u2069"
    assert words.when_with_hijri(at).startswith(f"\u2066{local}\u2069 (")
    assert words.when(None) == "" and words.when_with_hijri(None) == ""


def test_times_in_refusals_are_left_to_right_islands(lang):
    from desk.core.errors import InvalidInput
    from desk.ui.context import DeskContext

    refusal = InvalidInput("schedule.past", at="2026-12-03 08:54")
    shown = DeskContext.message(type("Ctx", (), {"lang": lang})(), refusal)
    assert "\u20662026-12-03 08:54\u2069" in shown
    assert words.isolated_times({"at": "09:03", "n": 3, "name": "huda"}) == {"at": "\u206609:03\u2069", "n": 3,
                                                                              "name": "huda"}
