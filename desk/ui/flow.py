"""From start to the desk: first run when the folder is new, sign-in, the window, sign-out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from desk.ui.sign_in import SignInDialog


class DeskFlow(QObject):
    desk_opened = Signal(object)  # the desk, opened by begin() once the sign-in frame shows

    def __init__(self, desk=None, account_link=None, parent=None):
        super().__init__(parent)
        self.desk = desk
        self.account_link = account_link
        self.dialog = None
        self.window = None
        self.ctx = None

    def begin(self, open_desk, starting_language=None) -> None:
        """The sign-in frame at once, the desk a moment later: ``open_desk()`` (the store,
        its modules, the database) runs once the frame has been painted, then fills in
        the institution. A new folder goes on to the first run instead."""
        self.dialog = SignInDialog()
        self.dialog.rejected.connect(QApplication.instance().quit)
        # once the paint has finished: the frame is on the screen while the desk opens
        self.dialog.first_painted.connect(lambda: QTimer.singleShot(0, self, lambda: self._open(open_desk,
                                                                                              starting_language)))
        self.dialog.show()

    def _open(self, open_desk, starting_language) -> None:
        from desk.core.errors import DeskError

        app = QApplication.instance()
        try:
            self.desk = open_desk()
        except Exception as error:  # in the event loop now: said here, or the frame would wait greyed for ever
            from PySide6.QtWidgets import QMessageBox

            self.dialog.hide()
            if isinstance(error, DeskError):
                text = error.message(app.language)
            else:
                text = QCoreApplication.translate(
                    "DeskContext", "Something unexpected went wrong (%1). Nothing else was changed.").replace(
                    "%1", type(error).__name__)
            QMessageBox.critical(None, app.applicationDisplayName(), text)
            app.exit(1)
            return
        if starting_language is not None:
            app.set_language(starting_language(self.desk))
        self.desk_opened.emit(self.desk)
        if self.desk.institution() is None:
            frame = self.dialog
            frame.rejected.disconnect()
            frame.close()
            frame.deleteLater()
            self.start()
            return
        self.dialog.accepted.connect(lambda: self.open_window(self.dialog.session))
        self.dialog.set_desk(self.desk)
        preload()

    def start(self) -> None:
        if self.desk.institution() is None:
            from desk.ui.first_run import FirstRunDialog  # once per desk: not on every start

            self.dialog = FirstRunDialog(self.desk)
            self.dialog.accepted.connect(self.sign_in)
            self.dialog.rejected.connect(QApplication.instance().quit)
            self.dialog.show()
        else:
            self.sign_in()

    def sign_in(self) -> None:
        self.dialog = SignInDialog(self.desk)
        self.dialog.accepted.connect(lambda: self.open_window(self.dialog.session))
        self.dialog.rejected.connect(QApplication.instance().quit)
        self.dialog.show()
        preload()

    def open_window(self, session) -> None:
        from desk.ui.account_link import ServiceAccountLink
        from desk.ui.context import DeskContext
        from desk.ui.main_window import MainWindow  # loaded while the person signs in (preload)

        link = self.account_link if self.account_link is not None else ServiceAccountLink(session)
        self.ctx = DeskContext(self.desk, session, link)
        self.window = MainWindow(self.ctx)
        self.window.signed_out.connect(self._signed_out)
        self.window.closed.connect(QApplication.instance().quit)
        self.window.language_changed.connect(lambda: self._relanguage(session))
        self.window.show()

    def _relanguage(self, session) -> None:
        """Chosen in Settings: the same person's window again, in the new language, no new sign-in."""
        old = self.window
        geometry = old.saveGeometry()
        old.set_aside()  # keeps what was being typed for the new window's Compose
        self.open_window(session)
        self.window.restoreGeometry(geometry)
        old.deleteLater()
        if "settings" in self.window.page:
            self.window.places.go("settings")
            self.window.page["settings"].desk_settings.say_saved()

    def _signed_out(self) -> None:
        self.window.deleteLater()
        self.window = None
        self.sign_in()


_PRELOADED = []


def preload() -> None:
    """Load the main window's modules (and X's text rules, half a second of regular
    expressions) in the background while the sign-in screen waits for a password."""
    if _PRELOADED:
        return
    import threading

    def load():
        import desk.core.text as text
        import desk.ui.main_window  # noqa: F401

        text.weighted_length("")

    _PRELOADED.append(threading.Thread(target=load, name="preload", daemon=True))
    _PRELOADED[0].start()
