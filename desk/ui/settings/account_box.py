"""The X account: four masked fields, Save, Verify, Disconnect.

Keys go to X once to be checked, then into the keyring, and are never shown again:
the fields are emptied after saving (or after a refusal) and nothing on this screen
tells their length or any part of them.
"""

from __future__ import annotations

import urllib.request

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout,
)

from desk.core.errors import DeskError
from desk.ui.avatar import round_from_bytes, round_logo
from desk.ui.logo_match import carries_logo
from desk.ui.tasks import run_task
from desk.ui import words

AVATAR = 64
AVATAR_BYTES = 2 * 1024 * 1024


class AccountBox(QGroupBox):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.link = ctx.account
        self.dialog = None
        self.setTitle(self.tr("X account"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.fields = {}
        form = self.form = QFormLayout()
        for name, label in (("consumer_key", self.tr("API key (consumer key)")),
                            ("consumer_secret", self.tr("API key secret (consumer secret)")),
                            ("access_token", self.tr("Access token")),
                            ("access_token_secret", self.tr("Access token secret"))):
            field = QLineEdit()
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            field.setAccessibleName(label)
            field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            self.fields[name] = field
            form.addRow(label, field)
        self.where = QLabel(self.tr("The four keys are on the Keys and tokens page of the institution's app in "
                                    "X's developer portal, in this order."))
        self.where.setObjectName("muted")
        self.where.setWordWrap(True)
        form.addRow(self.where)
        # the keyring's technical words (its name, how to set one up), for whoever looks after the computer
        self.details_button = QPushButton(self.tr("Details"))
        self.details_button.setObjectName("link")
        self.details_button.setFlat(True)
        self.details_button.setCheckable(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setObjectName("muted")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        self.details_button.toggled.connect(self._show_details)
        self.save_button = QPushButton(self.tr("Save keys"))
        self.save_button.setToolTip(self.tr("The keys are checked with X, then kept in the computer's keyring."))
        self.save_button.clicked.connect(self.save_keys)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.clicked.connect(self.verify)
        self.disconnect_button = QPushButton(self.tr("Disconnect…"))
        self.disconnect_button.clicked.connect(self.ask_disconnect)
        self.logo_button = QPushButton(self.tr("Use the logo as the account's picture"))
        self.logo_button.clicked.connect(self.use_logo)
        self.logo_button.hide()
        self.logo = QLabel()
        self.avatar = QLabel()
        self.account = QLabel()
        self.account.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        buttons = QHBoxLayout()
        for button in (self.save_button, self.verify_button, self.disconnect_button):
            buttons.addWidget(button)
        buttons.addStretch()
        faces = QHBoxLayout()
        faces.addWidget(self.logo)
        faces.addWidget(self.avatar)
        faces.addWidget(self.account, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.status)
        column.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeading)
        column.addWidget(self.details)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addLayout(faces)
        column.addWidget(self.warning)
        column.addWidget(self.logo_button, 0, Qt.AlignmentFlag.AlignLeading)
        ctx.account_changed.connect(self._account_changed)
        self.logo.setPixmap(round_logo(ctx.desk.logo_path(), AVATAR))
        self.logo.setToolTip(self.tr("The institution's logo"))
        self._account_changed()

    def _account_changed(self) -> None:
        ctx = self.ctx
        saved = ctx.account_connected
        detail = ""
        for field in self.fields.values():
            field.clear()  # whatever was typed is gone once it is saved or the account changes
            field.setPlaceholderText(self.tr("saved; type new keys to replace them") if saved else "")
        if ctx.account is None:
            self.status.setText(self.tr("This desk has no keyring to keep the keys in."))
        elif saved is None:
            self.status.setText(self.tr("Asking the keyring…"))
        elif ctx.publishing_blocked():
            # connected on record, keys out of reach: never "posts go to training"
            self.status.setText(ctx.publishing_blocked())
            detail = ctx.account_problem
        elif ctx.account_problem and not saved:
            self.status.setText(self.no_keyring_text())
            detail = ctx.account_problem
        elif saved:
            where = ctx.account_status.get("backend", "")
            self.status.setText(words.with_handle(self.tr("Connected to @%1. The keys are kept in the computer's "
                                                          "keyring and cannot be shown again."), ctx.x_handle()))
            detail = self.tr("Keyring: %1.").replace("%1", where) if where else ""
        else:
            self.status.setText(self.tr("No account is connected: posts go to the training timeline. "
                                        "Paste the four keys of the institution's X app."))
        self.details.setText(detail)
        self.details_button.setVisible(bool(detail))
        if not detail:
            self.details_button.setChecked(False)
        self.verify_button.setEnabled(bool(saved))
        # a connected account whose keys are gone can still be forgotten (back to training)
        self.disconnect_button.setEnabled(bool(saved) or bool(ctx.account is not None and ctx.publishing_blocked()))

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(self.tr("Hide the details") if shown else self.tr("Details"))

    def no_keyring_text(self) -> str:
        return self.tr("The computer's password keyring could not be opened, so the X account's keys cannot be kept "
                       "here. Writing and review work as usual. Ask whoever looks after the office's computers to "
                       "set up the keyring; the details below are for them.")

    # saving ------------------------------------------------------------------------
    def save_keys(self, replace_other: bool = False, values: dict | None = None) -> None:
        values = values or {name: field.text() for name, field in self.fields.items()}
        for field in self.fields.values():
            field.clear()  # from here on the keys live only in this call, then in the keyring
        self.save_button.setEnabled(False)
        self.account.setText(self.tr("Checking the keys with X…"))

        def refused(error):
            self.save_button.setEnabled(True)
            self.account.clear()
            if isinstance(error, DeskError) and error.key == "account.other_handle":
                self._ask_other_account(error, values)
            elif isinstance(error, DeskError) and "howto" in error.params:  # no keyring: plain words, details below
                self.ctx.notice.emit(self.no_keyring_text(), True)
                self.details.setText(self.ctx.message(error))
                self.details_button.show()
            else:
                self.ctx.notice.emit(self.ctx.message(error), True)

        run_task(lambda: self.link.save_keys(**values, replace_other=replace_other),
                 self._saved, refused, owner=self)

    def _saved(self, found) -> None:
        self.save_button.setEnabled(True)
        self.account.setText(f"{found.name}\n@{found.handle}")
        self.ctx.notice.emit(self.tr("The X account keys are saved."), False)
        self.ctx.check_account()
        self.ctx.touch()

    def _ask_other_account(self, error, values: dict) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Another account"), error.message(self.ctx.lang),
                          QMessageBox.StandardButton.Cancel, self)
        confirm = box.addButton(self.tr("Connect that account"), QMessageBox.ButtonRole.AcceptRole)
        box.buttonClicked.connect(lambda b: self.save_keys(True, values) if b is confirm else None)
        self.dialog = box
        box.open()

    # verifying ---------------------------------------------------------------------
    def verify(self) -> None:
        link, logo = self.link, self.ctx.desk.logo_path()
        self.verify_button.setEnabled(False)
        self.account.setText(self.tr("Asking X…"))

        def work():
            found = link.verify()
            data = b""
            if found.avatar_url.startswith(("https://", "http://")):
                with urllib.request.urlopen(found.avatar_url, timeout=10) as answer:
                    data = answer.read(AVATAR_BYTES)
            return found, data, carries_logo(logo, data)

        run_task(work, self._verified, self._verify_failed, owner=self)

    def _verified(self, result) -> None:
        found, data, same = result
        self.verify_button.setEnabled(True)
        self.avatar.setPixmap(round_from_bytes(data, AVATAR))
        self.avatar.setToolTip(self.tr("The account's current picture on X"))
        self.account.setText(f"{found.name}\n@{found.handle}")
        self.warning.setText(self.tr("The account's picture is not the institution's logo. The office's "
                                     "account should carry the logo, never a personal photo."))
        self.warning.setVisible(same is False)
        self.logo_button.setVisible(same is False)
        self.ctx.check_account()

    def _verify_failed(self, error) -> None:
        self.verify_button.setEnabled(True)
        self.account.setText(self.ctx.message(error))

    def use_logo(self) -> None:
        def done(_):
            self.ctx.notice.emit(self.tr("The logo is now the account's picture on X."), False)
            self.logo_button.hide()
            self.warning.hide()

        run_task(self.link.set_logo_as_avatar, done, lambda e: self.ctx.notice.emit(self.ctx.message(e), True),
                 owner=self)

    # disconnecting -----------------------------------------------------------------
    def ask_disconnect(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Disconnect the X account"),
                          self.tr("Remove the account's keys from this computer? Posts then go to the "
                                  "training timeline until keys are saved again."),
                          QMessageBox.StandardButton.Cancel, self)
        confirm = box.addButton(self.tr("Disconnect"), QMessageBox.ButtonRole.DestructiveRole)
        box.buttonClicked.connect(lambda button: self.disconnect() if button is confirm else None)
        self.dialog = box
        box.open()

    def disconnect(self) -> None:
        def done(_):
            self.ctx.check_account()
            self.ctx.touch()

        run_task(self.link.disconnect, done, lambda e: self.ctx.notice.emit(self.ctx.message(e), True), owner=self)
