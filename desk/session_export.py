"""Exporting the post log for a signed-in supervisor or administrator."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from desk.core import roles as role_rules
from desk.export.rows import ExportMeta
from desk.export.verify_desk import file_sha256
from desk.export.writer import check_request, format_for, write_export
from desk.store import LogFilter


def export_log(session, out_path, fmt: str | None = None, log_filter: LogFilter = LogFilter(),
               period: tuple[date | None, date | None] = (None, None), lang: str = "en",
               progress=None, cancelled=None) -> int:
    """Write the log to ``out_path``; the export itself becomes an event in the log."""
    role_rules.require(session.member.roles, "export")
    store, desk = session.store, session.desk
    fmt = format_for(out_path, fmt)
    institution = desk.require_institution()
    logo = desk.logo_path()
    meta = ExportMeta(
        institution_name_ar=institution["name_ar"], institution_name_en=institution["name_en"],
        handle=institution["handle"], logo_path=logo if logo.exists() else None, lang=lang,
        period_from=period[0], period_to=period[1], filter_text=_describe(log_filter, period),
        exported_by=session.username, exported_by_name=session.member.name,
        exported_at=datetime.now(timezone.utc), training=desk.is_training(),
        filter_fields=log_filter.describe(),
    )
    check_request(fmt, meta)
    with store.read():  # one snapshot: rows and events agree even while others work
        events = None
        stretch = _Stretch()
        if fmt == "json":
            ids = {row["post_id"] for row in store.log.export_rows(log_filter)}
            events = stretch.watch(store.log.events_for_export(ids))
        rows = store.log.export_rows(log_filter, with_content=fmt == "json", local_times=fmt == "csv")
        count = write_export(fmt, rows, events, meta, out_path, progress, cancelled)
    # The file's own hash, kept in the chain: what `desk verify --export` holds a file against,
    # since a file alone can be rewritten consistently by anyone who knows its format.
    detail = {"format": fmt, "rows": count, "filter": {**log_filter.describe(), **_period(period)},
              "sha256": file_sha256(Path(out_path).expanduser())}
    if fmt == "json":
        detail["covers"] = stretch.covers()
    if store.read_only:  # an auditor's read-only copy: the export cannot be logged there
        return count
    with store.transaction():
        from desk.store import chain

        chain.append(store.db, action="export", actor=session.username, detail=detail)
    return count


class _Stretch:
    """Notes the first and last event written, as the events stream past."""

    def __init__(self):
        self.first = self.last = None

    def watch(self, events):
        for event in events:
            if self.first is None:
                self.first = event
            self.last = event
            yield event

    def covers(self) -> dict:
        first, last = self.first or {}, self.last or {}
        return {"first_id": first.get("id"), "first_hash": first.get("hash"),
                "last_id": last.get("id"), "last_hash": last.get("hash")}


def _period(period) -> dict:
    return {k: v.isoformat() for k, v in zip(("from", "to"), period) if v}


def _describe(log_filter: LogFilter, period) -> str:
    parts = [f"{k}={v}" for k, v in {**_period(period), **log_filter.describe()}.items()
             if k not in ("date_from", "date_to")]
    return ", ".join(parts)
