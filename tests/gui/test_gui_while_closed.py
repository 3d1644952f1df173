"""Approved and scheduled says whether scheduled posts go out while the window is closed
(a systemd user timer runs `desk publish-due`) and when publish-due last ran."""

import sys
from datetime import datetime, timedelta, timezone

import pytest

from gui_support import as_user, read_as_text, settle

from desk import schedule_service

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the timer is systemd's")


@pytest.fixture(autouse=True)
def own_unit_folder(tmp_path, monkeypatch):
    """Units go to this test's folder, never to a person's ~/.config."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def scheduled(desk, text="خبر مجدول"):
    sara = as_user(desk, "sara")
    post_id = sara.draft(text)
    sara.submit(post_id)
    huda = as_user(desk, "huda")
    huda.approve(post_id)
    huda.schedule(post_id, datetime.now(timezone.utc) + timedelta(days=1))
    return post_id


def approved_page(open_window, desk):
    window = open_window(desk, "huda")
    window.places.go("approved")
    page = window.page["approved"]
    page.while_closed.ask_systemd = False  # the test machine's systemd is not this test's business
    return window, page


def shown(qtbot, page, *expected) -> str:
    page.reload()
    settle(qtbot)
    qtbot.waitUntil(lambda: page.while_closed.isVisible() and all(e in read_as_text(page.while_closed.text())
                                                                  for e in expected))
    return read_as_text(page.while_closed.text())


def test_no_timer_with_posts_scheduled_is_a_warning(qtbot, open_window, desk):
    scheduled(desk)
    window, page = approved_page(open_window, desk)
    said = shown(qtbot, page, "scheduled posts wait", "No run of publish-due is recorded")
    assert "desk schedule-service install" in said
    assert page.while_closed.objectName() == "warning"


def test_no_timer_and_nothing_scheduled_is_only_said(qtbot, open_window, desk):
    window, page = approved_page(open_window, desk)
    shown(qtbot, page, "scheduled posts wait")
    assert page.while_closed.objectName() == "muted"


def test_a_timer_and_the_last_run_are_named(qtbot, open_window, desk):
    scheduled(desk)
    schedule_service.write_units(desk.folder, every_minutes=5)
    ran_at = datetime(2026, 12, 3, 9, 30, tzinfo=timezone.utc)
    schedule_service.note_run(desk.folder, ran_at, 6)
    window, page = approved_page(open_window, desk)
    said = shown(qtbot, page, "installed on this computer", "publish-due last ran")
    assert "keyring was locked" in said
    assert ran_at.astimezone().strftime("%Y-%m-%d %H:%M") in said  # in this computer's time
    assert page.while_closed.status.timer_installed and page.while_closed.status.covered is None


def test_in_arabic(qtbot, open_window, desk, arabic):
    scheduled(desk)
    schedule_service.note_run(desk.folder, datetime.now(timezone.utc), 0)
    window, page = approved_page(open_window, desk)
    page.reload()
    settle(qtbot)
    qtbot.waitUntil(lambda: page.while_closed.isVisible() and page.while_closed.status is not None)
    said = read_as_text(page.while_closed.text())
    assert "المنشورات المجدولة تنتظر" in said and "تمّ بنجاح" in said, said
    assert not any("a" <= ch <= "z" for ch in said.replace("publish-due", "").replace(
        "desk schedule-service install", "")), said  # no English words left untranslated
