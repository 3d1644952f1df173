"""The one entrance for every format, and the export's messages."""

from __future__ import annotations

import string
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_export_samples import meta, sample  # noqa: E402

from desk.core import msg_export  # noqa: E402
from desk.core.errors import InvalidInput  # noqa: E402
from desk.export import COLUMNS, FORMATS, format_for, write_export  # noqa: E402


def test_columns_are_the_designed_ones():
    assert COLUMNS == [
        "post_id", "state", "text", "author", "author_name", "created_at", "submitted_at", "approver",
        "approver_name", "approved_at", "published_by", "published_at", "x_post_id", "x_url",
        "withdrawn_by", "withdrawn_at", "withdraw_reason", "media_count",
        "parts",  # added after the designed ones: a thread is one row
    ]


def test_unknown_format_writes_nothing(tmp_path):
    with pytest.raises(InvalidInput) as raised:
        write_export("docx", iter([]), None, meta(), tmp_path / "log.docx")
    assert raised.value.key == "export.unknown_format"
    assert "csv, xlsx, pdf, json" in raised.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_period_backwards_is_refused(tmp_path):
    backwards = meta(period_from=date(2026, 12, 1), period_to=date(2026, 11, 1))
    with pytest.raises(InvalidInput) as raised:
        write_export("csv", iter([]), None, backwards, tmp_path / "log.csv")
    assert raised.value.key == "export.bad_period"
    assert "2026-12-01" in raised.value.message("ar")
    assert list(tmp_path.iterdir()) == []


def test_format_from_the_file_name():
    assert format_for("log.XLSX") == "xlsx"
    assert format_for("log.json") == "json"
    assert format_for("log.txt") == "csv"
    assert format_for("log.csv", "PDF") == "pdf"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_and_counts(tmp_path, fmt):
    rows, events = sample()
    out = tmp_path / f"log.{fmt}"
    assert write_export(fmt, iter(rows), iter(events), meta(), out) == len(rows)
    assert out.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_messages_in_both_languages_with_the_same_fields():
    for key, (english, arabic) in msg_export.MESSAGES.items():
        assert english and arabic, key
        assert _fields(english) == _fields(arabic), key
