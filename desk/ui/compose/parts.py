"""The parts of what is being written, one under the other: one for a single post, two
or more for a thread. Adding, splitting at sentence ends, joining, moving, removing and
numbering them happen here; the words are cut and joined by desk.core.thread_text.

A thread that was numbered stays numbered: after a part is added, split, joined, moved
or removed the numbers are written again, and a thread that becomes a single post loses
its "1/1".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from desk.core.content import MAX_PARTS
from desk.core.errors import DeskError, InvalidInput
from desk.core.media import check_set
from desk.ui import i18n
from desk.ui.compose.part_box import PartBox


class PartsColumn(QWidget):
    changed = Signal()  # a part's text or pictures, or the parts themselves
    refused = Signal(str)  # what could not be done, and why, in the person's words
    reshaped = Signal()  # parts added, removed or moved: the page's buttons follow

    def __init__(self, media_path, parent=None):
        super().__init__(parent)
        self.media_path = media_path
        self.limit = 280
        self.boxes: list[PartBox] = []
        self.current: PartBox | None = None
        self.editable = True
        self.dialog: QMessageBox | None = None
        self.digits = "latin"  # the digits the thread was last numbered with
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.set_parts([("", [])])

    # reading -------------------------------------------------------------------------
    def is_thread(self) -> bool:
        return len(self.boxes) > 1

    def texts(self) -> list[str]:
        return [box.text() for box in self.boxes]

    def images(self) -> list[list[tuple]]:
        return [box.images.images() for box in self.boxes]

    def states(self) -> list[tuple[str, list[dict]]]:
        return [(box.text(), box.images.states()) for box in self.boxes]

    def loading(self) -> bool:
        return any(box.images.loading() for box in self.boxes)

    def problem(self) -> tuple[int, str] | None:
        """(part number, "empty" or "over") of the first part that cannot be submitted."""
        for number, box in enumerate(self.boxes, start=1):
            if self.is_thread() and not box.text().strip():
                return number, "empty"
            if box.counter.over:
                return number, "over"
        return None

    # filling -------------------------------------------------------------------------
    def set_parts(self, parts) -> None:
        """``parts``: (text, media) in order, media as MediaItems the post holds."""
        for box in self.boxes:
            box.hide()
            box.deleteLater()
        self.boxes = []
        for text, media in parts or [("", [])]:
            box = self._new_box()
            box.set_content(text, media)
        self.current = self.boxes[0]
        self._arrange()

    def restore(self, kept: list[tuple[str, list[dict]]]) -> None:
        """What the autosave kept: (text, image states) of each part."""
        self.set_parts([("", [])] * max(len(kept), 1))
        for box, (text, states) in zip(self.boxes, kept):
            box.editor.set_text(text)
            box.images.restore(states)
        self._arrange()

    def set_limit(self, limit: int) -> None:
        self.limit = limit
        for box in self.boxes:
            box.set_limit(limit)

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for box in self.boxes:
            box.set_editable(editable)

    def _new_box(self, at: int | None = None) -> PartBox:
        box = PartBox(self.media_path)
        box.set_limit(self.limit)
        box.changed.connect(self.changed)
        box.refused.connect(self.refused)
        box.asked.connect(self._asked)
        box.entered.connect(self._entered)
        box.set_editable(self.editable)
        self.boxes.insert(len(self.boxes) if at is None else at, box)
        return box

    def _arrange(self) -> None:
        """Lay the parts out in their order: a single post's editor takes the room there
        is; a thread's parts keep their own height and a stretch under the last."""
        while self.column.count():
            self.column.takeAt(0)
        thread = self.is_thread()
        for number, box in enumerate(self.boxes, start=1):
            self.column.addWidget(box, 0 if thread else 1)
            box.show()  # at once, not when Qt gets round to it: what is shown is what is asked
            box.set_thread(thread, number, len(self.boxes))
            box.set_editable(self.editable)
            box.set_current(thread and box is self.current)
        if thread:
            self.column.addStretch(1)
        self.reshaped.emit()
        self.changed.emit()

    def _entered(self, box: PartBox) -> None:
        self.current = box
        for each in self.boxes:
            each.set_current(self.is_thread() and each is box)

    # acting on the parts ----------------------------------------------------------------
    def _asked(self, action: str, box: PartBox) -> None:
        if not self.editable or box not in self.boxes:
            return
        if action == "add":
            self.add_part()
        elif action == "split":
            self.split(box)
        elif action == "join":
            self.join(box)
        elif action in ("up", "down"):
            self.move(box, -1 if action == "up" else 1)
        elif action == "remove":
            self.ask_remove(box)

    def _numbered(self) -> bool:
        from desk.core.thread_text import strip_number

        return self.is_thread() and all(strip_number(text) != text for text in self.texts())

    def _renumber_if(self, numbered: bool) -> None:
        if not numbered:
            return
        if self.is_thread():
            self.number(self.digits)
        else:
            from desk.core.thread_text import strip_number

            box = self.boxes[0]
            box.editor.set_text(strip_number(box.text()))

    def _too_many(self, count: int) -> bool:
        if count <= MAX_PARTS:
            return False
        self.refused.emit(InvalidInput("thread.too_many", limit=MAX_PARTS, count=count).message(i18n.current()))
        return True

    def add_part(self) -> PartBox | None:
        if not self.editable or self._too_many(len(self.boxes) + 1):
            return None
        numbered = self._numbered()
        at = self.boxes.index(self.current) + 1 if self.current in self.boxes and self.is_thread() else len(self.boxes)
        box = self._new_box(at)
        self.current = box
        self._arrange()
        self._renumber_if(numbered)
        box.editor.setFocus()
        return box

    def split(self, box: PartBox) -> None:
        """The part's text cut at sentence ends into parts within X's limit, keeping room for
        the numbers "k/n" should they be added; its pictures stay with the first of them."""
        from desk.core.thread_text import number_room, split_text, strip_number

        numbered = self._numbered()
        text = strip_number(box.text()) if numbered else box.text()
        room = number_room(MAX_PARTS, self.digits)
        pieces = [piece for piece in split_text(text, self.limit, reserve=room) if piece.strip()]
        if len(pieces) < 2 or self._too_many(len(self.boxes) + len(pieces) - 1):
            return
        at = self.boxes.index(box)
        box.editor.set_text(pieces[0])
        for offset, piece in enumerate(pieces[1:], start=1):
            self._new_box(at + offset).editor.set_text(piece)
        self.current = box
        self._arrange()
        self._renumber_if(numbered)

    def join(self, box: PartBox) -> None:
        """The part and the next one become one; their pictures together, when X allows that."""
        from desk.core.thread_text import join_parts, strip_number

        at = self.boxes.index(box)
        if at + 1 >= len(self.boxes):
            return
        following = self.boxes[at + 1]
        cards = box.images.cards + following.images.cards
        try:
            check_set([card.ext() for card in cards])
        except DeskError as error:
            self.refused.emit(error.message(i18n.current()))
            return
        numbered = self._numbered()
        first, second = box.text(), following.text()
        if numbered:
            first, second = strip_number(first), strip_number(second)
        kept = box.images.states() + following.images.states()
        box.editor.set_text(join_parts(first, second))
        if following.images.count():
            box.images.restore(kept)
        self.boxes.remove(following)
        following.hide()
        following.deleteLater()
        self.current = box
        self._arrange()
        self._renumber_if(numbered)

    def move(self, box: PartBox, step: int) -> None:
        at = self.boxes.index(box)
        to = at + step
        if not 0 <= to < len(self.boxes):
            return
        numbered = self._numbered()
        self.boxes[at], self.boxes[to] = self.boxes[to], self.boxes[at]
        self.current = box
        self._arrange()
        self._renumber_if(numbered)
        box.editor.setFocus()

    def ask_remove(self, box: PartBox) -> None:
        """A part with nothing in it goes at once; one with words or pictures after a yes."""
        if not box.text().strip() and not box.images.count():
            self.remove(box)
            return
        number = self.boxes.index(box) + 1
        self.dialog = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove part %1").replace("%1", str(number)),
                                  self.tr("Remove part %1 with its text and pictures? This cannot be undone.")
                                  .replace("%1", str(number)),
                                  QMessageBox.StandardButton.Cancel, self)
        self.remove_button = self.dialog.addButton(self.tr("Remove part"), QMessageBox.ButtonRole.DestructiveRole)
        self.dialog.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.remove_button.clicked.connect(lambda: self.remove(box))
        self.dialog.open()

    def remove(self, box: PartBox) -> None:
        if box not in self.boxes or len(self.boxes) < 2:
            return
        numbered = self._numbered()
        at = self.boxes.index(box)
        self.boxes.remove(box)
        box.hide()
        box.deleteLater()
        self.current = self.boxes[min(at, len(self.boxes) - 1)]
        self._arrange()
        self._renumber_if(numbered)

    def number(self, digits: str = "latin") -> None:
        """"k/n" at the end of each part (the old numbers replaced), in the chosen digits."""
        from desk.core.thread_text import number_parts

        if not self.is_thread():
            return
        self.digits = digits
        for box, text in zip(self.boxes, number_parts(self.texts(), digits=digits)):
            if box.text() != text:
                box.editor.set_text(text)

