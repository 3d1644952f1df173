"""The language chooser of the sign-in and first-run screens: Arabic or English."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox

from desk.ui import i18n


class LanguageBox(QComboBox):
    chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        # Each language is named in itself, so anyone can find theirs.
        self.addItem("العربية", "ar")
        self.addItem("English", "en")
        self.setCurrentIndex(0 if i18n.current() == "ar" else 1)
        self.currentIndexChanged.connect(self._changed)
        self.setAccessibleName("Language / اللغة")

    def _changed(self, index: int) -> None:
        lang = self.itemData(index)
        i18n.remember_language(lang)
        self.chosen.emit(lang)
