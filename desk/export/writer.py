"""One entrance for every format: write_export(fmt, rows, events, meta, out_path)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from desk.core.errors import InvalidInput
from desk.export.rows import ExportMeta

FORMATS = ("csv", "xlsx", "pdf", "json")


def format_for(out_path, fmt: str | None = None) -> str:
    """The format asked for, else the one the file name ends with, else csv."""
    if fmt:
        return fmt.lower().lstrip(".")
    suffix = Path(out_path).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "csv"


def check_request(fmt: str, meta: ExportMeta) -> None:
    """Refuse an unknown format or a backwards period before anything is read or written."""
    if fmt not in FORMATS:
        raise InvalidInput("export.unknown_format", fmt=fmt, formats=", ".join(FORMATS))
    if meta.period_from and meta.period_to and meta.period_from > meta.period_to:
        raise InvalidInput("export.bad_period", start=meta.period_from.isoformat(), end=meta.period_to.isoformat())


def write_export(
    fmt: str,
    rows_iter: Iterable[dict],
    events_iter: Iterable[dict] | None,
    meta: ExportMeta,
    out_path,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the export and return the number of rows.

    Raises InvalidInput/StoreError for a target that cannot be written and
    ExportCancelled on Cancel; in every failure nothing is left under out_path.
    Only JSON reads events_iter. The writers are imported on use: CSV needs no Qt.
    """
    fmt = (fmt or "").lower()
    check_request(fmt, meta)
    if fmt == "csv":
        from desk.export.csv_writer import write_csv

        return write_csv(rows_iter, meta, out_path, progress, cancelled)
    if fmt == "xlsx":
        from desk.export.xlsx_writer import write_xlsx

        return write_xlsx(rows_iter, meta, out_path, progress, cancelled)
    if fmt == "pdf":
        from desk.export.pdf_writer import write_pdf

        return write_pdf(rows_iter, meta, out_path, progress, cancelled)
    from desk.export.json_writer import write_json

    return write_json(rows_iter, events_iter, meta, out_path, progress, cancelled)
