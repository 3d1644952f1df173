"""One part of what is being written: its editor, X's count, its own pictures.

A single post is one part and looks as Compose always did. In a thread each part has a
title ("Part 2 of 5") and what can be done to it: join with the next, move, remove; and
"split the text" whenever the part is over X's limit (a single post too).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog, QFrame, QHBoxLayout, QPushButton, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout,
)

from desk.core.text import overflow_start
from desk.ui.compose.counter import CharCounter
from desk.ui.compose.editor import PostEditor
from desk.ui.compose.images import ImageStrip
from desk.ui.preview import ShortLabel
from desk.ui.style import restyle

MOST = 16777215  # Qt's "no limit" for a widget's size
IMAGES_MOST = 240
THREAD_LINES = (3, 10)  # an editor in a thread grows with its text between these many lines


class PartBox(QFrame):
    changed = Signal()  # its text or its pictures changed
    asked = Signal(str, object)  # "add", "join", "up", "down", "remove" or "split"; this part
    refused = Signal(str)  # a picture not taken, and why
    entered = Signal(object)  # the person is now working in this part

    def __init__(self, media_path, parent=None):
        super().__init__(parent)
        self.thread, self.number, self.of = False, 1, 1
        self.editable = True
        self.title = ShortLabel()  # gives up its width to the buttons in a narrow window
        self.title.setStyleSheet("font-weight: bold;")
        self.join_button = self._tool(self.tr("Join with next"), "join")
        self.up_button = self._tool("▲", "up", self.tr("Move up"))
        self.down_button = self._tool("▼", "down", self.tr("Move down"))
        self.remove_button = self._tool(self.tr("Remove part"), "remove")
        self.editor = PostEditor()
        self.editor.setAccessibleName(self.tr("Text of the post"))
        self.editor.setPlaceholderText(self.tr("Write the post here…"))
        self.editor.textChanged.connect(self._typed)
        self.editor.installEventFilter(self)
        self.editor.images_dropped.connect(self.add_images)
        self.editor.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit_editor())
        self.counter = CharCounter()
        # a single post's way to a thread, beside its count; a thread adds parts below them all
        self.add_part_button = QPushButton(self.tr("Add a part"))
        self.add_part_button.setToolTip(self.tr("Write a thread: posts that go out one after the other, each a "
                                                "reply to the one before, approved together."))
        self.add_part_button.clicked.connect(lambda: self.asked.emit("add", self))
        self.split_button = QPushButton(self.tr("Split the text"))
        self.split_button.setToolTip(self.tr("Cut the text into parts at the ends of its sentences, each within "
                                             "X's limit: the post becomes a thread."))
        self.split_button.clicked.connect(lambda: self.asked.emit("split", self))
        self.split_button.hide()
        self.images = ImageStrip(media_path)
        self.images.changed.connect(self._images_changed)
        self.images.refused.connect(self.refused)
        self.images_box = QScrollArea()
        self.images_box.setWidgetResizable(True)
        self.images_box.setWidget(self.images)
        self.images_box.setFrameShape(QScrollArea.Shape.NoFrame)
        self.images_box.setMaximumHeight(IMAGES_MOST)
        self.add_images_button = QPushButton(self.tr("Add images or video…"))
        self.add_images_button.setToolTip(self.tr("Up to 4 images, or one GIF, or one MP4 video with its SubRip "
                                                  "(.srt) captions, for this part."))
        self.add_images_button.clicked.connect(self.pick_images)
        self.add_images_button.hide()
        self._layout()
        self.set_thread(False, 1, 1)

    def _tool(self, text: str, action: str, name: str = "") -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAutoRaise(True)
        if name:
            button.setToolTip(name)
            button.setAccessibleName(name)
        button.clicked.connect(lambda: self.asked.emit(action, self))
        return button

    def _layout(self) -> None:
        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        self.header.setSpacing(2)
        self.header.addWidget(self.title)
        self.header.addStretch()
        for button in (self.join_button, self.up_button, self.down_button, self.remove_button):
            self.header.addWidget(button)
        counter_row = QHBoxLayout()
        counter_row.setContentsMargins(0, 0, 0, 0)
        counter_row.addWidget(self.counter, 1)
        counter_row.addWidget(self.add_part_button, 0, Qt.AlignmentFlag.AlignTop)
        split_row = QHBoxLayout()
        split_row.setContentsMargins(0, 0, 0, 0)
        split_row.addWidget(self.split_button)
        split_row.addStretch()
        add_row = QHBoxLayout()
        add_row.setContentsMargins(0, 0, 0, 0)
        add_row.addWidget(self.add_images_button)
        add_row.addStretch()
        self.column = QVBoxLayout(self)
        self.column.addLayout(self.header)
        self.column.addWidget(self.editor, 3)
        self.column.addLayout(counter_row)
        self.column.addLayout(split_row)
        self.column.addWidget(self.images_box, 1)
        self.column.addLayout(add_row)

    # how it looks ------------------------------------------------------------------
    def set_thread(self, thread: bool, number: int, count: int) -> None:
        """A part of a thread shows its number and its buttons; a single post none of them."""
        self.thread, self.number, self.of = thread, number, count
        self.setObjectName("part" if thread else "")
        restyle(self)
        self.column.setContentsMargins(*((8, 6, 8, 8) if thread else (0, 0, 0, 0)))
        self.title.setText(self.tr("Part %1 of %2").replace("%1", str(number)).replace("%2", str(count)))
        for widget in (self.title, self.join_button, self.up_button, self.down_button, self.remove_button,
                       self.add_images_button):
            widget.setVisible(thread)
        self.join_button.setVisible(thread and number < count)
        self.add_part_button.setVisible(not thread)
        self.up_button.setEnabled(self.editable and number > 1)
        self.down_button.setEnabled(self.editable and number < count)
        if thread:
            self.editor.setAccessibleName(self.tr("Text of part %1 of %2").replace("%1", str(number))
                                          .replace("%2", str(count)))
            self.join_button.setToolTip(self.tr("Join part %1 with part %2").replace("%1", str(number))
                                        .replace("%2", str(number + 1)))
            self.remove_button.setAccessibleName(self.tr("Remove part %1").replace("%1", str(number)))
        else:
            self.editor.setAccessibleName(self.tr("Text of the post"))
        self.editor.setSizePolicy(QSizePolicy.Policy.Expanding,
                                  QSizePolicy.Policy.Fixed if thread else QSizePolicy.Policy.Expanding)
        self._fit_editor()
        self._fit_images()

    def set_current(self, current: bool) -> None:
        if self.property("current") != current:
            self.setProperty("current", current)
            restyle(self)

    def _fit_editor(self) -> None:
        """In a thread an editor is as tall as its text (within bounds) and the parts scroll;
        a single post's editor takes the room there is, as before."""
        if not self.thread:
            self.editor.setMinimumHeight(0)
            self.editor.setMaximumHeight(MOST)
            return
        line = self.editor.fontMetrics().lineSpacing()
        least, most = (n * line for n in THREAD_LINES)
        height = min(max(int(self.editor.document().size().height()), least), most)
        self.editor.setFixedHeight(height + 2 * self.editor.frameWidth() + 8)

    def _fit_images(self) -> None:
        if not self.thread:
            self.images_box.setMinimumHeight(0)
            self.images_box.setMaximumHeight(IMAGES_MOST)
            self.images_box.show()
            return
        self.images_box.setVisible(bool(self.images.count()))
        self.images_box.setFixedHeight(min(self.images.sizeHint().height(), IMAGES_MOST))

    # what it holds -----------------------------------------------------------------
    def text(self) -> str:
        return self.editor.text()

    def set_limit(self, limit: int) -> None:
        self.counter.set_limit(limit)
        self.count()

    def count(self) -> None:
        """X's count, and the characters past the limit marked in the editor as X marks them."""
        text = self.editor.text()
        self.counter.update_for(text)
        self.editor.mark_overflow(overflow_start(text, self.counter.limit) if self.counter.over else None)
        self.split_button.setVisible(self.counter.over and self.editable)

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.editor.setReadOnly(not editable)
        for card in self.images.cards:
            card.set_read_only(not editable)
        for button in (self.join_button, self.remove_button, self.split_button, self.add_images_button,
                       self.add_part_button):
            button.setEnabled(editable)
        self.up_button.setEnabled(editable and self.number > 1)
        self.down_button.setEnabled(editable and self.number < self.of)
        self.split_button.setVisible(self.counter.over and editable)

    def set_content(self, text: str, media) -> None:
        self.editor.set_text(text)
        self.images.clear()
        for item in media:
            self.images.add_media(item)
        self.count()

    def _typed(self) -> None:
        self.count()
        self.changed.emit()

    def _images_changed(self) -> None:
        if self.thread:
            self._fit_images()
        self.changed.emit()

    def pick_images(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add images or video"), "",
            self.tr("Images, video and captions (*.png *.jpg *.jpeg *.gif *.webp *.mp4 *.srt);;All files (*)"))
        if names:
            self.add_images(names)

    def add_images(self, paths: list[str]) -> None:
        if not self.editor.isReadOnly():
            self.images.add_files(paths)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.FocusIn:
            self.entered.emit(self)
        return super().eventFilter(watched, event)
