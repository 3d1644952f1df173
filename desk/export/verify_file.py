"""Check an exported JSON log on its own, without the database: what an auditor runs.

The chain rule is copied here on purpose, so this file and the export are all an
auditor needs: hash = sha256(prev_hash + canonical JSON of the event without "hash"),
the first event of the chain having prev_hash "0" * 64. Events of posts outside the
export's filter carry only their hashes; they keep the stretch contiguous.

The file is read incrementally, so a log of a million events is checked in little memory.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

GENESIS = "0" * 64
FORMAT_NAME = "posting-desk-log"
EVENT_KEYS = ("id", "post_id", "at", "actor", "action", "from_state", "to_state", "content_hash", "detail", "prev_hash")
PUBLISH_ACTIONS = ("sent", "settle_published")


def canonical(event: dict) -> str:
    body = {k: v for k, v in event.items() if k != "hash"}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def event_hash(event: dict) -> str:
    return hashlib.sha256((event["prev_hash"] + canonical(event)).encode("utf-8")).hexdigest()


def content_hash(text: str, media: list, reply_to) -> str:
    """The desk's content hash: what an approval is bound to."""
    body = {
        "text": text,
        "media": [{"sha256": m.get("sha256"), "alt": m.get("alt", "")} for m in media],
        "reply_to": reply_to or None,
    }
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


@dataclass
class VerifyResult:
    ok: bool
    count: int  # events checked
    first_bad_event_id: int | None
    message_key: str
    params: dict = field(default_factory=dict)


class _Broken(Exception):
    def __init__(self, key: str, bad_id: int | None = None, **params):
        super().__init__(key)
        self.key, self.bad_id, self.params = key, bad_id, params


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


class _PostFacts:
    """What the events say about one post, to hold its row against."""

    __slots__ = ("state", "content_hash", "approvers", "approved_times", "submitted_at", "published_at", "withdraw")

    def __init__(self):
        self.state = self.content_hash = self.submitted_at = self.published_at = self.withdraw = None
        self.approvers: set[str] = set()
        self.approved_times: set[str] = set()

    def add(self, event: dict) -> None:
        self.state = event.get("to_state")
        self.content_hash = event.get("content_hash")
        action = event.get("action")
        if action == "approve":
            self.approvers.add(event.get("actor"))
            self.approved_times.add(event.get("at"))
        elif action == "submit":
            self.submitted_at = event.get("at")
        elif action in PUBLISH_ACTIONS:
            self.published_at = event.get("at")
        elif action == "withdraw":
            detail = event.get("detail")
            self.withdraw = (event.get("actor"), event.get("at"), detail.get("reason") if isinstance(detail, dict) else None)


class _Chain:
    def __init__(self):
        self.count = 0
        self.prev_id: int | None = None
        self.prev_hash: str | None = None
        self.posts: dict[int, _PostFacts] = {}

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
        elif eid != self.prev_id + 1:
            raise _Broken("export.verify.gap", eid, event_id=eid, prev_id=self.prev_id)
        elif event["prev_hash"] != self.prev_hash:
            raise _Broken("export.verify.chain_broken", eid, event_id=eid, prev_id=self.prev_id)
        if len(event) > 3:  # a full event: its hash must recompute
            missing = [k for k in EVENT_KEYS if k not in event]
            if missing:
                raise _Broken("export.verify.event_incomplete", eid, event_id=eid, field=missing[0])
            if event_hash(event) != event["hash"]:
                raise _Broken("export.verify.event_changed", eid, event_id=eid)
            if event["post_id"] is not None:
                self.posts.setdefault(event["post_id"], _PostFacts()).add(event)
        self.prev_id, self.prev_hash = eid, event["hash"]
        self.count += 1


def _names(value) -> list[str]:
    return [n.strip() for n in str(value).split(";") if n.strip()] if value else []


ROW_CHECKED = (
    "state", "content_hash", "approver", "approved_at", "submitted_at", "published_at",
    "withdrawn_by", "withdrawn_at", "withdraw_reason",
)


def _compact(row: dict) -> dict:
    """Keep only what the check needs: rows of a large export stay small in memory."""
    kept = {k: row.get(k) for k in ROW_CHECKED}
    kept["has_content_hash"] = "content_hash" in row
    # The text can be held against the content hash only when the row gives all of
    # the content: its reply target, and its images (or that it has none).
    if "reply_to" in row and isinstance(row.get("text"), str):
        media = row.get("media")
        media = media if isinstance(media, list) and all(isinstance(m, dict) for m in media) else None
        if media is None and not row.get("media_count"):
            media = []
        if media is not None:
            kept["text_hash"] = content_hash(row["text"], media, row["reply_to"])
    return kept


def _row_problem(row: dict, facts: _PostFacts) -> str | None:
    """The first column of the row that its post's events contradict, or None."""
    if row["state"] != facts.state:
        return "state"
    if row["has_content_hash"] and row["content_hash"] != facts.content_hash:
        return "content_hash"
    if "text_hash" in row and row["text_hash"] != facts.content_hash:
        return "text"
    if any(name not in facts.approvers for name in _names(row.get("approver"))):
        return "approver"
    if row.get("approved_at") and row["approved_at"] not in facts.approved_times:
        return "approved_at"
    if row.get("submitted_at") != facts.submitted_at:
        return "submitted_at"
    if row.get("published_at") != facts.published_at:
        return "published_at"
    withdraw = facts.withdraw or (None, None, None)
    for name, expected in zip(("withdrawn_by", "withdrawn_at", "withdraw_reason"), withdraw):
        if row.get(name) != expected:
            return name
    return None


def _check_rows(rows: dict[int, dict], chain: _Chain) -> None:
    for post_id in sorted(rows):
        facts = chain.posts.get(post_id)
        if facts is None:
            raise _Broken("export.verify.row_without_events", None, post_id=post_id)
        problem = _row_problem(rows[post_id], facts)
        if problem:
            raise _Broken("export.verify.row_mismatch", None, post_id=post_id, field=problem)


def _read(reader: _Reader, chain: _Chain, rows: dict[int, dict]) -> dict:
    header: dict = {}
    reader.expect("{")
    while reader.peek() != "}":
        key = reader.value()
        reader.expect(":")
        if key == "rows":
            for row in reader.items():
                if not isinstance(row, dict) or not isinstance(row.get("post_id"), int):
                    raise ValueError("a row without post_id")
                rows[row["post_id"]] = _compact(row)
        elif key == "events":
            for event in reader.items():
                chain.add(event)
        else:
            header[key] = reader.value()
        if reader.peek() == ",":
            reader.pos += 1
    return header


def verify_export(path) -> VerifyResult:
    """Check the chain stretch and each row against its post's events; name the first fault."""
    path = Path(path)
    shown = str(path)
    if not path.is_file():
        return VerifyResult(False, 0, None, "export.verify.missing", {"path": shown})
    chain, rows = _Chain(), {}
    try:
        with open(path, encoding="utf-8-sig") as stream:
            header = _read(_Reader(stream), chain, rows)
        if header.get("format") != FORMAT_NAME:
            return VerifyResult(False, chain.count, None, "export.verify.wrong_format", {"path": shown})
        _check_rows(rows, chain)
    except _Broken as broken:
        return VerifyResult(False, chain.count, broken.bad_id, broken.key, broken.params)
    except (ValueError, OSError, TypeError, AttributeError) as exc:  # a file broken in its structure
        return VerifyResult(False, chain.count, None, "export.verify.unreadable", {"path": shown, "reason": str(exc)})
    return VerifyResult(True, chain.count, None, "export.verify.ok", {"count": chain.count, "rows": len(rows)})
