"""The one place that decides where the desk keeps its data."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "posting-desk"
DATABASE_NAME = "desk.sqlite3"


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """--data-dir, else DESK_DATA_DIR, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("DESK_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_data_dir  # not needed by the first screen, which shows before the desk opens

    return Path(user_data_dir(APP_NAME, appauthor=False))


def database_url(explicit: str | None = None) -> str | None:
    """--database, else DESK_DATABASE_URL: a postgresql:// URL for an office's shared
    desk. None (the default) keeps the desk in SQLite in the data folder."""
    found = explicit or os.environ.get("DESK_DATABASE_URL") or None
    return found.strip() if found else None


def resources_dir() -> Path:
    """resources/ beside the package, or inside a PyInstaller bundle."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
