"""Local and Hijri (Umm al-Qura) renderings of the UTC times in rows, and text direction helpers."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timezone, tzinfo
from functools import lru_cache

from hijridate import Gregorian

from desk.core.messages import render

# Umm al-Qura month names (hijridate has them too, but not every release spells them alike).
MONTHS_AR = [
    "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
    "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
]
MONTHS_EN = [
    "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
    "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
]

# Isolate marks keep "2026-11-26 12:30" in reading order inside right-to-left text.
LRI, PDI = "\u2066", "\u2069"


def parse_utc(iso: str | None) -> datetime | None:
    """An aware UTC datetime from a stored ISO-8601 string; naive strings count as UTC."""
    if not iso:
        return None
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def to_local(iso: str | None, tz: tzinfo | None = None) -> datetime | None:
    """The moment in the given zone (the workstation's when tz is None), aware."""
    moment = parse_utc(iso)
    if moment is None:
        return None
    return moment.astimezone(tz) if tz is not None else moment.astimezone()


def naive_local(iso: str | None, tz: tzinfo | None = None) -> datetime | None:
    """What a spreadsheet date cell holds: the local wall-clock time, no zone."""
    moment = to_local(iso, tz)
    return moment.replace(tzinfo=None) if moment else None


def naive_utc(iso: str | None) -> datetime | None:
    moment = parse_utc(iso)
    return moment.replace(tzinfo=None) if moment else None


def local_text(iso: str | None, tz: tzinfo | None = None) -> str:
    """'2026-11-26 12:30' in local time, or '' for no time."""
    moment = to_local(iso, tz)
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def local_and_hijri(iso: str | None, tz: tzinfo | None = None) -> tuple[str, str]:
    """('2026-11-26 12:30', '1448-06-16') in one conversion: the CSV's hot path."""
    moment = to_local(iso, tz)
    if moment is None:
        return "", ""
    parts = _hijri(moment.date())
    return moment.strftime("%Y-%m-%d %H:%M"), ("%04d-%02d-%02d" % parts if parts else "")


@lru_cache(maxsize=4096)
def hijri_of_local_day(day: str) -> str:
    """'1448-06-16' for a local '2026-11-26' ('' for none), cached: a log has few distinct days."""
    if not day:
        return ""
    parts = _hijri(date.fromisoformat(day))
    return "%04d-%02d-%02d" % parts if parts else ""


@lru_cache(maxsize=4096)
def _hijri(day: date) -> tuple[int, int, int] | None:
    try:
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    except (OverflowError, ValueError):
        return None  # outside the Umm al-Qura tables (1924-2077)
    return hijri.year, hijri.month, hijri.day


def hijri_of_date(day: date | None) -> tuple[int, int, int] | None:
    return _hijri(day) if day is not None else None


def hijri_iso(iso: str | None, tz: tzinfo | None = None) -> str:
    """'1448-05-25': the Hijri date of the local day, machine-readable."""
    moment = to_local(iso, tz)
    parts = _hijri(moment.date()) if moment else None
    return "%04d-%02d-%02d" % parts if parts else ""


def hijri_date_text(day: date | None, lang: str = "en") -> str:
    """'25 جمادى الأولى 1448 هـ' or '25 Jumada al-Ula 1448 AH' for a Gregorian day."""
    parts = hijri_of_date(day)
    if not parts:
        return ""
    year, month, mday = parts
    if lang == "ar":
        return f"{mday} {MONTHS_AR[month - 1]} {year} هـ"
    return f"{mday} {MONTHS_EN[month - 1]} {year} AH"


def hijri_text(iso: str | None, lang: str = "en", tz: tzinfo | None = None) -> str:
    moment = to_local(iso, tz)
    return hijri_date_text(moment.date(), lang) if moment else ""


def isolate(text: str) -> str:
    """Wrap left-to-right text (dates, user names) so right-to-left text keeps its order."""
    return f"{LRI}{text}{PDI}" if text else ""


def starts_rtl(text: str, default: bool) -> bool:
    """The direction of the first strong letter: an Arabic post reads right to left anywhere."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return default


def keep_ltr(text: str) -> str:
    """Latin text such as "state=published" keeps its order inside an Arabic line."""
    return isolate(text) if text and not starts_rtl(text, False) else text


def period_text(meta, with_hijri: bool = True) -> str:
    """The export's period in words: 'from 2026-11-01 (11 Jumada al-Ula 1448 AH) to ...'."""
    lang = meta.lang

    def day(d: date) -> str:
        shown = isolate(d.isoformat())
        return f"{shown} ({hijri_date_text(d, lang)})" if with_hijri and hijri_of_date(d) else shown

    start, end = meta.period_from, meta.period_to
    if start and end:
        return render("export.doc.period_range", lang, {"start": day(start), "end": day(end)})
    if start:
        return render("export.doc.period_from", lang, {"start": day(start)})
    if end:
        return render("export.doc.period_to", lang, {"end": day(end)})
    return render("export.doc.period_all", lang, {})


def exported_text(meta) -> str:
    """'Exported by Salma (salma) on 2026-12-01 11:00 (21 Jumada al-Akhirah 1448 AH)'."""
    at = meta.exported_at.isoformat()
    params = {
        "name": meta.exported_by_name or meta.exported_by,
        "user": isolate(meta.exported_by),
        "local": isolate(local_text(at, meta.tz)),
        "hijri": hijri_text(at, meta.lang, meta.tz),
    }
    return render("export.doc.exported", meta.lang, params)
