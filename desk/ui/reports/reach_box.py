"""X's figures for the month's published posts, as X gave them when last read: the totals,
when they were read, the posts with the most response. They are X's, not the desk's record,
and the box says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from desk.ui import words
from desk.ui.post_text import first_line
from desk.ui.reports.cards import Card, number_text, report_word

TOTALS = ("likes", "reposts", "replies", "impressions")
TOP_SHOWN = 5


class ElidedLine(QLabel):
    """A post's first line in the room it is given, cut with "…" at its end (its tooltip
    holds the whole post)."""

    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        self.full = text
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(120)
        self.setText(text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setText(self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, self.width()))


class ReachBox(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.read_button = QPushButton(self.tr("Read X's figures…"))
        self.read_tip = self.tr("Ask X for the likes, reposts, replies and impressions of this month's posts. "
                                "X charges for each post read: the cost is shown first.")
        self.read_button.setToolTip(self.read_tip)
        self.note = QLabel()  # X's figures, not the desk's record
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.read_line = QLabel()
        self.read_line.setWordWrap(True)
        self.cards = {key: Card("") for key in TOTALS}
        self.top_title = QLabel()
        self.top_title.setStyleSheet("font-weight: bold;")
        self.top = QGridLayout()
        self.top.setHorizontalSpacing(12)
        self.top.setVerticalSpacing(4)
        self.top.setColumnStretch(0, 1)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch()
        head.addWidget(self.read_button)
        totals = QHBoxLayout()
        totals.setSpacing(8)
        for card in self.cards.values():
            totals.addWidget(card, 1)
        self.figures_part = QWidget()
        part = QVBoxLayout(self.figures_part)
        part.setContentsMargins(0, 0, 0, 0)
        part.addLayout(totals)
        part.addWidget(self.top_title)
        part.addLayout(self.top)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 12, 10)
        column.addLayout(head)
        column.addWidget(self.read_line)
        column.addWidget(self.figures_part)
        column.addWidget(self.note)

    def show_figures(self, figures) -> None:
        reach = figures.reach
        self.title.setText(report_word("x"))
        for key, card in self.cards.items():
            card.label.setText(report_word(key))
            value = getattr(reach, key)
            if value is None:  # X gives impressions only for recent posts, and not on every plan
                card.set_number("—", f"{report_word(key)}: {report_word('not_given')}")
                card.setToolTip(report_word("not_given"))
            else:
                card.set_number(number_text(value), f"{report_word(key)}: {value}")
                card.setToolTip("")
        # the training timeline is not on X: there is nothing to ask X for
        self.read_button.setEnabled(not figures.training)
        self.read_button.setToolTip(report_word("x_training") if figures.training else self.read_tip)
        if figures.training and not reach.posts_read:  # (the demo office's stand-in figures show)
            self.read_line.setText(report_word("x_training"))
            self.figures_part.hide()
            self.note.hide()
            return
        if not reach.posts_read:
            self.read_line.setText(report_word("x_unread"))
            self.figures_part.hide()
            self.note.hide()
            return
        self.read_line.setText(self.tr("Posts read: %1 of the %2 published in the month.").replace(
            "%1", number_text(reach.posts_read)).replace("%2", number_text(figures.published)))
        self.note.setText(report_word("x_note", when=words.when(reach.last_read_at)))
        self.note.show()
        self.figures_part.show()
        self._show_top(figures.top_posts[:TOP_SHOWN])

    def _show_top(self, posts) -> None:
        while self.top.count():
            item = self.top.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # gone from the box now, deleted once the event loop runs
                item.widget().deleteLater()
        self.top_title.setText(report_word("top_posts"))
        self.top_title.setVisible(bool(posts))
        for row, post in enumerate(posts):
            text = ElidedLine(first_line(post.text, 200))
            text.setToolTip(post.text)
            shown = [(report_word("likes"), post.likes), (report_word("reposts"), post.reposts),
                     (report_word("replies"), post.replies)]
            if post.impressions is not None:
                shown.append((report_word("impressions"), post.impressions))
            figures = QLabel(words.joined(f"{name} {number_text(value)}" for name, value in shown))
            figures.setObjectName("muted")
            when = QLabel(words.when(post.published_at))
            when.setObjectName("muted")
            self.top.addWidget(text, row, 0)
            self.top.addWidget(figures, row, 1)
            self.top.addWidget(when, row, 2)
