"""Office words the window shows for events, states and roles, and how it writes times."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from desk.core.roles import Role
from desk.core.states import State
from desk.ui import i18n

# What each event in a post's history means, as a sentence fragment after a name.
EVENT_WORDS = {
    "create": QT_TRANSLATE_NOOP("Words", "wrote the draft"),
    "edit": QT_TRANSLATE_NOOP("Words", "edited"),
    "submit": QT_TRANSLATE_NOOP("Words", "submitted for review"),
    "recall": QT_TRANSLATE_NOOP("Words", "took back from review"),
    "approve": QT_TRANSLATE_NOOP("Words", "approved"),
    "reject": QT_TRANSLATE_NOOP("Words", "rejected"),
    "return": QT_TRANSLATE_NOOP("Words", "returned to the author"),
    "schedule": QT_TRANSLATE_NOOP("Words", "scheduled"),
    "unschedule": QT_TRANSLATE_NOOP("Words", "removed from the schedule"),
    "claim": QT_TRANSLATE_NOOP("Words", "started publishing"),
    "part_sent": QT_TRANSLATE_NOOP("Words", "part %1 of %2 went out"),  # a thread's part; the next follows
    "sent": QT_TRANSLATE_NOOP("Words", "published"),
    "fail": QT_TRANSLATE_NOOP("Words", "publishing failed"),
    "uncertain": QT_TRANSLATE_NOOP("Words", "publishing not confirmed"),
    "wait": QT_TRANSLATE_NOOP("Words", "not sent: X said not now; it keeps its place"),
    "settle_published": QT_TRANSLATE_NOOP("Words", "found on the account"),
    "settle_retry": QT_TRANSLATE_NOOP("Words", "not found on the account; may be sent again"),
    "miss": QT_TRANSLATE_NOOP("Words", "missed its time"),
    "withdraw": QT_TRANSLATE_NOOP("Words", "withdrew from X"),
    "handover": QT_TRANSLATE_NOOP("Words", "handed over"),
}
# How each role reads as a label in the window; the stored values stay "officer" etc.
ROLE_WORDS = {
    Role.OFFICER: QT_TRANSLATE_NOOP("Words", "PR officer"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Words", "Supervisor"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Words", "Administrator"),
}
SYSTEM_NAME = QT_TRANSLATE_NOOP("Words", "the desk")
HIJRI_SUFFIX = QT_TRANSLATE_NOOP("Words", "AH")
APPROVAL_N = QT_TRANSLATE_NOOP("Words", "approval %1")


def desk_message(key: str | None, fallback: str = "", params: dict | None = None) -> str:
    """A message the desk recorded by key, in the person's language, its numbers filled in.

    Events written before messages kept their parameters read "…" where a number was.
    """
    from string import Formatter

    from desk.core.messages import CATALOG, render

    if key not in CATALOG:
        return fallback
    lang = i18n.current()
    template = CATALOG[key][1 if lang == "ar" else 0]
    try:
        shown = dict.fromkeys((name for _, name, _, _ in Formatter().parse(template) if name), "…")
    except ValueError:
        return fallback
    shown.update(isolated_times(params or {}))
    return render(key, lang, shown)


def tr(text: str) -> str:
    return QCoreApplication.translate("Words", text)



def _female_event_words() -> dict[str, str]:
    """The events a person takes, in the form that agrees with a woman. Written out so
    that lupdate finds each one; English reads the same for both."""
    return {
        "create": QCoreApplication.translate("Words", "wrote the draft", "female"),
        "edit": QCoreApplication.translate("Words", "edited", "female"),
        "submit": QCoreApplication.translate("Words", "submitted for review", "female"),
        "recall": QCoreApplication.translate("Words", "took back from review", "female"),
        "approve": QCoreApplication.translate("Words", "approved", "female"),
        "reject": QCoreApplication.translate("Words", "rejected", "female"),
        "return": QCoreApplication.translate("Words", "returned to the author", "female"),
        "schedule": QCoreApplication.translate("Words", "scheduled", "female"),
        "unschedule": QCoreApplication.translate("Words", "removed from the schedule", "female"),
        "claim": QCoreApplication.translate("Words", "started publishing", "female"),
        "withdraw": QCoreApplication.translate("Words", "withdrew from X", "female"),
        "handover": QCoreApplication.translate("Words", "handed over", "female"),
    }


def event_words(action: str, gender: str = "") -> str:
    """What the event says after the name of whoever took it, agreeing with them."""
    if gender == "f":
        female = _female_event_words().get(action)
        if female:
            return female
    return tr(EVENT_WORDS[action]) if action in EVENT_WORDS else action


def event_text(event: dict, gender: str = "") -> str:
    """The event's words with its numbers: which part of a thread went out."""
    said = event_words(event["action"], gender)
    if event["action"] == "part_sent":
        detail = event.get("detail") or {}
        said = said.replace("%1", str(detail.get("part", "…"))).replace("%2", str(detail.get("parts", "…")))
    return said


def part_of(event: dict) -> str:
    """For a thread's publishing events: "part 3 of 5", the part it happened to; else ""."""
    detail = event.get("detail") or {}
    if event["action"] in ("part_sent", "sent") or (detail.get("parts") or 0) < 2 or not detail.get("part"):
        return ""
    return tr(PART_N).replace("%1", str(detail["part"])).replace("%2", str(detail["parts"]))


PART_N = QT_TRANSLATE_NOOP("Words", "part %1 of %2")


def agreeing(gender: str, male: str, female: str) -> str:
    """Of a sentence's two translated forms, the one that agrees with the person it names;
    the masculine form also serves when their gender is not known."""
    return female if gender == "f" else male


def actor_name(username: str | None, names: dict[str, str]) -> str:
    if not username:
        return tr(SYSTEM_NAME)
    return names.get(username, username)


def state_label(state) -> str:
    return State(state).label(i18n.current())


def role_label(role, gender: str = "") -> str:
    """A role as the window shows it ("PR officer"; «مسؤولة علاقات عامة» for a woman)."""
    role = Role(role)
    if gender == "f":
        female = {
            Role.OFFICER: QCoreApplication.translate("Words", "PR officer", "female"),
            Role.SUPERVISOR: QCoreApplication.translate("Words", "Supervisor", "female"),
            Role.ADMINISTRATOR: QCoreApplication.translate("Words", "Administrator", "female"),
        }
        return female[role]
    return tr(ROLE_WORDS[role])


def joined(items, english: str = ", ", arabic: str = "، ") -> str:
    """Items in a row with the comma (or semicolon) of the window's language."""
    return (arabic if i18n.current() == "ar" else english).join(items)


def roles_label(roles, gender: str = "") -> str:
    return joined(role_label(r, gender) for r in Role if r in roles)


def local(iso: str | None) -> datetime | None:
    if not iso:
        return None
    return datetime.fromisoformat(iso).astimezone()


LRI, PDI = "\u2066", "\u2069"


def ltr(text: str) -> str:
    """A left-to-right island (LRI … PDI): digits, times and dates keep their order inside
    an Arabic sentence ("08:54" never turns into "54:08", the date never swaps with the time)."""
    return f"{LRI}{text}{PDI}" if text else ""


TIME_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}.*)?$|^\d{1,2}:\d{2}( .*)?$")


def isolated_times(params: dict) -> dict:
    """A message's parameters with its dates and times made left-to-right islands."""
    return {name: ltr(value) if isinstance(value, str) and TIME_LIKE.match(value) else value
            for name, value in params.items()}


def when(iso: str | None) -> str:
    """A stored UTC time in the workstation's zone, e.g. 2026-03-01 09:30, as a left-to-right island."""
    moment = local(iso)
    return ltr(moment.strftime("%Y-%m-%d %H:%M")) if moment else ""


HIJRI_MONTHS_AR = ("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
                   "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة")


def hijri(day: date) -> str:
    """Umm al-Qura date, e.g. '12 رمضان 1447 هـ' or '12 Ramadan 1447 AH'; '' outside its range."""
    from hijridate import Gregorian

    try:
        found = Gregorian(day.year, day.month, day.day).to_hijri()
    except (ValueError, OverflowError):
        return ""
    if i18n.current() == "ar":
        return f"{found.day} {HIJRI_MONTHS_AR[found.month - 1]} {found.year} هـ"
    return f"{found.day} {found.month_name('en')} {found.year} {tr(HIJRI_SUFFIX)}"


def when_with_hijri(iso: str | None) -> str:
    moment = local(iso)
    if not moment:
        return ""
    return f"{ltr(moment.strftime('%Y-%m-%d %H:%M'))} ({hijri(moment.date())})"


def with_handle(template: str, handle: str) -> str:
    """Put an @handle into a sentence as a left-to-right island, so Arabic text around it
    never moves the @ to the wrong end ("(@MediaCentre)", not "(MediaCentre@)")."""
    return template.replace("@%1", "\u2066@" + handle + "\u2069").replace("%1", handle)
