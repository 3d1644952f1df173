"""An account on record whose keys the keyring will not give: the window says publishing is
blocked (never the training band), and Publish now refuses before anything is claimed."""

from gui_support import as_user

from desk.core.states import State
from desk.store import chain
from desk.ui import tasks
from desk.ui.account_link import ServiceAccountLink


def on_record(desk):
    with desk.store.transaction():
        chain.append(desk.store.db, action="account_set", actor="admin", detail={"handle": "MediaCentre"})


def approved(desk, text="خبر معتمد والمخزن مقفل"):
    sara = as_user(desk, "sara")
    post_id = sara.draft(text)
    sara.submit(post_id)
    as_user(desk, "khalid").approve(post_id)
    return post_id


def blocked_window(qtbot, open_window, desk, username="huda"):
    # the real account link: no OS keyring here, as for a window started without D-Bus
    window = open_window(desk, username, ServiceAccountLink(as_user(desk, username)))
    qtbot.waitUntil(lambda: window.ctx.account_connected is False)
    return window


def test_the_window_shows_publishing_blocked_not_training(qtbot, open_window, desk):
    on_record(desk)
    window = blocked_window(qtbot, open_window, desk)
    assert window.bands.training.isHidden()
    assert not window.bands.blocked.isHidden()
    assert "keyring is locked or unreachable" in window.bands.blocked.text()
    assert not window.ctx.training()
    assert "Training timeline" not in window.header.account.text()


def test_without_an_account_on_record_the_training_band_stays(qtbot, open_window, desk):
    window = blocked_window(qtbot, open_window, desk)
    assert not window.bands.training.isHidden()
    assert window.bands.blocked.isHidden()


def test_publish_now_refuses_and_leaves_the_post_approved(qtbot, open_window, desk, snapshot, data_dir):
    on_record(desk)
    post_id = approved(desk)
    before = snapshot(data_dir)
    window = blocked_window(qtbot, open_window, desk)
    window.places.go("approved")
    page = window.page["approved"]
    page._select(post_id)
    page.publish_button.click()
    qtbot.waitUntil(lambda: "keyring is locked or unreachable" in page.notice.text())
    qtbot.waitUntil(lambda: tasks.tracker().idle())
    assert page.dialog is None  # no confirmation offered for a post that cannot go anywhere
    assert window.ctx.session.post(post_id).state == State.APPROVED
    assert snapshot(data_dir) == before


def test_the_windows_due_run_leaves_a_due_post_scheduled_and_says_why(qtbot, open_window, desk, snapshot,
                                                                       data_dir):
    from datetime import datetime, timedelta, timezone

    on_record(desk)
    post_id = approved(desk)
    at = datetime.now(timezone.utc) + timedelta(seconds=1)
    as_user(desk, "huda").schedule(post_id, at)
    while datetime.now(timezone.utc) <= at:
        qtbot.wait(50)
    before = snapshot(data_dir)
    window = blocked_window(qtbot, open_window, desk)
    window.due.run()
    qtbot.waitUntil(lambda: "keyring is locked or unreachable" in window.statusBar().currentMessage())
    qtbot.waitUntil(lambda: tasks.tracker().idle())
    assert window.ctx.session.post(post_id).state == State.SCHEDULED
    assert snapshot(data_dir) == before
    assert not window.bands.blocked.isHidden() and window.bands.training.isHidden()


def test_settings_say_blocked_not_that_posts_go_to_training(qtbot, open_window, desk):
    on_record(desk)
    window = blocked_window(qtbot, open_window, desk, "admin")
    window.places.go("settings")
    box = window.page["settings"].account
    assert "keyring is locked or unreachable" in box.status.text()
    assert "training timeline" not in box.status.text().replace("desk account forget", "")
