"""Reports: a month's figures for the head of the office, the month chooser in both
calendars, X's figures read only after the cost was said, the report saved to a file."""

import sys
from datetime import date
from pathlib import Path

import pytest
from gui_support import as_user, page_of, settle
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

from desk.core.figures import gregorian_month, hijri_month, month_of
from desk.core.messages import render
from desk.ui.reports.month_bar import MonthBar

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.fakes.x_server import running_fake_x  # noqa: E402


def reports(qtbot, open_window, desk, username="huda"):
    window, page = page_of(open_window, desk, username, "reports")
    settle(qtbot)
    qtbot.waitUntil(lambda: page.figures is not None)
    return window, page


def a_month_of_work(desk) -> list[int]:
    """Sara writes four posts: Khalid publishes two (to the training timeline), returns one
    and rejects one."""
    sara, khalid = as_user(desk, "sara"), as_user(desk, "khalid")
    ids = [sara.draft(text) for text in ("افتتاح معرض الكتاب", "أمطار على المنطقة الشرقية", "خبر يحتاج تدقيقًا",
                                         "خبر مكرر")]
    for post_id in ids:
        sara.submit(post_id)
    for post_id in ids[:2]:
        khalid.approve(post_id)
        khalid.publish(post_id)
    khalid.return_(ids[2], "يرجى تدقيق التاريخ")
    khalid.reject(ids[3], "منشور من قبل")
    return ids


def number(page, key) -> str:
    return page.cards.cards[key].number.text().replace("\u2066", "").replace("\u2069", "")


@pytest.mark.parametrize("username, buttons", [("sara", False), ("huda", True), ("admin", True)])
def test_every_reader_has_the_page_and_only_supervisors_and_administrators_its_buttons(
        qtbot, open_window, desk, username, buttons):
    window, page = reports(qtbot, open_window, desk, username)
    assert "reports" in window.places.keys()
    assert page.save_button.isVisibleTo(page) is buttons
    assert page.reach.read_button.isHidden() is not buttons  # its box shows once the month has posts


def test_the_figures_are_those_of_the_month_s_work(qtbot, open_window, desk):
    a_month_of_work(desk)
    window, page = reports(qtbot, open_window, desk)
    assert page.figures.period == month_of(date.today(), page.month_bar.period.calendar)
    assert page.details.isVisibleTo(page) and not page.empty.isVisibleTo(page)
    shown = {key: number(page, key) for key in ("published", "approved", "returned", "rejected", "missed")}
    assert shown == {"published": "2", "approved": "2", "returned": "1", "rejected": "1", "missed": "0"}
    assert [(b.key, b.count) for b in page.by_author.bars] == [("sara", 2)]
    assert [(b.key, b.count) for b in page.by_approver.bars] == [("khalid", 2)]
    assert sum(b.count for b in page.per_day.bars) == 2 and len(page.per_day.bars) == page.figures.period.days
    assert [b.label for b in page.return_reasons.bars] == ["يرجى تدقيق التاريخ"]
    assert [b.label for b in page.reject_reasons.bars] == ["منشور من قبل"]
    # published to the training timeline: the page says whose figures these are, and X has none
    assert page.training_band.isVisibleTo(page)
    assert not page.reach.read_button.isEnabled()
    assert "Sara" in page.by_author.accessibleDescription()


def test_the_bar_under_the_mouse_tells_its_value(qtbot, open_window, desk):
    a_month_of_work(desk)
    window, page = reports(qtbot, open_window, desk)
    chart = page.per_day
    page.scroll.ensureWidgetVisible(chart)
    today = date.today().isoformat()
    found = next(x for x in range(chart.width()) if (bar := chart.bar_at(x, chart.height() / 2)) and bar.key == today)
    assert "2 published" in chart.tip(chart.bar_at(found, chart.height() / 2))
    assert today in chart.tip(chart.bar_at(found, chart.height() / 2))
    rows = page.by_author
    assert rows.bar_at(rows.width() / 2, 8).key == "sara"
    assert rows.bar_at(rows.width() / 2, rows.height() + 40) is None
    # the tooltip Qt asks for at that point says the same
    at = QPoint(found, chart.height() // 2)
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, at, chart.mapToGlobal(at)))
    assert "2 published" in QToolTip.text()


def test_the_month_chooser_goes_back_and_forth_in_either_calendar(qtbot, open_window, desk):
    window, page = reports(qtbot, open_window, desk)
    bar = page.month_bar
    bar.show_period(gregorian_month(2026, 11))
    assert bar.month.text() == "November 2026"
    assert bar.other.text() == "Jumada al-Ula – Jumada al-Akhirah 1448 AH"
    bar.previous_button.click()
    assert bar.month.text() == "October 2026"
    bar.next_button.click()
    bar.next_button.click()
    assert bar.month.text() == "December 2026"
    settle(qtbot)
    assert page.figures.period == gregorian_month(2026, 12)

    bar.show_period(gregorian_month(2025, 3))
    bar.calendar.setCurrentIndex(bar.calendar.findData("hijri"))  # the Hijri month of most of its days
    assert bar.month.text() == "Ramadan 1446 AH" and bar.other.text() == "March 2025"
    bar.show_period(hijri_month(1448, 5))
    assert bar.month.text() == "Jumada al-Ula 1448 AH"
    assert bar.other.text() == "October – November 2026"
    bar.next_button.click()
    assert bar.month.text() == "Jumada al-Akhirah 1448 AH"
    settle(qtbot)
    assert page.figures.period == hijri_month(1448, 6)
    # the month under way is the last one: its days after today have not come
    bar.show_period(month_of(date.today(), "hijri"))
    assert not bar.next_button.isEnabled() and bar.previous_button.isEnabled()
    # the choice of calendar is kept on this computer
    assert MonthBar().period == month_of(date.today(), "hijri")


def test_an_empty_month_says_so_instead_of_empty_charts(qtbot, open_window, desk):
    a_month_of_work(desk)
    window, page = reports(qtbot, open_window, desk)
    page.month_bar.show_period(gregorian_month(2025, 1))
    settle(qtbot)
    assert page.empty.isVisibleTo(page) and not page.details.isVisibleTo(page)
    assert page.empty.text() == "No post was written, reviewed or published in January 2025."


def test_a_refused_read_says_why_and_asks_x_nothing(qtbot, open_window, desk):
    a_month_of_work(desk)
    window, page = reports(qtbot, open_window, desk)
    # the training timeline is not on X: nothing to ask it for
    assert not page.reach.read_button.isEnabled()
    assert page.reach.read_button.toolTip() == "The training timeline has no X figures."
    page.reader.ask(page, gregorian_month(2025, 1))  # asked all the same: refused before X is asked
    settle(qtbot)
    assert page.reader.dialog is None and page.reader.plan is not None and page.reader.plan.posts == 0
    assert page.notice.is_error and page.notice.text() == render("reach.training", "en", {})
    with desk.store.read():
        assert desk.store.db.execute("SELECT COUNT(*) FROM events WHERE action = 'reach_read'").fetchone()[0] == 0


def test_the_report_is_saved_to_a_file(qtbot, open_window, desk, tmp_path):
    a_month_of_work(desk)
    window, page = reports(qtbot, open_window, desk)
    for fmt in ("pdf", "xlsx"):
        target = tmp_path / f"report.{fmt}"
        page.saver.start(str(target), fmt, page.month_bar.period)
        qtbot.waitUntil(lambda: not page.saver.running, timeout=30000)
        settle(qtbot)
        assert target.exists() and target.stat().st_size > 1000, fmt
        assert f"report.{fmt}" in page.notice.text() and not page.notice.is_error
    assert target.read_bytes()[:2] == b"PK"
    assert (tmp_path / "report.pdf").read_bytes()[:5] == b"%PDF-"


def test_the_arabic_page_reads_right_to_left(qtbot, open_window, desk, arabic):
    a_month_of_work(desk)
    window, page = reports(qtbot, open_window, desk)
    assert page.isRightToLeft() and page.per_day.isRightToLeft()
    assert page.title.text() == "التقارير" and page.save_button.text() == "حفظ التقرير…"
    assert page.reach.read_button.text() == "قراءة أرقام X…"
    assert [page.month_bar.calendar.itemText(i) for i in range(2)] == ["ميلادي", "هجري"]
    # earlier is to the right: the button that goes back is on the right and points there
    bar = page.month_bar
    assert bar.previous_button.mapTo(page, QPoint(0, 0)).x() > bar.next_button.mapTo(page, QPoint(0, 0)).x()
    assert bar.previous_button.arrowType() == Qt.ArrowType.RightArrow
    # the first day of the month is the column at the right
    chart = page.per_day
    page.scroll.ensureWidgetVisible(chart)
    rightmost = next(found for x in range(chart.width(), 0, -1) if (found := chart.bar_at(x, chart.height() / 2)))
    assert rightmost.label == "1"
    assert page.cards.cards["published"].label.text() == "المنشورة"
    assert "\u2066" in page.cards.cards["published"].number.text()  # the number kept whole in Arabic


# ------------------------------------------------------------ X's figures, read from a fake X
@pytest.fixture
def x_office(office, real_keyring, monkeypatch):
    """The tests' office with the fake X account connected: posts go out to the fake X."""
    with running_fake_x(username="MinistryMedia") as fake:
        monkeypatch.setenv("DESK_X_API_BASE", fake.base_url)
        monkeypatch.setenv("DESK_X_TIMEOUT", "5")
        office.desk.account.set_keys(office.session("admin"), **fake.keys)
        yield office, fake
        office.desk.account.vault().forget()


def published_on_x(office, fake, texts) -> list[str]:
    for text in texts:
        post_id = office.approved_post(text)
        office.session("khalid").publish(post_id)
    return [p.id for p in fake.posts]


@pytest.mark.keyring
def test_reading_x_s_figures_says_the_cost_first_then_shows_them(qtbot, open_office_window, x_office, account):
    office, fake = x_office
    account.keys = {"saved": True}
    ids = published_on_x(office, fake, ["افتتاح المعرض", "أمطار الشرقية"])
    fake.set_metrics(ids[0], likes=120, reposts=30, replies=4, impressions=5000)
    fake.set_metrics(ids[1], likes=80, reposts=10, replies=2, impressions=3000)
    window = open_office_window(office.desk, "sara")
    window.places.go("reports")
    page = window.page["reports"]
    settle(qtbot)
    qtbot.waitUntil(lambda: page.figures is not None)
    assert not page.training_band.isVisibleTo(page) and page.reach.read_button.isEnabled()
    assert page.reach.read_line.text() == "X's figures have not been read for this month's posts."

    page.reach.read_button.click()
    qtbot.waitUntil(lambda: page.reader.dialog is not None and page.reader.dialog.isVisible())
    dialog = page.reader.dialog
    assert dialog.text() == "Read the figures of 2 posts from X?"
    said = dialog.informativeText().replace("\u2066", "").replace("\u2069", "")
    assert "Requests to X: 1" in said and "Estimated cost: $0.01" in said and "of $5.00" in said
    assert fake.lookups == 0  # nothing asked of X before the answer
    dialog.button(QMessageBox.StandardButton.No).click()
    settle(qtbot)
    assert fake.lookups == 0

    page.reach.read_button.click()
    qtbot.waitUntil(lambda: page.reader.dialog is not None and page.reader.dialog.isVisible())
    page.reader.dialog.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not page.reader.running, timeout=15000)
    settle(qtbot)
    qtbot.waitUntil(lambda: page.figures.reach.posts_read == 2)
    assert fake.lookups == 1
    assert "The figures of 2 posts were read from X." in page.notice.text()
    cards = {key: card.number.text().replace("\u2066", "").replace("\u2069", "")
             for key, card in page.reach.cards.items()}
    assert cards == {"likes": "200", "reposts": "40", "replies": "6", "impressions": "8,000"}
    assert "not the desk's own record" in page.reach.note.text()
    assert page.reach.top_title.isVisibleTo(page)


@pytest.mark.keyring
def test_a_read_over_the_budget_is_refused_before_x_is_asked(qtbot, open_office_window, x_office, account):
    office, fake = x_office
    account.keys = {"saved": True}
    published_on_x(office, fake, ["خبر أول"])
    office.session("admin").set_setting("reach_budget_cents", 0)
    window = open_office_window(office.desk, "sara")
    window.places.go("reports")
    page = window.page["reports"]
    settle(qtbot)
    page.reach.read_button.click()
    settle(qtbot)
    assert page.reader.dialog is None and page.reader.plan.posts == 1
    assert page.notice.is_error and "budget" in page.notice.text()
    assert fake.lookups == 0
