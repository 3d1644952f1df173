"""GUI tests: offscreen, the desk's own QApplication, a fresh data folder for each test."""

from __future__ import annotations

import os

# Before anything loads Qt: no screen needed. DESK_GUI_SHOW=1 shows the windows instead.
if not os.environ.get("DESK_GUI_SHOW"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["DESK_LANG"] = "en"

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from desk.ui import tasks  # noqa: E402
from gui_support import PASSWORD, FakeAccountLink, make_desk, null_keyring  # noqa: E402

# The offscreen platform says this about every dialog; it is not the desk's warning.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(config, items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def data_dir(data_dir, no_keyring, tmp_path, qapp):
    """The shared fresh data folder (tests/conftest.py), no OS keyring, own QSettings, English."""
    folder = data_dir
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    qapp.set_language("en")
    yield folder
    tasks.wait_all(20000)
    qapp.processEvents()


@pytest.fixture
def account():
    return FakeAccountLink()


@pytest.fixture(scope="session")
def desk_template(tmp_path_factory):
    """One set-up desk per run (password hashing is slow on purpose); each test gets a copy."""
    folder = tmp_path_factory.mktemp("template")
    with null_keyring():  # never a person's keyring
        make_desk(folder).close()
    return folder


@pytest.fixture
def desk(data_dir, desk_template):
    import shutil

    from desk.service import Desk

    shutil.copytree(desk_template, data_dir)
    desk = Desk(data_dir)
    yield desk
    desk.close()


@pytest.fixture
def open_window(qtbot, account):
    """open_window(desk, username) -> a shown MainWindow signed in as that person."""
    from desk.ui.context import DeskContext
    from desk.ui.main_window import MainWindow

    def opener(desk, username, link=None):
        session = desk.sign_in(username, PASSWORD)
        window = MainWindow(DeskContext(desk, session, link or account))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: tasks.tracker().idle())
        return window

    return opener

