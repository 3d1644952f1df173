"""The monthly report's one entrance: write_report("pdf" | "xlsx", figures, meta, out_path).

The writers are imported on use (the PDF needs Qt, the spreadsheet does not). Each writes
through rows.atomic_target, so a failed or refused write leaves no file behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from desk.core.errors import InvalidInput
from desk.core.figures import Figures

REPORT_FORMATS = ("pdf", "xlsx")


@dataclass
class ReportMeta:
    institution_name_ar: str
    institution_name_en: str
    handle: str
    logo_path: Path | None
    lang: str  # "ar" or "en"
    made_by_name: str
    made_at: datetime  # aware, UTC
    tz: tzinfo | None = None  # zone for local times; None = the workstation's


def report_format(out_path, fmt: str | None = None) -> str:
    """The format asked for, else the one the file name ends with; refused when neither is known."""
    chosen = (fmt or Path(out_path).suffix).lower().lstrip(".")
    if chosen not in REPORT_FORMATS:
        raise InvalidInput("report.bad_format", fmt=chosen or Path(out_path).name, formats=", ".join(REPORT_FORMATS))
    return chosen


def write_report(fmt: str | None, figures: Figures, meta: ReportMeta, out_path) -> Path:
    """Write the report and return where it is. Raises InvalidInput (unknown format, missing
    or unwritable folder) or StoreError; in every failure nothing is left under out_path."""
    chosen = report_format(out_path, fmt)
    final = Path(out_path).expanduser().absolute()
    if chosen == "pdf":
        from desk.export.report_pdf import write_report_pdf

        write_report_pdf(figures, meta, final)
    else:
        from desk.export.report_xlsx import write_report_xlsx

        write_report_xlsx(figures, meta, final)
    return final
