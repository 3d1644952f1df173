"""Approved and scheduled: publish now, schedule, unschedule, pause all, and problems."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QTreeWidgetItem, QVBoxLayout, QWidget

from desk.service import LogFilter
from desk.ui import adapters, i18n, words
from desk.ui.empty_hint import EmptyHint
from desk.ui.media_look import as_pixmaps, decode, shown_files
from desk.ui.notice import NoticeLine
from desk.ui.post_detail import PostDetail
from desk.ui.post_list import PostList
from desk.ui.post_text import first_line
from desk.ui.publish.advice import advice, checked, problem_message, waiting_message
from desk.ui.publish.confirm import PublishConfirm
from desk.ui.publish.progress_row import PublishProgress
from desk.ui.publish.schedule_dialog import ScheduleDialog
from desk.ui.publish.while_closed import WhileClosed
from desk.ui.log.page import withdraw_dialog, withdraw_in_background
from desk.ui.style import state_colour
from desk.ui.tasks import run_task
from desk.ui.window_fit import remember_splitter

GROUPS = (("approved",), ("scheduled",), ("failed", "uncertain", "missed", "publishing", "partly_published"))
SENDABLE = ("approved", "scheduled", "failed", "missed", "partly_published")  # a thread part-way: the rest


class ApprovedPage(QWidget):
    problems_changed = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self.dialog = None
        self.title = QLabel(self.tr("Approved and scheduled"))
        self.title.setObjectName("page_title")
        self.notice = NoticeLine()
        ctx.notice.connect(lambda text, err: self.notice.show_text(text, err) if self.isVisible() else None)
        self.pause_button = QPushButton()
        self.pause_button.clicked.connect(self.toggle_pause)
        self.list = PostList([self.tr("Post"), self.tr("State"), self.tr("When"), self.tr("First line")],
                             self.tr("Approved, scheduled and problem posts"), step_aside=(1,))  # the groups say it
        self.list.chosen.connect(self.show_post)
        self.empty_hint = EmptyHint(self.list, self.tr(
            "Nothing is ready to publish. Posts come here once a supervisor approves them on the For review page."),
            empty=self._nothing_listed)
        self.detail = PostDetail(ctx)
        self.problem = QLabel()
        self.problem.setObjectName("notice_error")
        self.problem.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setObjectName("warning")
        self.advice.setWordWrap(True)
        self.publish_button = QPushButton(self.tr("Publish now…"))
        self.publish_button.clicked.connect(self.ask_publish)
        self.schedule_button = QPushButton(self.tr("Schedule…"))
        self.schedule_button.clicked.connect(self.ask_schedule)
        self.unschedule_button = QPushButton(self.tr("Unschedule"))
        self.unschedule_button.clicked.connect(self.unschedule)
        self.withdraw_button = QPushButton(self.tr("Withdraw from X…"))
        self.withdraw_button.setToolTip(self.tr("Delete the parts already on X, from the last."))
        self.withdraw_button.clicked.connect(self.ask_withdraw)
        self.check_button = QPushButton(self.tr("Check X now"))
        self.check_button.setToolTip(self.tr("Look for the unconfirmed posts on the account's timeline and settle "
                                             "each: published, or safe to publish again."))
        self.check_button.clicked.connect(self.check_x)
        self.checking = False
        self.sending = PublishProgress()
        self.while_closed = WhileClosed(ctx)  # who publishes the scheduled posts when the window is closed
        self.while_closed.hide()

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch()
        top.addWidget(self.pause_button)
        buttons = QHBoxLayout()
        for button in (self.publish_button, self.schedule_button, self.unschedule_button, self.withdraw_button,
                       self.check_button):
            buttons.addWidget(button)
        buttons.addStretch()
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.detail.add_notes(self.problem, self.advice)
        column.addWidget(self.detail, 1)
        column.addWidget(self.sending)
        column.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([500, 600])
        split.setChildrenCollapsible(False)
        self.split = split
        remember_splitter(split, "approved")  # where the person last left it, on this computer
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)
        layout.addWidget(self.while_closed)
        self.reload()

    def group_titles(self) -> list[str]:
        return [self.tr("Ready to publish"), self.tr("Scheduled"), self.tr("Needs attention")]

    def reload(self) -> None:
        paused = self.ctx.settings()["paused"]
        self.pause_button.setText(self.tr("Resume publishing") if paused else self.tr("Pause all publishing"))
        self.pause_button.setVisible(self.ctx.may("pause"))
        keep = self.list.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        problems = scheduled = 0
        for title, states in zip(self.group_titles(), GROUPS):
            rows = []
            for state in states:
                rows += self.session.log(LogFilter(state=state), limit=None)
            group = QTreeWidgetItem([f"{title} ({len(rows)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addTopLevelItem(group)
            self.list.set_rows([(r["post_id"], self._cells(r)) for r in rows], parent_item=group)
            self._colour_states(group, rows)
            group.setExpanded(True)
            if "failed" in states:
                problems = len(rows)
            if "scheduled" in states:
                scheduled = len(rows)
        self.list.blockSignals(False)
        self.empty_hint.refresh()
        self.while_closed.refresh(scheduled)
        self.problems_changed.emit(problems)
        self._select(keep)

    @staticmethod
    def _colour_states(group, rows) -> None:
        for index, row in enumerate(rows):
            colour = state_colour(row["state"])
            if colour:
                group.child(index).setForeground(1, QColor(colour))

    def _nothing_listed(self) -> bool:
        return all(self.list.topLevelItem(g).childCount() == 0 for g in range(self.list.topLevelItemCount()))

    def _cells(self, row) -> list[str]:
        when = row["scheduled_at"] if row["state"] in ("scheduled", "missed") else row["approved_at"]
        return [f"#{row['post_id']}", words.state_label(row["state"]), words.when(when), first_line(row["text"], 60)]

    def _select(self, post_id) -> None:
        for g in range(self.list.topLevelItemCount()):
            group = self.list.topLevelItem(g)
            for i in range(group.childCount()):
                if group.child(i).data(0, Qt.ItemDataRole.UserRole) == post_id:
                    self.list.setCurrentItem(group.child(i))
                    return
        self.show_post(None)

    def show_post(self, post_id) -> None:
        shown = self.detail.show_post(post_id) if post_id is not None else None
        state = shown["post"].state.value if shown else ""
        may_publish = self.ctx.may("publish")
        partly = state == "partly_published"
        self.publish_button.setText(self.tr("Publish the rest…") if partly else self.tr("Publish now…"))
        self.publish_button.setEnabled(may_publish and state in SENDABLE and not self.sending.busy())
        self.schedule_button.setEnabled(may_publish and state in ("approved", "scheduled", "failed", "missed"))
        self.withdraw_button.setVisible(partly and self.ctx.may("withdraw"))
        self.unschedule_button.setEnabled(may_publish and state in ("scheduled", "missed"))
        self.check_button.setVisible(self.ctx.may("settle") and state == "uncertain")
        self.check_button.setEnabled(not self.checking)
        if shown is None:
            self.detail.clear()
        message = problem_message(shown["history"]) if state in ("failed", "uncertain", "partly_published") else ""
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
        # X's "not now": until when
        said = (waiting_message(shown["history"]) if shown else "") or advice(state, shown["post"] if shown else None)
        self.advice.setText(said)
        self.advice.setVisible(bool(said))

    def current_post(self):
        return self.detail.shown["post"] if self.detail.shown else None

    # publishing ----------------------------------------------------------------
    def ask_publish(self) -> None:
        post = self.current_post()
        if post is None:
            return
        self.publish_button.setEnabled(False)
        # Which account it goes to is asked off the GUI thread (it may need the keyring),
        # and the pictures are decoded there too
        files = [shown_files(self.session, part.media) for part in post.parts]
        run_task(adapters.in_worker(self.session, lambda s: (s.publisher_kind(), [decode(f) for f in files])),
                 lambda found: self._confirm(post, *found), self._failed, owner=self)

    def _confirm(self, post, kind: str, images) -> None:
        self.publish_button.setEnabled(True)
        self.dialog = PublishConfirm(self.ctx, post, [as_pixmaps(part) for part in images], kind, self)
        self.dialog.accepted.connect(lambda: self.publish(post))
        self.dialog.open()

    def publish(self, post) -> None:
        if self.sending.busy():  # one publish at a time from this page: its Cancel is for that one
            return
        self.notice.show_text(self.tr("Publishing post #%1…").replace("%1", str(post.id)))
        self.publish_button.setEnabled(False)
        progress = self.sending.start()
        self.ctx.in_background(lambda s: s.publish(post.id, expected_version=post.version, progress=progress),
                               self._published, self._failed, owner=self)

    def _published(self, post) -> None:
        self.sending.finish()
        if post.training:
            self.notice.show_text(self.tr("Post #%1 is on the training timeline.").replace("%1", str(post.id)))
        else:
            self.notice.show_text(self.tr("Post #%1 is published: %2").replace("%1", str(post.id))
                                  .replace("%2", post.x_url or ""))
        self.reload()

    def _failed(self, error) -> None:
        self.sending.finish()
        self.publish_button.setEnabled(True)
        self.notice.show_text(self.ctx.message(error), True)
        self.reload()

    # a thread stopped part-way ---------------------------------------------------------
    def ask_withdraw(self) -> None:
        post = self.current_post()
        if post is None:
            return
        self.dialog = withdraw_dialog(post, self)
        self.dialog.given.connect(lambda reason: self.withdraw(post, reason))
        self.dialog.open()

    def withdraw(self, post, reason: str) -> None:
        withdraw_in_background(self, post, reason)

    # uncertain posts ----------------------------------------------------------------
    def check_x(self) -> None:
        """Ask X's timeline (off the GUI thread) whether the unconfirmed posts went out."""
        if self.checking:
            return
        self.checking = True
        self.check_button.setEnabled(False)
        self.notice.show_text(self.tr("Looking for the unconfirmed posts on X…"))
        lang = i18n.current()
        self.ctx.in_background(lambda s: s.reconcile(), lambda found: self._checked(found, lang),
                               self._check_failed, owner=self)

    def _checked(self, results, lang: str) -> None:
        self.checking = False
        self.check_button.setEnabled(True)
        lines = [checked(result, lang) for result in results or []]
        if not lines:
            lines = [self.tr("No post is waiting for a check any more: another desk has settled them.")]
        unreachable = any(result.outcome == "unreachable" for result in results or [])
        self.notice.show_text("\n".join(lines), unreachable)
        self.detail.show_latest_event()  # what the check found is the history's last event

    def _check_failed(self, error) -> None:
        self.checking = False
        self.check_button.setEnabled(True)
        self.notice.show_text(self.ctx.message(error), True)

    # schedule ------------------------------------------------------------------
    def ask_schedule(self) -> None:
        post = self.current_post()
        if post is None:
            return
        self.dialog = ScheduleDialog(post.id, post.scheduled_at if post.state.value == "scheduled" else None, self)
        self.dialog.chosen.connect(lambda moment: self.schedule(post, moment))
        self.dialog.open()

    def schedule(self, post, moment) -> None:
        result = self.ctx.act(self.session.schedule, post.id, moment, expected_version=post.version)
        if result is not None:
            self.notice.show_text(self.tr("Post #%1 scheduled for %2.").replace("%1", str(post.id))
                                  .replace("%2", words.when_with_hijri(result.scheduled_at)))

    def unschedule(self) -> None:
        post = self.current_post()
        if post is not None:
            self.ctx.act(self.session.unschedule, post.id, expected_version=post.version,
                         done=self.tr("Post #%1 taken off the schedule.").replace("%1", str(post.id)))

    def toggle_pause(self) -> None:
        if self.ctx.settings()["paused"]:
            self.ctx.act(self.session.resume, done=self.tr("Publishing resumed."))
        else:
            self.ctx.act(self.session.pause, done=self.tr("All publishing is paused."))
