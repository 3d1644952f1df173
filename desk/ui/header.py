"""The top of the window: the institution's logo and name, the account, who is signed in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desk.ui import words
from desk.ui.avatar import round_logo


class HeaderBar(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.logo = QLabel()
        self.logo.setAccessibleName(self.tr("Institution logo"))
        self.name = QLabel()
        self.name.setObjectName("institution_name")
        self.account = QLabel()
        self.account.setObjectName("handle")
        self.person = QLabel()
        self.person.setAlignment(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        self.lock_button = QPushButton(self.tr("Lock"))
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.name)
        names.addWidget(self.account)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.logo)
        row.addLayout(names)
        row.addStretch()
        row.addWidget(self.person)
        row.addWidget(self.lock_button)
        row.addWidget(self.sign_out_button)
        self.reload()

    def reload(self) -> None:
        ctx = self.ctx
        self.logo.setPixmap(round_logo(ctx.desk.logo_path(), 44))
        self.name.setText(ctx.institution_name())
        if ctx.training():
            self.account.setText(words.with_handle(self.tr("Training timeline (@%1)"), ctx.handle()))
        else:
            self.account.setText(words.with_handle(self.tr("On X as @%1"), ctx.x_handle()))
        member = ctx.session.member
        self.person.setText(f"{member.name}\n{words.roles_label(member.roles, member.gender)}")
        signed_in = words.agreeing(member.gender, self.tr("Signed in as %1"), self.tr("Signed in as %1", "female"))
        self.person.setAccessibleName(signed_in.replace("%1", member.name))
