"""XLSX through XlsxWriter in constant-memory mode: rows go to disk as they are written."""

from __future__ import annotations

import os
from typing import Callable, Iterable

import xlsxwriter
from xlsxwriter.exceptions import XlsxWriterException

from desk.core.errors import StoreError
from desk.core.messages import render
from desk.export.dates import hijri_text, local_text, naive_local, naive_utc, period_text
from desk.export.rows import (
    COLUMNS,
    EXTRA_COLUMNS,
    X_COLUMNS,
    TIME_COLUMNS,
    ExportMeta,
    Ticker,
    atomic_target,
)

WIDTHS = {
    "post_id": 8,
    "state": 12,
    "text": 60,
    "author": 14,
    "author_name": 22,
    "approver": 18,
    "approver_name": 28,
    "published_by": 14,
    "x_post_id": 22,
    "x_url": 44,
    "withdrawn_by": 14,
    "withdraw_reason": 36,
    "media_count": 8,
    "parts": 7,
}
TIME_WIDTH = 17
HIJRI_WIDTH = 24
MAX_LINKS = 65530  # Excel's limit of hyperlinks in one sheet; later links are plain text
SHEET_NAME_CHARS = 31


def _t(key: str, lang: str, **params) -> str:
    return render(key, lang, params)


def _formats(book) -> dict:
    base = {"valign": "top", "font_name": "Arial", "font_size": 10}
    return {
        "head": book.add_format({**base, "bold": True, "bg_color": "#DCE6F0", "border": 1, "text_wrap": True}),
        "text": book.add_format({**base, "text_wrap": True}),
        "plain": book.add_format(base),
        "number": book.add_format({**base, "num_format": "0"}),
        "date": book.add_format({**base, "num_format": "yyyy-mm-dd hh:mm"}),
        "link": book.add_format({**base, "font_color": "blue", "underline": 1}),
        "key": book.add_format({**base, "bold": True}),
    }


def _discard(book) -> None:
    """Drop a workbook that will not be kept, with its constant-memory scratch files."""
    for sheet in book.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        if handle is not None and not handle.closed:
            handle.close()
        name = getattr(sheet, "row_data_filename", None)
        if name and os.path.exists(name):
            os.unlink(name)
    book.fileclosed = True


def _write_row(sheet, r: int, row: dict, meta: ExportMeta, fmt: dict, links: list[int]) -> None:
    tz = meta.tz
    for c, name in enumerate(COLUMNS):
        value = row.get(name)
        if value is None or value == "":
            continue
        if name in TIME_COLUMNS:
            sheet.write_datetime(r, c, naive_utc(value), fmt["date"])
        elif name in ("post_id", "media_count", "parts") and isinstance(value, int):
            sheet.write_number(r, c, value, fmt["number"])
        elif name == "x_url" and str(value).startswith(("https://", "http://")) and links[0] < MAX_LINKS:
            links[0] += 1
            sheet.write_url(r, c, str(value), fmt["link"], string=str(value))
        else:
            # write_string, never write(): text like "=SUM(A1)" must stay text.
            sheet.write_string(r, c, str(value), fmt["text"] if name in WIDTHS else fmt["plain"])
    c = len(COLUMNS)
    for source in ("created_at", "published_at"):
        value = row.get(source)
        if value:
            sheet.write_datetime(r, c, naive_local(value, tz), fmt["date"])
            sheet.write_string(r, c + 1, hijri_text(value, meta.lang, tz), fmt["plain"])
        c += 2
    for name in X_COLUMNS:  # X's figures as last read
        value = row.get(name)
        if name == "x_read_at" and value:
            sheet.write_datetime(r, c, naive_utc(value), fmt["date"])
        elif isinstance(value, int):
            sheet.write_number(r, c, value, fmt["number"])
        c += 1


def _write_about(sheet, meta: ExportMeta, count: int, fmt: dict) -> None:
    lang = meta.lang
    exported = meta.exported_at.isoformat()
    pairs = [
        ("export.doc.institution", f"{meta.institution_name_ar} — {meta.institution_name_en}"),
        ("export.doc.handle", meta.handle),
        ("export.doc.period", period_text(meta)),
        ("export.doc.filter", meta.filter_text or _t("export.doc.filter_none", lang)),
        ("export.doc.exported_by", f"{meta.exported_by_name} ({meta.exported_by})"),
        (
            "export.doc.exported_at",
            f"{local_text(exported, meta.tz)} — {hijri_text(exported, lang, meta.tz)} — {exported}",
        ),
        ("export.doc.rows", str(count)),
    ]
    r = 0
    if meta.training:
        sheet.write_string(r, 0, _t("export.doc.training", lang), fmt["key"])
        r += 1
    for key, value in pairs:
        sheet.write_string(r, 0, _t(key, lang), fmt["key"])
        sheet.write_string(r, 1, value, fmt["text"])
        r += 1
    sheet.write_string(r + 1, 0, _t("export.doc.times_note", lang), fmt["plain"])


def write_xlsx(
    rows: Iterable[dict],
    meta: ExportMeta,
    out_path,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    ticker = Ticker(progress, cancelled)
    with atomic_target(out_path) as temp:
        book = xlsxwriter.Workbook(str(temp), {"constant_memory": True, "strings_to_numbers": False})
        try:
            count = _fill(book, rows, meta, ticker)
            book.close()
        except XlsxWriterException as exc:
            _discard(book)
            cause = exc.args[0] if exc.args else exc
            if isinstance(cause, OSError):
                raise cause from exc
            raise StoreError("export.write_failed", path=str(out_path), reason=str(exc)) from exc
        except BaseException:
            _discard(book)
            raise
    return count


def _fill(book, rows: Iterable[dict], meta: ExportMeta, ticker: Ticker) -> int:
    lang = meta.lang
    fmt = _formats(book)
    book.set_properties(
        {
            "title": _t("export.doc.title", lang),
            "company": meta.institution_name_en or meta.institution_name_ar,
            "author": meta.exported_by_name or meta.exported_by,
            "created": meta.exported_at.replace(tzinfo=None),
        }
    )
    sheet = book.add_worksheet(_t("export.doc.sheet_posts", lang)[:SHEET_NAME_CHARS])
    about = book.add_worksheet(_t("export.doc.sheet_about", lang)[:SHEET_NAME_CHARS])
    for each in (sheet, about):
        if lang == "ar":
            each.right_to_left()
    about.set_column(0, 0, 22)
    about.set_column(1, 1, 80)

    headers = COLUMNS + EXTRA_COLUMNS
    for c, name in enumerate(headers):
        if name in WIDTHS:
            width = WIDTHS[name]
        else:
            width = HIJRI_WIDTH if name.endswith("_hijri") else TIME_WIDTH
        sheet.set_column(c, c, width)
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()
    sheet.repeat_rows(0)
    sheet.fit_to_pages(1, 0)
    for c, name in enumerate(headers):
        sheet.write_string(0, c, name, fmt["head"])

    links = [0]
    for row in rows:
        _write_row(sheet, ticker.count + 1, row, meta, fmt, links)
        ticker.tick()
    sheet.autofilter(0, 0, max(ticker.count, 1), len(headers) - 1)
    count = ticker.finish()
    _write_about(about, meta, count, fmt)
    return count
