"""The JSON export and the check an auditor runs on it without the database."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from test_export_samples import Chain, headlines, meta, sample  # noqa: E402

from desk.core.messages import render  # noqa: E402
from desk.export.rows import COLUMNS, ExportCancelled  # noqa: E402
from desk.export.verify_file import verify_export  # noqa: E402
from desk.export.writer import write_export  # noqa: E402


def export(tmp_path, rows, events, name="log.json") -> Path:
    out = tmp_path / name
    # A JSON export's rows carry their images (none here), so the content recomputes.
    write_export("json", (dict(r, media=r.get("media", [])) for r in rows), iter(events), meta(), out)
    return out


def hash_only(event: dict) -> dict:
    return {"id": event["id"], "prev_hash": event["prev_hash"], "hash": event["hash"]}


def edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def test_reads_back_and_verifies(tmp_path):
    rows, events = sample()
    out = export(tmp_path, rows, events)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "posting-desk-log" and data["version"] == 2
    assert data["institution"] == {"name_ar": "وزارة الإعلام", "name_en": "Ministry of Media", "handle": "MediaMinistry"}
    assert data["exported_by"] == "salma" and data["exported_at"] == "2026-12-01T08:00:00+00:00"
    assert data["filter"] == {"from": "2026-11-01", "to": "2026-11-30", "text": "", "fields": {}}
    assert data["document"]["rows"] == len(rows) and data["document"]["events"] == len(events)
    assert data["document"]["last_event"] == {"id": events[-1]["id"], "hash": events[-1]["hash"]}
    assert list(data["rows"][0])[: len(COLUMNS)] == COLUMNS
    assert data["rows"][0]["text"] == headlines()[0]
    assert data["rows"][0]["approver"] == "omar; salma"
    assert data["events"] == events
    result = verify_export(out)
    assert result.ok, result
    assert result.count == len(events) and result.message_key == "export.verify.ok_alone"


def test_empty_export_is_valid(tmp_path):
    out = export(tmp_path, [], [])
    assert json.loads(out.read_text(encoding="utf-8"))["rows"] == []
    assert verify_export(out).ok


def test_filtered_export_with_hash_only_events_verifies(tmp_path):
    rows, events = sample()
    keep = {2, 3}
    first = min(e["id"] for e in events if e["post_id"] in keep)
    last = max(e["id"] for e in events if e["post_id"] in keep)
    stretch = [e if e["post_id"] in keep else hash_only(e) for e in events if first <= e["id"] <= last]
    out = export(tmp_path, [r for r in rows if r["post_id"] in keep], stretch)
    result = verify_export(out)
    assert result.ok, result
    assert result.count == len(stretch)


def test_changed_event_is_named(tmp_path):
    rows, events = sample()
    out = export(tmp_path, rows, events)
    edit(out, lambda d: d["events"][16].update(actor="mallory"))
    result = verify_export(out)
    assert not result.ok
    assert result.first_bad_event_id == 17
    assert result.message_key == "export.verify.event_changed"
    assert "17" in render(result.message_key, "en", result.params)
    assert "17" in render(result.message_key, "ar", result.params)


def test_removed_event_breaks_the_chain(tmp_path):
    rows, events = sample()
    out = export(tmp_path, rows, events)
    edit(out, lambda d: d["events"].pop(9))
    result = verify_export(out)
    assert not result.ok and result.message_key == "export.verify.gap" and result.first_bad_event_id == 11


def test_rehashed_event_breaks_the_next_link(tmp_path):
    rows, events = sample()
    chain = Chain()
    for e in events:  # rebuild, changing event 5 and hashing it again
        fields = {k: v for k, v in e.items() if k not in ("id", "prev_hash", "hash")}
        if e["id"] == 5:
            fields["actor"] = "mallory"
        chain.add(**fields)
    forged = events[:4] + [chain.events[4]] + events[5:]
    out = export(tmp_path, rows, forged)
    result = verify_export(out)
    assert not result.ok and result.message_key == "export.verify.chain_broken"
    assert result.first_bad_event_id == 6


def test_edited_row_is_named(tmp_path):
    rows, events = sample()
    out = export(tmp_path, rows, events)
    edit(out, lambda d: d["rows"][1].update(state="published", withdrawn_by=None, withdrawn_at=None, withdraw_reason=None))
    result = verify_export(out)
    assert not result.ok and result.message_key == "export.verify.row_mismatch"
    assert result.params == {"post_id": 2, "field": "state"}
    assert render(result.message_key, "en", result.params) == "The row for post 2 does not match its events (state)."


@pytest.mark.parametrize(
    "field, value",
    [("text", "نص آخر"), ("approver", "omar; mallory"), ("published_at", "2026-11-03T06:21:00+00:00"), ("withdraw_reason", "x")],
)
def test_each_checked_column(tmp_path, field, value):
    rows, events = sample()
    out = export(tmp_path, rows, events)
    edit(out, lambda d: d["rows"][1].update({field: value}))
    result = verify_export(out)
    assert not result.ok and result.params == {"post_id": 2, "field": field}


def test_row_without_events(tmp_path):
    rows, events = sample()
    made_up = dict(rows[0], post_id=99)
    out = export(tmp_path, rows + [made_up], events)
    result = verify_export(out)
    assert result.message_key == "export.verify.row_without_events" and result.params == {"post_id": 99}


def test_first_event_must_start_the_chain(tmp_path):
    rows, events = sample()
    out = export(tmp_path, rows, events)
    edit(out, lambda d: d["events"][0].update(prev_hash="1" * 64))
    result = verify_export(out)
    assert not result.ok and result.first_bad_event_id == 1


def test_not_an_export(tmp_path):
    assert verify_export(tmp_path / "missing.json").message_key == "export.verify.missing"
    junk = tmp_path / "junk.json"
    junk.write_text("{not json", encoding="utf-8")
    assert verify_export(junk).message_key == "export.verify.unreadable"
    other = tmp_path / "other.json"
    other.write_text('{"rows": [], "events": []}', encoding="utf-8")
    assert verify_export(other).message_key == "export.verify.wrong_format"
    listing = tmp_path / "list.json"
    listing.write_text("[1, 2]", encoding="utf-8")
    assert verify_export(listing).message_key == "export.verify.unreadable"


def test_reads_large_files_in_pieces(tmp_path, monkeypatch):
    # A tiny read size makes every value cross a chunk boundary.
    monkeypatch.setattr("desk.export.verify_file._Reader.CHUNK", 7)
    rows, events = sample()
    assert verify_export(export(tmp_path, rows, events)).ok


def test_cancel_leaves_nothing(tmp_path):
    rows, events = sample()
    many = (dict(rows[n % 8], post_id=n + 1) for n in range(2000))
    with pytest.raises(ExportCancelled):
        write_export("json", many, iter(events), meta(), tmp_path / "log.json", cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_odd_values_are_reported_not_raised(tmp_path):
    rows, events = sample()
    out = export(tmp_path, rows, events)
    edit(out, lambda d: d["rows"][0].update(approved_at=["not", "a", "time"]))
    result = verify_export(out)
    assert not result.ok and result.params == {"post_id": 1, "field": "approved_at"}
    edit(out, lambda d: d["rows"][0].update(media="none"))
    result = verify_export(out)
    assert not result.ok and result.message_key == "export.verify.row_mismatch"


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["institution"].update(handle="Another"),
        lambda d: d.update(exported_by="mallory"),
        lambda d: d.update(exported_by_name="Mallory"),
        lambda d: d.update(exported_at="2025-01-01T00:00:00+00:00"),
        lambda d: d["filter"].update(text="state=published"),
        lambda d: d["filter"].update(fields={"author": "huda"}),
        lambda d: d.update(training=True),
        lambda d: d.update(lang="en"),
        lambda d: d["rows"][0].update(author_name="Mallory"),  # names: vouched for by the document hash only
        lambda d: d["document"].update(rows=99),
    ],
    ids=["institution", "exported_by", "exported_by_name", "exported_at", "filter", "filter_fields", "training",
         "lang", "author_name", "document_count"],
)
def test_header_and_names_are_covered_by_the_document_hash(tmp_path, change):
    rows, events = sample()
    out = export(tmp_path, rows, events)
    edit(out, change)
    result = verify_export(out)
    assert not result.ok and result.message_key in ("export.verify.document_changed", "export.verify.outside_filter")


def test_header_moved_after_the_rows_is_caught(tmp_path):
    rows, events = sample()
    out = export(tmp_path, rows, events)
    data = json.loads(out.read_text(encoding="utf-8"))
    moved = {k: v for k, v in data.items() if k != "exported_by"}
    moved = {**{k: moved[k] for k in ("format", "version")}, "rows": moved["rows"], "exported_by": "salma",
             "events": moved["events"], "document": moved["document"]}
    out.write_text(json.dumps(moved, ensure_ascii=False), encoding="utf-8")
    assert verify_export(out).message_key == "export.verify.document_changed"


def test_events_with_fields_added_later_still_verify(tmp_path):
    # The chain may gain fields; an event's hash covers whatever fields it carries.
    rows, _ = sample()
    plain = sample()[1]
    chain = Chain()
    for e in plain:
        chain.add(**{k: v for k, v in e.items() if k not in ("id", "prev_hash", "hash")}, seq=e["id"] * 10)
    out = export(tmp_path, rows, chain.events)
    assert verify_export(out).ok
    edit(out, lambda d: d["events"][3].update(seq=1))
    assert verify_export(out).message_key == "export.verify.event_changed"


def test_missing_document_and_old_version(tmp_path):
    rows, events = sample()
    out = export(tmp_path, rows, events)
    edit(out, lambda d: d.pop("document"))
    assert verify_export(out).message_key == "export.verify.document_missing"
    edit(out, lambda d: d.update(version=1))
    result = verify_export(out)
    assert result.message_key == "export.verify.old_version" and not result.readable
    assert "1" in render(result.message_key, "ar", result.params)


_SAMPLE = sample()


@settings(max_examples=80, deadline=None)
@given(row=st.integers(0, 7), column=st.sampled_from(COLUMNS + ["content_hash", "reply_to", "media"]),
       value=st.one_of(st.text(max_size=12), st.none(), st.integers(0, 5)))
def test_any_change_to_any_cell_is_caught(row, column, value):
    rows, events = _SAMPLE
    with tempfile.TemporaryDirectory() as folder:
        out = export(Path(folder), rows, events)
        data = json.loads(out.read_text(encoding="utf-8"))
        assume(data["rows"][row].get(column) != value)
        data["rows"][row][column] = value
        out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        result = verify_export(out)
    assert not result.ok, (column, value, result)
