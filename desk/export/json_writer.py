"""JSON: the rows plus the stretch of the audit chain they span, written incrementally.

Layout (one row or event per line, so a diff of two exports reads well):
{"format":"posting-desk-log","version":2,"institution":{...},"exported_at":...,
 "exported_by":...,"exported_by_name":...,"training":...,"lang":...,"filter":{...},
 "rows":[...],"events":[...],
 "document":{"covers":[...],"rows":N,"events":M,"first_event":{...},"last_event":{...},"sha256":...}}

Events of posts outside the filter carry only id, prev_hash and hash. Events are written
with whatever fields the chain gives them; their hash covers all of those fields.

"document" closes the file: its sha256 covers the header, every row, every event and the
document's own counts (see DOCUMENT_RULE). A hash inside a file can be recomputed by
anyone who rewrites it, so the desk also records the whole file's sha256 in the export
event it appends to its chain; `desk verify --export` holds the file against that.
"""

from __future__ import annotations

import hashlib
import json
from typing import Callable, Iterable

from desk.export.rows import COLUMNS, X_COLUMNS, ExportMeta, Ticker, atomic_target

FORMAT_NAME = "posting-desk-log"
FORMAT_VERSION = 2
DOCUMENT_RULE = (
    "sha256 over UTF-8 lines, each the canonical JSON (sorted keys, no spaces) of: the header "
    "(every top-level key but rows, events and document), then 'rows', each row, 'events', "
    "each event, 'document', then the document without sha256"
)


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def canonical(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _header(meta: ExportMeta) -> dict:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "institution": {
            "name_ar": meta.institution_name_ar,
            "name_en": meta.institution_name_en,
            "handle": meta.handle,
        },
        "exported_at": meta.exported_at.isoformat(),
        "exported_by": meta.exported_by,
        "exported_by_name": meta.exported_by_name,
        "x_figures": X_NOTE,
        "training": bool(meta.training),
        "lang": meta.lang,
        "filter": {
            "from": meta.period_from.isoformat() if meta.period_from else None,
            "to": meta.period_to.isoformat() if meta.period_to else None,
            "text": meta.filter_text,
            "fields": dict(meta.filter_fields),
        },
    }


def _row(row: dict) -> dict:
    # The named columns first, in order; any extra key the store adds (content_hash) after.
    out = {name: row.get(name) for name in COLUMNS}
    for key, value in row.items():
        if key not in out and key not in X_COLUMNS:
            out[key] = value
    out["x_figures"] = _x_figures(row)
    return out


X_NOTE = ("x_figures: X's own figures for the post as the desk last read them from X (at read_at), summed over "
          "a thread's parts; they are X's numbers, not the desk's record, and no event of the chain vouches for them")


def _x_figures(row: dict) -> dict | None:
    if not row.get("x_read_at"):
        return None
    return {"source": "x", "read_at": row["x_read_at"],
            **{name[2:]: row.get(name) for name in X_COLUMNS if name != "x_read_at"}}


class _Digest:
    def __init__(self):
        self.sha = hashlib.sha256()

    def line(self, value) -> None:
        self.sha.update((canonical(value) + "\n").encode("utf-8"))


def write_json(
    rows: Iterable[dict],
    events: Iterable[dict] | None,
    meta: ExportMeta,
    out_path,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the export; returns the number of rows. Events are passed through as given."""
    ticker = Ticker(progress, cancelled)
    digest = _Digest()
    with atomic_target(out_path) as temp:
        with open(temp, "w", encoding="utf-8", newline="\n") as stream:
            header = _header(meta)
            digest.line(header)
            head = _dump(header)
            stream.write(head[:-1] + ',\n"rows":[')
            digest.line("rows")
            for row in rows:
                row = _row(row)
                stream.write("\n" if ticker.count == 0 else ",\n")
                stream.write(_dump(row))
                digest.line(row)
                ticker.tick()
            stream.write('\n],\n"events":[')
            digest.line("events")
            written, first, last = 0, None, None
            for event in events or ():
                stream.write("\n" if written == 0 else ",\n")
                stream.write(_dump(event))
                digest.line(event)
                if first is None:
                    first = {"id": event["id"], "hash": event["hash"]}
                last = {"id": event["id"], "hash": event["hash"]}
                written += 1
                if written % 5000 == 0:
                    ticker.check()
            document = {
                "covers": ["header", "rows", "events", "document"],
                "rule": DOCUMENT_RULE,
                "rows": ticker.count,
                "events": written,
                "first_event": first,
                "last_event": last,
            }
            digest.line("document")
            digest.line(document)
            document["sha256"] = digest.sha.hexdigest()
            stream.write('\n],\n"document":' + _dump(document) + "}\n")
            count = ticker.finish()
    return count
