"""Reports: a month's figures of the office for its head, with charts, and X's figures as
read. The page shows at once; the figures are read off the GUI thread and fill it in."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from desk.ui import adapters, words
from desk.ui.notice import NoticeLine
from desk.ui.reports.cards import SummaryCards, report_word
from desk.ui.reports.chart_view import ChartView
from desk.ui.reports.month_bar import MonthBar
from desk.ui.reports.reach_box import ReachBox
from desk.ui.reports.reach_read import ReachRead
from desk.ui.reports.save import ReportSave
from desk.ui.tasks import run_task

REASONS_SHOWN = 6  # the most frequent; the report file lists them all
COUNTED = ("drafted", "submitted", "approved", "published", "returned", "rejected", "missed", "failed", "withdrawn")


def is_empty(figures) -> bool:
    """Nothing happened on the desk in the month: no chart has anything to draw."""
    return not any(getattr(figures, name) for name in COUNTED)


class ChartBox(QFrame):
    """A chart with its title, in a card."""

    def __init__(self, chart: ChartView, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.chart = chart
        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 12, 10)
        column.addWidget(self.title)
        column.addWidget(chart)
        column.addStretch()  # beside a taller card, the title stays at the top


class ReportsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self.figures = None  # as last read, for the period shown
        self.loading = 0  # which reading is the latest: an older one that comes back late is dropped
        self.title = QLabel(self.tr("Reports"))
        self.title.setObjectName("page_title")
        self.save_button = QPushButton(self.tr("Save report…"))
        self.save_button.setToolTip(self.tr("The month's report for the head of the office, as a PDF document or "
                                            "an Excel workbook."))
        self.save_button.setVisible(ctx.may("export"))
        self.month_bar = MonthBar()
        self.month_bar.changed.connect(self.load)
        self.notice = NoticeLine()
        ctx.notice.connect(lambda text, err: self.notice.show_text(text, err) if self.isVisible() else None)
        self.training_band = QLabel(self.tr("Training: these figures are of the desk's training timeline, not of "
                                            "the public account on X."))
        self.training_band.setObjectName("band_training")
        self.training_band.setWordWrap(True)
        self.training_band.hide()
        self.waiting = QLabel(self.tr("Reading the month's figures…"))
        self.waiting.setObjectName("muted")
        self.empty = QLabel()
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("font-size: 12pt; padding: 24px;")
        self.empty.hide()
        self._charts()
        self.reach = ReachBox()
        self.reach.read_button.setVisible(ctx.may("read_reach"))
        self.reader = ReachRead(ctx, self)
        self.reader.busy.connect(self._reading)
        self.reader.finished.connect(self.notice.show_text)
        self.reader.read.connect(self.reload)
        self.reach.read_button.clicked.connect(lambda: self.reader.ask(self, self.month_bar.period))
        self.saver = ReportSave(ctx, self)
        self.saver.busy.connect(self._saving)
        self.saver.finished.connect(self.notice.show_text)
        self.saver.failed.connect(lambda text: self.notice.show_text(text, True))
        self.save_button.clicked.connect(lambda: self.saver.ask(self, self.month_bar.period))
        self._assemble()

    def _charts(self) -> None:
        none = report_word("none")
        self.per_day = ChartView("columns", report_word("per_day"), none, self._day_tip)
        self.by_author = ChartView("rows", report_word("by_author"), none,
                                   lambda bar: self.tr("%1: %n published", "", bar.count).replace("%1", bar.label))
        self.by_approver = ChartView("rows", report_word("by_approver"), none,
                                     lambda bar: self.tr("%1: %n approvals", "", bar.count).replace("%1", bar.label))
        times = (lambda bar: self.tr("%1: %n times", "", bar.count).replace("%1", bar.label))
        self.return_reasons = ChartView("rows", report_word("return_reasons"), none, times)
        self.reject_reasons = ChartView("rows", report_word("reject_reasons"), none, times)

    def _assemble(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(16)
        top.addWidget(self.month_bar)
        top.addStretch()
        top.addWidget(self.save_button)
        self.cards = SummaryCards()
        self.details = QWidget()  # everything but the empty month's words
        column = QVBoxLayout(self.details)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(self.cards)
        column.addWidget(ChartBox(self.per_day, report_word("per_day")))
        pairs = QGridLayout()
        pairs.setSpacing(10)
        for row, (first, second) in enumerate(((self.by_author, self.by_approver),
                                               (self.return_reasons, self.reject_reasons))):
            pairs.addWidget(ChartBox(first, first.accessibleName()), row, 0)
            pairs.addWidget(ChartBox(second, second.accessibleName()), row, 1)
        pairs.setColumnStretch(0, 1)
        pairs.setColumnStretch(1, 1)
        column.addLayout(pairs)
        column.addWidget(self.reach)
        self.details.hide()
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addWidget(self.waiting)
        body.addWidget(self.empty)
        body.addWidget(self.details)
        body.addStretch()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.training_band)
        layout.addWidget(self.scroll, 1)

    # reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.load(self.month_bar.period)

    def load(self, period) -> None:
        self.loading += 1
        which = self.loading
        if self.figures is None or self.figures.period != period:
            self.waiting.show()
        run_task(adapters.in_worker(self.session, lambda s: s.figures(period)),
                 lambda found: self._loaded(which, found), lambda error: self._failed(which, error), owner=self)

    def _loaded(self, which: int, figures) -> None:
        if which != self.loading:
            return  # another month was chosen meanwhile
        self.ctx.set_reachable(True)
        self.figures = figures
        self.waiting.hide()
        self.training_band.setVisible(figures.training)
        if is_empty(figures):
            self.details.hide()
            self.empty.setText(self.tr("No post was written, reviewed or published in %1.").replace(
                "%1", figures.period.label(self.ctx.lang)))
            self.empty.show()
            return
        self.empty.hide()
        self.cards.show_figures(figures)
        self.per_day.set_bars(figures.per_day)
        self.by_author.set_bars(figures.by_author)
        self.by_approver.set_bars(figures.by_approver)
        self.return_reasons.set_bars(figures.return_reasons[:REASONS_SHOWN])
        self.reject_reasons.set_bars(figures.reject_reasons[:REASONS_SHOWN])
        self.reach.show_figures(figures)
        self.details.show()

    def _failed(self, which: int, error) -> None:
        if which != self.loading:
            return
        self.waiting.hide()
        self.ctx.note_failure(error)
        self.notice.show_text(self.ctx.message(error), True)

    def _day_tip(self, bar) -> str:
        try:
            day = date.fromisoformat(bar.key)
        except ValueError:
            return self.tr("%1: %n published", "", bar.count).replace("%1", bar.label)
        shown = f"{words.ltr(bar.key)} ({words.hijri(day)})"
        return self.tr("%1: %n published", "", bar.count).replace("%1", shown)

    # the buttons -----------------------------------------------------------------------
    def _reading(self, busy: bool) -> None:
        training = self.figures is not None and self.figures.training
        self.reach.read_button.setEnabled(not busy and not training)
        if busy:
            self.notice.show_text(self.tr("Reading X's figures…"))

    def _saving(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        if busy:
            self.notice.show_text(self.tr("Writing the report…"))
