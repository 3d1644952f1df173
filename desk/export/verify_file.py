"""Check an exported JSON log on its own, without the database: what an auditor runs.

The rules are copied here on purpose, so this file, verify_rows.py (the rows against
their events) and the export are all an auditor needs: an event's hash =
sha256(prev_hash + canonical JSON of the event without "hash"), the first event of the
chain having prev_hash "0" * 64; the document's sha256 as the
file's "document.rule" says. Events of posts outside the export's filter carry only
their hashes; they keep the stretch contiguous.

What is checked: the stretch of the chain; the document hash over the header (who, when,
the filter, the institution), every row and every event; each row against its post's
full events (state, text and content, author, created_at, submitted_at, approvers and
approved_at, published_by, published_at, x_post_id and x_url, withdrawal, media_count);
that every post with full events has a row and no row lacks them; that each row passes
the recorded filter. Names (author_name, approver_name) come from the staff list, which
no event of a post vouches for: only the document hash covers them.

A file alone can be rewritten consistently by anyone who knows this format, so the desk
also records the file's sha256 in its chain (see verify_desk.py).

The file is read incrementally, so a log of a million events is checked in little memory.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from desk.export.verify_rows import _Broken, _compact, _filter_problem, _PostFacts, _row_problem

GENESIS = "0" * 64
FORMAT_NAME = "posting-desk-log"
FORMAT_VERSION = 2
NOT_AN_EXPORT = ("export.verify.wrong_format", "export.verify.old_version")  # exit 4, like an unreadable file
STUB_KEYS = frozenset({"id", "prev_hash", "hash"})
EVENT_KEYS = ("id", "post_id", "at", "actor", "action", "from_state", "to_state", "content_hash", "detail", "prev_hash")


def _canon(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical(event: dict) -> str:
    # Every field but the hash: fields the chain gains later are covered as they come.
    return _canon({k: v for k, v in event.items() if k != "hash"})


def event_hash(event: dict) -> str:
    return hashlib.sha256((event["prev_hash"] + canonical(event)).encode("utf-8")).hexdigest()


@dataclass
class VerifyResult:
    ok: bool
    count: int  # events checked
    first_bad_event_id: int | None
    message_key: str
    params: dict = field(default_factory=dict)
    # What the file says of itself, for the check against a desk (verify_desk.py).
    header: dict = field(default_factory=dict)
    document: dict = field(default_factory=dict)
    events_digest: str = ""  # sha256 over "id hash" lines of the file's events
    readable: bool = True  # False: missing or not an export at all (exit 4)


class _Reader:
    """Pulls JSON values one at a time out of a file, without loading it whole."""

    CHUNK = 1 << 16

    def __init__(self, stream):
        self.stream = stream
        self.buf, self.pos, self.eof = "", 0, False
        self.decoder = json.JSONDecoder()

    def _more(self) -> bool:
        chunk = self.stream.read(self.CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buf = self.buf[self.pos :] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise ValueError(f"expected '{char}'")
        self.pos += 1

    def value(self):
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
                # A number or word cut at the end of the buffer may continue in the next chunk.
                if end < len(self.buf) or self.eof:
                    self.pos = end
                    return value
            except json.JSONDecodeError:
                if self.eof:
                    raise
            self._more()

    def items(self):
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            char = self.peek()
            self.pos += 1
            if char == "]":
                return
            if char != ",":
                raise ValueError("expected ',' or ']'")


class _Chain:
    def __init__(self, against=None):
        self.count = 0
        self.prev_id: int | None = None
        self.prev_hash: str | None = None
        self.first: dict | None = None
        self.posts: dict[int, _PostFacts] = {}
        self.ids_digest = hashlib.sha256()
        self.against = against  # first id -> iterator of the desk's (id, hash), or None
        self.theirs = None

    def add(self, event) -> None:
        if not isinstance(event, dict) or not isinstance(event.get("id"), int):
            after = None if self.prev_id is None else self.prev_id + 1
            raise _Broken("export.verify.event_incomplete", after, event_id=after or "?", field="id")
        eid = event["id"]
        for key in ("prev_hash", "hash"):
            if not isinstance(event.get(key), str):
                raise _Broken("export.verify.event_incomplete", eid, event_id=eid, field=key)
        if self.prev_id is None:
            if eid == 1 and event["prev_hash"] != GENESIS:
                raise _Broken("export.verify.event_changed", eid, event_id=eid)
            self.first = {"id": eid, "hash": event["hash"]}
        elif eid != self.prev_id + 1:
            raise _Broken("export.verify.gap", eid, event_id=eid, prev_id=self.prev_id)
        elif event["prev_hash"] != self.prev_hash:
            raise _Broken("export.verify.chain_broken", eid, event_id=eid, prev_id=self.prev_id)
        if set(event) - STUB_KEYS:  # a full event: its hash must recompute
            missing = [k for k in EVENT_KEYS if k not in event]
            if missing:
                raise _Broken("export.verify.event_incomplete", eid, event_id=eid, field=missing[0])
            if event_hash(event) != event["hash"]:
                raise _Broken("export.verify.event_changed", eid, event_id=eid)
            if event["post_id"] is not None:
                self.posts.setdefault(event["post_id"], _PostFacts()).add(event)
        if self.against is not None:
            if self.theirs is None:
                self.theirs = iter(self.against(eid))
            if next(self.theirs, None) != (eid, event["hash"]):
                raise _Broken("export.verify.desk_differs", eid, event_id=eid)
        self.ids_digest.update(f"{eid} {event['hash']}\n".encode())
        self.prev_id, self.prev_hash = eid, event["hash"]
        self.count += 1


def _check_rows(rows: dict[int, dict], chain: _Chain, fields: dict) -> None:
    for post_id in sorted(rows):
        facts = chain.posts.get(post_id)
        if facts is None:
            raise _Broken("export.verify.row_without_events", None, post_id=post_id)
        problem = _row_problem(rows[post_id], facts)
        if problem:
            raise _Broken("export.verify.row_mismatch", None, post_id=post_id, field=problem)
        problem = _filter_problem(rows[post_id], facts, fields)
        if problem:
            raise _Broken("export.verify.outside_filter", None, post_id=post_id, field=problem)
    # Full events are written only for the posts the rows show: any other was a row once.
    for post_id in sorted(set(chain.posts) - set(rows)):
        raise _Broken("export.verify.events_without_row", None, post_id=post_id)


class _Digest:
    def __init__(self):
        self.sha = hashlib.sha256()

    def line(self, value) -> None:
        self.sha.update((_canon(value) + "\n").encode("utf-8"))


def _read(reader: _Reader, chain: _Chain, rows: dict[int, dict]) -> tuple[dict, dict, str]:
    """(header, document, the document hash recomputed). The writer puts the header
    first, then rows, events and document; the digest follows that order."""
    header: dict = {}
    document: dict = {}
    digest = _Digest()
    seen: list[str] = []
    reader.expect("{")
    while reader.peek() != "}":
        key = reader.value()
        reader.expect(":")
        body = key in ("rows", "events", "document")
        if body and not seen:
            digest.line(header)
        if body:
            seen.append(key)
        if key == "rows":
            digest.line("rows")
            for row in reader.items():
                if not isinstance(row, dict) or not isinstance(row.get("post_id"), int):
                    raise ValueError("a row without post_id")
                if row["post_id"] in rows:
                    raise _Broken("export.verify.row_twice", None, post_id=row["post_id"])
                digest.line(row)
                rows[row["post_id"]] = _compact(row)
        elif key == "events":
            digest.line("events")
            for event in reader.items():
                digest.line(event)
                chain.add(event)
        elif key == "document":
            document = reader.value()
            if not isinstance(document, dict):
                raise ValueError("document is not an object")
            digest.line("document")
            digest.line({k: v for k, v in document.items() if k != "sha256"})
        elif seen or key in header:
            raise _Broken("export.verify.document_changed", None)  # a header key moved past the rows, or twice
        else:
            header[key] = reader.value()
        if reader.peek() == ",":
            reader.pos += 1
    if header.get("format") != FORMAT_NAME:
        raise _Broken("export.verify.wrong_format", None)
    if header.get("version") != FORMAT_VERSION:
        raise _Broken("export.verify.old_version", None, version=header.get("version"))
    if seen != ["rows", "events", "document"]:
        raise _Broken("export.verify.document_missing", None)
    return header, document, digest.sha.hexdigest()


def _check_document(document: dict, recomputed: str, chain: _Chain, rows: dict) -> None:
    if document.get("sha256") != recomputed:
        raise _Broken("export.verify.document_changed", None)
    # The document's own account of what it holds must be what it holds.
    last = None if chain.prev_id is None else {"id": chain.prev_id, "hash": chain.prev_hash}
    said = (("rows", len(rows)), ("events", chain.count), ("first_event", chain.first), ("last_event", last))
    for name, actual in said:
        if document.get(name) != actual:
            raise _Broken("export.verify.document_mismatch", None, field=name)


def verify_export(path, against=None) -> VerifyResult:
    """Check the chain stretch, the document hash and each row against its post's events;
    name the first fault. ``against`` (first event id -> iterator of (id, hash) of a
    desk's own chain) also holds every event of the file against that chain."""
    path = Path(path)
    shown = str(path)
    if not path.is_file():
        key = "export.verify.folder" if path.is_dir() else "export.verify.missing"
        return VerifyResult(False, 0, None, key, {"path": shown}, readable=False)
    chain, rows = _Chain(against), {}
    header: dict = {}
    try:
        with open(path, encoding="utf-8-sig") as stream:
            header, document, recomputed = _read(_Reader(stream), chain, rows)
        # Rows first: a changed row is best named by its column; the document hash then
        # catches whatever no event vouches for (the header, names).
        filter_fields = (header.get("filter") or {}).get("fields") or {}
        _check_rows(rows, chain, filter_fields if isinstance(filter_fields, dict) else {})
        _check_document(document, recomputed, chain, rows)
    except _Broken as broken:
        params = {"path": shown, **broken.params} if broken.key in NOT_AN_EXPORT else broken.params
        return VerifyResult(False, chain.count, broken.bad_id, broken.key, params, header=header,
                            readable=broken.key not in NOT_AN_EXPORT)
    except (ValueError, OSError, TypeError, AttributeError) as exc:
        # Broken JSON cannot be read (exit 4); valid JSON of the wrong shape was changed (exit 1).
        return VerifyResult(False, chain.count, None, "export.verify.unreadable", {"path": shown, "reason": str(exc)},
                            header=header, readable=not isinstance(exc, (ValueError, OSError)))
    return VerifyResult(True, chain.count, None, "export.verify.ok_alone", {"count": chain.count, "rows": len(rows)},
                        header=header, document=document, events_digest=chain.ids_digest.hexdigest())
