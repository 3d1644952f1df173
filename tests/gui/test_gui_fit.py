"""Windows that fit the screen: sized to its room, remembered, splitters kept, details whole."""

import shutil

import pytest
from gui_support import as_user
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtWidgets import QWidget

from desk.core.errors import PublishUncertain
from desk.publish.base import AccountInfo, Publisher
from desk.service import Desk
from desk.ui import tasks
from desk.ui.window_fit import MARGIN, clamp_inside, fit_inside, keep_window, place_window

SMALL = QRect(0, 0, 1024, 700)
LAPTOP = QRect(0, 0, 1366, 768)


@pytest.mark.parametrize("available", [SMALL, LAPTOP, QRect(1366, 0, 1920, 1040), QRect(0, 0, 300, 200)])
def test_the_window_is_fitted_inside_the_available_room(available):
    placed = fit_inside(available, QSize(1280, 800))
    assert available.contains(placed)
    assert placed.width() <= 1280 and placed.height() <= 800


def test_a_screen_with_room_gets_the_wanted_size_with_its_margin():
    assert fit_inside(LAPTOP, QSize(1280, 800)).size() == QSize(1280, 768 - 2 * MARGIN)
    assert fit_inside(QRect(0, 0, 1920, 1080), QSize(1280, 800)).size() == QSize(1280, 800)


@pytest.mark.parametrize("saved", [QRect(-300, -50, 1280, 800), QRect(900, 600, 800, 500), QRect(0, 0, 2560, 1400)])
def test_a_remembered_place_is_kept_on_the_screen(saved):
    inside = clamp_inside(SMALL, saved)
    assert SMALL.contains(inside)
    assert inside.width() == min(saved.width(), SMALL.width())


@pytest.mark.parametrize("username", ["admin", "huda", "sara"])
def test_every_page_fits_a_small_screen(qtbot, open_window, desk, username, qapp):
    """At 1024×700 the window is never larger than the room, whichever page is shown, in
    either language (the English names of the places are the wider)."""
    window = open_window(desk, username)
    place_window(window, "test", QSize(1280, 800), SMALL)
    for key in window.places.keys():
        window.places.go(key)
        qtbot.waitUntil(lambda: tasks.tracker().idle())
        hint = window.minimumSizeHint()
        assert hint.width() <= SMALL.width() and hint.height() <= SMALL.height(), key
        assert SMALL.contains(window.geometry()), key


def moved_and_closed(qtbot, window, name: str, where: QRect) -> None:
    window.setGeometry(where)
    qtbot.waitUntil(lambda: window.geometry() == where)
    keep_window(window, name)
    window.close()


def test_a_window_comes_back_where_it_was(qtbot):
    first = QWidget()
    qtbot.addWidget(first)
    first.show()
    moved_and_closed(qtbot, first, "a-window", QRect(40, 30, 600, 450))
    second = QWidget()
    qtbot.addWidget(second)
    place_window(second, "a-window", QSize(1280, 800))
    assert second.geometry() == QRect(40, 30, 600, 450)


def test_a_place_remembered_on_a_larger_screen_is_clamped_to_this_one(qtbot):
    first = QWidget()
    qtbot.addWidget(first)
    first.show()
    moved_and_closed(qtbot, first, "a-window", QRect(300, 200, 700, 500))
    second = QWidget()
    qtbot.addWidget(second)
    room = QRect(0, 0, 640, 480)  # a smaller screen than the one it was kept on
    place_window(second, "a-window", QSize(1280, 800), room)
    assert room.contains(second.geometry()) and second.geometry().size() == QSize(640, 480)


def test_the_main_window_keeps_its_place_when_closed(qtbot, open_window, desk):
    first = open_window(desk, "huda")
    # the offscreen screen is 800 wide, narrower than the window's least width: height and top tell
    first.setGeometry(QRect(first.x(), 30, first.width(), 650))
    qtbot.waitUntil(lambda: first.geometry().top() == 30 and first.height() == 650)
    first.close()
    assert not QSettings().value("geometry/main").isEmpty()
    second = open_window(desk, "huda")
    assert (second.geometry().top(), second.height()) == (30, 650)


def test_the_splitter_between_list_and_detail_comes_back(qtbot, open_window, desk):
    first = open_window(desk, "huda")
    first.places.go("log")
    split = first.page["log"].split
    split.moveSplitter(300, 1)  # as a drag of its handle does
    kept = split.sizes()
    assert kept[0] == 300
    first.close()
    second = open_window(desk, "huda")
    second.places.go("log")
    assert second.page["log"].split.sizes() == kept


class Unsure(Publisher):
    """X that takes the post and never answers: the post is left uncertain."""

    kind = "x"

    def send(self, post, progress=None):
        raise PublishUncertain("x.uncertain_timeout", seconds=30)

    def recent_posts(self, since):
        return []

    def withdraw(self, x_post_id):
        pass

    def account(self):
        return AccountInfo("1", "MediaCentre", "Media Centre")


def test_the_history_shows_every_event_after_check_x_now(qtbot, open_window, data_dir, desk_template):
    shutil.copytree(desk_template, data_dir)
    desk = Desk(data_dir, publisher_factory=lambda d: Unsure())
    try:
        sara = as_user(desk, "sara")
        post_id = sara.draft("خبر قد يكون نُشر")
        sara.submit(post_id)
        as_user(desk, "huda").approve(post_id)
        with pytest.raises(PublishUncertain):
            as_user(desk, "khalid").publish(post_id)
        window = open_window(desk, "huda")
        qtbot.waitUntil(lambda: window.due.rounds >= 1 and tasks.tracker().idle())
        window.resize(1000, 674)  # a 1024×700 screen
        window.places.go("approved")
        page = window.page["approved"]
        page._select(post_id)
        page.check_button.click()
        qtbot.waitUntil(lambda: not page.checking and tasks.tracker().idle())
        history = page.detail.history
        count = history.topLevelItemCount()
        assert count >= 5
        # the history's own view holds every row, whole: it never hides one behind its edge
        def every_row_in_view() -> bool:
            view = history.viewport().rect()
            return all(view.contains(history.visualItemRect(history.topLevelItem(row))) for row in range(count))

        qtbot.waitUntil(every_row_in_view)
        assert not history.horizontalScrollBar().isVisible()
        # and the detail scrolls to its newest event, the one the check just added
        scroll = page.detail.scroll

        def newest_in_sight() -> bool:
            rect = history.visualItemRect(history.topLevelItem(count - 1))
            top_left = history.viewport().mapTo(scroll.viewport(), rect.topLeft())
            return scroll.viewport().rect().contains(QRect(top_left, rect.size()))

        qtbot.waitUntil(newest_in_sight)
    finally:
        tasks.wait_all()
        desk.close()


def test_a_window_grown_while_showing_goes_back_to_its_fitted_size(qtbot):
    """Showing grows a window to its least size before its pages have their widths; the
    first settling puts a freshly placed window back at the size fitted to the screen."""
    from desk.ui.window_fit import keep_on_screen

    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(QRect(22, 24, 1002, 652))  # as it was after showing at 1024×700
    keep_on_screen(window, QSize(1280, 800), SMALL)
    assert window.geometry() == fit_inside(SMALL, QSize(1280, 800))
    # a size the person chose (no wanted size): only kept within the screen
    window.setGeometry(QRect(22, 24, 1002, 652))
    keep_on_screen(window, None, SMALL)
    assert window.geometry() == QRect(22, 24, 1002, 652)


def test_the_preview_fits_a_narrow_column_with_a_long_name_and_a_picture(qtbot, tmp_path):
    from PySide6.QtGui import QPixmap

    from desk.ui.preview import PostPreview

    preview = PostPreview()
    qtbot.addWidget(preview)
    logo = tmp_path / "logo.png"
    QPixmap(64, 64).save(str(logo))
    preview.set_account("وزارة الموارد البشرية والتنمية الاجتماعية", "HRSD_Ministry_Official", logo)
    picture = QPixmap(1200, 675)
    picture.fill()
    preview.set_post("افتتاح معرض الكتاب الدولي في الرياض", [picture])
    assert preview.minimumSizeHint().width() <= 250  # a small phone's width, as X shows a post
    preview.resize(250, 600)
    preview.show()
    qtbot.waitUntil(preview.isVisible)
    shown = preview.grid.itemAt(0).widget()
    qtbot.waitUntil(lambda: shown.width() <= 250 - 44)
    # the picture shrank with the column and kept its shape
    qtbot.waitUntil(lambda: abs(shown.height() / shown.width() - picture.height() / picture.width()) < 0.05)
    from PySide6.QtWidgets import QLabel

    assert QLabel.text(preview.name).endswith("…")  # shortened on screen ...
    assert preview.name.text() == "وزارة الموارد البشرية والتنمية الاجتماعية"  # ... not in what it holds
    assert preview.name.toolTip() == preview.name.text()
