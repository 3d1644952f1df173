"""The desk's main window. It only assembles the parts and passes signals between them."""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDialog, QHBoxLayout, QLabel, QMainWindow, QProgressBar, QStackedWidget, QVBoxLayout, QWidget,
)

from desk.core.errors import DeskError
from desk.service import LogFilter
from desk.ui import i18n, tasks
from desk.ui.bands import Bands
from desk.ui.compose.page import ComposePage
from desk.ui.header import HeaderBar
from desk.ui.idle import IdleWatcher
from desk.ui.lock_screen import LockScreen
from desk.ui.log.page import LogPage
from desk.ui.places import Places
from desk.ui.publish.page import ApprovedPage
from desk.ui.reports.page import ReportsPage
from desk.ui.review.page import ReviewPage
from desk.ui.settings.page import SettingsPage
from desk.ui.staff.page import StaffPage
from desk.ui.training_page import TrainingPage
from desk.ui.tray import Notifier
from desk.ui.watcher import DataWatcher, DueRunner
from desk.ui.window_fit import keep_on_screen, keep_window, place_window

WANTED = QSize(1280, 800)  # on a screen with room for it; a smaller one gets what it has


class MainWindow(QMainWindow):
    signed_out = Signal()
    closed = Signal()
    language_changed = Signal()  # the window's words changed language: it is built again

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        # Qt adds the program's name itself ("Media Centre — Posting Desk"): said once
        self.setWindowTitle(ctx.institution_name())
        self.header = HeaderBar(ctx)
        self.bands = Bands(ctx)
        self.places = Places()
        self.pages = QStackedWidget()
        self.page = {}
        self.stale: set[str] = set()
        self._add_pages()
        self.lock_screen = LockScreen(ctx)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.places)
        row.addWidget(self.pages, 1)
        self.places.setFixedWidth(self.places.sizeHintForColumn(0) + 48)
        desk_view = QWidget()
        column = QVBoxLayout(desk_view)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.bands)
        column.addWidget(body, 1)
        self.outer = QStackedWidget()
        self.outer.addWidget(desk_view)
        self.outer.addWidget(self.lock_screen)
        self.setCentralWidget(self.outer)
        self._status_bar()
        self._menus()
        self._wire()
        self.placed_afresh = not place_window(self, "main", WANTED)
        self.places.go(self.places.keys()[0])
        self.refresh()
        ctx.check_account()
        if "compose" in self.page and self.page["compose"].restore_autosave():
            self.places.go("compose")

    def _add_pages(self) -> None:
        ctx = self.ctx
        wanted = [
            ("compose", self.tr("Compose"), ComposePage, ctx.may("draft")),
            ("review", self.tr("For review"), ReviewPage, ctx.may("approve")),
            ("approved", self.tr("Approved and scheduled"), ApprovedPage, ctx.may("publish")),
            ("log", self.tr("Log"), LogPage, ctx.may("read_log")),
            ("reports", self.tr("Reports"), ReportsPage, ctx.may("read_log")),
            ("training", self.tr("Training timeline"), TrainingPage, ctx.may("read_log")),
            ("staff", self.tr("Staff"), StaffPage, ctx.may("manage_staff")),
            ("settings", self.tr("Settings"), SettingsPage, ctx.may("manage_settings")),
        ]
        for key, name, cls, allowed in wanted:
            if allowed:
                self.page[key] = cls(ctx)
                self.pages.addWidget(self.page[key])
                self.places.add_place(key, name)

    def _status_bar(self) -> None:
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # moving, without a percentage: "working"
        self.busy.setMaximumWidth(140)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.keys_label = QLabel()  # on an office's desk: whether this workstation can publish
        self.keys_label.setObjectName("muted")
        self.keys_label.hide()
        self.statusBar().addPermanentWidget(self.keys_label)

    def _menus(self) -> None:
        desk_menu = self.menuBar().addMenu(self.tr("&Desk"))
        lock = QAction(self.tr("Lock"), self, shortcut=QKeySequence("Ctrl+L"), triggered=self.lock)
        sign_out = QAction(self.tr("Sign out"), self, triggered=self.sign_out)
        quit_action = QAction(self.tr("Quit"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit),
                              triggered=self.close)
        desk_menu.addActions([lock, sign_out])
        desk_menu.addSeparator()
        desk_menu.addAction(quit_action)
        if "log" in self.page:
            log_menu = self.menuBar().addMenu(self.tr("&Log"))
            search = QAction(self.tr("Search the log"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Find),
                             triggered=self.search_log)
            self.export_action = QAction(self.tr("Export…"), self, triggered=self.page["log"].ask_export)
            button = self.page["log"].export_button
            self.export_action.setEnabled(button.isEnabled())
            self.export_action.setToolTip(button.toolTip())
            log_menu.addActions([search, self.export_action])

    def _wire(self) -> None:
        ctx = self.ctx
        self.places.chosen.connect(self.show_place)
        self.header.lock_button.clicked.connect(self.lock)
        self.header.sign_out_button.clicked.connect(self.sign_out)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.sign_out.connect(self.sign_out)
        ctx.changed.connect(self.refresh)
        ctx.account_changed.connect(self.refresh_account)
        ctx.language_chosen.connect(self.change_language)
        ctx.notice.connect(lambda text, _: self.statusBar().showMessage(text, 10000))
        tasks.tracker().busy_changed.connect(self.busy.setVisible)
        tasks.tracker().failed.connect(lambda error: self.statusBar().showMessage(ctx.message(error), 15000))
        self.watcher = DataWatcher(ctx.desk, self)
        QApplication.instance().desk_window = self  # where an uncaught refusal is said (app.desk_error_hook)
        self.watcher.changed.connect(ctx.touch)
        self.watcher.reachable.connect(ctx.set_reachable)
        ctx.reachability.connect(self._reachability)
        self.due = DueRunner(ctx.desk, self)
        self.due.ran.connect(self._due_ran)
        self.due.failed.connect(self._due_failed)
        self.idle = IdleWatcher(ctx.settings()["idle_minutes"], self)
        self.idle.idle.connect(self.lock)
        self.notifier = Notifier(self, QIcon(str(ctx.desk.logo_path())), ctx.may("approve"))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._settle_on_screen)

    def _settle_on_screen(self) -> None:
        """Once shown and laid out: within the screen, and the first time at the fitted size
        (showing grew it to its least size before the pages had their text)."""
        keep_on_screen(self, WANTED if self.placed_afresh else None)
        self.placed_afresh = False

    # places -----------------------------------------------------------------------
    def show_place(self, key: str) -> None:
        self.pages.setCurrentWidget(self.page[key])
        if key in self.stale and not self.ctx.offline:
            self.stale.discard(key)
            self.page[key].reload()

    def search_log(self) -> None:
        self.places.go("log")
        self.page["log"].focus_search()

    def refresh(self) -> None:
        """Something changed: the visible place reloads now, the others when next shown.
        With the server out of reach nothing is read: the pages keep what they show
        (a draft being typed included) and reload once it answers again."""
        if self.ctx.offline:
            self.bands.reload()
            self.stale.update(self.page)
            return
        try:
            self.header.reload()
            self.bands.reload()
            self.idle.set_minutes(self.ctx.settings()["idle_minutes"])
            self._counts()
            current = self.pages.currentWidget()
            for key, page in self.page.items():
                if page is current:
                    page.reload()
                else:
                    self.stale.add(key)
        except DeskError as error:
            self.stale.update(self.page)
            self.ctx.note_failure(error)
            self.statusBar().showMessage(self.ctx.message(error), 15000)

    def show_failure(self, error) -> None:
        """A refusal or a lost server that escaped the click which met it."""
        self.ctx.note_failure(error)
        self.statusBar().showMessage(self.ctx.message(error), 15000)

    def _reachability(self, reachable: bool) -> None:
        if not reachable:
            self.watcher.lost()
        self.bands.set_offline(not reachable)
        if reachable:
            self.refresh()

    def refresh_account(self) -> None:
        if self.ctx.offline:
            return
        try:
            self.header.reload()
            self.bands.reload()
        except DeskError as error:
            self.ctx.note_failure(error)
        holds = self.ctx.desk.on_server and self.ctx.account_connected is True
        self.keys_label.setText(self.tr("This workstation holds the X keys."))
        self.keys_label.setVisible(holds)

    def _counts(self) -> None:
        session = self.ctx.session
        review = session.log_count(LogFilter(state="in_review")) if self.ctx.may("approve") else 0
        problems = sum(session.log_count(LogFilter(state=s)) for s in ("failed", "uncertain", "missed"))
        self.places.set_count("review", review)
        self.places.set_count("approved", problems)
        self.notifier.update(review, problems, self.tr("Posts waiting for your review: %n.", "", review),
                             self.tr("A post could not be published: see Approved and scheduled."))

    def _due_ran(self, results) -> None:
        if results:
            self.ctx.touch()
        # a due post X said "not now" to keeps its place: say until when
        waiting = next((r for r in results or [] if r.outcome == "waiting" and r.error), None)
        if waiting is not None:
            self.statusBar().showMessage(self.ctx.message(waiting.error), 15000)

    def _due_failed(self, error) -> None:
        """Scheduled posts could not go out: say why, and ask the keyring again, so a
        keyring locked since start-up shows as the blocked band. Another workstation
        publishing them, or holding the keys, is no failure: the band says so, quietly."""
        from desk.core.workstation import NotThisWorkstation
        from desk.vault import PublishingBlocked

        self.ctx.note_failure(error)
        if self.ctx.offline:
            return  # the band says so already
        if isinstance(error, NotThisWorkstation) or getattr(error, "key", "") == "workstation.keys_elsewhere":
            if not self.ctx.keys_elsewhere() and isinstance(error, PublishingBlocked):
                self.ctx.check_account()
            self.refresh_account()
            return
        self.statusBar().showMessage(self.ctx.message(error), 15000)
        if isinstance(error, PublishingBlocked):
            self.ctx.check_account()

    def change_language(self, lang: str) -> None:
        """The desk's language chosen in Settings: this computer speaks it from now on."""
        i18n.remember_language(lang)
        app = QApplication.instance()
        before = app.language
        app.set_language(lang or i18n.system_language())
        if app.language != before:
            # after the click that chose it has finished: the window is then replaced
            QTimer.singleShot(0, self.language_changed.emit)

    # lock and leaving --------------------------------------------------------------------
    def is_locked(self) -> bool:
        return self.outer.currentWidget() is self.lock_screen

    def lock(self) -> None:
        if "compose" in self.page:
            self.page["compose"].flush_autosave()
        # an open dialog (a reason being written, a confirmation) waits hidden, as it was
        self._waiting = [d for d in self.findChildren(QDialog) if d.isVisible()]
        for dialog in self._waiting:
            dialog.hide()
        self.lock_screen.prepare()
        self.outer.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)

    def unlock(self) -> None:
        self.outer.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.refresh()
        for dialog in getattr(self, "_waiting", []):
            dialog.show()
        self._waiting = []

    def _leave(self) -> None:
        keep_window(self, "main")
        if "compose" in self.page:
            self.page["compose"].flush_autosave()
        for timer in self.findChildren(QTimer):  # pages' autosave and preview timers too
            timer.stop()
        self.idle.stop()
        self.notifier.hide()

    def set_aside(self) -> None:
        """Closed to be replaced by a new window: nothing quits, what was typed is kept."""
        self._leave()
        self._signing_out = True
        self.close()

    def sign_out(self) -> None:
        self._leave()
        self._signing_out = True
        self.close()
        self.signed_out.emit()

    def closeEvent(self, event) -> None:
        self._leave()
        super().closeEvent(event)
        if not getattr(self, "_signing_out", False):
            self.closed.emit()
