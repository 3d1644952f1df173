"""Threads in the window: an officer writes a statement in several parts (split at
sentence ends, reordered, numbered, each with its own pictures), a supervisor reviews
it part by part, it goes out as one thread, the log keeps it as one post; a thread
stopped part-way is published to the end or withdrawn. In Arabic and in English."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from desk.core.states import State
from desk.core.thread_text import number_parts, number_room, split_text
from desk.service import LogFilter
from desk.ui import tasks
from desk.ui.style import ATTENTION
from gui_support import as_user, read_as_text, settle

WORDS = {
    "en": {
        "over": "Part 3 is over the limit by",
        "empty": "Part 2 is empty: write it, or remove it, to submit the thread.",
        "title": "Part 2 of 5",
        "thread": "A thread of 5 parts",
        "part_out": "part 3 of 5 went out",
        "partly": "partly published",
        "rest": "Publish the rest…",
        "moved": ("Part 2 was part 3: moved.", "Part 3 was part 2: moved."),
        "changed": "Part 1 changed:",
        "new": "Part 4 is new:",
        "removed": "Part 4 of the version reviewed was removed:",
        "already": "Already there: 2 of the 3 parts.",
        "far": "went out as far as part 2 of 3",
        "first": "first review",
    },
    "ar": {
        "over": "الجزء 3 يتجاوز الحد",
        "empty": "الجزء 2 فارغ: اكتبه أو احذفه لإرسال السلسلة للمراجعة.",
        "title": "الجزء 2 من 5",
        "thread": "سلسلة من 5 أجزاء",
        "part_out": "نُشر الجزء 3 من 5",
        "partly": "نُشر جزئيًا",
        "rest": "نشر بقية الأجزاء…",
        "moved": ("الجزء 2 كان الجزء 3: نُقل.", "الجزء 3 كان الجزء 2: نُقل."),
        "changed": "تغيّر الجزء 1:",
        "new": "الجزء 4 جديد:",
        "removed": "حُذف الجزء 4 من النسخة التي رُوجعت:",
        "already": "المنشور منها هناك: 2 من 3.",
        "far": "حتى الجزء 2 من 3",
        "first": "هذه أول مراجعة",
    },
}


@pytest.fixture(params=["ar", "en"])
def lang(request, qapp):
    qapp.set_language(request.param)
    yield request.param
    qapp.set_language("en")


def statement(headlines, parts: int = 5) -> str:
    """A statement of real headlines that splits into exactly ``parts`` parts."""
    for count in range(2, len(headlines)):
        text = ". ".join(headlines[:count]) + "."
        if len(split_text(text, 280, reserve=number_room(25))) == parts:
            return text
    raise AssertionError("the headlines are too few for the statement")


def compose(open_window, desk, username="sara"):
    window = open_window(desk, username)
    window.places.go("compose")
    return window, window.page["compose"]


def picture(tmp_path, images, name="part.png"):
    path = tmp_path / name
    path.write_bytes(images.png(size=(64, 48), color=(30, 120, 160)))
    return str(path)


def select(post_list, post_id) -> None:
    for item in post_list.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive):
        if item.data(0, Qt.ItemDataRole.UserRole) == post_id:
            post_list.setCurrentItem(item)
            return
    raise AssertionError(f"post {post_id} is not listed")


def plain(text: str) -> str:
    """What a reader sees: the isolates around a part's number left out."""
    return read_as_text(text)


def history_words(detail) -> list[str]:
    return [detail.history.topLevelItem(i).text(2) for i in range(detail.history.topLevelItemCount())]


# ------------------------------------------------------------------ the whole way, in the window
def test_an_officer_writes_a_five_part_statement_and_it_goes_out_as_one_thread(
        qtbot, open_window, desk, headlines, images, tmp_path, lang):
    said = WORDS[lang]
    window, page = compose(open_window, desk)
    text = statement(headlines)
    page.editor.set_text(text)
    first = page.parts.boxes[0]
    assert not page.parts.is_thread() and page.thread_row.isHidden()
    assert first.split_button.isVisible() and not page.submit_button.isEnabled()

    first.split_button.click()  # at sentence ends, each part within X's limit
    boxes = page.parts.boxes
    assert len(boxes) == 5 and page.thread_row.isVisible() and page.add_button.isHidden()
    assert " ".join(page.parts.texts()).split() == text.split()  # no word lost or cut
    assert not any(box.counter.over for box in boxes)
    assert boxes[1].title.text() == said["title"]
    assert page.submit_button.isEnabled()

    before = page.parts.texts()
    boxes[3].up_button.click()  # part 4 goes before part 3
    assert page.parts.texts() == before[:2] + [before[3], before[2]] + before[4:]
    ordered = page.parts.texts()
    digits = "arabic" if lang == "ar" else "latin"
    page.thread_row.arabic_digits.setChecked(lang == "ar")
    page.thread_row.number_button.click()
    numbered = page.parts.texts()
    assert numbered == number_parts(ordered, digits)
    marks = ["1/5", "2/5", "3/5", "4/5", "5/5"] if lang == "en" else ["١/٥", "٢/٥", "٣/٥", "٤/٥", "٥/٥"]
    assert [plain(t).endswith(" " + m) for t, m in zip(numbered, marks)] == [True] * 5
    page.parts.boxes[1].add_images([picture(tmp_path, images)])
    qtbot.waitUntil(lambda: not page.parts.loading())
    page.parts.boxes[1].images.cards[0].alt.setText("صورة المؤتمر")
    page.update_preview()
    assert len(page.thread_preview.posts) == 5
    assert page.thread_preview.posts[1].images.isVisibleTo(page.thread_preview)
    assert all(post.line_below for post in page.thread_preview.posts[:4])  # the thread line

    page.save_button.click()
    settle(qtbot)
    session = window.ctx.session
    post = session.post(page.post_id)
    assert post.is_thread and [p.text for p in post.parts] == numbered
    assert [len(p.media) for p in post.parts] == [0, 1, 0, 0, 0]
    assert post.parts[1].media[0].alt == "صورة المؤتمر"
    page.submit_button.click()
    settle(qtbot)
    assert session.post(post.id).state == State.IN_REVIEW
    assert page.post_id is None and not page.parts.is_thread()  # a new draft: one editor again

    # a supervisor sees the parts and approves the thread as one
    khalid = open_window(desk, "khalid")
    khalid.places.go("review")
    review = khalid.page["review"]
    select(review.list, post.id)
    assert len(review.detail.thread.posts) == 5 and review.detail.thread.isVisible()
    assert said["thread"] in review.detail.facts.text()
    assert said["first"] in review.changes.text()
    review.approve_button.click()
    assert session.post(post.id).state == State.APPROVED

    # published (training): each part a reply to the one before
    huda = open_window(desk, "huda")
    huda.places.go("approved")
    approved = huda.page["approved"]
    approved._select(post.id)
    approved.publish_button.click()
    qtbot.waitUntil(lambda: approved.dialog is not None and approved.dialog.isVisible())
    assert len(approved.dialog.thread.posts) == 5
    approved.dialog.publish_button.click()
    qtbot.waitUntil(lambda: session.post(post.id).state == State.PUBLISHED)
    settle(qtbot)
    timeline = sorted(session.training_timeline(), key=lambda e: e["id"])
    assert [e["text"] for e in timeline] == numbered
    assert [e["reply_to"] for e in timeline[1:]] == [f"training-{e['id']}" for e in timeline[:-1]]

    # the log: one row, the detail lists the five parts and each part's going out
    huda.places.go("log")
    log = huda.page["log"]
    rows = [r for r in log.model.rows if r["post_id"] == post.id]
    assert len(rows) == 1 and log.model.total == 1
    log.select_row(0)
    detail = log.detail
    assert len(detail.thread.posts) == 5
    assert [plain(p.body.text()).count(m) for p, m in zip(detail.thread.posts, marks)] == [1] * 5
    assert said["thread"] in detail.facts.text()
    assert said["part_out"] in history_words(detail)
    assert log.withdraw_button.isEnabled()

    huda.places.go("training")
    training = huda.page["training"]
    assert len(training.shown) == 1 and len(training.cards) == 5  # one thread of five rows


def test_a_part_over_the_limit_greys_submit_with_the_reason(qtbot, open_window, desk, headlines, lang):
    said = WORDS[lang]
    window, page = compose(open_window, desk)
    page.parts.set_parts([(headlines[0], []), (headlines[1], []), ("ب" * 290, [])])
    assert page.parts.is_thread()
    assert not page.submit_button.isEnabled() and page.submit_reason.isVisible()
    assert page.submit_reason.text().startswith(said["over"])
    assert page.parts.boxes[2].split_button.isVisible() and page.parts.boxes[2].editor.overflow == 280
    assert page.save_button.isEnabled()  # a draft may be saved over the limit
    qtbot.keyClick(page.parts.boxes[0].editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.notice.text().startswith(said["over"])  # Ctrl+Enter says why, and sends nothing
    settle(qtbot)
    assert window.ctx.session.log(LogFilter(state="in_review")) == []
    page.parts.boxes[2].editor.set_text("ب" * 200)
    assert page.submit_button.isEnabled() and page.submit_reason.isHidden()


def test_an_empty_part_greys_submit_and_a_thread_of_one_is_a_post_again(qtbot, open_window, desk, headlines, lang):
    said = WORDS[lang]
    _, page = compose(open_window, desk)
    page.editor.set_text(headlines[0])
    page.add_part_button.click()
    assert page.parts.is_thread() and page.parts.current is page.parts.boxes[1]
    assert not page.submit_button.isEnabled() and page.submit_reason.text() == said["empty"]
    page.parts.boxes[1].editor.set_text(headlines[1])
    page.number_parts()
    assert [plain(t) for t in page.parts.texts()] == [f"{headlines[0]} 1/2", f"{headlines[1]} 2/2"]
    page.parts.boxes[1].remove_button.click()  # it holds words: asked first
    assert page.parts.dialog.isVisible() and len(page.parts.boxes) == 2
    page.parts.remove_button.click()
    assert not page.parts.is_thread() and page.parts.texts() == [headlines[0]]  # "1/1" goes too
    assert page.submit_button.isEnabled() and page.thread_row.isHidden() and page.add_button.isVisible()


def test_join_keeps_the_pictures_or_says_why_not(qtbot, open_window, desk, images, tmp_path, lang):
    _, page = compose(open_window, desk)
    page.parts.set_parts([("الجزء الأول.", []), ("الجزء الثاني.", []), ("الجزء الثالث.", [])])
    one, two, three = page.parts.boxes
    one.add_images([picture(tmp_path, images, f"a{i}.png") for i in range(3)])
    two.add_images([picture(tmp_path, images, "b.png")])
    three.add_images([picture(tmp_path, images, f"c{i}.png") for i in range(2)])
    qtbot.waitUntil(lambda: not page.parts.loading())
    one.join_button.click()  # 3 + 1 images: X takes 4
    qtbot.waitUntil(lambda: not page.parts.loading())
    assert page.parts.texts() == ["الجزء الأول. الجزء الثاني.", "الجزء الثالث."]
    assert [box.images.count() for box in page.parts.boxes] == [4, 2]
    page.parts.boxes[0].join_button.click()  # 4 + 2: refused, nothing changed
    assert page.parts.texts() == ["الجزء الأول. الجزء الثاني.", "الجزء الثالث."]
    assert page.notice.text()  # X's rule for pictures, in the person's words


def test_the_autosave_keeps_every_part(qtbot, open_window, desk, headlines):
    window, page = compose(open_window, desk)
    page.parts.set_parts([(headlines[i], []) for i in range(3)])
    page.flush_autosave()
    window.close()
    _, again = compose(open_window, desk)
    assert again.parts.texts() == headlines[:3]


def test_a_thread_fits_a_small_screen(qtbot, open_window, desk, headlines):
    window, page = compose(open_window, desk)
    page.editor.set_text(statement(headlines))
    page.parts.boxes[0].split_button.click()
    settle(qtbot)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 700
    assert page.parts.width() <= page.parts_box.viewport().width()  # no part cut at the side
    assert page.parts.height() >= page.parts.minimumSizeHint().height()  # nor squeezed


def test_on_a_small_screen_the_part_being_written_shows_its_header(qtbot, open_window, desk, headlines):
    window, page = compose(open_window, desk)
    page.parts_box.setMaximumHeight(220)  # the room the parts have at 1024×700 with the training banner
    page.editor.set_text(statement(headlines))
    page.parts.boxes[0].split_button.click()
    room = page.parts_box.viewport()
    qtbot.waitUntil(lambda: min(box.height() for box in page.parts.boxes[:2]) > room.height())
    def header_in_sight() -> bool:  # the number and buttons of the part being written
        box = page.parts.current
        top = box.title.mapTo(room, box.title.rect().topLeft()).y()
        return 0 <= top < room.height() - box.title.height()

    for moved in (2, 1, 3, 4):  # each time the part moved is the one being written
        page.parts.boxes[moved].up_button.click()
        qtbot.waitUntil(header_in_sight, timeout=2000)


# ------------------------------------------------------------------ review, part by part
def test_review_names_the_parts_added_removed_moved_and_changed(open_window, desk, headlines, lang):
    said = WORDS[lang]
    sara, khalid = as_user(desk, "sara"), as_user(desk, "khalid")
    a, b, c, d, e = (f"{headlines[i]} {headlines[i + 10]}." for i in range(5))
    post_id = sara.draft_parts([(a, []), (b, []), (c, []), (d, [])])
    sara.submit(post_id)
    khalid.return_(post_id, "قدّم الجزء الثالث على الثاني")
    # part 1 rewritten, parts 2 and 3 swapped, part 4 gone, a new part at the end
    sara.edit_parts(post_id, [(f"{a} والتفاصيل لاحقًا", []), (c, []), (b, []), (e, [])])
    sara.submit(post_id)
    window = open_window(desk, "khalid")
    window.places.go("review")
    page = window.page["review"]
    select(page.list, post_id)
    changes = page.changes.text()
    for key in ("changed", "new", "removed"):
        assert said[key] in changes, key
    assert any(moved in changes for moved in said["moved"])  # b or c, whichever stayed in its place
    assert "Parts now" not in changes and "عدد الأجزاء" not in changes  # as many parts as before
    assert len(page.detail.thread.posts) == 4
    assert page.approve_button.isEnabled()


def test_review_of_a_thread_that_was_a_single_post(open_window, desk, headlines, lang):
    sara = as_user(desk, "sara")
    post_id = sara.draft(headlines[0])
    sara.submit(post_id)
    as_user(desk, "khalid").return_(post_id, "اجعله سلسلة")
    sara.edit_parts(post_id, [(headlines[0], []), (headlines[1], [])])
    sara.submit(post_id)
    window = open_window(desk, "huda")
    window.places.go("review")
    page = window.page["review"]
    select(page.list, post_id)
    new = "Part 2 is new:" if lang == "en" else "الجزء 2 جديد:"
    count = "Parts now: 2 (at the last review: 1)." if lang == "en" else "عدد الأجزاء الآن: 2 (عند آخر مراجعة: 1)."
    assert new in page.changes.text() and count in page.changes.text()


# ------------------------------------------------------------------ stopped part-way
@pytest.fixture
def stopping_desk(data_dir, desk_template):
    """A desk whose training timeline refuses one chosen text, as X refuses a part."""
    from desk.core.errors import PublishError
    from desk.publish.training import TrainingPublisher
    from desk.service import Desk

    class Stopping(TrainingPublisher):
        refused: set[str] = set()

        def send(self, post, progress=None):
            if post.text in Stopping.refused:
                raise PublishError("x.duplicate")
            return super().send(post, progress)

    shutil.copytree(desk_template, data_dir)
    desk = Desk(data_dir, publisher_factory=lambda d: Stopping(d.store, "MediaCentre"))
    yield desk, Stopping.refused
    Stopping.refused.clear()
    tasks.wait_all(20000)
    desk.close()


def partly_published(desk, refused, headlines) -> int:
    parts = [f"{headlines[i]} {i + 1}/3" for i in range(3)]
    sara = as_user(desk, "sara")
    post_id = sara.draft_parts([(text, []) for text in parts])
    sara.submit(post_id)
    as_user(desk, "khalid").approve(post_id)
    refused.add(parts[2])
    with pytest.raises(Exception):
        as_user(desk, "huda").publish(post_id)
    assert as_user(desk, "huda").post(post_id).state == State.PARTLY_PUBLISHED
    refused.clear()
    return post_id


def test_a_partly_published_thread_offers_the_rest_and_withdraw(qtbot, open_window, stopping_desk, headlines, lang):
    desk, refused = stopping_desk
    said = WORDS[lang]
    post_id = partly_published(desk, refused, headlines)
    window = open_window(desk, "huda")
    window.places.go("approved")
    page = window.page["approved"]
    page._select(post_id)
    assert page.list.current_id() == post_id
    assert page.publish_button.text() == said["rest"] and page.publish_button.isEnabled()
    assert page.withdraw_button.isVisible()
    assert said["far"] in page.advice.text()  # how far it went
    row = page.list.currentItem()
    assert row.parent() is page.list.topLevelItem(2)  # among the posts that need attention
    assert row.text(1) == said["partly"] and row.foreground(1).color().name() == ATTENTION

    page.publish_button.click()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert said["already"] in page.dialog.where.text()
    page.dialog.publish_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.post(post_id).state == State.PUBLISHED)
    settle(qtbot)
    timeline = sorted(window.ctx.session.training_timeline(), key=lambda e: e["id"])
    assert [e["text"] for e in timeline] == [f"{headlines[i]} {i + 1}/3" for i in range(3)]  # each part once


def test_a_partly_published_thread_is_withdrawn_from_the_log(qtbot, open_window, stopping_desk, headlines, lang):
    desk, refused = stopping_desk
    said = WORDS[lang]
    post_id = partly_published(desk, refused, headlines)
    window = open_window(desk, "huda")
    window.places.go("log")
    page = window.page["log"]
    assert page.model.data(page.model.index(0, 1)).startswith(said["partly"])  # "· training" after it
    assert page.model.data(page.model.index(0, 1), Qt.ItemDataRole.ForegroundRole) is not None
    states = [page.filters.state.itemData(i) for i in range(page.filters.state.count())]
    assert "partly_published" in states
    page.filters.state.setCurrentIndex(states.index("partly_published"))
    qtbot.waitUntil(lambda: page.model.total == 1)
    page.select_row(0)
    part_1 = "part 1 of 3 went out" if lang == "en" else "نُشر الجزء 1 من 3"
    assert part_1 in history_words(page.detail)
    assert page.withdraw_button.isEnabled()
    page.withdraw_button.click()
    page.dialog.text.setPlainText("بيان ناقص")
    page.dialog.ok.click()
    qtbot.waitUntil(lambda: window.ctx.session.post(post_id).state == State.WITHDRAWN)
    settle(qtbot)
    assert window.ctx.session.training_timeline() == []  # both parts out are gone
