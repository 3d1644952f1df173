"""What every screen shares once someone has signed in: the desk, the session, the language."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desk.core.errors import DeskError
from desk.core.messages import render
from desk.ui import adapters, i18n, words
from desk.ui.tasks import run_task


class DeskContext(QObject):
    # something in the database changed (here or at another desk): lists reload
    changed = Signal()
    # an error or a notice for the person, already in their language
    notice = Signal(str, bool)  # text, is_error
    # whether the X account's keys are saved became known or changed
    account_changed = Signal()
    # the desk's language was chosen in Settings ("" = the computer's)
    language_chosen = Signal(str)
    # the desk's database server went out of reach (False) or answers again (True)
    reachability = Signal(bool)

    def __init__(self, desk, session, account_link=None):
        super().__init__()
        self.desk = desk
        self.session = session
        self.account = account_link
        self.account_connected: bool | None = None  # unknown until the keyring answers
        self.account_problem = ""  # why the keyring could not be asked, in the person's words
        self.account_status: dict = {}
        self._institution = None
        self.offline = False  # the server cannot be reached: nothing is read until it answers
        self._training = False  # as last read, shown while the server is out of reach

    @property
    def lang(self) -> str:
        return i18n.current()

    # reading -----------------------------------------------------------------
    def institution(self) -> dict:
        if self._institution is None:
            self._institution = self.desk.require_institution()
        return self._institution

    def institution_name(self) -> str:
        found = self.institution()
        return found["name_ar"] if self.lang == "ar" else found["name_en"]

    def handle(self) -> str:
        return self.institution()["handle"]

    def settings(self) -> dict:
        return self.session.settings()

    def training(self) -> bool:
        """Posts go to the training timeline: chosen, or no account on record and no keys.
        An account on record in the chain is never training, whatever the keyring says."""
        if self.offline:
            return self._training
        try:
            if self.desk.training_chosen():
                self._training = True
            else:
                self._training = not self.desk.account_on_record() and self.account_connected is not True
        except DeskError as error:
            self.note_failure(error)
        return self._training

    def publishing_blocked(self) -> str:
        """Why nothing can be published (an account on record, its keys out of reach), or ""."""
        if self.offline or self.account_connected is not False:
            return ""
        try:
            if self.desk.training_chosen() or not self.desk.account_on_record():
                return ""
        except DeskError as error:
            self.note_failure(error)
            return ""
        from desk.core.messages import render

        found = self.account_status.get("blocked") or ""
        key = "vault.publish_blocked" if self.account_problem else "vault.publish_keys_gone"
        return found or render(key, self.lang, {})

    def keys_elsewhere(self) -> bool:
        """An office's desk with an account connected whose keys this workstation lacks."""
        return self.account_connected is False and bool(self.account_status.get("keys_elsewhere"))

    def workstation_note(self) -> str:
        """Why this workstation publishes no scheduled posts, on an office's desk; or ""."""
        if not self.desk.on_server or self.offline:
            return ""
        if self.keys_elsewhere():
            return self.tr("This workstation cannot publish: the X keys are kept on another workstation's keyring.")
        from desk.core.workstation import same

        chosen, here = self.settings()["publishing_workstation"], self.desk.workstation_name()
        if chosen and not same(chosen, here):
            # host names in left-to-right isolates: an Arabic sentence keeps them whole
            return self.tr("Scheduled posts are published by the workstation %1, not by this one (%2).").replace(
                "%1", f"\u2066{chosen}\u2069").replace("%2", f"\u2066{here}\u2069")
        return ""

    # the server ------------------------------------------------------------------
    def set_reachable(self, reachable: bool) -> None:
        if self.offline == (not reachable):
            return
        self.offline = not reachable
        self.reachability.emit(reachable)

    def note_failure(self, error) -> None:
        """An action or a read failed: when it was the server, the window says so."""
        from desk.ui.watcher import is_unreachable

        if is_unreachable(error):
            self.set_reachable(False)

    def may(self, action: str) -> bool:
        return self.session.may(action)

    def staff_names(self) -> dict[str, str]:
        return {m.username: m.name for m in self.session.staff()}

    def staff_people(self) -> tuple[dict[str, str], dict[str, str]]:
        """(names, genders) by username, from one reading of the staff (on a server, one trip);
        a gender is "f", "m" or "" (not given), for the sentences that name the person."""
        staff = self.session.staff()
        return {m.username: m.name for m in staff}, {m.username: m.gender for m in staff}

    def check_account(self) -> None:
        """Ask the keyring (off the GUI thread: it may prompt) whether keys are saved."""
        if self.account is None:
            return

        lang = self.lang

        def known(status):
            self.account_status = status
            self.account_connected, self.account_problem = bool(status["connected"]), status.get("problem", "")
            self.account_changed.emit()

        def failed(error):
            self.account_connected, self.account_problem = False, self.message(error)
            self.account_changed.emit()

        run_task(lambda: self.account.status(lang), known, failed, owner=self)

    def x_handle(self) -> str:
        """The connected account's @handle as last verified, else the institution's."""
        return self.account_status.get("handle") or self.handle()

    # acting --------------------------------------------------------------------
    def message(self, error: BaseException) -> str:
        if isinstance(error, DeskError):
            # a date or time in the message keeps its order inside an Arabic sentence
            return render(error.key, self.lang, words.isolated_times(error.params))
        if isinstance(error, OSError):  # a picture or page that could not be fetched or read
            return self.tr("The request could not be completed (%1).").replace("%1", error.strerror or type(error).__name__)
        return self.tr("Something unexpected went wrong (%1). Nothing else was changed.").replace(
            "%1", type(error).__name__)

    def act(self, func, *args, done: str = "", **kw):
        """Run a quick action on the GUI thread; show its refusal in the person's words.

        Returns the result, or None when refused.
        """
        try:
            result = func(*args, **kw)
        except DeskError as error:
            self.note_failure(error)
            self.notice.emit(error.message(self.lang), True)
            return None
        self.set_reachable(True)
        self.touch()
        if done:
            self.notice.emit(done, False)
        return result if result is not None else True

    def in_background(self, func, on_done=None, on_error=None, owner=None) -> None:
        """``func(worker_session)`` off the GUI thread on its own connection."""

        def failed(error):
            self.note_failure(error)
            if on_error is not None:
                on_error(error)
            else:
                self.notice.emit(self.message(error), True)
            self.touch()

        def finished(result):
            self.set_reachable(True)
            self.touch()
            if on_done is not None:
                on_done(result)

        run_task(adapters.in_worker(self.session, func), finished, failed, owner)

    def touch(self) -> None:
        """Our own change: SQLite's data_version only notices other connections'."""
        self._institution = None
        self.changed.emit()
