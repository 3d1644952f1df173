"""Message catalogue for errors and command-line output, Arabic and English.

Each area keeps its own table (msg_core, msg_publish, msg_vault, msg_export) as
``{key: (english, arabic)}`` with ``str.format`` fields. The window's own labels go
through Qt's translation system; these are the words that come from below the UI.
"""

from __future__ import annotations

import os

from desk.core import surface
from desk.core import (
    msg_audit, msg_core, msg_export, msg_faults, msg_health, msg_input, msg_join, msg_media, msg_move,
    msg_people, msg_publish, msg_quota, msg_reach, msg_schedule, msg_server, msg_thread, msg_vault, msg_workstation,
)

CATALOG: dict[str, tuple[str, str]] = {}
for _table in (msg_core, msg_publish, msg_vault, msg_export, msg_faults, msg_input, msg_health, msg_people,
               msg_audit, msg_server, msg_workstation, msg_join, msg_move, msg_quota, msg_media, msg_thread,
               msg_schedule, msg_reach):
    CATALOG.update(_table.MESSAGES)


def default_language() -> str:
    """DESK_LANG, else the system locale: 'ar' or 'en'."""
    for var in ("DESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "ar" if value.lower().startswith("ar") else "en"
    return "en"


# Arabic units in Qt's order of forms: one, two, a few (3-10), many (11-99) and the rest.
# The dual is the oblique «ثانيتين»: in the messages the time follows a verb or a
# preposition («انتظرنا ثانيتين»، «خلال ثانيتين»، «مقفل دقيقتين»).
ARABIC_UNITS = {
    "seconds": ("ثانية واحدة", "ثانيتين", "{n} ثوانٍ", "{n} ثانية", "{n} ثانية"),
    "minutes": ("دقيقة واحدة", "دقيقتين", "{n} دقائق", "{n} دقيقة", "{n} دقيقة"),
    "every_days": ("يوم", "يومين", "{n} أيام", "{n} يومًا", "{n} يوم"),  # after «كل»
    # after a preposition or in a construct («لـمنشورين»، «أرقام 3 منشورات»، «في طلب واحد»)
    "post_count": ("منشور واحد", "منشورين", "{n} منشورات", "{n} منشورًا", "{n} منشور"),
    "request_count": ("طلب واحد", "طلبين", "{n} طلبات", "{n} طلبًا", "{n} طلب"),
}


def arabic_count(n: int, unit: str) -> str:
    """A number with its unit in the form Arabic gives it: «دقيقتين»، «3 دقائق»، «15 دقيقة»."""
    one, two, few, many, other = ARABIC_UNITS[unit]
    if n == 1:
        return one
    if n == 2:
        return two
    if 3 <= n % 100 <= 10:
        return few.format(n=n)
    if 11 <= n % 100 <= 99:
        return many.format(n=n)
    return other.format(n=n)


def _counted(name: str, value):
    """An Arabic message's seconds or minutes with their unit; fractions keep the plain unit."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = None
    if number is not None and number.is_integer() and number >= 0:
        return arabic_count(int(number), name)
    return f"{value} {ARABIC_UNITS[name][4].format(n='').strip()}"  # «0.5 ثانية»، «… دقيقة»


def render(key: str, lang: str, params: dict) -> str:
    # the window names its own buttons where the command line names commands (KEY@window)
    english, arabic = (surface.IN_WINDOW[0] and CATALOG.get(f"{key}@window")) or CATALOG.get(key, (key, key))
    template = arabic if lang == "ar" else english
    # A parameter given as (english, arabic) is shown in the message's language.
    index = 1 if lang == "ar" else 0
    shown = {k: (v[index] if isinstance(v, (tuple, list)) and len(v) == 2 else v) for k, v in params.items()}
    if lang == "ar":  # the Arabic templates leave the unit to the number («{seconds}», not «{seconds} ثانية»)
        shown.update({k: _counted(k, v) for k, v in shown.items() if k in ARABIC_UNITS})
    try:
        return template.format(**shown)
    except (KeyError, IndexError):
        return template
