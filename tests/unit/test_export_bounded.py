"""Every writer is bounded in time on the longest text the desk accepts; the PDF cuts a text
longer than a cell shows, with a mark, and the other formats carry it whole."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_export_samples import meta, sample  # noqa: E402

from desk.core.text import MAX_WEIGHTED, check_draft_text  # noqa: E402
from desk.export.writer import write_export  # noqa: E402

pytestmark = pytest.mark.usefixtures("qapp")
WORD = "الخبر العاجل من الوزارة اليوم "
LONGEST = (WORD * (MAX_WEIGHTED // len(WORD) + 1))[:MAX_WEIGHTED - 1].rstrip() + "ز"
TAIL = "ختام-النص-هنا"


def rows(count: int, text: str = LONGEST) -> list[dict]:
    base = sample(8)[0][0]
    return [dict(base, post_id=n + 1, text=text) for n in range(count)]


def test_the_longest_text_is_accepted():
    assert check_draft_text(LONGEST) == LONGEST


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "csv", "json"])
def test_two_hundred_of_the_longest_drafts_export_in_bounded_time(tmp_path, fmt):
    out = tmp_path / f"log.{fmt}"
    started = time.perf_counter()
    assert write_export(fmt, iter(rows(200)), None, meta("ar"), out) == 200
    elapsed = time.perf_counter() - started
    # measured here: PDF 2.0 s, CSV 0.6 s, XLSX 0.5 s, JSON 0.05 s; uncut, the PDF took
    # 4.9 s for 20 rows (about 50 s for 200) and every row ran off its page
    assert elapsed < 20, f"{fmt}: {elapsed:.1f} s"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
@pytest.mark.parametrize("lang, mark", [("ar", "مقتطع"), ("en", "cut")])
def test_the_pdf_cuts_a_long_text_with_a_mark_and_keeps_each_row_on_its_page(tmp_path, lang, mark):
    from pypdf import PdfReader

    text = LONGEST[:-len(TAIL)] + TAIL
    out = tmp_path / "log.pdf"
    write_export("pdf", iter(rows(6, text)), None, meta(lang), out)
    shown = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    shown = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", unicodedata.normalize("NFKC", shown))
    assert shown.count("CSV") >= 6 and mark in shown and str(len(text)) in shown
    assert TAIL not in shown  # the end of the text is left to the other formats
    assert len(PdfReader(str(out)).pages) <= 4  # a 25,000-character row used to run past its page


def test_the_other_formats_carry_the_whole_text(tmp_path):
    text = LONGEST[:-len(TAIL)] + TAIL
    write_export("json", iter(rows(1, text)), None, meta("ar"), tmp_path / "log.json")
    assert text in json.dumps(json.loads((tmp_path / "log.json").read_text(encoding="utf-8")), ensure_ascii=False)
    write_export("csv", iter(rows(1, text)), None, meta("ar"), tmp_path / "log.csv")
    with open(tmp_path / "log.csv", encoding="utf-8-sig", newline="") as handle:
        assert any(text in cell for line in csv.reader(handle) for cell in line)
    from openpyxl import load_workbook

    write_export("xlsx", iter(rows(1, text)), None, meta("ar"), tmp_path / "log.xlsx")
    book = load_workbook(tmp_path / "log.xlsx", read_only=True)
    assert any(text == cell for row in book.worksheets[0].iter_rows(values_only=True) for cell in row)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_a_huge_name_stored_before_names_had_a_limit_is_cut_in_the_pdf(tmp_path):
    out = tmp_path / "log.pdf"
    started = time.perf_counter()
    write_export("pdf", iter([dict(r, author_name="ه" * 10_000, approver_name="ع" * 10_000) for r in rows(30, "خبر")]),
                 None, meta("en"), out)
    assert time.perf_counter() - started < 20
    shown = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert shown.count("[cut: 10000 characters") == 60  # each row's author and approver, cut and marked
