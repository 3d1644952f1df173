"""Under a thread's parts: adding one, and numbering them ("1/5" or «١/٥»).

The office has no setting for the digits, so the writer chooses them here; this
workstation remembers the choice.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QWidget

DIGITS_KEY = "compose/arabic_digits"


class ThreadRow(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.add_part_button = QPushButton(self.tr("Add a part"))
        self.add_part_button.setToolTip(self.tr("A new part after the one being written."))
        self.number_button = QPushButton(self.tr("Number the parts"))
        self.number_button.setToolTip(self.tr("Write \"1/5\", \"2/5\"… at the end of each part, as readers of a "
                                              "thread on X expect; old numbers are replaced."))
        self.arabic_digits = QCheckBox(self.tr("Arabic-Indic digits"))
        self.arabic_digits.setToolTip(self.tr("Number the parts «١/٥» instead of 1/5."))
        self.arabic_digits.setChecked(QSettings().value(DIGITS_KEY, False, type=bool))
        self.arabic_digits.toggled.connect(lambda on: QSettings().setValue(DIGITS_KEY, on))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_part_button)
        row.addWidget(self.number_button)
        row.addWidget(self.arabic_digits)
        row.addStretch()
        self.hide()

    def digits(self) -> str:
        return "arabic" if self.arabic_digits.isChecked() else "latin"
