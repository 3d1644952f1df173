"""The office's monthly figures: the period they cover and what they hold.

Plain data. desk.store.figures computes them by SQL; the Reports page, `desk report`
and the report files (desk.export.report_*) only show them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from desk.core.errors import InvalidInput

GREGORIAN_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"]
# The month names of the Arab East (Levant, Iraq) are not used here: the Gulf's offices and
# most ministries write the Egyptian-Gulf names, which every Arabic reader knows.
GREGORIAN_AR = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
                "نوفمبر", "ديسمبر"]
HIJRI_AR = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان",
            "شوال", "ذو القعدة", "ذو الحجة"]
HIJRI_EN = ["Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah", "Rajab",
            "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah"]
CALENDARS = ("gregorian", "hijri")


@dataclass(frozen=True)
class Period:
    """A calendar month, Gregorian or Hijri (Umm al-Qura), as local days: start inclusive,
    end exclusive."""

    calendar: str
    year: int
    month: int
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def key(self) -> str:
        """2026-11, or 1448-05 for a Hijri month (what `desk report` takes)."""
        return f"{self.year:04d}-{self.month:02d}"

    def label(self, lang: str) -> str:
        """"November 2026" / «نوفمبر 2026»; "Jumada al-Ula 1448 AH" / «جمادى الأولى 1448 هـ»."""
        if self.calendar == "hijri":
            names = HIJRI_AR if lang == "ar" else HIJRI_EN
            return f"{names[self.month - 1]} {self.year} " + ("هـ" if lang == "ar" else "AH")
        names = GREGORIAN_AR if lang == "ar" else GREGORIAN_EN
        return f"{names[self.month - 1]} {self.year}"

    def other_label(self, lang: str) -> str:
        """The same days in the other calendar: «جمادى الأولى – جمادى الآخرة 1448 هـ» under a
        Gregorian month, «أكتوبر – نوفمبر 2026» under a Hijri one."""
        first, last = self.start, self.end - timedelta(days=1)
        if self.calendar == "gregorian":
            a, b = _to_hijri(first), _to_hijri(last)
            names, era = (HIJRI_AR, " هـ") if lang == "ar" else (HIJRI_EN, " AH")
        else:
            a, b = (first.year, first.month, first.day), (last.year, last.month, last.day)
            names, era = (GREGORIAN_AR, "") if lang == "ar" else (GREGORIAN_EN, "")
        if (a[0], a[1]) == (b[0], b[1]):
            return f"{names[a[1] - 1]} {a[0]}{era}"
        if a[0] == b[0]:
            return f"{names[a[1] - 1]} – {names[b[1] - 1]} {b[0]}{era}"
        return f"{names[a[1] - 1]} {a[0]} – {names[b[1] - 1]} {b[0]}{era}"

    def bounds(self, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
        """The period's first and last moment (exclusive) as aware datetimes in ``tz``
        (the workstation's zone when None)."""
        start = datetime.combine(self.start, time()).astimezone(tz) if tz is None else \
            datetime.combine(self.start, time(), tz)
        end = datetime.combine(self.end, time()).astimezone(tz) if tz is None else \
            datetime.combine(self.end, time(), tz)
        return start, end

    def previous(self) -> "Period":
        return month_of(self.start - timedelta(days=1), self.calendar)

    def next(self) -> "Period":
        return month_of(self.end, self.calendar)


def _to_hijri(day: date) -> tuple[int, int, int]:
    from hijridate import Gregorian

    found = Gregorian(day.year, day.month, day.day).to_hijri()
    return found.year, found.month, found.day


def gregorian_month(year: int, month: int) -> Period:
    if not (1 <= month <= 12 and 1900 <= year <= 2100):
        raise InvalidInput("report.bad_month", month=f"{year}-{month:02d}")
    start = date(year, month, 1)
    end = date(year + (month == 12), month % 12 + 1, 1)
    return Period("gregorian", year, month, start, end)


def hijri_month(year: int, month: int) -> Period:
    """A month of the Umm al-Qura calendar (1343-1500 AH, what hijridate converts)."""
    from hijridate import Hijri

    if not (1 <= month <= 12 and 1343 <= year <= 1499):
        raise InvalidInput("report.bad_month", month=f"{year}-{month:02d}")
    start = Hijri(year, month, 1).to_gregorian()
    after = Hijri(year + (month == 12), month % 12 + 1, 1).to_gregorian()
    return Period("hijri", year, month, date(start.year, start.month, start.day),
                  date(after.year, after.month, after.day))


def parse_month(text: str, calendar: str = "gregorian") -> Period:
    """'2026-11' (or '1448-05' with calendar='hijri'); a clear refusal otherwise."""
    value = (text or "").strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}", value):  # ASCII digits only: «²» is a digit to isdigit()
        raise InvalidInput("report.bad_month", month=value)
    year, month = int(value[:4]), int(value[5:])
    return hijri_month(year, month) if calendar == "hijri" else gregorian_month(year, month)


def month_of(day: date, calendar: str = "gregorian") -> Period:
    """The month (of the calendar) that holds ``day``."""
    if calendar == "hijri":
        year, month, _ = _to_hijri(day)
        return hijri_month(year, month)
    return gregorian_month(day.year, day.month)


@dataclass(frozen=True)
class Wait:
    """How long a step took, over the posts that took it in the period: seconds."""

    count: int = 0
    median: float | None = None
    p90: float | None = None  # nearest rank: 9 in 10 took no longer


@dataclass(frozen=True)
class Count:
    """One bar of a table: a person (username and name), a reason, or a day."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Reach:
    """X's figures, summed over the period's published posts that have been read."""

    posts_read: int = 0
    likes: int = 0
    reposts: int = 0
    replies: int = 0
    quotes: int = 0
    bookmarks: int = 0
    impressions: int | None = None  # None: X returned none for any of them (access or age)
    last_read_at: str | None = None  # UTC ISO of the newest reading


@dataclass(frozen=True)
class TopPost:
    post_id: int
    text: str
    published_at: str
    likes: int
    reposts: int
    replies: int
    impressions: int | None


@dataclass(frozen=True)
class Figures:
    period: Period
    training: bool  # the desk publishes to its training timeline: these are training figures
    per_day: tuple[Count, ...]  # every day of the period (key: ISO date, label: the day's number)
    per_week: tuple[Count, ...]  # the period's weeks: days 1-7, 8-14, ... (label "1-7")
    drafted: int = 0  # posts created in the period
    submitted: int = 0  # submissions (a post returned and sent again counts twice)
    approved: int = 0  # approvals given
    published: int = 0  # posts that went out
    approval_wait: Wait = Wait()  # from the submission to the approval that followed it
    publish_wait: Wait = Wait()  # from the (last) approval to going out
    returned: int = 0
    rejected: int = 0
    return_reasons: tuple[Count, ...] = ()  # the most frequent, most first
    reject_reasons: tuple[Count, ...] = ()
    by_author: tuple[Count, ...] = ()  # published posts by who wrote them
    by_approver: tuple[Count, ...] = ()  # approvals by who gave them
    missed: int = 0
    failed: int = 0
    withdrawn: int = 0
    withdrawals: tuple[Count, ...] = ()  # key: post id, label: the reason
    reach: Reach = field(default_factory=Reach)
    top_posts: tuple[TopPost, ...] = ()
