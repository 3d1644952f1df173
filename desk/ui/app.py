"""The application: `desk` with no sub-command (or `python main.py`) calls run()."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desk import __version__, paths
from desk.core import surface
from desk.ui import i18n, start_check, tasks
from desk.ui.style import SHEET, app_font

DESKTOP_NAME = "posting-desk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # resources/icons/, drawn by tools/make_icons.py


def app_icon() -> QIcon:
    """The program's icon at every size it was drawn, so no size is scaled from another."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(paths.resources_dir() / "icons" / f"{DESKTOP_NAME}-{size}.png"))
    return icon


class DeskApplication(QApplication):
    """The desk's own QApplication: names, style, fonts, translations and direction."""

    def __init__(self, argv=None):
        super().__init__(list(argv if argv is not None else sys.argv))
        self.setApplicationName("Posting Desk")
        self.setApplicationDisplayName("Posting Desk")
        self.setOrganizationName("posting-desk")
        self.setApplicationVersion(__version__)
        QGuiApplication.setDesktopFileName(DESKTOP_NAME)  # Wayland finds the .desktop file and icon by it
        self.setQuitOnLastWindowClosed(False)  # between sign-in and the window no window is open
        surface.read_in_window()
        self.setStyle("Fusion")
        self.setFont(app_font())
        self.setStyleSheet(SHEET)
        self.setWindowIcon(app_icon())
        self.language = "en"
        self.translations = i18n.Translations(self)
        self.aboutToQuit.connect(lambda: tasks.wait_all(10000))

    def set_language(self, lang: str) -> None:
        self.language = lang if lang in i18n.LANGUAGES else "en"
        self.translations.apply(self.language)
        self.setApplicationDisplayName(QCoreApplication.translate("DeskApplication", "Posting Desk"))


def starting_language(desk) -> str:
    """Chosen on this computer's sign-in screen, else the desk's setting, else the system's."""
    from desk.core.errors import DeskError

    chosen = i18n.remembered_language()
    if chosen:
        return chosen
    try:
        setting = desk.settings()["language"] if desk.institution() else ""
    except DeskError:
        setting = ""
    return setting or i18n.system_language()


def back_up_today(folder) -> None:
    """The day's backup on a connection of its own: on a big desk the copy takes seconds,
    so the window never makes it on the GUI thread (a failure shows like any task's).
    A desk opened without background checkpoints makes the day's copy as it opens."""
    from desk.service import Desk

    Desk(folder, create=False).close()


def desk_error_hook(previous):
    """sys.excepthook for the running program: a DeskError no page caught (a click that
    read from a server gone away, say) is said in the window's status bar, and a lost
    server turns the band on, instead of vanishing into stderr. Anything else goes on to
    ``previous``."""

    def hook(kind, error, trace):
        from desk.core.errors import DeskError

        shown = getattr(QApplication.instance(), "desk_window", None)
        if isinstance(error, DeskError) and shown is not None:
            try:
                shown.show_failure(error)
                return
            except RuntimeError:  # the window is gone
                pass
        previous(kind, error, trace)

    return hook


def run(data_dir=None, publisher_factory=None) -> int:
    from desk.ui.flow import DeskFlow

    app = QApplication.instance() or DeskApplication(sys.argv)
    app.set_language(i18n.remembered_language() or i18n.system_language())
    sys.excepthook = desk_error_hook(sys.excepthook)

    def open_desk():
        from desk.service import Desk  # the store and its modules: after the first screen shows

        return Desk(data_dir, publisher_factory=publisher_factory, checkpoint_in_background=True)

    def opened(desk) -> None:
        if desk.institution() and not desk.on_server:  # a server keeps its own backups (pg_dump)
            tasks.run_task(lambda: back_up_today(desk.folder))

    flow = DeskFlow()
    flow.desk_opened.connect(opened)
    if start_check.wanted():  # a built program's self-test: paint, say what showed, quit
        start_check.arm(flow)
    flow.begin(open_desk, starting_language)
    code = app.exec()
    wait_for_preload()
    if flow.desk is not None:
        flow.desk.close()
    return code


def wait_for_preload(seconds: float = 60.0) -> None:
    """Let the sign-in screen's background import of the window's modules finish before
    the interpreter shuts down: a thread still importing Qt's types then crashed the
    program on its way out (signal 11, seen when it was closed within a second or two)."""
    from desk.ui import flow

    for thread in flow._PRELOADED:
        thread.join(seconds)
