"""The editor shows an Arabic post as the preview does, without changing the text it keeps."""

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QTextEdit

from desk.core.text import weighted_length
from desk.ui.compose.editor import PostEditor
from desk.ui.post_text import marks, post_html
from gui_support import settle

POST = "افتتاح المعرض مع @MediaCentre الساعة 10:30 https://example.org/fair/ #معرض_الكتاب"


@pytest.fixture
def editor(arabic, qtbot):
    edit = PostEditor()
    qtbot.addWidget(edit)
    edit.resize(900, 160)
    edit.show()
    qtbot.waitExposed(edit)
    return edit


def x_of(edit: QTextEdit, position: int) -> float:
    """Where the glyph of the document's character at `position` is drawn, from the left."""
    block = edit.document().findBlock(position)
    runs = block.layout().glyphRuns(position - block.position(), 1)
    assert runs, position
    return min(run.boundingRect().x() for run in runs)


def drawn(edit, index: int) -> float:
    return x_of(edit, edit.position_of(index) if isinstance(edit, PostEditor) else index)


def test_the_at_sign_stays_on_the_handle_and_the_slash_on_the_link(editor):
    editor.set_text(POST)
    at, slash, scheme = POST.index("@"), POST.index("fair/") + 4, POST.index("https")
    assert drawn(editor, at) < drawn(editor, at + 1)  # "@MediaCentre", not "MediaCentre@"
    assert drawn(editor, slash) > drawn(editor, scheme)  # "https://…/fair/", not "/https://…"
    time = POST.index("10:30")
    assert drawn(editor, time) < drawn(editor, time + 3)  # 10:30 reads left to right
    assert drawn(editor, time) > drawn(editor, slash)  # …and comes before the link, read right to left


def test_a_bare_editor_breaks_them_apart(arabic, qtbot):
    """What the desk's editor was: the same text in a plain QTextEdit laid out right to left."""
    plain = QTextEdit()
    qtbot.addWidget(plain)
    plain.resize(900, 160)
    plain.show()
    plain.setPlainText(POST)
    option = plain.document().defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    plain.document().setDefaultTextOption(option)
    at, slash, scheme = POST.index("@"), POST.index("fair/") + 4, POST.index("https")
    assert drawn(plain, at) > drawn(plain, at + 1)
    assert drawn(plain, slash) < drawn(plain, scheme)


def test_the_marks_are_display_only(editor):
    editor.set_text(POST)
    assert editor.text() == POST
    raw = editor.toPlainText()
    assert raw != POST and raw.replace("\u200e", "") == POST  # in the document, for the eye only
    assert weighted_length(editor.text()) == weighted_length(POST)
    assert not editor.document().isUndoAvailable()  # opening a post is no step to undo


def test_the_editor_places_the_marks_the_preview_places(editor):
    text = POST + "\nRiyadh Book Fair opens at 10:30 @MediaCentre"
    editor.set_text(text)
    expected, offset = [], 0
    for line in text.split("\n"):
        expected += [offset + index for index, _ in marks(line, "rtl")]
        offset += len(line) + 1
    assert [at - number for number, at in enumerate(editor._marks_at())] == expected
    assert post_html(text, "ltr").count('dir="rtl"') == 2  # the English line follows the post, as on X
    assert editor.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft


def test_typing_backspace_undo_and_copy_keep_the_persons_text(editor, qtbot):
    editor.set_text("خبر مع")
    editor.setFocus()
    qtbot.keyClicks(editor, " @Huda")
    assert editor.text() == "خبر مع @Huda"
    assert len(editor._marks_at()) == 2
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # the mark after "a" is stepped over: "a" goes
    assert editor.text() == "خبر مع @Hud"
    qtbot.keyClicks(editor, "a")
    mark = QMimeData()
    mark.setText("\u200e")
    editor.insertFromMimeData(mark)  # a mark the person pastes is theirs and kept
    assert editor.text() == "خبر مع @Huda\u200e"
    editor.undo()
    assert editor.text() == "خبر مع @Huda"
    while editor.document().isUndoAvailable():
        editor.undo()
    assert editor.text() == "خبر مع"
    while editor.document().isRedoAvailable():
        editor.redo()
    assert editor.text() == "خبر مع @Huda\u200e"
    editor.selectAll()
    editor.copy()
    assert QApplication.clipboard().text() == "خبر مع @Huda\u200e"
    assert QApplication.clipboard().mimeData().formats() == ["text/plain"]  # no copy with the marks in it


def test_delete_steps_over_a_mark(editor, qtbot):
    editor.set_text("خبر @Huda اليوم")
    cursor = editor.textCursor()
    cursor.setPosition(editor.position_of(len("خبر @Huda")))
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.text() == "خبر @Hudaاليوم"


def test_what_is_saved_has_no_marks(arabic, open_window, desk, qtbot):
    window = open_window(desk, "sara")
    window.places.go("compose")
    page = window.page["compose"]
    page.editor.set_text(POST)
    assert page.save()
    settle(qtbot)
    assert window.ctx.session.post(page.post_id).text == POST
    assert page.counter.length == weighted_length(POST)


def test_what_is_typed_after_a_mark_is_kept(editor, qtbot):
    editor.set_text("خبر @Huda")
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)  # after the mark that closes "@Huda"
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, " ok")
    assert editor.text() == "خبر @Huda ok"
    editor.selectAll()  # choosing text never changes it
    assert editor.text() == "خبر @Huda ok" and not editor.document().isRedoAvailable()


def test_after_undo_typing_goes_on_where_the_caret_was(editor, qtbot):
    editor.set_text("شكرا")
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " @ab")
    editor.undo()
    qtbot.keyClicks(editor, "q")
    assert editor.text().endswith("q") and editor.text().startswith("شكرا"), editor.text()
    editor.set_text("")
    qtbot.keyClicks(editor, "hello world")
    assert editor.document().availableUndoSteps() == 1  # plain typing is one step, as in any editor
