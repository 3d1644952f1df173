"""The PDF writer, read back with pypdf and poppler's pdftotext (no display needed)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parent))
from test_export_samples import FORMULA, headlines, meta, sample  # noqa: E402

from desk.core.errors import InvalidInput  # noqa: E402
from desk.export.rows import ExportCancelled  # noqa: E402
from desk.export.writer import write_export  # noqa: E402

PDFTOTEXT = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils is not installed")
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# The desk's own application, made before the writer would make a bare one.
pytestmark = pytest.mark.usefixtures("qapp")


def raw_text(path: Path, *options: str) -> str:
    return subprocess.run([PDFTOTEXT, *options, str(path), "-"], capture_output=True, text=True, check=True).stdout


def plain(text: str) -> str:
    """Arabic as letters again: the PDF holds shaped presentation forms."""
    return BIDI_MARKS.sub("", unicodedata.normalize("NFKC", text))


@pytest.fixture
def logo(tmp_path) -> Path:
    from PySide6.QtGui import QColor, QImage

    from desk.export.pdf_writer import _ensure_app

    _ensure_app()
    image = QImage(120, 120, QImage.Format_RGB32)
    image.fill(QColor("#1f5f3f"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


def export(tmp_path, lang="ar", rows=None, **changes) -> Path:
    if rows is None:
        rows, _ = sample()
    out = tmp_path / f"log-{lang}.pdf"
    assert write_export("pdf", iter(rows), None, meta(lang, **changes), out) == len(rows)
    return out


@needs_poppler
def test_arabic_document(tmp_path, logo):
    out = export(tmp_path, "ar", logo_path=logo)
    raw = raw_text(out)
    text = plain(raw)
    for expected in ("وزارة الإعلام", "Ministry of Media", "@MediaMinistry", "سجل المنشورات", headlines()[0],
                     "عمر الزهراني", "سلمى العتيبي", "مسحوب", "خطأ في التاريخ", FORMULA.strip("=")[:3], "salma"):
        assert expected in text, expected
    # Shaped: letters joined in their initial and medial forms, not isolated ones.
    forms = {unicodedata.decomposition(c).split(" ")[0] for c in raw if "\ufb50" <= c <= "\ufeff"}
    assert {"<initial>", "<medial>"} <= forms
    reader = PdfReader(out)
    assert reader.pages[0].images, "the logo is on the first page"
    assert text.count("صفحة") == len(reader.pages)


@needs_poppler
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_table_runs_in_the_language_direction(tmp_path, lang):
    out = export(tmp_path, lang)
    words = re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', raw_text(out, "-bbox", "-f", "1", "-l", "1"))
    where = {word: float(x) for x, word in reversed(words)}  # first occurrence wins
    text, author, published = where[FORMULA], where["Khalid"], where["1860000000000000002"]
    if lang == "ar":  # the text column sits right of the author, the publication left of both
        assert text > author > published
    else:
        assert text < author < published


@needs_poppler
def test_english_document(tmp_path):
    rows, _ = sample()
    many = [dict(rows[n % len(rows)], post_id=n + 1) for n in range(60)]
    out = export(tmp_path, "en", rows=many, training=True, filter_text="state: published")
    pages = len(PdfReader(out).pages)
    assert pages > 2
    text = plain(raw_text(out))
    for n in range(1, pages + 1):
        assert f"Page {n} of {pages}" in text
    for expected in ("Log of posts", "TRAINING", "Period:", "2026-11-01", "Jumada al-Ula 1448 AH",
                     "Filter: state: published", "Exported by", "salma", "2026-12-01 11:00", "60 posts",
                     "Reviewed by", "Signature", "by omar", "X 1860000000000000001", headlines()[0]):
        assert expected in text, expected
    meta_data = PdfReader(out).metadata
    assert meta_data.title == "Log of posts — Ministry of Media"


@needs_poppler
def test_no_rows_gives_a_page_with_the_table_heading(tmp_path):
    out = export(tmp_path, "en", rows=[])
    assert len(PdfReader(out).pages) == 1
    text = plain(raw_text(out))
    assert "No posts in this period." in text and "Written by" in text and "Page 1 of 1" in text


def test_renders_with_pdftoppm(tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils is not installed")
    out = export(tmp_path, "ar")
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 1000


def test_cancel_leaves_nothing(tmp_path):
    rows, _ = sample()
    many = (dict(rows[n % len(rows)], post_id=n + 1) for n in range(1500))
    asked = []
    with pytest.raises(ExportCancelled):
        write_export("pdf", many, None, meta(), tmp_path / "log.pdf", cancelled=lambda: asked.append(1) or len(asked) > 3)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder(tmp_path):
    with pytest.raises(InvalidInput) as raised:
        write_export("pdf", iter([]), None, meta(), tmp_path / "gone" / "log.pdf")
    assert raised.value.key == "export.no_folder"


def test_progress_counts_up_to_every_row(tmp_path):
    rows, _ = sample()
    many = [dict(rows[n % len(rows)], post_id=n + 1) for n in range(1100)]
    seen = []
    write_export("pdf", iter(many), None, meta("en"), tmp_path / "log.pdf", progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1100
