"""DESK_EXIT_AFTER_START: start the window, let it paint, say what it showed, and quit.

For a built program (tools/build_app.sh, tests/integration/test_frozen_app.py): one line
of JSON on stdout tells whether the frozen program found its translations, Qt's own
Arabic, its icon and the desk; with a value ending in .png the first screen is saved
there too, for a person to look at. Exit code 0 means it started and closed cleanly.
"""

from __future__ import annotations

import faulthandler
import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

VARIABLE = "DESK_EXIT_AFTER_START"


def wanted() -> str:
    return os.environ.get(VARIABLE, "")


def arm(flow) -> None:
    """Quit once the desk is open and the screen it leads to has painted. A crash on the
    way (in Qt, say) prints the Python stack on stderr, for the test to show."""
    faulthandler.enable()
    flow.desk_opened.connect(lambda desk: QTimer.singleShot(0, lambda: _report(flow, desk)))


def _report(flow, desk) -> None:
    app = QApplication.instance()
    shown = flow.dialog
    if shown is None or not shown.isVisible():  # a refusal box closes the program itself
        return
    picture = shown.grab()
    where = wanted()
    if where.lower().endswith(".png"):
        picture.save(where, "PNG")
    found = {
        "shown": type(shown).__name__,
        "title": shown.windowTitle(),
        "language": app.language,
        "right_to_left": app.isRightToLeft(),
        "desk_translation": not app.translations.own.isEmpty(),
        "qt_translation": not app.translations.qt.isEmpty(),
        "icon_sizes": sorted(size.width() for size in app.windowIcon().availableSizes()),
        "desktop_file": app.desktopFileName(),
        "institution": (desk.institution() or {}).get("name_ar", ""),
        "painted": not picture.isNull(),
    }
    print(json.dumps(found, ensure_ascii=False), flush=True)
    sys.stdout.flush()
    app.exit(0)
