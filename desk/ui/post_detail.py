"""One post in full: the preview as X shows it (a thread's parts one under the other),
its facts, and its whole history."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desk.ui import words
from desk.ui.history_view import HistoryView
from desk.ui.media_look import as_pixmaps, caption_line, decode, shown_files
from desk.ui.tasks import run_task
from desk.ui.preview import PostPreview
from desk.ui.thread_preview import ThreadPreview


MOST_WIDTH = 420  # the detail never claims more than this from the list beside it


class PostDetail(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.shown: dict | None = None
        self.preview = PostPreview()  # the post, or a thread's first part
        self.thread = ThreadPreview(self.preview)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = HistoryView()
        history_title = QLabel(self.tr("History"))
        history_title.setStyleSheet("font-weight: bold;")
        # the post, its facts and every event of its history in one column that scrolls
        # as a whole: on a short screen nothing is cut in half, and no event is hidden
        body = self.body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.thread)
        column.addWidget(self.facts)
        self.notes_at = column.count()  # a page's own lines about the post go here (add_notes)
        column.addSpacing(6)
        column.addWidget(history_title)
        column.addWidget(self.history)
        column.addStretch()
        self.scroll = QScrollArea()
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # never cut off
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.clear()

    def add_notes(self, *widgets) -> None:
        """A page's words about the post (a problem, what changed), under its facts and
        above its history: they scroll with the post instead of squeezing it."""
        column = self.body.layout()
        for widget in widgets:
            column.insertWidget(self.notes_at, widget)
            self.notes_at += 1

    def show_latest_event(self) -> None:
        """Scroll to the history's newest event (what a check just added), once laid out."""
        def scroll() -> None:
            self.body.layout().activate()
            bottom = self.history.geometry().bottom()
            self.scroll.ensureVisible(0, bottom, 0, 8)

        QTimer.singleShot(0, self, scroll)

    def _decode_images(self, shown: dict) -> None:
        """The post's pictures are decoded off the GUI thread (a large photo takes a while)
        and shown when ready, if the post is still the one shown."""
        self.images_ready = False
        files = [shown_files(self.ctx.session, part.media) for part in shown["post"].parts]
        if not any(files):
            self.images_ready = True
            return

        def decoded(images) -> None:
            if self.shown is not shown:
                return  # another post was chosen meanwhile
            for index, pictures in enumerate(images):
                if pictures:
                    self.thread.set_pictures(index, as_pixmaps(pictures))
            self.images_ready = True

        run_task(lambda: [decode(part) for part in files], decoded, owner=self)

    @staticmethod
    def _at(shown: dict) -> str | None:
        """When the post went out (or is to), for the preview's time line."""
        return (shown["row"] or {}).get("published_at") or shown["post"].scheduled_at

    def clear(self) -> None:
        self.shown = None
        self.images_ready = True
        self.thread.clear()
        self.thread.hide()
        self.facts.setText(self.tr("Choose a post to see it here."))
        self.history.clear()

    def _thread_line(self, post) -> str:
        """How many parts, and how many of them are on X while it is not all out."""
        line = self.tr("A thread of %n parts", "", len(post.parts))
        out = len(post.part_ids)
        if out and post.state.value in ("partly_published", "publishing", "uncertain"):
            line += " · " + self.tr("parts on X: %1 of %2").replace("%1", str(out)).replace("%2", str(len(post.parts)))
        return line

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
        names, genders = ctx.staff_people()
        self.thread.set_account(ctx.institution_name(), ctx.handle(), ctx.desk.logo_path())
        self.thread.set_thread([(part.text, []) for part in post.parts], bool(post.training), post.reply_to,
                               at=self._at(shown))
        self.thread.show()
        self._decode_images(shown)
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
        if post.is_thread:
            lines.append(self._thread_line(post))
        media = [m for part in post.parts for m in part.media]
        if media:
            missing = sum(1 for m in media if not m.alt and m.ext not in ("mp4", "srt"))
            if missing:
                lines.append(self.tr("Images without a description: %1.").replace("%1", str(missing)))
            if any(m.ext == "mp4" and not m.alt for m in media):
                lines.append(self.tr("The video has no description."))
            lines += [caption_line(m) for m in media if m.ext == "srt"]
        self.facts.setText("\n".join(lines))
        self.history.set_history(shown["history"], names, genders)
        # as wide as the post's card needs, so a splitter beside it cannot cut it off
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(min(self.body.minimumSizeHint().width() + bar, MOST_WIDTH))
        return shown
