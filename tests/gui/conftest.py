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


def window_opener(qtbot, account, password_of):
    """opener(desk, username, link=None) -> a shown MainWindow signed in as that person."""
    from desk.ui.context import DeskContext
    from desk.ui.main_window import MainWindow

    def opener(desk, username, link=None):
        session = desk.sign_in(username, password_of(username))
        window = MainWindow(DeskContext(desk, session, link or account))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: tasks.tracker().idle())
        return window

    return opener


@pytest.fixture
def open_window(qtbot, account):
    """open_window(desk, username) -> a shown MainWindow signed in as that person."""
    return window_opener(qtbot, account, lambda username: PASSWORD)



# --------------------------------------------------------------------------- an office on PostgreSQL
PG_PASSWORDS = {"admin": "adminpass1", "omar": "officerpw1", "sara": "supervisor1", "khalid": "supervisor2"}


class PgOffice:
    """The tests' office (admin, officer omar, supervisors sara and khalid) in a database of
    its own on the test server; each workstation is a data folder of its own that shares it."""

    def __init__(self, url: str, folder, tmp_path):
        self.url = url
        self.folder = folder
        self.tmp_path = tmp_path
        self.opened = []

    def desk(self, folder=None, url: str | None = None):
        from desk.service import Desk

        desk = Desk(folder or self.folder, database=url or self.url)
        self.opened.append(desk)
        return desk

    def workstation(self, name: str, url: str | None = None):
        """Another workstation of the same desk: a folder of its own, the same database."""
        return self.desk(self.tmp_path / f"workstation-{name}", url)

    def close(self) -> None:
        for desk in self.opened:
            try:
                desk.close()
            except Exception:
                pass


@pytest.fixture
def pg_office(pg_databases, data_dir, tmp_path):
    if not os.environ.get("DESK_TEST_DATABASE_URL"):
        pytest.skip("no PostgreSQL server (run the tests through tools/with-postgres.sh)")
    office = PgOffice(pg_databases.office(data_dir), data_dir, tmp_path)
    yield office
    tasks.wait_all(20000)
    office.close()


@pytest.fixture
def open_office_window(qtbot, account):
    """open_office_window(desk, username, link=None) -> a shown MainWindow on that workstation."""
    return window_opener(qtbot, account, PG_PASSWORDS.get)


@pytest.fixture
def arabic(qapp):
    """The window in Arabic for this test, back in English after it."""
    qapp.set_language("ar")
    yield
    qapp.set_language("en")
