"""Message catalogue for errors and command-line output, Arabic and English.

Each area keeps its own table (msg_core, msg_publish, msg_vault, msg_export) as
``{key: (english, arabic)}`` with ``str.format`` fields. The window's own labels go
through Qt's translation system; these are the words that come from below the UI.
"""

from __future__ import annotations

import os

from desk.core import (
    msg_audit, msg_core, msg_export, msg_faults, msg_health, msg_input, msg_join, msg_media, msg_move,
    msg_people, msg_publish, msg_quota, msg_server, msg_vault, msg_workstation,
)

CATALOG: dict[str, tuple[str, str]] = {}
for _table in (msg_core, msg_publish, msg_vault, msg_export, msg_faults, msg_input, msg_health, msg_people,
               msg_audit, msg_server, msg_workstation, msg_join, msg_move, msg_quota, msg_media):
    CATALOG.update(_table.MESSAGES)


def default_language() -> str:
    """DESK_LANG, else the system locale: 'ar' or 'en'."""
    for var in ("DESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "ar" if value.lower().startswith("ar") else "en"
    return "en"


def render(key: str, lang: str, params: dict) -> str:
    english, arabic = CATALOG.get(key, (key, key))
    template = arabic if lang == "ar" else english
    # A parameter given as (english, arabic) is shown in the message's language.
    index = 1 if lang == "ar" else 0
    shown = {k: (v[index] if isinstance(v, (tuple, list)) and len(v) == 2 else v) for k, v in params.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError):
        return template
