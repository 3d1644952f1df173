"""The window keeps answering while X is slow: publishing runs off the GUI thread.

How long the GUI thread may pause is a figure for the benchmarks (python -m benchmarks,
"longest GUI pause"); here X answers only once the event loop has run a timer while the
post was on its way, which it cannot do if publishing blocks the GUI thread.
"""

import shutil
import threading

from gui_support import as_user, read_as_text
from PySide6.QtCore import QTimer

from desk.core.states import State
from desk.publish.base import AccountInfo, Publisher, SentPost
from desk.service import Desk
from desk.ui import tasks


class SlowPublisher(Publisher):
    """X answering when the test lets it: after the GUI thread has run while it waited."""

    kind = "x"
    started = threading.Event()
    answer = threading.Event()

    def send(self, post, progress=None):
        SlowPublisher.started.set()
        if not SlowPublisher.answer.wait(10):
            raise RuntimeError("the GUI thread did not run while X was asked")
        return SentPost("1890000000000000001", "https://x.com/MediaCentre/status/1890000000000000001")

    def withdraw(self, x_post_id):
        pass

    def recent_posts(self, since):
        return []

    def account(self):
        return AccountInfo("1", "MediaCentre", "Media Centre")


def test_a_slow_publisher_does_not_block_the_gui_thread(qtbot, open_window, data_dir, desk_template):
    shutil.copytree(desk_template, data_dir)
    SlowPublisher.started.clear()
    SlowPublisher.answer.clear()
    desk = Desk(data_dir, publisher_factory=lambda d: SlowPublisher())
    sara = as_user(desk, "sara")
    post_id = sara.draft("خبر عاجل")
    sara.submit(post_id)
    as_user(desk, "khalid").approve(post_id)
    window = open_window(desk, "huda")
    window.places.go("approved")
    page = window.page["approved"]
    page._select(post_id)
    page.ask_publish()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert "goes out now on X, on the account @MediaCentre" in read_as_text(page.dialog.where.text())

    page.dialog.publish_button.click()
    assert not window.busy.isHidden()  # the busy indicator shows while X is asked
    qtbot.waitUntil(SlowPublisher.started.is_set)
    # the post is on its way and X has not answered: a timer of the GUI thread lets it answer
    QTimer.singleShot(0, SlowPublisher.answer.set)
    qtbot.waitUntil(lambda: tasks.tracker().idle(), timeout=15000)
    assert window.ctx.session.post(post_id).state == State.PUBLISHED
    assert window.busy.isHidden()
    desk.close()
