"""The log export: one row model (rows.py), four writers, and a checker for JSON exports."""

from desk.export.rows import COLUMNS, ExportCancelled, ExportMeta
from desk.export.verify_file import VerifyResult, verify_export
from desk.export.writer import FORMATS, format_for, write_export

__all__ = [
    "COLUMNS",
    "FORMATS",
    "ExportCancelled",
    "ExportMeta",
    "VerifyResult",
    "format_for",
    "verify_export",
    "write_export",
]
