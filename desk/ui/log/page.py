"""The log: every post with filters and search, a detail pane, Open on X, Withdraw, Export."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from desk.service import LogFilter
from desk.ui.empty_hint import EmptyHint
from desk.ui.log.export import LogExport, available_formats
from desk.ui.log.filters import LogFilters
from desk.ui.log.model import LogModel
from desk.ui.log.table import LogTable
from desk.ui.notice import NoticeLine
from desk.ui.post_detail import PostDetail
from desk.ui.reason_dialog import ReasonDialog
from desk.ui.window_fit import remember_splitter


class LogPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self.dialog = None
        self.title = QLabel(self.tr("Log"))
        self.title.setObjectName("page_title")
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.notice = NoticeLine()
        ctx.notice.connect(lambda text, err: self.notice.show_text(text, err) if self.isVisible() else None)
        self.filters = LogFilters()
        self.filters.changed.connect(self.apply_filter)
        self.model = LogModel(self.session, self)
        self.table = LogTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Every post"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self.show_row(current.row()))
        self.empty_hint = EmptyHint(self.table)
        self.detail = PostDetail(ctx)
        self.open_button = QPushButton(self.tr("Open on X"))
        self.open_button.clicked.connect(self.open_on_x)
        self.withdraw_button = QPushButton(self.tr("Withdraw from X…"))
        self.withdraw_button.clicked.connect(self.ask_withdraw)
        self.exporter = LogExport(ctx, self)
        self.exporter.finished.connect(lambda text: self.notice.show_text(text))
        self.exporter.failed.connect(lambda text: self.notice.show_text(text, True))
        self.exporter.progress.connect(lambda n: self.notice.show_text(self.tr("Exporting… (posts so far: %1)").replace("%1", str(n))))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.ask_export)
        self._export_allowed()

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.count)
        top.addStretch()
        top.addWidget(self.export_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch()
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.detail, 1)
        column.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 380])
        split.setChildrenCollapsible(False)
        self.split = split
        remember_splitter(split, "log")  # where the person last left it, on this computer
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.filters)
        layout.addWidget(split, 1)
        self.reload()

    def _export_allowed(self) -> None:
        if not available_formats():
            self.export_button.setEnabled(False)
            self.export_button.setToolTip(self.tr("Export is not available in this version."))
        elif not self.ctx.may("export"):
            self.export_button.setEnabled(False)
            self.export_button.setToolTip(self.tr("Supervisors and administrators may export the log."))

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def reload(self) -> None:
        keep = self.detail.shown["post"].id if self.detail.shown else None
        self.filters.set_staff(self.session.staff())
        self.apply_filter(self.filters.current(), keep)

    def apply_filter(self, log_filter, keep=None) -> None:
        try:
            self.model.set_filter(log_filter)
        except Exception as error:  # a search the full-text index cannot read
            self.notice.show_text(self.ctx.message(error), True)
            return
        self.count.setText(self.tr("Posts: %1").replace("%1", str(self.model.total)))
        if not self.model.total:
            anything = self.session.log_count(LogFilter()) > 0  # any post at all, whatever the filters
            self.empty_hint.setText(self.tr("No post matches these filters or this search. Clear them to see every post.")
                                    if anything else self.tr("No posts yet. Every post written on the Compose page "
                                                             "comes here, with its whole history."))
        row = next((i for i, r in enumerate(self.model.rows) if r["post_id"] == keep), -1)
        if row >= 0:
            self.select_row(row)
        else:
            self.show_row(-1)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def show_row(self, row: int) -> None:
        post_id = self.model.post_id(row)
        shown = self.detail.show_post(post_id) if post_id is not None else None
        if shown is None:
            self.detail.clear()
        post = shown["post"] if shown else None
        self.open_button.setEnabled(bool(post and post.x_url))
        # a thread stopped part-way can be taken off X too: the public sees half a statement
        published = bool(post and post.state.value in ("published", "partly_published"))
        self.withdraw_button.setVisible(self.ctx.may("withdraw"))
        self.withdraw_button.setEnabled(published)

    def open_on_x(self) -> None:
        post = self.detail.shown["post"] if self.detail.shown else None
        if post and post.x_url:
            QDesktopServices.openUrl(QUrl(post.x_url))

    def ask_withdraw(self) -> None:
        post = self.detail.shown["post"]
        self.dialog = withdraw_dialog(post, self)
        self.dialog.given.connect(lambda reason: self.withdraw(post, reason))
        self.dialog.open()

    def withdraw(self, post, reason: str) -> None:
        withdraw_in_background(self, post, reason)

    def ask_export(self) -> None:
        self.exporter.ask(self, self.filters.current(), self.filters.period())


def withdraw_dialog(post, parent) -> ReasonDialog:
    """Asks why; says what goes: the post, or every part of the thread on X."""
    translate = QCoreApplication.translate
    if post.is_thread:
        question = translate("LogPage", "Every part of the thread on X is deleted, from the last; the log keeps "
                                        "them and your reason. Why?")
    else:
        question = translate("LogPage", "The post is deleted from X; the log keeps it and your reason. Why?")
    return ReasonDialog(translate("LogPage", "Withdraw post #%1 from X").replace("%1", str(post.id)), question,
                        translate("LogPage", "Withdraw"), parent)


def withdraw_in_background(page, post, reason: str) -> None:
    """X is asked to delete the post (every part of a thread) off the GUI thread; the page's
    notice says when it is done."""
    page.ctx.in_background(
        lambda s: s.withdraw(post.id, reason, expected_version=post.version),
        lambda _: page.notice.show_text(QCoreApplication.translate("LogPage", "Post #%1 withdrawn.").replace(
            "%1", str(post.id))),
        owner=page)
