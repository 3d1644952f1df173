"""The Excel writer, read back with openpyxl."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_export_samples import FORMULA, headlines, meta, sample  # noqa: E402

from desk.core.errors import InvalidInput  # noqa: E402
from desk.export.rows import COLUMNS, EXTRA_COLUMNS, ExportCancelled  # noqa: E402
from desk.export.writer import write_export  # noqa: E402


def export(tmp_path, lang="ar", rows=None):
    if rows is None:
        rows, _ = sample()
    out = tmp_path / "log.xlsx"
    count = write_export("xlsx", iter(rows), None, meta(lang), out)
    return count, openpyxl.load_workbook(out)


def test_rows_read_back(tmp_path):
    count, book = export(tmp_path)
    sheet = book.worksheets[0]
    table = list(sheet.iter_rows(values_only=True))
    assert count == 8 and len(table) == 9
    assert list(table[0]) == COLUMNS + EXTRA_COLUMNS
    first = dict(zip(table[0], table[1]))
    assert first["text"] == headlines()[0]
    assert first["approver"] == "omar; salma"
    assert first["approver_name"] == "عمر الزهراني; سلمى العتيبي"
    assert first["post_id"] == 1 and first["media_count"] == 0
    # Real dates: UTC in the named columns, the workstation's zone in the _local ones.
    assert first["published_at"] == datetime(2026, 11, 2, 6, 21)
    assert first["published_at_local"] == datetime(2026, 11, 2, 9, 21)
    assert first["published_at_hijri"] == "22 جمادى الأولى 1448 هـ"
    assert first["x_post_id"] == "1860000000000000000"  # text: 19 digits do not fit a number
    withdrawn = dict(zip(table[0], table[2]))
    assert withdrawn["state"] == "withdrawn" and withdrawn["withdrawn_by"] == "salma"


def test_formula_text_stays_text(tmp_path):
    _, book = export(tmp_path)
    cell = book.worksheets[0].cell(row=4, column=COLUMNS.index("text") + 1)
    assert cell.value == FORMULA and cell.data_type == "s"


def test_sheet_layout(tmp_path):
    _, book = export(tmp_path, "ar")
    sheet = book.worksheets[0]
    assert sheet.sheet_view.rightToLeft
    assert sheet.freeze_panes == "A2"
    text_column = openpyxl.utils.get_column_letter(COLUMNS.index("text") + 1)
    assert sheet.column_dimensions[text_column].width > 50
    assert sheet.cell(row=2, column=COLUMNS.index("text") + 1).alignment.wrap_text
    link = sheet.cell(row=2, column=COLUMNS.index("x_url") + 1)
    assert link.hyperlink is not None
    assert link.hyperlink.target == "https://x.com/MediaMinistry/status/1860000000000000000"
    about = [row for row in book.worksheets[1].iter_rows(values_only=True) if row[0]]
    assert ("عدد الصفوف", "8") in about


def test_english_sheet_is_left_to_right(tmp_path):
    _, book = export(tmp_path, "en")
    assert not book.worksheets[0].sheet_view.rightToLeft
    assert book.sheetnames == ["Posts", "About"]


def test_no_rows_gives_the_header(tmp_path):
    count, book = export(tmp_path, rows=[])
    table = list(book.worksheets[0].iter_rows(values_only=True))
    assert count == 0 and table == [tuple(COLUMNS + EXTRA_COLUMNS)]


def test_cancel_leaves_nothing(tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(scratch))  # where constant-memory rows go
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    rows, _ = sample()
    many = (dict(rows[n % 8], post_id=n + 1) for n in range(3000))
    asked = []
    with pytest.raises(ExportCancelled):
        write_export("xlsx", many, None, meta(), out_dir / "log.xlsx", cancelled=lambda: asked.append(1) or len(asked) > 3)
    assert list(out_dir.iterdir()) == []
    assert list(scratch.iterdir()) == []


def test_missing_folder(tmp_path):
    with pytest.raises(InvalidInput) as raised:
        write_export("xlsx", iter([]), None, meta(), tmp_path / "gone" / "log.xlsx")
    assert raised.value.key == "export.no_folder"
    assert list(tmp_path.iterdir()) == []
