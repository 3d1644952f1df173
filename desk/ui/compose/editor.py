"""The post editor: plain text, laid out as X will show it.

The whole post takes the direction of its first strong letter, as X lays it out; while
there is no letter yet (a new post) it takes the window's, so an Arabic writer's caret
starts on the right.

A link, #hashtag or @mention written against that direction would fall apart in the bare
bidi algorithm ("MediaCentre@", "https://@"). The preview puts invisible direction marks
around it (post_text.marks); the editor puts the same marks into its document so both
show the line alike. They are for display only: each carries the MARKED property, text()
leaves them out, copying leaves them out, Backspace and Delete step over them, and they
change with the text inside the person's own undo step. What is stored, counted and sent
is text(), never the document's raw characters.
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

from desk.ui.post_text import LRM, RLM, direction, marks

MARKED = QTextFormat.Property.UserProperty + 11  # a direction mark the editor put in for display
MARK_CHARS = (LRM, RLM)
OVERFLOW = "#fcd4d2"  # X's light red behind what is past the limit
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp4", ".srt")  # what a drop offers; the bytes decide


def _slice_units(text: str, start: int, end: int) -> str:
    """text between two UTF-16 positions."""
    kept, unit = [], 0
    for char in text:
        if start <= unit < end:
            kept.append(char)
        unit += 2 if ord(char) > 0xFFFF else 1
    return "".join(kept)


def image_paths(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile().lower().endswith(IMAGE_SUFFIXES)]


def units(text: str) -> int:
    """Length in UTF-16 code units: how Qt counts positions in a document."""
    return len(text.encode("utf-16-le")) // 2


class PostEditor(QTextEdit):
    images_dropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)  # Tab moves on: a post has no tabs, and keyboard users need a way out
        self.overflow: int | None = None  # where the part past X's limit starts, for the page and tests
        self._marking = False
        self.document().contentsChanged.connect(self._contents_changed)
        self.cursorPositionChanged.connect(self._plain_typing)
        self._follow_text()

    # the text, without the display marks ----------------------------------------
    def text(self) -> str:
        ours = set(self._marks_at())
        plain = self.toPlainText()
        if not ours:
            return plain
        kept, unit = [], 0
        for char in plain:
            if unit not in ours:
                kept.append(char)
            unit += 2 if ord(char) > 0xFFFF else 1
        return "".join(kept)

    def set_text(self, text: str) -> None:
        self.setPlainText(text)
        self.document().clearUndoRedoStacks()  # the marks put in are not a step to undo
        self.moveCursor(QTextCursor.MoveOperation.End)

    def position_of(self, index: int) -> int:
        """The document position of character `index` of text()."""
        unit = units(self.text()[:index])
        return unit + sum(1 for number, mark in enumerate(self._marks_at()) if mark - number < unit)

    def _marks_at(self) -> list[int]:
        """Document positions of the marks the editor put in, in order."""
        found = []
        block = self.document().begin()
        while block.isValid():
            for piece in block:
                fragment = piece.fragment()
                if not fragment.charFormat().boolProperty(MARKED):
                    continue
                unit = fragment.position()
                for char in fragment.text():
                    if char in MARK_CHARS:
                        found.append(unit)
                    unit += 2 if ord(char) > 0xFFFF else 1
            block = block.next()
        return found

    def _clean_position(self, position: int, ours: list[int]) -> int:
        return position - sum(1 for mark in ours if mark < position)

    def _wanted(self, text: str) -> list[tuple[int, str]]:
        """(position in text() units, mark) of every mark the text needs now."""
        way = self._way(text)
        wanted, offset = [], 0
        for line in text.split("\n"):
            for index, mark in marks(line, way):
                wanted.append((offset + units(line[:index]), mark))
            offset += units(line) + 1
        return wanted

    def _way(self, text: str) -> str:
        return direction(text) or ("rtl" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr")

    def _remark(self) -> None:
        """Put the marks where the text needs them now, in the same undo step as the edit."""
        ours = self._marks_at()
        plain = self.toPlainText()
        chars = self._chars_at(plain, ours)
        have = [(mark - number, char) for number, (mark, char) in enumerate(zip(ours, chars))]
        text = self.text()
        wanted = self._wanted(text)
        if have == wanted:
            return
        cursor = self.textCursor()
        anchor, position = (self._clean_position(cursor.anchor(), ours),
                            self._clean_position(cursor.position(), ours))
        self._marking = True
        try:
            edit = QTextCursor(self.document())
            edit.joinPreviousEditBlock()
            for mark in reversed(ours):
                edit.setPosition(mark)
                edit.setPosition(mark + 1, QTextCursor.MoveMode.KeepAnchor)
                edit.removeSelectedText()
            shape = QTextCharFormat()
            shape.setProperty(MARKED, True)
            for unit, char in reversed(wanted):
                edit.setPosition(unit)
                edit.insertText(char, shape)
            edit.endEditBlock()
        finally:
            self._marking = False

        def placed(unit: int) -> int:  # in front of the marks at the same place
            return unit + sum(1 for at, _ in wanted if at < unit)

        cursor.setPosition(placed(anchor))
        cursor.setPosition(placed(position), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    @staticmethod
    def _chars_at(plain: str, positions: list[int]) -> list[str]:
        wanted, found, unit = set(positions), {}, 0
        for char in plain:
            if unit in wanted:
                found[unit] = char
            unit += 2 if ord(char) > 0xFFFF else 1
        return [found.get(position, "") for position in positions]

    def _contents_changed(self) -> None:
        if self._marking:
            return
        # an undo or a redo brings back marks of its own: adding others would cut the redo off
        if self.document().availableRedoSteps() == 0:
            self._remark()
        self._follow_text()

    @contextmanager
    def _one_step(self):
        """The person's edit and the marks it moves, one step for Undo."""
        step = self.textCursor()  # where the person is: Undo puts the caret back there
        step.beginEditBlock()
        try:
            yield
            self._remark()
        finally:
            step.endEditBlock()

    def _plain_typing(self) -> None:
        """What the person types next never takes a mark's format (it would pass for one)."""
        # with a selection, setting the format would change the selected text: only the caret
        if not self.textCursor().hasSelection() and self.currentCharFormat().hasProperty(MARKED):
            self.setCurrentCharFormat(QTextCharFormat())

    def mark_overflow(self, start: int | None) -> None:
        """A light red background on the characters from `start` (an index into text()) on,
        as X marks what is past its limit. Only how it is drawn: the text stays as it is."""
        selections = []
        if start is not None:
            mark = QTextEdit.ExtraSelection()
            mark.format.setBackground(QColor(OVERFLOW))
            mark.cursor = QTextCursor(self.document())
            mark.cursor.setPosition(self.position_of(start))
            mark.cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            selections.append(mark)
        self.overflow = start
        self.setExtraSelections(selections)

    def _follow_text(self) -> None:
        way = self._way(self.text())
        wanted = Qt.LayoutDirection.RightToLeft if way == "rtl" else Qt.LayoutDirection.LeftToRight
        option = self.document().defaultTextOption()
        if option.textDirection() != wanted:
            option.setTextDirection(wanted)
            self.document().setDefaultTextOption(option)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._remark()
            self._follow_text()

    # keys and copies step over the marks ----------------------------------------
    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
            super().keyPressEvent(event)
            return
        if not event.text().isprintable() or not event.text() or self.textCursor().hasSelection():
            with self._one_step():  # a deletion, or typing over a selection: one step with its marks
                self._key(event)
            return
        # plain typing: Qt joins the letters into one step; the marks join each one's own
        self._key(event)

    def inputMethodEvent(self, event) -> None:
        with self._one_step():
            super().inputMethodEvent(event)

    def _key(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and not self.textCursor().hasSelection():
            self._step_over_marks(backward=key == Qt.Key.Key_Backspace)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            # a mark has a caret place of its own: one press should move the caret you see
            for _ in range(4):
                before, where = self.textCursor().position(), self.cursorRect()
                super().keyPressEvent(event)
                moved = self.textCursor().position()
                if moved == before or self.cursorRect() != where or not self._near_mark(moved):
                    return
            return
        super().keyPressEvent(event)

    def _near_mark(self, position: int) -> bool:
        ours = self._marks_at()
        return position in ours or position - 1 in ours

    def _step_over_marks(self, backward: bool) -> None:
        ours = set(self._marks_at())
        cursor = self.textCursor()
        step = -1 if backward else 1
        probe = (lambda p: p - 1) if backward else (lambda p: p)
        while probe(cursor.position()) in ours:
            cursor.setPosition(cursor.position() + step)
        self.setTextCursor(cursor)

    def createMimeDataFromSelection(self) -> QMimeData:
        cursor = self.textCursor()
        ours = self._marks_at()
        start, end = (self._clean_position(cursor.selectionStart(), ours),
                      self._clean_position(cursor.selectionEnd(), ours))
        # Qt's own object (a QMimeData made in Python crashes PySide 6.11 at exit once on the
        # clipboard); reading it once fills it, then the text is replaced and the rest dropped
        data = super().createMimeDataFromSelection()
        data.data("text/plain")
        for kind in list(data.formats()):
            data.removeFormat(kind)
        data.setText(_slice_units(self.text(), start, end))
        return data

    # images dropped or pasted go to the image strip ------------------------------
    def canInsertFromMimeData(self, source) -> bool:
        return bool(image_paths(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source) -> None:
        paths = image_paths(source)
        if paths:
            self.images_dropped.emit(paths)
            return
        if source.hasText():
            with self._one_step():
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
