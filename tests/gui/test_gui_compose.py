"""Compose: the weighted counter, images, save, submit, and the autosave."""

import json

from PIL import Image
from PySide6.QtCore import Qt

from desk.core.states import State
from gui_support import settle
from desk.service import LogFilter


def compose_page(open_window, desk, username="sara"):
    window = open_window(desk, username)
    window.places.go("compose")
    return window, window.page["compose"]


def test_counter_on_arabic_text(open_window, desk):
    _, page = compose_page(open_window, desk)
    page.editor.set_text("مرحبا بكم في المركز الإعلامي")
    assert page.counter.length == len("مرحبا بكم في المركز الإعلامي")  # Arabic letters count 1 each
    assert page.counter.count.text().strip("\u200e") == "28 / 280"
    assert not page.counter.over


def test_counter_weights_emoji_and_links(open_window, desk):
    _, page = compose_page(open_window, desk)
    page.editor.set_text("خبر 😀 https://example.org/a/very/long/path/that/is/longer/than/twenty-three")
    # 3 letters + space + emoji (2) + space + link (23)
    assert page.counter.length == 3 + 1 + 2 + 1 + 23
    assert "links: 1 × 23" in page.counter.reason.text()
    assert "emoji: 1 × 2" in page.counter.reason.text()


def test_counter_turns_red_past_the_limit_and_says_why(open_window, desk):
    _, page = compose_page(open_window, desk)
    page.editor.set_text("ا" * 270 + " https://example.org 😀")
    assert page.counter.length == 270 + 1 + 23 + 1 + 2
    assert page.counter.over
    assert page.counter.count.property("over") is True
    assert "17 over the limit" in page.counter.reason.text()
    assert "X counts every link as 23 and every emoji as 2" in page.counter.reason.text()


def overflow_marked(page) -> str | None:
    """What the editor draws on light red, as the person reads it (display marks left out)."""
    marks = page.editor.extraSelections()
    if not marks:
        return None
    assert marks[0].format.background().color().name() == "#fcd4d2"
    shown = marks[0].cursor.selectedText().replace("\u2029", "\n")
    return shown.replace("\u200e", "").replace("\u200f", "")


def test_over_the_limit_submit_is_greyed_with_the_reason_beside_it(open_window, desk):
    _, page = compose_page(open_window, desk)
    page.editor.set_text("ب" * 280)
    assert page.submit_button.isEnabled() and page.submit_reason.isHidden()
    assert overflow_marked(page) is None
    page.editor.set_text("ب" * 297)
    assert not page.submit_button.isEnabled()
    assert page.submit_reason.isVisible()
    assert page.submit_reason.text() == "17 over X's limit: shorten the post to submit it."
    assert page.save_button.isEnabled()  # a draft may be saved over the limit
    assert overflow_marked(page) == "ب" * 17
    assert page.editor.text() == "ب" * 297  # marked, not changed
    page.editor.textCursor().deletePreviousChar()
    cursor = page.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    for _ in range(16):
        cursor.deletePreviousChar()
    assert page.submit_button.isEnabled() and page.submit_reason.isHidden() and overflow_marked(page) is None


def test_the_mark_past_the_limit_counts_links_and_emoji_as_x_does(open_window, desk):
    _, page = compose_page(open_window, desk)
    link = "https://example.org/a/very/long/path"
    text = "خبر " * 60 + link + " 😀" * 10 + " تابعونا"
    page.editor.set_text(text)
    # 240 letters and spaces, the link 23, five " 😀" of 3 each: 278; the sixth emoji ends at 281
    start = text.index(link) + len(link) + 5 * 2 + 1
    assert text[start] == "😀" and page.editor.overflow == start
    assert overflow_marked(page) == text[start:]  # Qt counts an emoji as two units: the mark still fits
    page.editor.set_text("ب" * 270 + " " + link)  # the link crosses the limit: marked whole
    assert overflow_marked(page) == link


def test_arabic_over_the_limit_says_why_in_arabic(arabic, open_window, desk):
    _, page = compose_page(open_window, desk)
    page.editor.set_text("ب" * 283)
    assert not page.submit_button.isEnabled()
    reason = page.submit_reason.text()
    assert "3 أحرف" in reason and not any(c.isascii() and c.isalpha() for c in reason.replace("X", ""))


def test_preview_marks_links_hashtags_and_mentions(open_window, desk):
    _, page = compose_page(open_window, desk)
    page.editor.set_text("افتتاح #معرض_الكتاب مع @MediaCentre https://example.org/fair")
    page.update_preview()
    html = page.preview.body.text()
    assert html.count("<span style=") == 3
    assert 'dir="rtl"' in html
    assert "example.org/fair" in html and "https://" not in html  # shown as X shows links
    assert page.preview.handle.text() == "@MediaCentre"


def test_save_draft_with_ctrl_s_and_submit_with_ctrl_enter(qtbot, open_window, desk):
    window, page = compose_page(open_window, desk)
    page.editor.setFocus()
    page.editor.set_text("خبر للمراجعة")
    qtbot.keyClick(page.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    session = window.ctx.session
    drafts = session.log(LogFilter(author="sara", state="draft"))
    assert [r["text"] for r in drafts] == ["خبر للمراجعة"]
    assert page.post_id == drafts[0]["post_id"]
    qtbot.keyClick(page.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert session.post(drafts[0]["post_id"]).state == State.IN_REVIEW
    assert page.editor.text() == "" and page.post_id is None
    assert "submitted for review" in page.notice.text()


def test_submit_over_the_limit_is_refused_with_the_reason(qtbot, open_window, desk):
    window, page = compose_page(open_window, desk)
    page.editor.set_text("ب" * 300)
    page.save()
    qtbot.waitUntil(lambda: page.post_id is not None and not page.saving)
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # the greyed button's shortcut
    settle(qtbot)
    assert page.notice.text() == "20 over X's limit: shorten the post to submit it."
    assert window.ctx.session.post(page.post_id).state == State.DRAFT  # not submitted


def make_png(path, colour="red"):
    Image.new("RGB", (40, 30), colour).save(path)
    return str(path)


def test_images_with_alt_text_and_remove(qtbot, open_window, desk, tmp_path):
    window, page = compose_page(open_window, desk)
    page.editor.set_text("صور الافتتاح")
    page.add_images([make_png(tmp_path / "a.png"), make_png(tmp_path / "b.png", "blue")])
    assert page.images.count() == 2
    settle(qtbot)
    assert not page.images.loading() and len(page.images.pixmaps()) == 2
    page.images.cards[0].alt.setText("قص الشريط")
    page.images.cards[1].remove.click()
    assert page.images.count() == 1
    page.save()
    settle(qtbot)
    post = window.ctx.session.post(page.post_id)
    assert [m.alt for m in post.media] == ["قص الشريط"]


def test_a_file_that_is_not_an_image_is_refused(qtbot, open_window, desk, tmp_path):
    _, page = compose_page(open_window, desk)
    fake = tmp_path / "notes.png"
    fake.write_text("not a picture")
    page.add_images([str(fake)])
    settle(qtbot)
    assert page.images.count() == 0
    assert "is not an image, a GIF, an MP4 video or a SubRip caption file" in page.notice.text()


def test_autosave_keeps_the_text_and_a_new_window_restores_it(open_window, desk):
    window, page = compose_page(open_window, desk)
    page.editor.set_text("نص لم يُحفظ بعد")
    page.flush_autosave()
    kept = json.loads(page.autosave.path.read_text(encoding="utf-8"))
    assert kept["text"] == "نص لم يُحفظ بعد"
    window.close()  # as if the desk had crashed: nothing was saved as a draft
    again = open_window(desk, "sara")
    assert again.page["compose"].editor.text() == "نص لم يُحفظ بعد"
    assert "Restored what you were typing" in again.page["compose"].notice.text()


def test_autosave_is_removed_once_the_draft_is_saved(qtbot, open_window, desk):
    _, page = compose_page(open_window, desk)
    page.editor.set_text("نص")
    page.flush_autosave()
    page.save()
    settle(qtbot)
    assert not page.autosave.path.exists()


def test_saving_runs_off_the_gui_thread_and_keeps_the_page_still(qtbot, open_window, desk, monkeypatch, request):
    import threading

    from desk.session import Session

    window, page = compose_page(open_window, desk)
    gui_thread = threading.get_ident()
    saved_on = []
    release = threading.Event()  # the store answers once the test has looked at the page
    request.addfinalizer(release.set)  # a failed look never leaves the save hanging
    real = Session.draft

    def slow_draft(self, *args, **kw):
        saved_on.append(threading.get_ident())
        assert release.wait(10), "the test never let the save finish"
        return real(self, *args, **kw)

    monkeypatch.setattr(Session, "draft", slow_draft)
    page.editor.set_text("خبر يُحفظ في الخلفية")
    assert page.save()
    # while the store works, the page is read-only and a second save cannot start
    assert page.saving and page.editor.isReadOnly() and not page.save_button.isEnabled()
    assert not page.submit_button.isEnabled() and not page.save()
    page.flush_autosave()  # the autosave timer may fire meanwhile: the text is kept on disk
    assert page.autosave.load()["text"] == "خبر يُحفظ في الخلفية"
    qtbot.waitUntil(lambda: bool(saved_on))  # the save is in the store, on its own thread
    assert page.saving and page.editor.isReadOnly()
    release.set()
    settle(qtbot)
    assert saved_on and gui_thread not in saved_on
    assert not page.saving and not page.editor.isReadOnly() and page.save_button.isEnabled()
    assert window.ctx.session.post(page.post_id).text == "خبر يُحفظ في الخلفية"
    assert not page.autosave.path.exists()
    assert "Draft #" in page.notice.text()
