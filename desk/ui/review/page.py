"""For review: submitted posts (a thread with all its parts), what changed since last
reviewed (part by part for a thread), and the decisions.

Approve is disabled, with the reason beside it, when the rules would refuse it (the
reader wrote or edited the post, or has already approved it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desk.service import LogFilter
from desk.ui import i18n, words
from desk.ui.empty_hint import EmptyHint
from desk.ui.notice import NoticeLine
from desk.ui.post_detail import PostDetail
from desk.ui.post_list import PostList
from desk.ui.post_text import first_line
from desk.ui.reason_dialog import ReasonDialog
from desk.ui.review.diff import text_diff_html
from desk.ui.review.parts_diff import parts_changes_html
from desk.ui.x_caution import XCaution
from desk.ui.window_fit import remember_splitter


class ReviewPage(QWidget):
    count_changed = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self.dialog: ReasonDialog | None = None
        self.title = QLabel(self.tr("For review"))
        self.title.setObjectName("page_title")
        self.notice = NoticeLine()
        ctx.notice.connect(lambda text, err: self.notice.show_text(text, err) if self.isVisible() else None)
        self.list = PostList([self.tr("Author"), self.tr("Submitted"), self.tr("Approvals"), self.tr("First line")],
                             self.tr("Posts waiting for review"), step_aside=(1,))  # the detail says when
        self.list.chosen.connect(self.show_post)
        self.empty = EmptyHint(self.list, self.tr(
            "Nothing waits for your review. Posts that PR officers submit for review come here."))
        self.detail = PostDetail(ctx)
        self.changes_title = QLabel(self.tr("What changed since it was last reviewed"))
        self.changes_title.setStyleSheet("font-weight: bold;")
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        self.changes.setAccessibleName(self.changes_title.text())
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.clicked.connect(self.approve)
        self.return_button = QPushButton(self.tr("Return with a comment…"))
        self.return_button.clicked.connect(self.ask_return)
        self.reject_button = QPushButton(self.tr("Reject with a reason…"))
        self.reject_button.clicked.connect(self.ask_reject)
        self.x_caution = XCaution()  # what X may refuse although the desk approves it
        self.why_not = QLabel()
        self.why_not.setObjectName("disabled_reason")
        self.why_not.setWordWrap(True)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch()
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        self.detail.add_notes(self.changes_title, self.changes, self.x_caution)
        right_column.addWidget(self.detail, 3)
        right_column.addWidget(self.why_not)
        right_column.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([480, 620])
        split.setChildrenCollapsible(False)
        self.split = split
        remember_splitter(split, "review")  # where the person last left it, on this computer
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)
        self.reload()

    def reload(self) -> None:
        rows = self.session.log(LogFilter(state="in_review"), limit=None)
        names = self.ctx.staff_names()
        needed = self.ctx.settings()["approvals_needed"]
        self.list.set_rows([
            (row["post_id"], [names.get(row["author"], row["author"]), words.when(row["submitted_at"]),
                              self._approvals(row["post_id"], needed), first_line(row["text"], 70)])
            for row in rows
        ])
        self.list.setColumnHidden(2, needed < 2)  # approvals: only when two are needed
        self.empty.refresh()
        self.count_changed.emit(len(rows))
        self.show_post(self.list.current_id())

    def _approvals(self, post_id: int, needed: int) -> str:
        if needed < 2:
            return ""
        history = self.session.show(post_id)["history"]
        given = 0
        for event in history:
            if event["action"] == "submit":
                given = 0
            elif event["action"] == "approve":
                given = (event.get("detail") or {}).get("approvals", given + 1)
        return f"{given} / {needed}"

    def show_post(self, post_id) -> None:
        shown = self.detail.show_post(post_id) if post_id is not None else None
        for button in (self.approve_button, self.return_button, self.reject_button):
            button.setEnabled(shown is not None)
        if shown is None:
            self.detail.clear()
            self.changes.setText("")
            self.why_not.setText("")
            self.x_caution.show_for("", None)
            return
        post = shown["post"]
        refusal = self.session.why_not_approve(post.id)
        self.approve_button.setEnabled(refusal is None)
        self.why_not.setText(refusal.message(i18n.current()) if refusal else "")
        self.approve_button.setToolTip(self.why_not.text())
        own = post.author == self.session.username
        self.return_button.setEnabled(not own)
        self.reject_button.setEnabled(not own)
        self.changes.setText(self._changes(post))
        self.x_caution.show_for(post.text, post.reply_to)

    def _changes(self, post) -> str:
        # The store keeps the content of every review decision: each desk sees the same.
        before = self.session.last_reviewed(post.id)
        if before is None:
            reviewed = any(e["action"] in ("approve", "return", "reject") for e in self.detail.shown["history"])
            if reviewed:  # reviewed before the desk kept versions
                return self.tr("The version reviewed last is not kept, so the changes cannot be shown.")
            return self.tr("This is the first review of this post.")
        if before["content_hash"] == post.content_hash:
            return self.tr("Nothing changed since it was last reviewed.")
        fallback = "rtl" if i18n.current() == "ar" else "ltr"
        if before.get("more") or post.more:  # a thread now or then: part by part
            from desk.core.content import Part

            earlier = [Part(before["text"], tuple(before["media"]))] + list(before.get("more") or ())
            parts = parts_changes_html(earlier, list(post.parts), fallback)
            if (before["reply_to"] or None) != (post.reply_to or None):
                parts.append(self._reply_change(before["reply_to"], post.reply_to))
            return "<br>".join(parts)
        parts = [text_diff_html(before["text"], post.text, fallback)] if before["text"] != post.text else []
        if [m.sha256 for m in before["media"]] != [m.sha256 for m in post.media]:
            parts.append(self.tr("The images changed."))
        elif [m.alt for m in before["media"]] != [m.alt for m in post.media]:
            parts.append(self.tr("The image descriptions changed."))
        if (before["reply_to"] or None) != (post.reply_to or None):
            parts.append(self._reply_change(before["reply_to"], post.reply_to))
        return "<br>".join(parts)

    def _reply_change(self, old, new) -> str:
        if not new:
            return self.tr("It is no longer a reply.")
        if not old:
            return self.tr("It is now a reply to post %1 on X.").replace("%1", new)
        return self.tr("It now replies to post %1 on X instead of %2.").replace("%1", new).replace("%2", old)

    # decisions ------------------------------------------------------------------
    def _decided(self, result, done: str) -> None:
        if result is not None:
            self.notice.show_text(done)
            self.reload()

    def approve(self) -> None:
        post = self.detail.shown["post"]
        result = self.ctx.act(self.session.approve, post.id, expected_version=post.version)
        self._decided(result, self.tr("Post #%1 approved.").replace("%1", str(post.id)))

    def ask_return(self) -> None:
        self.dialog = ReasonDialog(self.tr("Return to the author"), self.tr("What should the author change?"),
                                   self.tr("Return"), self)
        self.dialog.given.connect(self.return_with)
        self.dialog.open()

    def return_with(self, comment: str) -> None:
        post = self.detail.shown["post"]
        result = self.ctx.act(self.session.return_, post.id, comment, expected_version=post.version)
        self._decided(result, self.tr("Post #%1 returned to its author.").replace("%1", str(post.id)))

    def ask_reject(self) -> None:
        self.dialog = ReasonDialog(self.tr("Reject the post"), self.tr("Why is the post rejected?"),
                                   self.tr("Reject"), self)
        self.dialog.given.connect(self.reject_with)
        self.dialog.open()

    def reject_with(self, reason: str) -> None:
        post = self.detail.shown["post"]
        result = self.ctx.act(self.session.reject, post.id, reason, expected_version=post.version)
        self._decided(result, self.tr("Post #%1 rejected.").replace("%1", str(post.id)))
