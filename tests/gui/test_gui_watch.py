"""Lists follow other desks' changes; scheduled posts are published by the running window."""

from datetime import datetime, timedelta, timezone

from gui_support import as_user

from desk.core.states import State
from desk.service import Desk
from desk.ui import tasks


def test_review_list_follows_another_desk(qtbot, open_window, desk, data_dir):
    window = open_window(desk, "huda")
    window.places.go("review")
    page = window.page["review"]
    assert page.list.topLevelItemCount() == 0
    other = Desk(data_dir)  # another workstation on the same database
    sara = as_user(other, "sara")
    post_id = sara.draft("خبر من مكتب آخر")
    sara.submit(post_id)
    window.watcher.check()
    assert page.list.topLevelItemCount() == 1
    assert window.places.item(window.places.keys().index("review")).text() == "For review\n1 waiting"
    assert window.notifier.last_message == "Posts waiting for your review: 1."  # tray, or the status bar without one
    other.close()


def test_due_posts_are_published_by_the_running_window(qtbot, open_window, desk):
    sara = as_user(desk, "sara")
    post_id = sara.draft("خبر مجدول")
    sara.submit(post_id)
    khalid = as_user(desk, "khalid")
    khalid.approve(post_id)
    khalid.schedule(post_id, datetime.now(timezone.utc) + timedelta(seconds=2))
    window = open_window(desk, "huda")
    qtbot.waitUntil(lambda: datetime.now(timezone.utc) > datetime.fromisoformat(
        window.ctx.session.post(post_id).scheduled_at), timeout=5000)
    window.due.run()
    qtbot.waitUntil(lambda: window.ctx.session.post(post_id).state == State.PUBLISHED)
    qtbot.waitUntil(lambda: tasks.tracker().idle())
