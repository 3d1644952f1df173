"""Staff (administrators): who may do what at the desk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from desk.core.roles import Role
from desk.service import LogFilter
from desk.ui import words
from desk.ui.notice import NoticeLine
from desk.ui.staff.dialogs import (
    INVALID, AddStaffDialog, DeactivateDialog, OneTimePasswordDialog, PasswordDialog, RolesDialog,
)


class StaffPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self.dialog = None
        self.one_time = None
        self.members = {}
        self.title = QLabel(self.tr("Staff"))
        self.title.setObjectName("page_title")
        self.notice = NoticeLine()
        ctx.notice.connect(lambda text, err: self.notice.show_text(text, err) if self.isVisible() else None)
        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Staff members"))
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels([self.tr("Name"), self.tr("Username"), self.tr("Roles"), self.tr("Status")])
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Add a staff member…"))
        self.add_button.clicked.connect(self.ask_add)
        self.roles_button = QPushButton(self.tr("Change roles…"))
        self.roles_button.clicked.connect(self.ask_roles)
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.password_button.clicked.connect(self.ask_password)
        self.deactivate_button = QPushButton(self.tr("Deactivate…"))
        self.deactivate_button.clicked.connect(self.ask_deactivate)
        note = QLabel(self.tr("The desk always keeps at least one active administrator."))
        note.setObjectName("muted")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.roles_button, self.password_button, self.deactivate_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self.reload()

    def reload(self) -> None:
        keep = self.current_username()
        self.table.clear()
        self.members = {}
        for member in self.session.staff():
            self.members[member.username] = member
            if member.active:
                status = words.agreeing(member.gender, self.tr("active"), self.tr("active", "female"))
            else:
                status = words.agreeing(member.gender, self.tr("deactivated"), self.tr("deactivated", "female"))
            item = QTreeWidgetItem([member.name, member.username, words.roles_label(member.roles, member.gender), status])
            item.setData(0, Qt.ItemDataRole.UserRole, member.username)
            self.table.addTopLevelItem(item)
            if member.username == keep:
                self.table.setCurrentItem(item)
        self._update_buttons()

    def current_username(self):
        item = self.table.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def current(self):
        return self.members.get(self.current_username())

    def _update_buttons(self) -> None:
        member = self.current()
        active = bool(member and member.active)
        for button in (self.roles_button, self.password_button, self.deactivate_button):
            button.setEnabled(active)

    def select(self, username: str) -> None:
        for i in range(self.table.topLevelItemCount()):
            if self.table.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == username:
                self.table.setCurrentItem(self.table.topLevelItem(i))

    # dialogs --------------------------------------------------------------------
    def _open(self, dialog, action) -> None:
        self.dialog = dialog

        def given(value):
            if value is INVALID:
                return
            try:
                action(value)
            except Exception as error:
                dialog.refuse(self.ctx.message(error))
                return
            dialog.accept()
            self.ctx.touch()

        dialog.given.connect(given)
        dialog.open()

    def _open_in_background(self, dialog, work, done) -> None:
        """Like _open, for slow work (password hashing): ``work(worker_session, value)`` runs
        off the GUI thread while the dialog waits; ``done(value)`` follows on the GUI thread."""
        self.dialog = dialog

        def given(value):
            if value is INVALID or dialog.working:
                return
            dialog.set_busy(True)

            def finished(_result):
                dialog.set_busy(False)
                dialog.accept()
                done(value)

            def failed(error):
                dialog.set_busy(False)
                dialog.refuse(self.ctx.message(error))

            self.ctx.in_background(lambda s: work(s, value), finished, failed, owner=dialog)

        dialog.given.connect(given)
        dialog.open()

    def ask_add(self) -> None:
        def add(session, value):
            username, name, roles, password, gender = value
            session.add_staff(username, name, roles, password, gender)

        def added(value):
            text = words.agreeing(value[4], self.tr("%1 can now sign in."), self.tr("%1 can now sign in.", "female"))
            self.notice.show_text(text.replace("%1", value[1]))

        self._open_in_background(AddStaffDialog(self), add, added)

    def ask_roles(self) -> None:
        member = self.current()
        def save(value):
            roles, gender = value
            if roles != member.roles:
                self.session.set_roles(member.username, roles)
            if gender != (member.gender or ""):
                self.session.set_gender(member.username, gender)

        self._open(RolesDialog(member, self), save)

    def ask_password(self) -> None:
        member = self.current()
        made = {}

        def reset(session, _confirmed):
            made["password"] = session.reset_password(member.username)

        def done(_confirmed):
            password = made.pop("password", None)
            if password is None:  # the office asks a second administrator to confirm
                self.notice.show_text(self.tr("The reset of %1's password waits for another administrator.")
                                      .replace("%1", member.name))
                return
            made_for = words.agreeing(member.gender, self.tr("New one-time password made for %1."),
                                      self.tr("New one-time password made for %1.", "female"))
            self.notice.show_text(made_for.replace("%1", member.name))
            self.one_time = OneTimePasswordDialog(member, password, self)
            self.one_time.open()

        self._open_in_background(PasswordDialog(member, self), reset, done)

    def ask_deactivate(self) -> None:
        member = self.current()
        colleagues = [m for m in self.members.values() if m.active and m.username != member.username
                      and m.roles & {Role.OFFICER, Role.SUPERVISOR}]
        open_count = sum(self.session.log_count(LogFilter(state=s, author=member.username))
                         for s in ("draft", "in_review"))

        def deactivate(hand_to):
            moved = self.session.deactivate(member.username, hand_to)
            text = words.agreeing(member.gender, self.tr("%1 is deactivated."),
                                  self.tr("%1 is deactivated.", "female")).replace("%1", member.name)
            if moved:
                text += " " + self.tr("Open drafts handed over: %1.").replace("%1", str(len(moved)))
            self.notice.show_text(text)

        self._open(DeactivateDialog(member, colleagues, open_count, self), deactivate)
