"""CSV: UTF-8 with a byte-order mark (so Excel shows Arabic), RFC 4180 quoting."""

from __future__ import annotations

import csv
from typing import Callable, Iterable

from desk.export.dates import hijri_of_local_day, local_and_hijri
from desk.export.rows import COLUMNS, EXTRA_COLUMNS, X_COLUMNS, ExportMeta, Ticker, atomic_target

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# Columns a person can type into or that hold names; ids, counts and times cannot start a formula.
TEXT_INDEXES = [i for i, name in enumerate(COLUMNS) if name not in ("post_id", "media_count", "parts")]


def safe_cell(value) -> str:
    """The cell's text, with "'" in front when a spreadsheet would take it for a formula."""
    if type(value) is str:
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return "" if value is None else str(value)


def write_csv(
    rows: Iterable[dict],
    meta: ExportMeta,
    out_path,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write rows to out_path; returns how many. Streams: one row in memory at a time."""
    ticker = Ticker(progress, cancelled)
    tz = meta.tz
    # The era mark keeps spreadsheets from reading 1448-05-25 as a Gregorian date.
    era = " هـ" if meta.lang == "ar" else " AH"
    with atomic_target(out_path) as temp:
        with open(temp, "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow(COLUMNS + EXTRA_COLUMNS)
            for row in rows:
                # Ids and counts cannot start a formula; every other cell goes through the guard.
                cells = list(map(row.get, COLUMNS))
                for index in TEXT_INDEXES:
                    cells[index] = safe_cell(cells[index])
                for name in ("created_at", "published_at"):
                    if tz is None and name + "_local" in row:  # the store already worked out local time
                        local = row[name + "_local"] or ""
                        hijri = hijri_of_local_day(local[:10])
                    else:
                        local, hijri = local_and_hijri(row.get(name), tz)
                    cells += (local, hijri + era if hijri else "")
                cells += [row.get(name) for name in X_COLUMNS]  # numbers and an ISO time: no formula
                writer.writerow(cells)
                ticker.tick()
            count = ticker.finish()
    return count
