"""One measurement of the window, in a process of its own (run by benchmarks.window).

Modes: bare (a plain PySide6 window: the baseline), sign-in (the desk's first screen),
log (signed in, the log open: resident memory), stall (publishing while X takes 3 s:
the GUI thread's longest pause). Prints one line of JSON.
"""

from __future__ import annotations

import json
import os
import sys
import time

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def first_paint(widget, app) -> float:
    """Seconds from process start until the widget has been painted once."""
    from PySide6.QtCore import QEvent, QObject

    painted = []

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
                app.quit()
            return False

    watch = Watch()
    widget.installEventFilter(watch)
    widget.show()
    app.exec()
    return painted[0] - STARTED


def bare() -> dict:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv)
    return {"seconds": first_paint(QLabel("Posting Desk"), app)}


def sign_in(folder: str) -> dict:
    """As desk.ui.app.run() starts: the sign-in frame first, the desk opened once it shows."""
    from desk.ui.app import DeskApplication
    from desk.ui.flow import DeskFlow

    app = DeskApplication(sys.argv)
    app.set_language("ar")

    def open_desk():
        from desk.service import Desk

        return Desk(folder, checkpoint_in_background=True)

    flow = DeskFlow()
    flow.begin(open_desk)
    seconds = first_paint(flow.dialog, app)
    end = time.perf_counter() + 30  # the desk opens after the first paint: the run is only done with it
    while not flow.dialog.name.text() and time.perf_counter() < end:
        app.processEvents()
    return {"seconds": seconds, "filled_after": time.perf_counter() - STARTED, "filled": bool(flow.dialog.name.text())}


def _window(folder: str, publisher_factory=None):
    from desk.service import Desk
    from desk.ui.account_link import ServiceAccountLink
    from desk.ui.app import DeskApplication
    from desk.ui.context import DeskContext
    from desk.ui.main_window import MainWindow

    app = DeskApplication(sys.argv)
    desk = Desk(folder, publisher_factory=publisher_factory)
    session = desk.sign_in("supervisor", "benchmark-password")
    window = MainWindow(DeskContext(desk, session, ServiceAccountLink(session)))
    window.show()
    return app, desk, session, window


def settle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def log(folder: str) -> dict:
    app, desk, session, window = _window(folder)
    window.places.go("log")
    page = window.page["log"]
    settle(app, 1.0)
    for _ in range(5):  # a person scrolling down a few pages
        page.table.scrollToBottom()
        settle(app, 0.3)
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    rows = page.model.rowCount()
    return {"rss_mb": int(fields["VmRSS"].split()[0]) / 1024, "peak_mb": int(fields["VmHWM"].split()[0]) / 1024,
            "rows": rows}


def stall(folder: str) -> dict:
    import threading

    from PySide6.QtCore import QTimer

    from desk.service import Desk

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from tests.fakes.x_server import FakeX
    from desk.publish.x import XPublisher

    keys = dict(consumer_key="bench-consumer-key", consumer_secret="bench-consumer-secret",
                access_token="1580000000000000001-bench", access_token_secret="bench-token-secret")
    fake = FakeX(**keys, username="office").start()
    fake.fail_always("stall", on="POST /2/tweets", seconds=3.0)  # X answers, after 3 s
    factory = lambda desk: XPublisher(*keys.values(), api_base=fake.base_url, timeout=20)  # noqa: E731
    app, desk, session, window = _window(folder, factory)
    officer = desk.sign_in("officer", "benchmark-password")
    post_id = officer.draft(f"خبر للقياس {time.time():.0f}")
    officer.submit(post_id)
    session.approve(post_id)
    window.places.go("approved")
    page = window.page["approved"]
    settle(app, 0.5)
    page._select(post_id)
    page.ask_publish()
    settle(app, 0.3)
    ready = time.perf_counter() + 20  # with the server far away the dialog takes longer to come
    while page.dialog is None and time.perf_counter() < ready:
        settle(app, 0.05)
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    published = threading.Event()

    def watch() -> None:  # on a connection of its own: the GUI thread reads nothing for the measure
        other = Desk(folder, checkpoint_in_background=True)  # no day backup on this connection
        while not published.is_set() and other.store.posts.get(post_id).state.value != "published":
            time.sleep(0.005)
        published.set()
        other.close()

    threading.Thread(target=watch, daemon=True).start()
    start = time.perf_counter()
    page.dialog.publish_button.click()
    while time.perf_counter() - start < 6 and not published.is_set():
        app.processEvents()
        time.sleep(0.001)
    published.set()
    timer.stop()
    fake.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    return {"max_gap_ms": max(gaps) * 1000 if gaps else float("inf"), "ticks": len(ticks),
            "state": desk.store.posts.get(post_id).state.value}


def reports(folder: str) -> dict:
    """From choosing Reports to the page painted with the month's figures (read off the
    GUI thread), on the office opened and its log shown first, as a person would come to it."""
    app, desk, session, window = _window(folder)
    settle(app, 1.0)
    page = window.page["reports"]
    start = time.perf_counter()
    window.places.go("reports")
    end = start + 30
    while page.figures is None and time.perf_counter() < end:
        app.processEvents()
    page.repaint()  # the figures painted, not only read
    seconds = time.perf_counter() - start
    shown = page.figures
    start = time.perf_counter()  # then the month before, a whole month of work
    page.month_bar.previous_button.click()
    while (page.figures is None or page.figures.period == shown.period) and time.perf_counter() < end:
        app.processEvents()
    page.repaint()
    before = time.perf_counter() - start
    return {"seconds": max(seconds, before), "first": seconds, "previous": before,
            "published": page.figures.published, "month": page.figures.period.key()}


if __name__ == "__main__":
    mode = sys.argv[1]
    folder = sys.argv[2] if len(sys.argv) > 2 else ""
    result = {"bare": bare, "sign-in": lambda: sign_in(folder), "log": lambda: log(folder),
              "stall": lambda: stall(folder), "reports": lambda: reports(folder)}[mode]()
    print(json.dumps(result))
    os._exit(0)  # skip Qt's teardown: it is not what is measured
