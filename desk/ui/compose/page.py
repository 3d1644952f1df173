"""Compose: write a post (or a thread of posts), see it as X will show it, save it,
submit it for review."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget,
)

from desk.core.states import State
from desk.ui import words
from desk.ui.compose.autosave import Autosave
from desk.ui.compose.drafts_list import DraftsList
from desk.ui.compose.editor import image_paths
from desk.ui.compose.parts import PartsColumn
from desk.ui.compose.reply_field import ReplyField
from desk.ui.compose.thread_row import ThreadRow
from desk.ui.history_view import last_note
from desk.ui.notice import NoticeLine
from desk.ui.preview import PostPreview
from desk.ui.thread_preview import ThreadPreview

AUTOSAVE_MS = 4000


class ComposePage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self.autosave = Autosave(ctx.desk.folder, self.session.username)
        self.post_id: int | None = None
        self.version: int | None = None
        self.state = State.DRAFT
        self.saving = False  # a save, submit or take-back runs off the GUI thread
        self.was_thread = False  # the post opened was a thread: saving changes all its parts
        self.setAcceptDrops(True)

        self.title = QLabel(self.tr("Compose"))
        self.title.setObjectName("page_title")
        self.notice = NoticeLine()
        ctx.notice.connect(lambda text, err: self.notice.show_text(text, err) if self.isVisible() else None)
        self.returned = QLabel()
        self.returned.setObjectName("warning")
        self.returned.setWordWrap(True)
        self.returned.hide()
        self.parts = PartsColumn(self.session.media_path)
        self.parts.changed.connect(self._text_changed)
        self.parts.reshaped.connect(self._reshaped)
        self.parts.refused.connect(lambda text: self.notice.show_text(text, True))
        self.reply = ReplyField()
        self.reply.changed.connect(self._schedule_preview)
        self.thread_row = ThreadRow()
        self.thread_row.number_button.clicked.connect(self.number_parts)
        self.thread_row.add_part_button.clicked.connect(self.add_part)
        self.add_button = QPushButton(self.tr("Add images or video…"))
        self.add_button.setToolTip(self.tr("Or drag files onto this page. Up to 4 images, or one GIF, or one MP4 video "
                                           "with its SubRip (.srt) captions."))
        self.add_button.clicked.connect(self.pick_images)
        self.new_button = QPushButton(self.tr("New draft"))
        self.new_button.clicked.connect(self.new_draft)
        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.save_button.clicked.connect(lambda: self.save())  # not clicked(checked) as "then"
        self.submit_button = QPushButton(self.tr("Submit for review"))
        self.submit_button.setToolTip(self.tr("Ctrl+Enter"))
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.submit_reason = QLabel()  # why Submit is greyed, beside it
        self.submit_reason.setObjectName("disabled_reason")
        self.submit_reason.setWordWrap(True)
        self.submit_reason.setAlignment(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        self.submit_reason.hide()
        self.recall_button = QPushButton(self.tr("Take back from review"))
        self.recall_button.clicked.connect(self.recall)
        self.drafts = DraftsList()
        self.drafts.opened.connect(self.open_post)
        self.preview = PostPreview()  # the post, or a thread's first part
        self.thread_preview = ThreadPreview(self.preview)
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(self.update_preview)
        self._autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.flush_autosave)
        self._autosave_timer.start()
        self._layout()
        self._shortcuts()
        self._saved_snapshot = self._autosaved_snapshot = self.snapshot()
        self.reload()

    # the first part: a single post's editor, counter and pictures --------------------------
    @property
    def editor(self):
        return self.parts.boxes[0].editor

    @property
    def counter(self):
        return self.parts.boxes[0].counter

    @property
    def images(self):
        return self.parts.boxes[0].images

    @property
    def add_part_button(self):
        """A single post's, beside its count; a thread's, under its parts."""
        return self.thread_row.add_part_button if self.parts.is_thread() else self.parts.boxes[0].add_part_button

    def _layout(self) -> None:
        drafts_panel = QWidget()
        drafts_column = QVBoxLayout(drafts_panel)
        drafts_column.setContentsMargins(0, 0, 0, 0)
        drafts_title = QLabel(self.tr("My drafts"))
        drafts_title.setStyleSheet("font-weight: bold;")
        drafts_column.addWidget(drafts_title)
        drafts_column.addWidget(self.drafts, 1)
        drafts_column.addWidget(self.new_button)

        # a thread's parts scroll; a single post's one part takes the room, as it always did
        self.parts_box = QScrollArea()
        self.parts_box.setWidgetResizable(True)
        self.parts_box.setWidget(self.parts)
        self.parts_box.setFrameShape(QScrollArea.Shape.NoFrame)
        self.parts_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch()
        buttons.addWidget(self.recall_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.submit_button)
        writing = QWidget()
        column = QVBoxLayout(writing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.returned)
        column.addWidget(self.reply)
        column.addWidget(self.parts_box, 1)
        column.addWidget(self.thread_row)
        # on its own line, on the Submit button's side: a narrow window does not squeeze it
        column.addWidget(self.submit_reason)
        column.addLayout(buttons)

        preview_panel = QWidget()
        preview_column = QVBoxLayout(preview_panel)
        preview_column.setContentsMargins(0, 0, 0, 0)
        preview_title = QLabel(self.tr("As it will appear on X"))
        preview_title.setStyleSheet("font-weight: bold;")
        preview_column.addWidget(preview_title)
        # a long post with pictures is taller than a small screen: the preview scrolls
        preview_box = QScrollArea()
        preview_box.setWidgetResizable(True)
        preview_box.setFrameShape(QScrollArea.Shape.NoFrame)
        preview_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        preview_box.setMinimumWidth(250)  # about the narrowest X shows a post (a small phone)
        preview_inner = QWidget()
        preview_inner_column = QVBoxLayout(preview_inner)
        preview_inner_column.setContentsMargins(0, 0, 0, 0)
        preview_inner_column.addWidget(self.thread_preview)
        preview_inner_column.addStretch()
        preview_box.setWidget(preview_inner)
        preview_column.addWidget(preview_box, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(drafts_panel)
        split.addWidget(writing)
        split.addWidget(preview_panel)  # its box scrolls up and down; it never needs more width
        split.setStretchFactor(0, 1)  # a narrow screen takes from the drafts too, not only from the writing
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setSizes([220, 520, 420])
        page = QVBoxLayout(self)
        page.addWidget(self.title)
        page.addWidget(self.notice)
        page.addWidget(split, 1)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save, context=context)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit, context=context)

    # what is on the page -----------------------------------------------------------
    def snapshot(self) -> tuple[list, str]:
        return self.parts.states(), self.reply.text()

    def dirty(self) -> bool:
        return self.snapshot() != self._saved_snapshot

    def reload(self) -> None:
        """Settings, account and the drafts list may have changed elsewhere."""
        self.parts.set_limit(self.ctx.settings()["char_limit"])
        self.thread_preview.set_account(self.ctx.institution_name(), self.ctx.handle(), self.ctx.desk.logo_path())
        self.drafts.reload(self.session)
        self.update_preview()

    def _text_changed(self) -> None:
        self._update_buttons()
        self._schedule_preview()

    def _reshaped(self) -> None:
        """Parts added, removed or moved: a thread has its own row and buttons per part."""
        thread = self.parts.is_thread()
        self.thread_row.setVisible(thread)
        self.add_button.setVisible(not thread)  # in a thread each part adds its own
        current = self.parts.current
        if thread and current is not None:
            # its header (number and buttons) first: a part taller than a small screen's room
            # would otherwise be centred, its header scrolled out of sight
            QTimer.singleShot(0, self, lambda: self._show_part(current))

    def _show_part(self, box) -> None:
        if box in self.parts.boxes:
            self.parts.layout().activate()  # the parts where they now are, not where they were
            self.parts_box.ensureWidgetVisible(box)
            if box.height() > self.parts_box.viewport().height():
                self.parts_box.verticalScrollBar().setValue(box.y())

    def _schedule_preview(self) -> None:
        self._preview_timer.start()

    def update_preview(self) -> None:
        for box in self.parts.boxes:
            box.count()
        reply_to, handle = self.reply.target() or ("", "")
        self.thread_preview.set_thread([(box.text(), box.images.pixmaps()) for box in self.parts.boxes],
                                       self.ctx.training(), reply_to, handle)
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = (self.state in (State.DRAFT,) or self.post_id is None) and not self.saving
        self.parts.set_editable(editable)
        self.reply.setReadOnly(not editable)
        for widget in (self.save_button, self.add_button, self.submit_button, self.thread_row.add_part_button,
                       self.thread_row.number_button):
            widget.setEnabled(editable)
        reason = self._why_not_submit() if editable else ""
        if reason:
            self.submit_button.setEnabled(False)
            self.submit_reason.setText(reason)
        self.submit_button.setToolTip(reason or self.tr("Ctrl+Enter"))
        self.submit_reason.setVisible(bool(reason))
        self.recall_button.setVisible(self.state == State.IN_REVIEW and self.post_id is not None)
        self.recall_button.setEnabled(not self.saving)
        self.drafts.setEnabled(not self.saving)
        self.new_button.setEnabled(not self.saving)

    def _why_not_submit(self) -> str:
        """Why the post (or a part of the thread) cannot be submitted as it is, or ""."""
        found = self.parts.problem()
        if found is None:
            return ""
        number, problem = found
        counter = self.parts.boxes[number - 1].counter
        if not self.parts.is_thread():
            return self.tr("%n over X's limit: shorten the post to submit it.", "", counter.length - counter.limit)
        if problem == "empty":
            return self.tr("Part %1 is empty: write it, or remove it, to submit the thread.").replace(
                "%1", str(number))
        return self.tr("Part %1 is over the limit by %n: shorten it or split it to submit the thread.", "",
                       counter.length - counter.limit).replace("%1", str(number))

    def _set_saving(self, saving: bool) -> None:
        """While the store works: what is shown stays as it is, so nothing typed is lost."""
        self.saving = saving
        self._update_buttons()

    # opening ------------------------------------------------------------------------
    def new_draft(self) -> None:
        self._show_post(None, None, State.DRAFT, [("", [])], "")
        self.returned.hide()
        self.drafts.clearSelection()
        self.editor.setFocus()

    def open_post(self, post_id: int) -> None:
        if self.dirty() and post_id != self.post_id:
            self.flush_autosave()
        shown = self.session.show(post_id)
        post = shown["post"]
        self._show_post(post.id, post.version, post.state, [(part.text, list(part.media)) for part in post.parts],
                        post.reply_to)
        event, note = last_note(shown["history"], "return", "submit", "create", "edit")
        if event and event["action"] == "return" and post.state == State.DRAFT:
            names, genders = self.ctx.staff_people()
            name = words.actor_name(event["actor"], names)
            returned = words.agreeing(genders.get(event["actor"] or "", ""),
                                      self.tr("Returned by %1: %2"), self.tr("Returned by %1: %2", "female"))
            self.returned.setText(returned.replace("%1", name).replace("%2", note))
            self.returned.show()
        else:
            self.returned.hide()

    def _show_post(self, post_id, version, state, parts, reply_to) -> None:
        """``parts``: (text, media) of each part, in order (one for a single post)."""
        self.post_id, self.version, self.state = post_id, version, State(state)
        self.was_thread = len(parts) > 1
        self.parts.set_parts(parts)
        self.reply.set_text(reply_to)
        self._saved_snapshot = self._autosaved_snapshot = self.snapshot()
        self.update_preview()

    # images -------------------------------------------------------------------------
    def _part_written(self):
        """The part being written (a single post's only part)."""
        return self.parts.current or self.parts.boxes[0]

    def pick_images(self) -> None:
        self._part_written().pick_images()

    def add_images(self, paths: list[str]) -> None:
        self._part_written().add_images(paths)

    def dragEnterEvent(self, event) -> None:
        if image_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = image_paths(event.mimeData())
        if paths:
            self.add_images(paths)
            event.acceptProposedAction()

    # a thread's parts -------------------------------------------------------------------
    def add_part(self) -> None:
        """A part after the one being written: a single post becomes a thread of two."""
        self.parts.add_part()

    def number_parts(self) -> None:
        self.parts.number(self.thread_row.digits())

    # acting -------------------------------------------------------------------------
    # Saving decodes the pictures, writes their files and waits for the database's write
    # lock: it runs off the GUI thread. Meanwhile the page is read-only (typing waits), so
    # what is saved is exactly what is shown, and the autosave file stays until it is.
    def save(self, then=None) -> bool:
        """Start saving the draft; ``then()`` follows once it is saved. False when it cannot start."""
        if self.saving or self.editor.isReadOnly():
            return False
        if self.post_id is not None and not self.dirty():
            if then is not None:
                then()
            return True
        parts = list(zip(self.parts.texts(), self.parts.images()))
        reply_to = self.reply.post_id()
        if reply_to is None:
            self.notice.show_text(self.reply.problem.text(), True)
            self.reply.field.setFocus()
            return False
        post_id, version, snapshot = self.post_id, self.version, self.snapshot()
        thread = len(parts) > 1 or self.was_thread  # a thread joined back into one part is saved whole
        (text, images) = parts[0]
        self.flush_autosave()  # on disk until the store has it
        if post_id is None:
            def work(session):
                if thread:
                    return session.draft_parts(parts, reply_to or None)
                return session.draft(text, images, reply_to or None)
        else:
            def work(session):
                # "" (not None) when the reply was removed: None would keep the old one
                if thread:
                    session.edit_parts(post_id, parts, reply_to, expected_version=version)
                else:
                    session.edit(post_id, text, images, reply_to, expected_version=version)
                return post_id

        def saved(saved_id):
            self._set_saving(False)
            if self.snapshot() == snapshot:
                self.autosave.clear()
                self._autosaved_snapshot = snapshot
            self.open_post(saved_id)  # the images are now the post's own stored files
            self.notice.show_text(self.tr("Draft #%1 saved.").replace("%1", str(saved_id)))
            if then is not None:
                then()

        self._set_saving(True)
        self.ctx.in_background(work, saved, self._failed, owner=self)
        return True

    def _failed(self, error) -> None:
        self._set_saving(False)
        self.notice.show_text(self.ctx.message(error), True)

    def submit(self) -> None:
        if self.saving or self.editor.isReadOnly():
            return
        reason = self._why_not_submit()
        if reason:  # Ctrl+Enter on a post the greyed button would not send
            self.notice.show_text(reason, True)
            return

        def send():
            post_id, version = self.post_id, self.version

            def sent(_result):
                self._set_saving(False)
                self.new_draft()
                self.notice.show_text(self.tr("Post #%1 submitted for review.").replace("%1", str(post_id)))

            self._set_saving(True)
            self.ctx.in_background(lambda s: s.submit(post_id, expected_version=version), sent, self._failed,
                                   owner=self)

        self.save(then=send)

    def recall(self) -> None:
        if self.post_id is None or self.saving:
            return
        post_id, version = self.post_id, self.version

        def recalled(_result):
            self._set_saving(False)
            self.open_post(post_id)

        self._set_saving(True)
        self.ctx.in_background(lambda s: s.recall(post_id, expected_version=version), recalled, self._failed,
                               owner=self)

    # autosave -----------------------------------------------------------------------
    def flush_autosave(self) -> None:
        snapshot = self.snapshot()
        if snapshot == self._autosaved_snapshot:
            return
        if self.dirty() and not self.editor.isReadOnly():
            (text, images), *more = snapshot[0]
            self.autosave.save({"post_id": self.post_id, "version": self.version, "text": text, "images": images,
                                "more": [{"text": t, "images": i} for t, i in more], "reply_to": snapshot[1]})
        else:
            self.autosave.clear()
        self._autosaved_snapshot = snapshot

    def restore_autosave(self) -> bool:
        kept = self.autosave.load()
        if not kept:
            return False
        if kept.get("post_id"):
            try:
                self.open_post(int(kept["post_id"]))
            except Exception:  # the post is gone or no longer ours: keep the text as a new draft
                self.new_draft()
        if self.editor.isReadOnly():
            self.new_draft()
        more = [(part.get("text", ""), part.get("images", [])) for part in kept.get("more") or []]
        self.parts.restore([(kept.get("text", ""), kept.get("images", []))] + more)
        self.reply.set_text(kept.get("reply_to", ""))
        self._autosaved_snapshot = self.snapshot()
        self.update_preview()
        at = words.when(kept.get("saved_at"))
        self.notice.show_text(self.tr("Restored what you were typing (kept at %1). Save it to keep it.").replace("%1", at))
        return True
