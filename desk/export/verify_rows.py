"""The rows of an exported JSON log held against their posts' events (verify_file.py).

Copied from the desk's rules on purpose, as verify_file.py is: an auditor needs only
these two files and the export.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

PUBLISH_ACTIONS = ("sent", "settle_published")
# A thread's parts go out one by one: each of these names the ids of every part out so far.
X_ID_ACTIONS = ("part_sent", *PUBLISH_ACTIONS)


class _Broken(Exception):
    def __init__(self, key: str, bad_id: int | None = None, **params):
        super().__init__(key)
        self.key, self.bad_id, self.params = key, bad_id, params


def _media(media: list) -> list:
    return [{"sha256": m.get("sha256"), "alt": m.get("alt", "")} for m in media]


def content_hash(text: str, media: list, reply_to, more: list = ()) -> str:
    """The desk's content hash: what an approval is bound to. ``more``: a thread's parts
    after the first, each {"text", "media"}, in order (a single post has none)."""
    body = {
        "text": text,
        "media": _media(media),
        "reply_to": reply_to or None,
    }
    if more:
        body["parts"] = [{"text": p.get("text"), "media": _media(p.get("media") or [])} for p in more]
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


# Actions after which an approval no longer holds (desk/core/lifecycle.py: clear_approval).
CLEARS_APPROVAL = ("edit", "submit", "recall", "reject", "return")


class _PostFacts:
    """What the events say about one post, to hold its row against."""

    __slots__ = ("state", "content_hash", "author", "created_at", "submitted_at", "round", "approved_hash",
                 "scheduler", "claimed_by", "published_by", "published_at", "x_post_id", "training",
                 "withdraw", "approvers_ever", "part_ids")

    def __init__(self):
        self.state = self.content_hash = self.author = self.created_at = self.submitted_at = None
        self.approved_hash = self.scheduler = self.claimed_by = self.published_by = None
        self.published_at = self.x_post_id = self.training = self.withdraw = self.part_ids = None
        self.round: list[tuple] = []  # approvals since the last submit: (actor, at, content_hash)
        self.approvers_ever: set = set()

    def add(self, event: dict) -> None:
        self.state = event.get("to_state")
        self.content_hash = event.get("content_hash")
        action, actor, at = event.get("action"), event.get("actor"), event.get("at")
        detail = event.get("detail") if isinstance(event.get("detail"), dict) else {}
        if action in CLEARS_APPROVAL:
            self.approved_hash = None
        if action == "create":
            self.author, self.created_at = actor, at
        elif action == "handover":
            self.author = detail.get("to")
        elif action == "submit":
            self.submitted_at, self.round = at, []
        elif action == "approve":
            self.round.append((actor, at, event.get("content_hash")))
            self.approvers_ever.add(actor)
            if event.get("to_state") == "approved":
                self.approved_hash = event.get("content_hash")
        elif action == "schedule":
            self.scheduler = actor
        elif action == "claim":
            self.claimed_by = actor or self.scheduler
        elif action == "withdraw":
            self.withdraw = (actor, at, detail.get("reason"))
        if action in X_ID_ACTIONS:  # a thread's x_post_id is its first part's, out first
            self.x_post_id = detail.get("x_post_id")
            self.part_ids = detail.get("part_ids")
            if "publisher" in detail:
                self.training = detail.get("publisher") == "training"
        if action in PUBLISH_ACTIONS:
            self.published_by, self.published_at = self.claimed_by, at

    def approvals(self) -> list[tuple]:
        return [a for a in self.round if self.approved_hash and a[2] == self.approved_hash]


def _names(value) -> list[str]:
    return [n.strip() for n in str(value).split(";") if n.strip()] if value else []


ROW_CHECKED = (
    "state", "content_hash", "author", "created_at", "approver", "approved_at", "submitted_at", "published_by",
    "published_at", "x_post_id", "x_url", "withdrawn_by", "withdrawn_at", "withdraw_reason", "media_count",
    "training", "parts",
)
# Every JSON export row carries these: without them its content cannot be recomputed.
ROW_REQUIRED = ("post_id", "state", "text", "author", "created_at", "content_hash", "reply_to", "media", "media_count")


def _compact(row: dict) -> dict:
    """Keep only what the check needs: rows of a large export stay small in memory."""
    missing = [k for k in ROW_REQUIRED if k not in row]
    if missing:
        raise _Broken("export.verify.row_incomplete", None, post_id=row["post_id"], field=missing[0])
    kept = {k: row.get(k) for k in ROW_CHECKED}
    kept["has_training"] = "training" in row
    media = row["media"]
    if not isinstance(row["text"], str) or not isinstance(media, list) or not all(isinstance(m, dict) for m in media):
        raise _Broken("export.verify.row_mismatch", None, post_id=row["post_id"], field="text")
    thread = _thread(row, media)
    kept["text_hash"] = content_hash(row["text"], media, row["reply_to"], thread[1:])
    kept["media_len"] = len(media)
    kept["parts_len"] = len(thread) or 1
    # the parts out, in order, as the chain names them ("a,b" while parts 3 to 5 wait)
    kept["part_ids"] = ",".join(p["x_post_id"] or "" for p in thread).rstrip(",") or None
    return kept


def _thread(row: dict, media: list) -> list:
    """A thread's every part as the row lists it ("thread"); none for a single post. Its first
    part is the row's own text and media, so the two cannot say different things."""
    thread = row.get("thread")
    if thread is None:
        return []
    well_formed = isinstance(thread, list) and len(thread) >= 2 and all(
        isinstance(p, dict) and isinstance(p.get("text"), str) and isinstance(p.get("media"), list)
        and all(isinstance(m, dict) for m in p["media"]) and isinstance(p.get("x_post_id"), (str, type(None)))
        for p in thread)
    if not well_formed or thread[0]["text"] != row["text"] or _media(thread[0]["media"]) != _media(media):
        raise _Broken("export.verify.row_mismatch", None, post_id=row["post_id"], field="thread")
    return thread


def _close_before(created, event_at) -> bool:
    """The desk stamps a post's created_at a moment before its create event, in the same
    transaction: the row's time may precede the event's by less than a second, never follow it."""
    try:
        gap = (datetime.fromisoformat(event_at) - datetime.fromisoformat(created)).total_seconds()
    except (TypeError, ValueError):
        return False
    return 0 <= gap < 1


def _approval_problem(row: dict, facts: _PostFacts) -> str | None:
    approvals = facts.approvals()
    if row.get("approver") != ("; ".join(a[0] for a in approvals) or None):
        return "approver"
    if row.get("approved_at") != max((a[1] for a in approvals), default=None):
        return "approved_at"
    return None


def _x_problem(row: dict, facts: _PostFacts) -> str | None:
    if row.get("x_post_id") != facts.x_post_id:
        return "x_post_id"
    url = row.get("x_url")
    if url and not (facts.x_post_id and str(url).endswith("/" + facts.x_post_id)):
        return "x_url"
    if row["has_training"] and facts.training is not None and bool(row.get("training")) != facts.training:
        return "training"
    return None


def _row_problem(row: dict, facts: _PostFacts) -> str | None:
    """The first column of the row that its post's events contradict, or None."""
    plain = (
        ("state", facts.state), ("content_hash", facts.content_hash), ("text", facts.content_hash),
        ("author", facts.author), ("submitted_at", facts.submitted_at),
    )
    for name, expected in plain:
        if (row["text_hash"] if name == "text" else row.get(name)) != expected:
            return name
    if not _close_before(row.get("created_at"), facts.created_at):
        return "created_at"
    problem = _approval_problem(row, facts)
    if problem:
        return problem
    for name, expected in (("published_by", facts.published_by), ("published_at", facts.published_at)):
        if row.get(name) != expected:
            return name
    problem = _x_problem(row, facts)
    if problem:
        return problem
    withdraw = facts.withdraw or (None, None, None)
    for name, expected in zip(("withdrawn_by", "withdrawn_at", "withdraw_reason"), withdraw):
        if row.get(name) != expected:
            return name
    if row.get("media_count") != row["media_len"]:
        return "media_count"
    # exports made before threads have no parts column: a single post, said by its content hash
    if (row.get("parts") is not None or row["parts_len"] > 1) and row.get("parts") != row["parts_len"]:
        return "parts"
    if row["part_ids"] != (facts.part_ids or None):
        return "thread"
    return None


def _filter_problem(row: dict, facts: _PostFacts, fields: dict) -> str | None:
    """The recorded filter, applied again: a row it would not have chosen was added."""
    if fields.get("state") and row["state"] != fields["state"]:
        return "state"
    if fields.get("author") and row["author"] != fields["author"]:
        return "author"
    created = str(row.get("created_at") or "")
    if fields.get("date_from") and created < fields["date_from"]:
        return "date_from"
    if fields.get("date_to") and created >= fields["date_to"]:
        return "date_to"
    if fields.get("approver") and fields["approver"] not in facts.approvers_ever:
        return "approver"
    return None
