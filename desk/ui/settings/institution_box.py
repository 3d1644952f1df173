"""The institution's names, X handle and logo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton

from desk.ui.avatar import round_logo


class InstitutionBox(QGroupBox):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.logo_file: str | None = None
        self.setTitle(self.tr("The institution"))
        self.name_ar = QLineEdit()
        self.name_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.name_en = QLineEdit()
        self.name_en.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.handle = QLineEdit()
        self.handle.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.logo = QLabel()
        self.logo_button = QPushButton(self.tr("Choose logo…"))
        self.logo_button.setToolTip(self.tr("PNG, JPEG or SVG"))
        self.logo_button.clicked.connect(self.choose_logo)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addWidget(self.logo_button)
        logo_row.addStretch()
        form = QFormLayout(self)
        for label, field in ((self.tr("Name in Arabic"), self.name_ar), (self.tr("Name in English"), self.name_en),
                             (self.tr("X handle"), self.handle)):
            field.setAccessibleName(label)
            form.addRow(label, field)
        form.addRow(self.tr("Logo"), logo_row)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self.reload()

    def reload(self) -> None:
        found = self.ctx.institution()
        self.name_ar.setText(found["name_ar"])
        self.name_en.setText(found["name_en"])
        self.handle.setText("@" + found["handle"])
        self.logo_file = None
        self.logo.setPixmap(round_logo(self.ctx.desk.logo_path(), 56))

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the institution's logo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.svg)"))
        if name:
            self.logo_file = name
            self.logo.setPixmap(round_logo(name, 56))

    def save(self) -> None:
        self.ctx.act(self.ctx.session.update_institution, name_ar=self.name_ar.text(), name_en=self.name_en.text(),
                     handle=self.handle.text().strip(), logo=self.logo_file,
                     done=self.tr("The institution's details are saved."))
