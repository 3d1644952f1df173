"""The monthly report as a workbook: one sheet a section, native Excel charts, right to left in Arabic.

The figures are few, so the workbook is built in memory (charts need it) and then
renamed into place by rows.atomic_target. Numbers are written as numbers and texts with
write_string, so a reason like "=SUM(A1)" stays text.
"""

from __future__ import annotations

from datetime import date, datetime, time
from io import BytesIO
from typing import TYPE_CHECKING

import xlsxwriter
from xlsxwriter.exceptions import XlsxWriterException
from xlsxwriter.utility import quote_sheetname, xl_range_abs

from desk.core.errors import StoreError
from desk.core.figures import Figures
from desk.export.dates import hijri_date_text, hijri_text, local_text, naive_local
from desk.export.report_words import REACH_ITEMS, SUMMARY_ITEMS, duration_text, week_text, word
from desk.export.rows import atomic_target
from desk.export.xlsx_writer import SHEET_NAME_CHARS, _discard

if TYPE_CHECKING:
    from desk.export.report import ReportMeta

BAR = "#2E6DA4"
LOGO_PX = 72  # the logo's height on the summary sheet
CHARS_PER_LINE = 64  # of a post's text in its 60-wide column


def _formats(book, rtl: bool) -> dict:
    base = {"valign": "top", "font_name": "Arial", "font_size": 10}
    # Arabic cells read right to left whatever they start with («45 دقيقة»), aligned to the right.
    words = {**base, "reading_order": 2, "align": "right"} if rtl else {**base, "align": "left"}
    return {
        "name": book.add_format({**words, "bold": True, "font_size": 16, "valign": "vcenter"}),
        "title": book.add_format({**words, "bold": True, "font_size": 13}),
        "alert": book.add_format({**words, "bold": True, "font_color": "#9B1C1C"}),
        "head": book.add_format({**words, "bold": True, "bg_color": "#DCE6F0", "border": 1, "text_wrap": True}),
        "key": book.add_format({**words, "bold": True}),
        "text": book.add_format({**words, "text_wrap": True}),
        "line": book.add_format(words),
        "note": book.add_format({**words, "italic": True, "font_color": "#555555", "text_wrap": True}),
        "number": book.add_format({**base, "num_format": "#,##0", "align": "center"}),
        "minutes": book.add_format({**base, "num_format": "#,##0.0", "align": "center"}),
        "date": book.add_format({**base, "num_format": "yyyy-mm-dd", "align": "center"}),
        "time": book.add_format({**base, "num_format": "yyyy-mm-dd hh:mm", "align": "center"}),
    }


def _cell(sheet, r: int, c: int, value, fmt: dict, style: str | None = None) -> None:
    if value is None:
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        sheet.write_number(r, c, value, fmt[style or ("minutes" if isinstance(value, float) else "number")])
    else:
        sheet.write_string(r, c, str(value), fmt[style or "text"])


def _table(sheet, r: int, heads: list[str], rows: list[list], fmt: dict, lang: str) -> int:
    """A heading row and its rows from row r; returns the first row after them. No rows: a note."""
    for c, head in enumerate(heads):
        sheet.write_string(r, c, head, fmt["head"])
    if not rows:
        sheet.write_string(r + 1, 0, word("none", lang), fmt["note"])
        return r + 2
    for i, row in enumerate(rows, start=r + 1):
        for c, value in enumerate(row):
            _cell(sheet, i, c, value, fmt)
    return r + 1 + len(rows)


class _Book:
    def __init__(self, book, figures: Figures, meta: "ReportMeta"):
        self.book, self.figures, self.meta = book, figures, meta
        self.lang, self.rtl = meta.lang, meta.lang == "ar"
        self.fmt = _formats(book, self.rtl)

    def w(self, key: str, **params) -> str:
        return word(key, self.lang, **params)

    def sheet(self, key: str, widths: list[int]):
        sheet = self.book.add_worksheet(self.w(key)[:SHEET_NAME_CHARS])
        if self.rtl:
            sheet.right_to_left()
        for c, width in enumerate(widths):
            sheet.set_column(c, c, width)
        sheet.set_paper(9)  # A4, one page wide when printed
        sheet.fit_to_pages(1, 0)
        return sheet

    def chart(self, kind: str, sheet, first: int, last: int, label_col: int, value_col: int, title: str):
        """A native chart of one column of counts; in Arabic it runs from the right."""
        chart = self.book.add_chart({"type": kind})
        name = quote_sheetname(sheet.get_name())
        chart.add_series({"name": title, "categories": f"={name}!{xl_range_abs(first, label_col, last, label_col)}",
                          "values": f"={name}!{xl_range_abs(first, value_col, last, value_col)}",
                          "fill": {"color": BAR},
                          "data_labels": {"value": True, "num_format": "#,##0;-#,##0;"}})  # no label on a zero
        chart.set_title({"name": title, "name_font": {"size": 11}})
        chart.set_legend({"none": True})
        if kind == "column":
            chart.set_x_axis({"reverse": self.rtl})
        else:  # a bar chart's x axis is the values: the first name at the top, bars growing from the start side
            chart.set_y_axis({"reverse": True})
            chart.set_x_axis({"reverse": self.rtl})
        return chart

    def logo(self) -> bytes | None:
        """The logo as a small PNG whatever it was (SVG too): Qt reads it, as for the PDF."""
        if not self.meta.logo_path:
            return None
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
        from PySide6.QtGui import QImage

        from desk.export.pdf_writer import _ensure_app

        _ensure_app()
        image = QImage(str(self.meta.logo_path))
        if image.isNull():
            return None
        image = image.scaledToHeight(LOGO_PX, Qt.SmoothTransformation)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    # ------------------------------------------------------------------ the sheets
    def summary(self) -> None:
        f, w, fmt, meta = self.figures, self.w, self.fmt, self.meta
        sheet = self.sheet("sheet_summary", [46, 12, 20, 22, 20, 26])
        sheet.set_row(0, 58)
        png = self.logo()
        if png:
            sheet.insert_image(0, 0, "logo.png", {"image_data": BytesIO(png), "x_offset": 4, "y_offset": 4,
                                                  "object_position": 3})
        ar, en = meta.institution_name_ar, meta.institution_name_en
        sheet.merge_range(0, 1, 0, 5, (ar or en) if self.rtl else (en or ar), fmt["name"])
        sheet.merge_range(1, 1, 1, 5, f"@{meta.handle.lstrip('@')}" if meta.handle else "", fmt["line"])
        sheet.write_string(3, 0, w("title"), fmt["title"])
        made = meta.made_at.isoformat()
        pairs = [("month", f.period.label(self.lang)), ("same_days", f.period.other_label(self.lang)),
                 ("made_by", meta.made_by_name),
                 ("made_at", f"{local_text(made, meta.tz)} — {hijri_text(made, self.lang, meta.tz)}")]
        for r, (key, value) in enumerate(pairs, start=4):
            sheet.write_string(r, 0, w(key), fmt["key"])
            sheet.merge_range(r, 1, r, 5, value, fmt["line"])  # one line across, never wrapped over the next
        r = 4 + len(pairs)
        if f.training:
            sheet.write_string(r, 0, w("training"), fmt["alert"])
            r += 1
        sheet.write_string(r + 1, 0, w("summary"), fmt["title"])
        r = _table(sheet, r + 2, [w("item"), w("number")],
                   [[w(key), getattr(f, name)] for key, name in SUMMARY_ITEMS], fmt, self.lang)
        sheet.write_string(r + 1, 0, w("waits"), fmt["title"])
        rows = []
        for key, wait in (("approval_wait", f.approval_wait), ("publish_wait", f.publish_wait)):
            minutes = [None if s is None else round(s / 60, 1) for s in (wait.median, wait.p90)]
            rows.append([w(key), wait.count, duration_text(wait.median, self.lang),
                         duration_text(wait.p90, self.lang), *minutes])
        heads = [w("step"), w("posts"), w("median"), w("p90"), w("median_minutes"), w("p90_minutes")]
        r = _table(sheet, r + 2, heads, rows, fmt, self.lang)
        sheet.write_string(r, 0, w("p90_note"), fmt["note"])

    def days(self) -> None:
        f, w, fmt = self.figures, self.w, self.fmt
        sheet = self.sheet("sheet_days", [14, 8, 24, 12])
        other = "hijri_date" if f.period.calendar == "gregorian" else "gregorian_date"
        for c, head in enumerate([w("date"), w("day"), w(other), w("published")]):
            sheet.write_string(0, c, head, fmt["head"])
        for r, day in enumerate(f.per_day, start=1):
            moment = datetime.combine(date.fromisoformat(day.key), time())
            sheet.write_datetime(r, 0, moment, fmt["date"])
            _cell(sheet, r, 1, int(day.label) if day.label.isdigit() else day.label, fmt)
            sheet.write_string(r, 2, hijri_date_text(moment.date(), self.lang) if other == "hijri_date"
                               else day.key, fmt["text"])
            sheet.write_number(r, 3, day.count, fmt["number"])
        sheet.freeze_panes(1, 0)
        if f.per_day:
            chart = self.chart("column", sheet, 1, len(f.per_day), 1, 3, w("per_day"))
            chart.set_size({"width": 760, "height": 340})
            sheet.insert_chart(1, 5, chart)

    def weeks(self) -> None:
        sheet = self.sheet("sheet_weeks", [22, 14])
        _table(sheet, 0, [self.w("days"), self.w("published")],
               [[week_text(c.label, self.lang), c.count] for c in self.figures.per_week], self.fmt, self.lang)

    def people(self) -> None:
        w, fmt = self.w, self.fmt
        sheet = self.sheet("sheet_people", [18, 36, 14])
        r, place = 0, 0
        for key, counted, bars in (("by_author", "published", self.figures.by_author),
                                   ("by_approver", "approved", self.figures.by_approver)):
            sheet.write_string(r, 0, w(key), fmt["title"])
            end = _table(sheet, r + 1, [w("user"), w("name"), w(counted)], [[c.key, c.label, c.count] for c in bars],
                         fmt, self.lang)
            if bars:
                chart = self.chart("bar", sheet, r + 2, end - 1, 1, 2, w(key))
                chart.set_size({"width": 560, "height": max(200, 60 + 28 * len(bars))})
                sheet.insert_chart(place, 4, chart)
                place += max(12, 4 + 2 * len(bars))
            r = max(end + 2, place)

    def reasons(self) -> None:
        sheet = self.sheet("sheet_reasons", [60, 12])
        r = 0
        for key, reasons in (("return_reasons", self.figures.return_reasons),
                             ("reject_reasons", self.figures.reject_reasons)):
            sheet.write_string(r, 0, self.w(key), self.fmt["title"])
            r = _table(sheet, r + 1, [self.w("reason"), self.w("times")], [[c.label, c.count] for c in reasons],
                       self.fmt, self.lang) + 1

    def withdrawals(self) -> None:
        sheet = self.sheet("sheet_withdrawals", [14, 70])
        rows = [[int(c.key) if c.key.isdigit() else c.key, c.label] for c in self.figures.withdrawals]
        _table(sheet, 0, [self.w("post_no"), self.w("reason")], rows, self.fmt, self.lang)

    def x_figures(self) -> None:
        f, w, fmt, reach = self.figures, self.w, self.fmt, self.figures.reach
        sheet = self.sheet("sheet_x", [60, 20, 12, 12, 12, 14])
        if not reach.posts_read and not f.top_posts:
            sheet.write_string(0, 0, w("x_training" if f.training else "x_unread"), fmt["note"])
            return
        when = local_text(reach.last_read_at, self.meta.tz) if reach.last_read_at else "—"
        sheet.merge_range(0, 0, 0, 5, w("x_note", when=when), fmt["note"])
        sheet.set_row(0, 32)
        sheet.write_string(1, 0, w("last_read"), fmt["key"])
        sheet.write_string(1, 1, when, fmt["text"])
        rows = [[w(key), getattr(reach, name)] for key, name in REACH_ITEMS]
        if reach.impressions is None:
            rows[-1][1] = w("not_given")
        r = _table(sheet, 3, [w("item"), w("number")], rows, fmt, self.lang) + 1
        sheet.write_string(r, 0, w("top_posts"), fmt["title"])
        heads = [w("post"), w("published_at"), w("likes"), w("reposts"), w("replies"), w("impressions")]
        for c, head in enumerate(heads):
            sheet.write_string(r + 1, c, head, fmt["head"])
        for i, post in enumerate(f.top_posts, start=r + 2):
            sheet.write_string(i, 0, post.text, fmt["text"])
            sheet.set_row(i, 13.5 * min(8, 1 + len(post.text) // CHARS_PER_LINE))  # rows do not grow by themselves
            sheet.write_datetime(i, 1, naive_local(post.published_at, self.meta.tz), fmt["time"])
            for c, value in enumerate((post.likes, post.reposts, post.replies, post.impressions), start=2):
                _cell(sheet, i, c, value if value is not None else "—", fmt)

    def fill(self) -> None:
        meta = self.meta
        self.book.set_properties({"title": f"{self.w('title')} — {self.figures.period.label(self.lang)}",
                                  "company": meta.institution_name_en or meta.institution_name_ar,
                                  "author": meta.made_by_name, "created": meta.made_at.replace(tzinfo=None)})
        for part in (self.summary, self.days, self.weeks, self.people, self.reasons, self.withdrawals,
                     self.x_figures):
            part()


def write_report_xlsx(figures: Figures, meta: "ReportMeta", out_path) -> None:
    with atomic_target(out_path) as temp:
        book = xlsxwriter.Workbook(str(temp), {"strings_to_numbers": False, "strings_to_formulas": False})
        try:
            _Book(book, figures, meta).fill()
            book.close()
        except XlsxWriterException as exc:
            _discard(book)
            raise StoreError("export.write_failed", path=str(out_path), reason=str(exc)) from exc
        except BaseException:
            _discard(book)
            raise

