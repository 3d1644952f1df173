"""Settings (administrators): the institution, the X account, the desk's rules."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desk.ui.notice import NoticeLine
from desk.ui.settings.account_box import AccountBox
from desk.ui.settings.desk_box import DeskSettingsBox
from desk.ui.settings.institution_box import InstitutionBox
from desk.ui.settings.reach_box import ReachSettingsBox


class SettingsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = QLabel(self.tr("Settings"))
        self.title.setObjectName("page_title")
        self.notice = NoticeLine()
        ctx.notice.connect(lambda text, err: self.notice.show_text(text, err) if self.isVisible() else None)
        self.institution = InstitutionBox(ctx)
        self.account = AccountBox(ctx)
        self.desk_settings = DeskSettingsBox(ctx)
        self.reach_settings = ReachSettingsBox(ctx)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.institution)
        column.addWidget(self.account)
        column.addWidget(self.desk_settings)
        column.addWidget(self.reach_settings)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 1)

    def reload(self) -> None:
        # The account box is left alone: a reload must never wipe keys being typed.
        self.institution.reload()
        self.desk_settings.reload()
        self.reach_settings.reload()
