"""One post in full: the preview as X shows it, its facts, and its whole history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from desk.ui import words
from desk.ui.history_view import HistoryView
from desk.ui.media_look import caption_line, post_pixmaps
from desk.ui.preview import PostPreview


class PostDetail(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.shown: dict | None = None
        self.preview = PostPreview()
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = HistoryView()
        history_title = QLabel(self.tr("History"))
        history_title.setStyleSheet("font-weight: bold;")
        top = QWidget()
        top_column = QVBoxLayout(top)
        top_column.setContentsMargins(0, 0, 0, 0)
        top_column.addWidget(self.preview)
        top_column.addWidget(self.facts)
        bottom = QWidget()
        bottom_column = QVBoxLayout(bottom)
        bottom_column.setContentsMargins(0, 0, 0, 0)
        bottom_column.addWidget(history_title)
        bottom_column.addWidget(self.history)
        # the post scrolls when the screen is short, so the history keeps its few rows
        top_scroll = QScrollArea()
        top_scroll.setWidget(top)
        top_scroll.setWidgetResizable(True)
        top_scroll.setFrameShape(QFrame.Shape.NoFrame)
        top_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        split = self.split = QSplitter(Qt.Orientation.Vertical)
        self.top = top
        split.setChildrenCollapsible(False)
        split.addWidget(top_scroll)
        split.addWidget(bottom)
        split.setStretchFactor(0, 0)  # the post as tall as it needs; the history takes the rest
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.clear()

    def clear(self) -> None:
        self.shown = None
        self.preview.clear()
        self.preview.hide()
        self.facts.setText(self.tr("Choose a post to see it here."))
        self.history.clear()

    def show_post(self, post_id: int) -> dict | None:
        """Read and show one post; None (and cleared) when it cannot be read."""
        ctx = self.ctx
        try:
            shown = ctx.session.show(post_id)
        except Exception as error:  # gone since the list was read
            self.clear()
            self.facts.setText(ctx.message(error))
            return None
        self.shown = shown
        post, row = shown["post"], shown["row"] or {}
        names, genders = ctx.staff_names(), ctx.staff_genders()
        pixmaps = post_pixmaps(ctx.session, post.media)
        self.preview.set_account(ctx.institution_name(), ctx.handle(), ctx.desk.logo_path())
        self.preview.set_post(post.text, pixmaps, bool(post.training), post.reply_to,
                              at=row.get("published_at") or post.scheduled_at)
        self.preview.show()
        author = words.agreeing(genders.get(post.author, ""), self.tr("Written by %1"),
                                self.tr("Written by %1", "female"))
        people = [author.replace("%1", names.get(post.author, post.author))]
        if row.get("approver"):
            approvers = row["approver"].split("; ")
            # a verb before its subjects agrees with the first of them
            approved = words.agreeing(genders.get(approvers[0], ""), self.tr("Approved by %1"),
                                      self.tr("Approved by %1", "female"))
            people.append(approved.replace("%1", words.joined(names.get(u, u) for u in approvers)))
        # who wrote and who approved on one line: the history below gets the room
        lines = [self.tr("Post #%1 · %2").replace("%1", str(post.id)).replace("%2", words.state_label(post.state)),
                 " · ".join(people)]
        if post.scheduled_at and post.state.value in ("scheduled", "missed"):
            lines.append(self.tr("Scheduled for %1").replace("%1", words.when_with_hijri(post.scheduled_at)))
        if row.get("published_at"):
            lines.append(self.tr("Published %1").replace("%1", words.when(row["published_at"])))
        if post.media:
            missing = sum(1 for m in post.media if not m.alt and m.ext not in ("mp4", "srt"))
            if missing:
                lines.append(self.tr("Images without a description: %1.").replace("%1", str(missing)))
            if any(m.ext == "mp4" and not m.alt for m in post.media):
                lines.append(self.tr("The video has no description."))
            lines += [caption_line(m) for m in post.media if m.ext == "srt"]
        self.facts.setText("\n".join(lines))
        self.history.set_history(shown["history"], names, genders)
        self._fit()
        return shown

    def _fit(self) -> None:
        """The post as tall as it needs, as far as the history's few rows leave room."""
        total = sum(self.split.sizes())
        if total <= 0:
            return  # not laid out yet: the splitter starts from the size hints
        wanted = self.top.sizeHint().height()
        self.split.setSizes([wanted, max(total - wanted, 1)])  # the splitter keeps the history's minimum
