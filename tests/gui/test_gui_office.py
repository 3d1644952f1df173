"""The window on an office's PostgreSQL desk: other workstations' changes within a second
or two, the server out of reach (the draft kept), and which workstation publishes."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from gui_support import read_as_text, settle
from tcp_gate import Gate

from desk.core.states import State
from desk.ui import tasks


def test_the_window_shows_another_workstations_changes_within_two_seconds(qtbot, pg_office, open_office_window):
    here = pg_office.desk()
    window = open_office_window(here, "sara")
    window.places.go("review")
    page = window.page["review"]
    assert page.list.topLevelItemCount() == 0
    other = pg_office.workstation("b")
    omar = other.sign_in("omar", "officerpw1")
    for count in (1, 2, 3):
        post_id = omar.draft(f"خبر من محطة أخرى رقم {count}")
        omar.submit(post_id)
        started = time.monotonic()
        # the first within two seconds; the next ones, committed just after the window saw
        # the one before, as quickly: a two-second poll would show those only after two
        qtbot.waitUntil(lambda: page.list.topLevelItemCount() == count, timeout=2000 if count == 1 else 1500)
        assert time.monotonic() - started < 2.0
    assert window.places.item(window.places.keys().index("review")).text() == "For review\n3 waiting"


def test_the_server_out_of_reach_keeps_the_draft_and_saving_works_once_it_is_back(qtbot, pg_office,
                                                                                 open_office_window, images,
                                                                                 tmp_path):
    target = urlsplit(pg_office.url)
    gate = Gate(target.hostname, target.port)
    gate.open()
    url = pg_office.url.replace(f":{target.port}/", f":{gate.port}/")
    here = pg_office.desk(url=url)
    window = open_office_window(here, "omar")
    window.places.go("compose")
    page = window.page["compose"]
    text = "بيان صحفي يُكتب والخادم منقطع"
    page.editor.set_text(text)
    picture = tmp_path / "photo.png"
    picture.write_bytes(images.png(size=(64, 48)))
    page.images.add_files([str(picture)])
    page.images.cards[0].alt.setText("صورة المؤتمر")
    settle(qtbot)
    typed = page.snapshot()
    gate.shut()
    page.save()
    qtbot.waitUntil(lambda: not page.saving, timeout=15000)
    assert "cannot be reached" in page.notice.text() or "was lost" in page.notice.text()
    assert page.snapshot() == typed and page.post_id is None
    qtbot.waitUntil(lambda: window.bands.offline.isVisible(), timeout=5000)
    assert "database server cannot be reached" in window.bands.offline.text()
    qtbot.wait(1000)  # the window keeps trying meanwhile, and keeps what was typed
    assert page.snapshot() == typed and window.bands.offline.isVisible()

    gate.open()
    qtbot.waitUntil(lambda: not window.bands.offline.isVisible(), timeout=10000)
    assert page.snapshot() == typed
    assert page.save()
    qtbot.waitUntil(lambda: not page.saving, timeout=15000)
    assert page.post_id is not None, page.notice.text()
    assert page.notice.text() == f"Draft #{page.post_id} saved."
    saved = here.sign_in("omar", "officerpw1").post(page.post_id)
    assert saved.text == text and [m.alt for m in saved.media] == ["صورة المؤتمر"]
    settle(qtbot)
    gate.shut()
    here.close()


def test_the_server_out_of_reach_is_said_in_arabic(qtbot, pg_office, open_office_window, qapp):
    qapp.set_language("ar")
    try:
        target = urlsplit(pg_office.url)
        gate = Gate(target.hostname, target.port)
        gate.open()
        here = pg_office.desk(url=pg_office.url.replace(f":{target.port}/", f":{gate.port}/"))
        window = open_office_window(here, "omar")
        window.places.go("compose")
        page = window.page["compose"]
        page.editor.set_text("نص محفوظ")
        gate.shut()
        page.save()
        qtbot.waitUntil(lambda: not page.saving, timeout=15000)
        assert "تعذّر الوصول إلى خادم قاعدة بيانات المكتب" in page.notice.text()
        qtbot.waitUntil(lambda: window.bands.offline.isVisible(), timeout=5000)
        assert "لا يمكن الوصول إلى خادم قاعدة بيانات المكتب" in window.bands.offline.text()
        assert page.editor.text() == "نص محفوظ"
        gate.open()
        qtbot.waitUntil(lambda: not window.bands.offline.isVisible(), timeout=10000)
        settle(qtbot)
        gate.shut()
        here.close()
    finally:
        qapp.set_language("en")


def test_only_the_chosen_workstation_publishes_due_posts_and_the_others_say_which(
        qtbot, pg_office, open_office_window, monkeypatch):
    desk = pg_office.desk()
    admin = desk.sign_in("admin", "adminpass1")
    admin.set_setting("publishing_workstation", "press-room")
    omar, khalid = desk.sign_in("omar", "officerpw1"), desk.sign_in("khalid", "supervisor2")
    post_id = omar.draft("خبر مجدول تنشره محطة غرفة الصحافة")
    omar.submit(post_id)
    khalid.approve(post_id)
    khalid.schedule(post_id, datetime.now(timezone.utc) + timedelta(seconds=1))
    time.sleep(1.2)

    monkeypatch.setenv("DESK_WORKSTATION", "reception")
    window = open_office_window(desk, "sara")
    window.due.run()
    settle(qtbot)
    assert window.bands.workstation.isVisible()
    assert read_as_text(window.bands.workstation.text()) == ("Scheduled posts are published by the workstation press-room, "
                                               "not by this one (reception).")
    assert window.statusBar().currentMessage() == ""  # quietly: nothing failed
    assert khalid.post(post_id).state == State.SCHEDULED

    monkeypatch.setenv("DESK_WORKSTATION", "Press-Room")  # host names are case-blind
    window.refresh()
    assert not window.bands.workstation.isVisible()
    window.due.run()
    qtbot.waitUntil(lambda: khalid.post(post_id).state == State.PUBLISHED, timeout=10000)
    settle(qtbot)
    assert tasks.tracker().idle()


def test_the_window_notices_the_server_going_and_coming_back_and_catches_up(qtbot, pg_office, open_office_window):
    target = urlsplit(pg_office.url)
    gate = Gate(target.hostname, target.port)
    gate.open()
    here = pg_office.desk(url=pg_office.url.replace(f":{target.port}/", f":{gate.port}/"))
    window = open_office_window(here, "sara")
    window.places.go("review")
    page = window.page["review"]
    gate.shut()  # nothing asked of the window: its listening connection sees the server go
    qtbot.waitUntil(lambda: window.bands.offline.isVisible(), timeout=5000)
    omar = pg_office.workstation("b").sign_in("omar", "officerpw1")  # the server itself is up
    post_id = omar.draft("خبر كُتب والمحطة الأولى منقطعة")
    omar.submit(post_id)
    qtbot.wait(500)
    assert page.list.topLevelItemCount() == 0 and window.bands.offline.isVisible()
    gate.open()
    qtbot.waitUntil(lambda: not window.bands.offline.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: page.list.topLevelItemCount() == 1, timeout=2000)
    settle(qtbot)
    gate.shut()
    here.close()


def test_the_windows_poll_asks_its_own_socket_not_the_server(qtbot, pg_office, open_office_window):
    import psycopg

    window = open_office_window(pg_office.desk(), "sara")
    database = urlsplit(pg_office.url).path.lstrip("/")

    def listening():  # the server's own record of the listening connection's last statement
        with psycopg.connect(pg_office.url, autocommit=True) as conn:
            return conn.execute("SELECT query, state_change FROM pg_stat_activity WHERE datname = %s"
                                " AND query LIKE 'LISTEN%%'", [database]).fetchall()

    before = listening()
    assert len(before) == 1
    qtbot.wait(1500)  # several polls
    assert listening() == before


def test_a_refusal_no_page_caught_is_said_in_the_window_and_a_lost_server_shows_its_band(
        qtbot, pg_office, open_office_window):
    from desk.core.errors import DeskError
    from desk.service import LogFilter
    from desk.ui.app import desk_error_hook

    target = urlsplit(pg_office.url)
    gate = Gate(target.hostname, target.port)
    gate.open()
    here = pg_office.desk(url=pg_office.url.replace(f":{target.port}/", f":{gate.port}/"))
    window = open_office_window(here, "sara")
    passed_on = []
    hook = desk_error_hook(lambda *exc: passed_on.append(exc))
    gate.shut()
    try:  # what a click that reads the log directly meets with the server gone
        window.ctx.session.log_count(LogFilter(search="الوزارة"))
    except DeskError as error:
        hook(type(error), error, error.__traceback__)
    else:
        raise AssertionError("the server was shut: the read should have failed")
    assert "cannot be reached" in window.statusBar().currentMessage() or "was lost" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.bands.offline.isVisible(), timeout=5000)
    assert passed_on == []
    hook(ValueError, ValueError("a bug"), None)  # anything else is no refusal: Python's own hook
    assert len(passed_on) == 1 and isinstance(passed_on[0][1], ValueError)
    gate.open()
    qtbot.waitUntil(lambda: not window.bands.offline.isVisible(), timeout=10000)
    settle(qtbot)
    gate.shut()
    here.close()
