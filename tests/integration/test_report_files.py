"""The monthly report's files, read back: the PDF with pypdf and poppler, the XLSX with openpyxl.

No database: the figures are built by hand, as desk.store.figures would give them for a
busy November at a ministry, with the seed's Arabic headlines.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zipfile
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desk.core.errors import InvalidInput
from desk.core.figures import Count, Figures, Reach, TopPost, Wait, gregorian_month, hijri_month
from desk.export.dates import hijri_date_text
from desk.export.report import ReportMeta, report_format, write_report
from desk.export.report_words import count_text, duration_text, word

RIYADH = timezone(timedelta(hours=3))
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
pytestmark = pytest.mark.usefixtures("qapp")

AUTHORS = (Count("huda", "هدى الشمري", 21), Count("omar", "عمر الزهراني", 14), Count("khalid", "Khalid Alharbi", 6),
           Count("noura", "نورة بنت عبدالعزيز بن سعد القحطاني من إدارة الاتصال المؤسسي", 2))
APPROVERS = (Count("salma", "سلمى العتيبي", 30), Count("sara", "سارة القحطاني", 15))
RETURNS = (Count("date", "التاريخ المذكور في الخبر غير صحيح", 4), Count("photo", "الصورة تحتاج إلى نص بديل", 2))
REJECTS = (Count("dup", "الخبر منشور من قبل على الحساب", 1),)


def pdf_text(path, *options: str) -> str:
    """Arabic as letters again: the PDF holds shaped presentation forms (the log's PDF tests do the same)."""
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", *options, str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return BIDI_MARKS.sub("", unicodedata.normalize("NFKC", raw))


def month_figures(headlines: list[str], training: bool = False) -> Figures:
    period = gregorian_month(2026, 11)
    counts = [(d * 7) % 5 + (d % 3) for d in range(1, period.days + 1)]
    per_day = tuple(Count((period.start + timedelta(days=d)).isoformat(), str(d + 1), n) for d, n in enumerate(counts))
    weeks = [(1, 7), (8, 14), (15, 21), (22, 28), (29, 30)]
    per_week = tuple(Count(f"w{i + 1}", f"{a}-{b}", sum(counts[a - 1:b])) for i, (a, b) in enumerate(weeks))
    long_text = " ".join(headlines[:6])
    top = tuple(TopPost(100 + i, text, f"2026-11-{3 + 4 * i:02d}T07:30:00+00:00", 900 - 120 * i, 140 - 20 * i,
                        60 - 9 * i, 48_000 - 6_000 * i if i != 2 else None)
                for i, text in enumerate([long_text, headlines[6], headlines[7], headlines[8]]))
    return Figures(
        period=period, training=training, per_day=per_day, per_week=per_week, drafted=58, submitted=52, approved=45,
        published=sum(counts), approval_wait=Wait(45, 7500.0, 3 * 86400 + 4 * 3600),
        publish_wait=Wait(43, 2700.0, 30.0), returned=6, rejected=1, return_reasons=RETURNS, reject_reasons=REJECTS,
        by_author=AUTHORS, by_approver=APPROVERS, missed=1, failed=2, withdrawn=2,
        withdrawals=(Count("117", "خطأ في التاريخ المذكور", 1), Count("131", "wrong figure in the second line", 1)),
        reach=Reach(posts_read=43, likes=12_480, reposts=2_210, replies=860, quotes=95, bookmarks=430,
                    impressions=1_254_300, last_read_at="2026-12-01T05:10:00+00:00"),
        top_posts=top,
    )


def empty_figures(period=None) -> Figures:
    period = period or gregorian_month(2026, 2)
    days = tuple(Count((period.start + timedelta(days=d)).isoformat(), str(d + 1), 0) for d in range(period.days))
    starts = range(1, period.days + 1, 7)
    weeks = tuple(Count(f"w{i}", f"{a}-{min(a + 6, period.days)}", 0) for i, a in enumerate(starts))
    return Figures(period=period, training=False, per_day=days, per_week=weeks)


def report_meta(lang: str, logo=None) -> ReportMeta:
    return ReportMeta(institution_name_ar="وزارة الإعلام", institution_name_en="Ministry of Media",
                      handle="MediaMinistry", logo_path=logo, lang=lang, made_by_name="سلمى العتيبي",
                      made_at=datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc), tz=RIYADH)


@pytest.fixture
def logo(tmp_path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(160, 160, QImage.Format_RGB32)
    image.fill(QColor("#1f5f3f"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


# ------------------------------------------------------------------ PDF
def squeezed(text: str) -> str:
    """Letters and digits only, in their order: poppler moves spaces and punctuation around numbers and
    marks inside Arabic lines («صفحة  3من 3»، «أعّده»)."""
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


def assert_shows(text: str, expected: list[str]) -> None:
    flat = squeezed(text)
    for piece in expected:
        assert squeezed(piece) in flat, piece


def runs(text: str) -> list[str]:
    """An Arabic text inside an English line, cut at its punctuation: poppler may give the pieces
    between the marks in another order."""
    return [piece for piece in re.split(r"[^\w\s]+", text) if piece.strip()]


def words_on(path, page: int) -> dict[str, float]:
    """Each word poppler finds on a page and the left edge of its first appearance (Latin and numbers:
    poppler gives Arabic letter by letter)."""
    raw = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    where: dict[str, float] = {}
    for x, w in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', raw):
        where.setdefault(w, float(x))
    return where


@needs_poppler
def test_arabic_pdf(tmp_path, logo, headlines):
    out = write_report("pdf", month_figures(headlines), report_meta("ar", logo), tmp_path / "report.pdf")
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert reader.pages[0].images, "the logo is on the first page"
    assert pages >= 2
    text = pdf_text(out)
    assert_shows(text, [f"صفحة {n} من {pages}" for n in range(1, pages + 1)])
    assert_shows(text, ["وزارة الإعلام", "@MediaMinistry", "تقرير النشر الشهري", "نوفمبر 2026", "جمادى الأولى",
                        "جمادى الآخرة", "1448 هـ", "الموافق", "سلمى العتيبي", "2026-12-01 11:00",
                        "عدد ما نُشر حسب اليوم", "مدة الاعتماد من الإرسال للمراجعة حتى الاعتماد", "الوسيط",
                        "المئين التسعون", "ساعتان و5 دقائق", "3 أيام و4 ساعات", "45 دقيقة", "30 ثانية",
                        "أسباب الإعادة", "أسباب الرفض", "حسب الكاتب", "حسب المعتمِد", "فات موعدها", "فشل نشرها",
                        "المسحوبة", "أرقام X", "وليست من سجل المكتب", "1,254,300", "12,480", "هدى الشمري",
                        "التاريخ المذكور في الخبر غير صحيح", "خطأ في التاريخ المذكور", "من 1 إلى 7", headlines[6]])
    assert "..." in text, "the long post is cut to two lines (NFKC makes … three dots)"
    assert "Ministry of Media" not in text, "the Arabic report names the institution in Arabic"
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True).stdout
    forms = {unicodedata.decomposition(c).split(" ")[0] for c in raw if "\ufb50" <= c <= "\ufeff"}
    assert {"<initial>", "<medial>"} <= forms, "Arabic is shaped"
    assert reader.metadata.title == "تقرير النشر الشهري — نوفمبر 2026 — وزارة الإعلام"


@needs_poppler
def test_english_pdf_of_a_training_desk(tmp_path, logo, headlines):
    figures = month_figures(headlines, training=True)
    figures = replace(figures, reach=replace(figures.reach, impressions=None))
    out = write_report(None, figures, report_meta("en", logo), tmp_path / "r.pdf")
    pages = len(PdfReader(out).pages)
    text = pdf_text(out)
    assert_shows(text, [f"Page {n} of {pages}" for n in range(1, pages + 1)])
    assert_shows(text, ["Ministry of Media", "@MediaMinistry", "Monthly publishing report", "November 2026",
                        "Jumada al-Ula – Jumada al-Akhirah 1448 AH", "Prepared by", "2026-12-01 11:00",
                        "TRAINING", "training timeline, not of the public account", "2 h 5 min", "3 days 4 h",
                        "45 min", "30 s", "Missed their time", "Khalid Alharbi", "1–7", "29–30", "not given by X",
                        "not the desk's own", "Posts with the most response", *runs(headlines[7])])
    assert "وزارة الإعلام" not in text


@needs_poppler
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_labels_sit_on_the_reading_start_side(tmp_path, headlines, lang):
    out = write_report("pdf", month_figures(headlines), report_meta(lang), tmp_path / "r.pdf")
    first = words_on(out, 1)
    middle = float(PdfReader(out).pages[0].mediabox.width) / 2
    # the summary's first pair of columns (58 drafts) reads first: right of the middle in Arabic
    assert (first["58"] > middle) if lang == "ar" else (first["58"] < middle)
    # the day chart runs from the right in Arabic: day 28 stands right of day 29
    assert (first["28"] > first["29"]) if lang == "ar" else (first["28"] < first["29"])
    page = next(n for n in range(1, 4) if "Khalid" in words_on(out, n))
    people = words_on(out, page)  # Khalid's name, then his bar, then his 6 toward the far side
    assert (people["Khalid"] > people["6"]) if lang == "ar" else (people["Khalid"] < people["6"])


@needs_poppler
def test_empty_month_still_makes_a_report(tmp_path):
    for lang in ("ar", "en"):
        out = write_report("pdf", empty_figures(), report_meta(lang), tmp_path / f"empty-{lang}.pdf")
        pages = len(PdfReader(out).pages)
        assert_shows(pdf_text(out), ["فبراير 2026" if lang == "ar" else "February 2026", word("none", lang),
                                     word("x_unread", lang), word("page", lang, page=pages, pages=pages)])
        book = load_workbook(write_report("xlsx", empty_figures(), report_meta(lang), tmp_path / f"e-{lang}.xlsx"))
        days = book[word("sheet_days", lang)]
        assert [row[3] for row in days.iter_rows(min_row=2, values_only=True)] == [0] * 28


@needs_poppler
def test_hijri_month_names_both_calendars(tmp_path):
    period = hijri_month(1448, 5)
    for lang in ("ar", "en"):
        out = write_report("pdf", empty_figures(period), report_meta(lang), tmp_path / f"h-{lang}.pdf")
        assert_shows(pdf_text(out), [period.label(lang), *period.other_label(lang).split(" – ")])


# ------------------------------------------------------------------ XLSX
def test_arabic_workbook(tmp_path, logo, headlines):
    figures = month_figures(headlines)
    out = write_report("xlsx", figures, report_meta("ar", logo), tmp_path / "report.xlsx")
    book = load_workbook(out)
    assert book.sheetnames == ["الملخص", "الأيام", "الأسابيع", "الأشخاص", "الأسباب", "المسحوبة", "أرقام X"]
    assert all(sheet.sheet_view.rightToLeft for sheet in book.worksheets)
    summary = [cell for row in book["الملخص"].iter_rows(values_only=True) for cell in row if cell is not None]
    for expected in ("وزارة الإعلام", "@MediaMinistry", "تقرير النشر الشهري", "نوفمبر 2026", "سلمى العتيبي",
                     "المسودات المكتوبة", 58, "فات موعدها", "الوسيط", "ساعتان و5 دقائق", figures.published):
        assert expected in summary, expected
    days = list(book["الأيام"].iter_rows(min_row=2, values_only=True))
    assert [row[3] for row in days] == [c.count for c in figures.per_day]
    assert days[0][0] == datetime(2026, 11, 1) and days[0][2] == hijri_date_text(date(2026, 11, 1), "ar")
    assert days[0][2].endswith("جمادى الأولى 1448 هـ")
    people = [cell for row in book["الأشخاص"].iter_rows(values_only=True) for cell in row if cell is not None]
    assert "هدى الشمري" in people and 21 in people and "حسب المعتمِد: الاعتمادات" in people
    x = [cell for row in book["أرقام X"].iter_rows(values_only=True) for cell in row if cell is not None]
    assert 1_254_300 in x and headlines[6] in x and any("وليست من سجل المكتب" in str(c) for c in x)
    assert book["الأيام"]._charts and book["الأشخاص"]._charts, "the charts are read back"
    with zipfile.ZipFile(out) as parts:
        names = parts.namelist()
    assert sum(name.startswith("xl/charts/chart") for name in names) == 3
    assert any(name.startswith("xl/media/") for name in names), "the logo is in the workbook"


def test_english_workbook(tmp_path, headlines):
    figures = month_figures(headlines, training=True)
    book = load_workbook(write_report("xlsx", figures, report_meta("en"), tmp_path / "report.xlsx"))
    assert book.sheetnames == ["Summary", "Days", "Weeks", "People", "Reasons", "Withdrawals", "X figures"]
    assert not any(sheet.sheet_view.rightToLeft for sheet in book.worksheets)
    summary = [cell for row in book["Summary"].iter_rows(values_only=True) for cell in row if cell is not None]
    assert "Ministry of Media" in summary and "November 2026" in summary and word("training", "en") in summary
    weeks = list(book["Weeks"].iter_rows(min_row=2, values_only=True))
    assert [(w[0], w[1]) for w in weeks] == [("1–7", figures.per_week[0].count), ("8–14", figures.per_week[1].count),
                                             ("15–21", figures.per_week[2].count), ("22–28", figures.per_week[3].count),
                                             ("29–30", figures.per_week[4].count)]
    reasons = [cell for row in book["Reasons"].iter_rows(values_only=True) for cell in row if cell is not None]
    assert "التاريخ المذكور في الخبر غير صحيح" in reasons and 4 in reasons
    withdrawn = list(book["Withdrawals"].iter_rows(min_row=2, values_only=True))
    assert withdrawn == [(117, "خطأ في التاريخ المذكور"), (131, "wrong figure in the second line")]


# ------------------------------------------------------------------ failures
@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_missing_folder_leaves_nothing(tmp_path, headlines, fmt):
    with pytest.raises(InvalidInput) as raised:
        write_report(fmt, month_figures(headlines), report_meta("ar"), tmp_path / "gone" / f"report.{fmt}")
    assert raised.value.key == "export.no_folder"
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_is_refused_before_writing(tmp_path, headlines):
    for fmt, name in (("docx", "report.pdf"), (None, "report.txt"), (None, "report")):
        with pytest.raises(InvalidInput) as raised:
            write_report(fmt, month_figures(headlines), report_meta("en"), tmp_path / name)
        assert raised.value.key == "report.bad_format" and raised.value.params["formats"] == "pdf, xlsx"
    assert list(tmp_path.iterdir()) == []
    assert report_format("a.PDF") == "pdf" and report_format("a.pdf", "XLSX") == "xlsx"


# ------------------------------------------------------------------ words and charts
def test_durations_and_numbers_read_naturally():
    cases = {7500: ("2 h 5 min", "ساعتان و5 دقائق"), 2700: ("45 min", "45 دقيقة"), 30: ("30 s", "30 ثانية"),
             3 * 86400 + 4 * 3600: ("3 days 4 h", "3 أيام و4 ساعات"), 60: ("1 min", "دقيقة واحدة"),
             120: ("2 min", "دقيقتان"), 3660: ("1 h 1 min", "ساعة ودقيقة"), 11 * 3600: ("11 h", "11 ساعة"),
             12 * 86400: ("12 days", "12 يومًا"), 86400 + 2 * 3600: ("1 day 2 h", "يوم وساعتان"),
             5: ("5 s", "5 ثوانٍ"), 59.6: ("1 min", "دقيقة واحدة")}
    for seconds, (en, ar) in cases.items():
        assert (duration_text(seconds, "en"), duration_text(seconds, "ar")) == (en, ar), seconds
    assert duration_text(None, "ar") == "—" and count_text(1254300, "ar") == "1,254,300"


@pytest.mark.parametrize("rtl", [True, False])
def test_first_column_is_on_the_reading_start_side(rtl):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from desk.export.report_charts import column_at, paint_columns, paint_rows, row_at, rows_height

    image = QImage(400, 300, QImage.Format_RGB32)
    image.fill(QColor("white"))
    bars = [Count("1", "1", 9)] + [Count(str(d), str(d), 0) for d in range(2, 11)]
    painter = QPainter(image)
    paint_columns(painter, QRectF(0, 0, 400, 200), bars, rtl=rtl, font=QFont(), color=QColor("#ff0000"),
                  ink=QColor("black"))
    rows = [Count("a", "هدى الشمري", 4), Count("b", "Khalid", 2)]
    height = rows_height(len(rows), QFont(), image)
    paint_rows(painter, QRectF(0, 210, 400, height), rows, rtl=rtl, font=QFont(), color=QColor("#0000ff"),
               ink=QColor("black"))
    painter.end()
    red = [x for x in range(400) if image.pixelColor(x, 150).red() > 200 and image.pixelColor(x, 150).green() < 80]
    blue = [x for x in range(400) if image.pixelColor(x, int(210 + height / 4)).blue() > 200
            and image.pixelColor(x, int(210 + height / 4)).red() < 80]
    assert red and blue and 210 + height < 300
    assert (min(red) > 300) if rtl else (max(red) < 100)
    # the longer bar ends toward the far side: left in Arabic, right in English
    assert (min(blue) < 40 and max(blue) < 360) if rtl else (min(blue) > 40 and max(blue) > 360)
    # what a tooltip asks: the bar under the pointer, by the painter's own geometry
    area = QRectF(0, 0, 400, 200)
    assert column_at(area, bars, (min(red) + max(red)) / 2, rtl=rtl, font=QFont(), device=image) == 0
    assert column_at(area, bars, 200, rtl=rtl, font=QFont(), device=image) in (4, 5)
    assert row_at(QRectF(0, 210, 400, height), rows, 210 + height * 0.75, font=QFont(), device=image) == 1
