"""The preview looks like a post on X: one direction for the post, the time, the action row,
pictures with rounded corners."""

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from desk.ui.post_text import post_html
from desk.ui.preview import PostPreview, outer_corners


@pytest.fixture
def preview(qtbot):
    card = PostPreview()
    qtbot.addWidget(card)
    card.set_account("المركز الإعلامي", "MediaCentre", "resources/logo-placeholder.svg")
    return card


def test_an_english_line_in_an_arabic_post_follows_the_post():
    shown = post_html("افتتاح معرض الكتاب\nRiyadh Book Fair opens on Thursday", "ltr")
    assert shown.count('dir="rtl" align="right"') == 2 and 'dir="ltr"' not in shown
    shown = post_html("Book Fair opens\nافتتاح معرض الكتاب", "rtl")
    assert shown.count('dir="ltr" align="left"') == 2 and 'dir="rtl"' not in shown
    assert post_html("10:30", "rtl").count('dir="rtl"') == 1  # no letter: the window's direction


def test_the_time_under_the_post(preview):
    at = datetime(2026, 12, 3, 5, 54, tzinfo=timezone.utc)
    preview.set_post("خبر", at=at.isoformat())
    local = at.astimezone()
    hour = local.hour % 12 or 12
    assert preview.time.text() == f"{hour}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'} · {local.day} Dec 2026"
    preview.set_post("خبر")  # not out yet: as if it went out now
    assert preview.time.text().endswith(datetime.now().strftime(" %Y"))
    preview.clear()
    assert preview.time.text() == ""


def test_the_action_row_is_drawn_and_greyed(preview):
    preview.set_post("خبر")
    names = [icon.accessibleName() for icon in preview.actions.icons]
    assert names == ["Reply", "Repost", "Like", "Views"]
    assert all(not icon.isEnabled() and not icon.pixmap().isNull() for icon in preview.actions.icons)


def alpha(pixmap: QPixmap, x: int, y: int) -> int:
    return pixmap.toImage().pixelColor(x, y).alpha()


def test_pictures_have_the_rounded_outer_corners_of_x(preview):
    red = QPixmap(400, 300)
    red.fill(Qt.GlobalColor.red)
    preview.set_post("صور", [red, red])
    first, second = (preview.grid.itemAt(i).widget().pixmap() for i in range(2))
    right = first.width() - 1
    bottom = first.height() - 1
    # side by side: the first picture's left corners are round, its right ones meet the second picture
    assert alpha(first, 0, 0) == 0 and alpha(first, 0, bottom) == 0
    assert alpha(first, right, 0) == 255 and alpha(first, right, bottom) == 255
    assert alpha(second, right, 0) == 0 and alpha(second, 0, 0) == 255
    assert alpha(first, first.width() // 2, first.height() // 2) == 255


def test_in_arabic_the_first_picture_is_on_the_right():
    assert outer_corners(2, 0, right_to_left=False) == {"tl", "bl"}
    assert outer_corners(2, 0, right_to_left=True) == {"tr", "br"}
    assert outer_corners(3, 0, right_to_left=True) == {"tr", "br"}
    assert outer_corners(3, 2, right_to_left=False) == {"br"}
    assert outer_corners(4, 1, right_to_left=True) == {"tl"}
    assert outer_corners(1, 0, right_to_left=True) == {"tl", "tr", "bl", "br"}
