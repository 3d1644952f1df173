"""run_task: work off the GUI thread, results and errors back on it."""

import threading

from PySide6.QtCore import QThread

from desk.core.errors import InvalidInput
from desk.ui.tasks import run_task, tracker


def test_result_comes_back_on_the_gui_thread(qtbot):
    seen = {}
    gui = QThread.currentThread()

    def work():
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    def done(value):
        seen["value"] = value
        seen["on_gui"] = QThread.currentThread() is gui

    with qtbot.waitSignal(tracker().busy_changed, check_params_cb=lambda busy: not busy):
        run_task(work, done)
    assert seen == {"worker": True, "value": 42, "on_gui": True}


def test_errors_come_back_too(qtbot):
    caught = []
    run_task(lambda: (_ for _ in ()).throw(InvalidInput("text.empty")), None, caught.append)
    qtbot.waitUntil(lambda: bool(caught))
    assert caught[0].message("en") == "The post has no text."
