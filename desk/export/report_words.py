"""The words of the monthly report, English and Arabic: the files and the Reports page share them.

Plain Python (no Qt), so the command line can print the same headings. Numbers stay in
Western digits, as everywhere on the desk.
"""

from __future__ import annotations

import math

WORDS: dict[str, tuple[str, str]] = {
    # the letterhead
    "title": ("Monthly publishing report", "تقرير النشر الشهري"),
    "month": ("Month", "الشهر"),
    "same_days": ("Corresponding to", "الموافق"),
    "made": ("Prepared by {name} on {local} ({hijri})", "أعدّه {name} في {local} ({hijri})"),
    "made_by": ("Prepared by", "أعدّه"),
    "made_at": ("Prepared on", "تاريخ الإعداد"),
    "institution": ("Institution", "الجهة"),
    "handle": ("Account", "الحساب"),
    "training": ("TRAINING — these figures are of the desk's training timeline, not of the public account on X",
                 "تدريب — هذه الأرقام من الخط الزمني التدريبي للمكتب، وليست من الحساب العام على X"),
    "page": ("Page {page} of {pages}", "صفحة {page} من {pages}"),
    "none": ("None this month.", "لا شيء في هذا الشهر."),
    # the summary
    "summary": ("The month in figures", "الشهر بالأرقام"),
    "item": ("Item", "البند"),
    "number": ("Number", "العدد"),
    "drafted": ("Drafts written", "المسودات المكتوبة"),
    "submitted": ("Sent for review", "المرسلة للمراجعة"),
    "approved": ("Approvals given", "الاعتمادات"),
    "published": ("Published", "المنشورة"),
    "returned": ("Returned for changes", "المعادة للتعديل"),
    "rejected": ("Rejected", "المرفوضة"),
    "missed": ("Missed their time", "فات موعدها"),
    "failed": ("Failed to publish", "فشل نشرها"),
    "withdrawn": ("Withdrawn from X", "المسحوبة"),
    # waiting times
    "waits": ("How long posts waited", "مدد الانتظار"),
    "step": ("Step", "المرحلة"),
    "approval_wait": ("Approval: from submission for review to approval",
                      "مدة الاعتماد من الإرسال للمراجعة حتى الاعتماد"),
    "publish_wait": ("Publication: from approval to going out", "مدة النشر من الاعتماد حتى النشر"),
    "posts": ("Posts", "المنشورات"),
    "median": ("Median", "الوسيط"),
    "p90": ("90th percentile", "المئين التسعون"),
    "median_minutes": ("Median (minutes)", "الوسيط (بالدقائق)"),
    "p90_minutes": ("90th percentile (minutes)", "المئين التسعون (بالدقائق)"),
    "p90_note": ("Nine posts in ten waited no longer than the 90th percentile.",
                 "تسعة من كل عشرة منشورات لم يتجاوز انتظارها المئين التسعين."),
    # days and weeks
    "per_day": ("Posts published by day", "عدد ما نُشر حسب اليوم"),
    "per_week": ("Posts published by week", "عدد ما نُشر حسب الأسبوع"),
    "day": ("Day", "اليوم"),
    "date": ("Date", "التاريخ"),
    "hijri_date": ("Hijri date", "التاريخ الهجري"),
    "gregorian_date": ("Gregorian date", "التاريخ الميلادي"),
    "days": ("Days of the month", "أيام الشهر"),
    "week_days": ("{first}–{last}", "من {first} إلى {last}"),
    # people
    "by_author": ("By author: posts published", "حسب الكاتب: عدد ما نُشر"),
    "by_approver": ("By approver: approvals given", "حسب المعتمِد: الاعتمادات"),
    "author": ("Author", "الكاتب"),
    "approver": ("Approver", "المعتمِد"),
    "name": ("Name", "الاسم"),
    "user": ("User name", "اسم المستخدم"),
    # reasons and withdrawals
    "return_reasons": ("Reasons for returning", "أسباب الإعادة"),
    "reject_reasons": ("Reasons for rejecting", "أسباب الرفض"),
    "reason": ("Reason", "السبب"),
    "times": ("Times", "عدد المرات"),
    "withdrawals": ("Posts withdrawn from X", "المنشورات المسحوبة من X"),
    "post_no": ("Post No.", "رقم المنشور"),
    # X's figures
    "x": ("X figures", "أرقام X"),
    "x_note": ("These are X's figures as X gave them when the desk last read them ({when}), not the desk's own "
               "record; X keeps counting after that.",
               "هذه الأرقام من X كما كانت عند آخر قراءة لها ({when})، وليست من سجل المكتب؛ وقد تتغير بعد ذلك."),
    "x_unread": ("X's figures have not been read for this month's posts.",
                 "لم تُقرأ أرقام X لمنشورات هذا الشهر بعد."),
    "x_training": ("The training timeline has no X figures.", "لا أرقام من X للخط الزمني التدريبي."),
    "last_read": ("Last read from X", "آخر قراءة من X"),
    "posts_read": ("Posts read", "المنشورات المقروءة"),
    "likes": ("Likes", "الإعجابات"),
    "reposts": ("Reposts", "إعادات النشر"),
    "replies": ("Replies", "الردود"),
    "quotes": ("Quotes", "الاقتباسات"),
    "bookmarks": ("Bookmarks", "الإشارات المرجعية"),
    "impressions": ("Impressions", "مرات الظهور"),
    "not_given": ("not given by X", "لم يقدّمها X"),
    "top_posts": ("Posts with the most response", "المنشورات الأكثر تفاعلًا"),
    "post": ("Post", "المنشور"),
    "published_at": ("Published on", "تاريخ النشر"),
    # spreadsheet sheets
    "sheet_summary": ("Summary", "الملخص"),
    "sheet_days": ("Days", "الأيام"),
    "sheet_weeks": ("Weeks", "الأسابيع"),
    "sheet_people": ("People", "الأشخاص"),
    "sheet_reasons": ("Reasons", "الأسباب"),
    "sheet_withdrawals": ("Withdrawals", "المسحوبة"),
    "sheet_x": ("X figures", "أرقام X"),
}

# The summary's lines: (word, attribute of Figures), in the order a post lives them.
SUMMARY_ITEMS = [("drafted", "drafted"), ("submitted", "submitted"), ("approved", "approved"),
                 ("published", "published"), ("returned", "returned"), ("rejected", "rejected"),
                 ("missed", "missed"), ("failed", "failed"), ("withdrawn", "withdrawn")]
# X's totals: (word, attribute of Reach).
REACH_ITEMS = [("posts_read", "posts_read"), ("likes", "likes"), ("reposts", "reposts"), ("replies", "replies"),
               ("quotes", "quotes"), ("bookmarks", "bookmarks"), ("impressions", "impressions")]


def word(key: str, lang: str, **params) -> str:
    english, arabic = WORDS[key]
    template = arabic if lang == "ar" else english
    return template.format(**params) if params else template


def count_text(n: int | None, lang: str = "en") -> str:
    """1,250: Western digits, thousands separated, in both languages; "—" for none."""
    return "—" if n is None else f"{n:,}"


# Arabic units: (one alone, one beside another unit, two, 3 to 10, 11 to 99, 100 and on).
_AR_UNITS = {
    "day": ("يوم واحد", "يوم", "يومان", "أيام", "يومًا", "يوم"),
    "hour": ("ساعة واحدة", "ساعة", "ساعتان", "ساعات", "ساعة", "ساعة"),
    "minute": ("دقيقة واحدة", "دقيقة", "دقيقتان", "دقائق", "دقيقة", "دقيقة"),
    "second": ("ثانية واحدة", "ثانية", "ثانيتان", "ثوانٍ", "ثانية", "ثانية"),
}
_EN_UNITS = {"day": ("day", "days"), "hour": ("h", "h"), "minute": ("min", "min"), "second": ("s", "s")}


def _arabic(n: int, unit: str, alone: bool) -> str:
    one, one_joined, two, few, many, other = _AR_UNITS[unit]
    if n == 1:
        return one if alone else one_joined
    if n == 2:
        return two
    if 3 <= n % 100 <= 10:
        return f"{n} {few}"
    if 11 <= n % 100 <= 99:
        return f"{n} {many}"
    return f"{n} {other}"  # 100, 101, 102, 200...: the singular follows the hundred


def _english(n: int, unit: str) -> str:
    one, more = _EN_UNITS[unit]
    return f"{n} {one if n == 1 else more}"


def _parts(seconds: float) -> list[tuple[int, str]]:
    """The two largest units worth saying, rounded at the smaller one: 2 h 5 min, 3 days 4 h."""
    if round(seconds) < 60:
        return [(int(round(seconds)), "second")]
    minutes = int(round(seconds / 60))
    if minutes < 60:
        return [(minutes, "minute")]
    if minutes < 24 * 60:
        parts = [(minutes // 60, "hour"), (minutes % 60, "minute")]
    else:
        hours = int(round(seconds / 3600))
        parts = [(hours // 24, "day"), (hours % 24, "hour")]
    return [p for p in parts if p[0]]


def duration_text(seconds: float | None, lang: str = "en") -> str:
    """"2 h 5 min", "45 min", "30 s", "3 days 4 h"; «ساعتان و5 دقائق»، «45 دقيقة»، «3 أيام و4 ساعات»."""
    if seconds is None or (isinstance(seconds, float) and math.isnan(seconds)):
        return "—"
    parts = _parts(max(0.0, float(seconds)))
    if lang != "ar":
        return " ".join(_english(n, unit) for n, unit in parts)
    alone = len(parts) == 1
    return " و".join(_arabic(n, unit, alone) for n, unit in parts)


def week_text(label: str, lang: str) -> str:
    """A week's days as the table shows them: "1–7", «من 1 إلى 7» (the figures give "1-7")."""
    first, _, last = label.partition("-")
    if not last:
        return label
    return word("week_days", lang, first=first.strip(), last=last.strip())
