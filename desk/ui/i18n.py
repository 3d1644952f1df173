"""Which language the window speaks, and loading its translations.

The desk's own words come from resources/translations/desk_ar.qm; Qt's standard
buttons and dialogs from Qt's qtbase_ar.qm. Arabic also turns the layout right-to-left.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from desk import paths

LANGUAGES = ("ar", "en")


def translations_dir():
    return paths.resources_dir() / "translations"


def system_language() -> str:
    """DESK_LANG, else the system's locale."""
    chosen = os.environ.get("DESK_LANG", "")
    if chosen:
        return "ar" if chosen.lower().startswith("ar") else "en"
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def remembered_language() -> str:
    """The language last chosen on this computer's sign-in screen, or ''."""
    value = QSettings().value("language", "")
    return value if value in LANGUAGES else ""


def remember_language(lang: str) -> None:
    """Keep the choice on this computer; "" forgets it (the desk's setting, then the system's)."""
    if lang in LANGUAGES:
        QSettings().setValue("language", lang)
    else:
        QSettings().remove("language")


def current() -> str:
    """The language the window speaks now: 'ar' or 'en'."""
    app = QApplication.instance()
    return getattr(app, "language", "en") if app else "en"


class Translations:
    """Installs and removes the translators of one application."""

    def __init__(self, app):
        self.app = app
        self.own = QTranslator(app)
        self.qt = QTranslator(app)
        self.installed = False

    def apply(self, lang: str) -> None:
        if self.installed:
            self.app.removeTranslator(self.own)
            self.app.removeTranslator(self.qt)
            self.installed = False
        if lang == "ar":
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            self.qt.load("qtbase_ar", qt_folder)
            self.own.load("desk_ar", str(translations_dir()))
            self.app.installTranslator(self.qt)
            self.app.installTranslator(self.own)
            self.installed = True
            # Gulf Arabic month and day names with the digits 0-9 used everywhere else in
            # the window (X's counter, times, post numbers); ar_SA would mix in ٠-٩.
            QLocale.setDefault(QLocale("ar_AE"))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        # Qt's own translation turns the application right-to-left (its QT_LAYOUT_DIRECTION);
        # set by hand only when it did not: naming the direction costs the first screen 20-30 ms
        if self.app.isRightToLeft() != (lang == "ar"):
            self.app.setLayoutDirection(self.direction(lang))

    @staticmethod
    def direction(lang: str):
        from PySide6.QtCore import Qt

        return Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight
