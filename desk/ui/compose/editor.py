"""The post editor: plain text, each paragraph laid out in the direction of its own text.

The document's default direction is automatic (first strong letter). While the text has
no letter at all (a new post), it takes the window's direction, so an Arabic writer's
caret starts on the right. Only the document's option changes, never the text's own
formats: the undo history stays the person's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTextEdit

from desk.ui.post_text import direction

OVERFLOW = "#fcd4d2"  # X's light red behind what is past the limit
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp4", ".srt")  # what a drop offers; the bytes decide


def image_paths(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile().lower().endswith(IMAGE_SUFFIXES)]


class PostEditor(QTextEdit):
    images_dropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.overflow: int | None = None  # where the part past X's limit starts, for the page and tests
        self.setTabChangesFocus(True)  # Tab moves on: a post has no tabs, and keyboard users need a way out
        self.document().contentsChanged.connect(self._follow_text)
        self._follow_text()

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.End)

    def mark_overflow(self, start: int | None) -> None:
        """A light red background on the characters from `start` (an index into text()) on,
        as X marks what is past its limit. Only how it is drawn: the text stays as it is."""
        marks = []
        if start is not None:
            mark = QTextEdit.ExtraSelection()
            mark.format.setBackground(QColor(OVERFLOW))
            mark.cursor = QTextCursor(self.document())
            mark.cursor.setPosition(self.position_of(start))
            mark.cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            marks.append(mark)
        self.overflow = start
        self.setExtraSelections(marks)

    def position_of(self, index: int) -> int:
        """The document position of a character of text(): Qt counts UTF-16 units."""
        return len(self.text()[:index].encode("utf-16-le")) // 2

    def _follow_text(self) -> None:
        wanted = Qt.LayoutDirection.LayoutDirectionAuto if direction(self.toPlainText()) else self.layoutDirection()
        option = self.document().defaultTextOption()
        if option.textDirection() != wanted:
            option.setTextDirection(wanted)
            self.document().setDefaultTextOption(option)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._follow_text()

    # images dropped or pasted go to the image strip ------------------------------
    def canInsertFromMimeData(self, source) -> bool:
        return bool(image_paths(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source) -> None:
        paths = image_paths(source)
        if paths:
            self.images_dropped.emit(paths)
            return
        if source.hasText():
            self.insertPlainText(source.text())

    def dragEnterEvent(self, event) -> None:
        if image_paths(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if image_paths(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        paths = image_paths(event.mimeData())
        if paths:
            self.images_dropped.emit(paths)
            event.acceptProposedAction()
            return
        super().dropEvent(event)
