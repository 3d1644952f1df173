"""JSON: the rows plus the stretch of the audit chain they span, written incrementally.

Layout (one row or event per line, so a diff of two exports reads well):
{"format":"posting-desk-log","version":1,"institution":{...},"exported_at":...,
 "exported_by":...,"filter":{...},"rows":[...],"events":[...]}
Events of posts outside the filter carry only id, prev_hash and hash.
"""

from __future__ import annotations

import json
from typing import Callable, Iterable

from desk.export.rows import COLUMNS, ExportMeta, Ticker, atomic_target

FORMAT_NAME = "posting-desk-log"
FORMAT_VERSION = 1


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


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
        "training": bool(meta.training),
        "filter": {
            "from": meta.period_from.isoformat() if meta.period_from else None,
            "to": meta.period_to.isoformat() if meta.period_to else None,
            "text": meta.filter_text,
        },
    }


def _row(row: dict) -> dict:
    # The named columns first, in order; any extra key the store adds (content_hash) after.
    out = {name: row.get(name) for name in COLUMNS}
    for key, value in row.items():
        if key not in out:
            out[key] = value
    return out


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
    with atomic_target(out_path) as temp:
        with open(temp, "w", encoding="utf-8", newline="\n") as stream:
            head = _dump(_header(meta))
            stream.write(head[:-1] + ',\n"rows":[')
            for row in rows:
                stream.write("\n" if ticker.count == 0 else ",\n")
                stream.write(_dump(_row(row)))
                ticker.tick()
            stream.write('\n],\n"events":[')
            written = 0
            for event in events or ():
                stream.write("\n" if written == 0 else ",\n")
                stream.write(_dump(event))
                written += 1
                if written % 5000 == 0:
                    ticker.check()
            stream.write("\n]}\n")
            count = ticker.finish()
    return count
