"""The month at a glance: one card a count (the number large, what it counts under it),
and the two waits: from submission to approval, from approval to going out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desk.ui import i18n, words

COUNTS = ("published", "approved", "returned", "rejected", "missed", "failed", "withdrawn")
NUMBER_STYLE = "font-size: 20pt; font-weight: bold;"


def number_text(n: int) -> str:
    """A count as the report writes it (grouped thousands), kept whole inside Arabic."""
    from desk.reports import count_text

    return words.ltr(count_text(n, i18n.current()))


def report_word(key: str, **params) -> str:
    """The monthly report's own words (the PDF's headings), in the window's language."""
    from desk.reports import word

    return word(key, i18n.current(), **params)


def wait_text(seconds: float | None) -> str:
    from desk.reports import duration_text

    # Arabic words with their digits («ساعتان و5 دقائق»): no left-to-right island around them
    return duration_text(seconds, i18n.current()) if seconds is not None else "—"


def two_lines(label: QLabel) -> int:
    """The least width at which the label's words break into no more than two lines."""
    metrics = label.fontMetrics()
    found = label.text().split()
    if len(found) < 2:
        return metrics.horizontalAdvance(label.text())
    return min(max(metrics.horizontalAdvance(" ".join(found[:i])), metrics.horizontalAdvance(" ".join(found[i:])))
               for i in range(1, len(found)))


class Card(QFrame):
    def __init__(self, label: str, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.number = QLabel("—")
        self.number.setStyleSheet(NUMBER_STYLE)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label = QLabel(label)
        self.label.setObjectName("muted")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # two lines for every card, so a row of cards is even and no label is cut
        self.label.setWordWrap(True)
        self.label.setFixedHeight(self.label.fontMetrics().lineSpacing() * 2 + 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(0)
        column.addWidget(self.number)
        column.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def least_width(self) -> int:
        """Wide enough for its label in two lines at most (narrower, the cards reflow)."""
        margins = self.layout().contentsMargins()
        return max(two_lines(self.label), self.number.sizeHint().width()) + margins.left() + margins.right() + 4

    def set_number(self, text: str, said: str) -> None:
        self.number.setText(text)
        self.setAccessibleName(said)


class WaitCard(QFrame):
    """How long a step took: the median and the time nine in ten took no longer than."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.median = QLabel()
        self.p90 = QLabel()
        self.count = QLabel()
        self.count.setObjectName("muted")
        for label in (self.median, self.p90, self.count):
            label.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(2)
        column.addWidget(self.title)
        column.addWidget(self.median)
        column.addWidget(self.p90)
        column.addWidget(self.count)
        column.addStretch()  # beside a taller card, the lines stay at the top
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def show_wait(self, wait) -> None:
        if not wait.count:
            self.median.setText(report_word("none"))
            self.p90.setText("")
            self.count.setText("")
        else:
            self.median.setText(f"{report_word('median')}: {wait_text(wait.median)}")
            self.p90.setText(f"{report_word('p90')}: {wait_text(wait.p90)}")
            self.p90.setToolTip(report_word("p90_note"))
            self.count.setText(f"{report_word('posts')}: {number_text(wait.count)}")
        self.setAccessibleName(" ".join(t for t in (self.title.text(), self.median.text(), self.p90.text()) if t))


class SummaryCards(QWidget):
    """The counts in as many columns as fit (seven, or two balanced rows), the waits under them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # the report's words: the page and the PDF the head of the office is handed agree
        self.cards = {key: Card(report_word(key)) for key in COUNTS}
        self.approval_wait = WaitCard(report_word("approval_wait"))
        self.publish_wait = WaitCard(report_word("publish_wait"))
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.columns = 0
        self.setMinimumWidth(self.least())
        self.arrange(len(COUNTS))

    def least(self) -> int:
        return max(card.least_width() for card in self.cards.values())

    def fitting(self, width: int) -> int:
        """How many columns: as many cards a row as fit, the rows kept even (4 + 3, not 6 + 1)."""
        spacing = self.grid.spacing()
        fit = max(1, min(len(COUNTS), (width + spacing) // (self.least() + spacing)))
        rows = -(-len(COUNTS) // fit)
        return -(-len(COUNTS) // rows)

    def arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for widget in (*self.cards.values(), self.approval_wait, self.publish_wait):
            self.grid.removeWidget(widget)
        for column in range(len(COUNTS)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        for i, key in enumerate(COUNTS):
            self.grid.addWidget(self.cards[key], i // columns, i % columns)
        below = -(-len(COUNTS) // columns)
        if columns == 1:
            self.grid.addWidget(self.approval_wait, below, 0)
            self.grid.addWidget(self.publish_wait, below + 1, 0)
        else:
            half = columns // 2
            self.grid.addWidget(self.approval_wait, below, 0, 1, half)
            self.grid.addWidget(self.publish_wait, below, half, 1, columns - half)

    def resizeEvent(self, event) -> None:
        self.arrange(self.fitting(event.size().width()))
        super().resizeEvent(event)

    def show_figures(self, figures) -> None:
        for key, card in self.cards.items():
            value = getattr(figures, key)
            card.set_number(number_text(value), f"{card.label.text()}: {value}")
        self.approval_wait.show_wait(figures.approval_wait)
        self.publish_wait.show_wait(figures.publish_wait)
