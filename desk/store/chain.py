"""The audit chain: every event carries prev_hash and hash = sha256(prev_hash + canonical JSON).

Editing, deleting, inserting or reordering event rows breaks a link or a hash, and
``verify`` names the first bad event. The newest hash is also handed to the vault as
a checkpoint, which catches a consistent rewrite of the whole table.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from json.encoder import encode_basestring  # the C encoder json.dumps uses with ensure_ascii=False

import sqlite_utils

from desk.store import dialect

GENESIS = "0" * 64
FIELDS = ("id", "post_id", "at", "actor", "action", "from_state", "to_state", "content_hash", "detail", "prev_hash")


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def canonical(event: dict) -> str:
    """Canonical JSON of an event without its hash; ``detail`` as a JSON object."""
    return json.dumps({k: event[k] for k in FIELDS}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def event_hash(event: dict) -> str:
    return hashlib.sha256((event["prev_hash"] + canonical(event)).encode("utf-8")).hexdigest()


def detail_text(detail: dict | None) -> str | None:
    """How ``detail`` is stored: already canonical, so verify can splice it in as it is."""
    if detail is None:
        return None
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _s(value) -> str:
    return "null" if value is None else encode_basestring(value)


def _plain(value) -> str:
    """JSON of a value the desk only ever writes as plain ASCII (names, states, times,
    hex hashes). A tampered value needing escapes yields other bytes, so it still fails."""
    return "null" if value is None else f'"{value}"'


def row_hash(row: tuple) -> str:
    """event_hash of a stored row without building a dict: the same bytes as canonical(),
    written out key by key in sorted order. Verify spends its time here."""
    id_, post_id, at, actor, action, from_state, to_state, content_hash, detail, prev_hash = row[:10]
    text = (
        f'{prev_hash}{{"action":{_plain(action)},"actor":{_s(actor)},"at":{_plain(at)},'
        f'"content_hash":{_plain(content_hash)},"detail":{"null" if detail is None else detail},'
        f'"from_state":{_plain(from_state)},"id":{id_},"post_id":{"null" if post_id is None else post_id},'
        f'"prev_hash":{_plain(prev_hash)},"to_state":{_plain(to_state)}}}'
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def head(db: sqlite_utils.Database) -> tuple[int, str]:
    row = db.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def append(
    db: sqlite_utils.Database,
    *,
    action: str,
    actor: str | None,
    post_id: int | None = None,
    from_state: str | None = None,
    to_state: str | None = None,
    content_hash: str | None = None,
    detail: dict | None = None,
) -> dict:
    """Append one event; call inside the acting transaction."""
    last_id, last_hash = head(db)
    event = {
        "id": last_id + 1,
        "post_id": post_id,
        "at": now_utc(),
        "actor": actor or None,
        "action": action,
        "from_state": from_state,
        "to_state": to_state,
        "content_hash": content_hash,
        "detail": detail or None,
        "prev_hash": last_hash,
    }
    event["hash"] = event_hash(event)
    stored = {**event, "detail": detail_text(event["detail"])}
    db.execute(
        "INSERT INTO events (id, post_id, at, actor, action, from_state, to_state, content_hash, detail, prev_hash, hash)"
        " VALUES (:id, :post_id, :at, :actor, :action, :from_state, :to_state, :content_hash, :detail, :prev_hash, :hash)",
        stored,
    )
    return event


def row_to_event(row: tuple) -> dict:
    event = dict(zip(FIELDS + ("hash",), row))
    if event["detail"] is not None:
        event["detail"] = json.loads(event["detail"])
    return event


SELECT_EVENTS = "SELECT " + ", ".join(FIELDS) + ", hash, seal FROM events"


def seal_of(key: bytes, hash_hex: str) -> str:
    """An event's seal: HMAC-SHA256 of its hash under the desk's seal key."""
    return hmac.digest(key, hash_hex.encode("ascii"), "sha256").hex()


def seal_new(db: sqlite_utils.Database, key: bytes, after_id: int) -> int:
    """Seal the events appended after ``after_id``; call inside the acting transaction."""
    rows = db.execute("SELECT id, hash FROM events WHERE id > ? AND seal IS NULL", [after_id]).fetchall()
    for event_id, hash_hex in rows:
        db.execute("UPDATE events SET seal = ? WHERE id = ?", [seal_of(key, hash_hex), event_id])
    return len(rows)


def sealed_from(db: sqlite_utils.Database) -> int | None:
    """The first event the log is sealed from, as its first seal_start event says."""
    row = db.execute(
        "SELECT detail FROM events WHERE action = 'seal_start' ORDER BY id LIMIT 1").fetchone()
    return json.loads(row[0])["from"] if row else None


def last_id(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()[0]


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    count: int
    head_hash: str
    key: str  # message key: chain.ok, chain.bad_hash, chain.bad_link, chain.bad_post, chain.checkpoint
    params: dict
    checkpoint: str = ""  # "matched", "missing" (rewritten) or "none" (no keyring to ask)


def check_stretch(rows, first_id: int, expected_prev: str | None, seal: tuple | None = None) -> tuple:
    """Walk events from ``first_id`` on. Returns (prev_hash of the first row, hash of the
    last, count, problem) where problem is None or (message key, event id).
    ``expected_prev`` None leaves the first link to the caller (a stretch in the middle).
    ``seal`` (key, from_id): every event from from_id on must carry its valid seal."""
    expected_id, first_prev, count = first_id, None, 0
    key, seal_from = seal if seal else (None, None)
    for row in rows:
        event_id, prev_hash, stored_hash = row[0], row[9], row[10]
        if count == 0:
            first_prev = prev_hash
        if event_id != expected_id or (prev_hash != expected_prev and (count or expected_prev is not None)):
            return first_prev, expected_prev, count, ("chain.bad_link", event_id)
        if row_hash(row) != stored_hash:
            return first_prev, expected_prev, count, ("chain.bad_hash", event_id)
        if key is not None and event_id >= seal_from and not hmac.compare_digest(
                row[11] or "", seal_of(key, stored_hash)):
            return first_prev, expected_prev, count, ("chain.bad_seal", event_id)
        expected_prev, expected_id, count = stored_hash, expected_id + 1, count + 1
    return first_prev, expected_prev, count, None


def open_source(source):
    """A worker process's own connection: a SQLite file (its path) opened read-only, or
    the server (("postgresql", url, password)) on a connection of its own."""
    if isinstance(source, tuple):
        from desk.store import pg

        return pg.Database(source[1], source[2])
    import sqlite3

    return sqlite_utils.Database(sqlite3.connect(f"file:{source}?mode=ro", uri=True))


def _stretch_in_process(args) -> tuple:
    source, low, high, seal = args
    db = open_source(source)
    try:
        rows = dialect.stream(db, SELECT_EVENTS + " WHERE id BETWEEN ? AND ? ORDER BY id", [low, high])
        return check_stretch(rows, low, None, seal)
    finally:
        db.conn.close()


PARALLEL_FROM = 200_000  # below this, starting processes costs more than it saves


def _walk(db: sqlite_utils.Database, path, workers: int, seal: tuple | None = None) -> tuple:
    """(newest hash, count, problem) over the whole chain, in ``workers`` processes for a
    long one; each checks a stretch, and the links between stretches are checked here.
    ``path``: where the workers read (open_source), None to walk here alone."""
    last_id = db.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()[0]
    if workers < 2 or last_id < PARALLEL_FROM or path is None:
        _, head_hash, count, problem = check_stretch(dialect.stream(db, SELECT_EVENTS + " ORDER BY id"), 1, GENESIS, seal)
        return head_hash or GENESIS, count, problem
    import multiprocessing

    size = last_id // workers + 1
    source = path if isinstance(path, tuple) else str(path)
    stretches = [(source, low, min(last_id, low + size - 1), seal) for low in range(1, last_id + 1, size)]
    # fork where there is one: the command line's verify runs no other threads to copy.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(workers) as pool:
        results = pool.map(_stretch_in_process, stretches)
    expected_prev, total = GENESIS, 0
    for (_, low, _high, _seal), (first_prev, last_hash, count, problem) in zip(stretches, results):
        if count and first_prev != expected_prev:
            return expected_prev, total, ("chain.bad_link", low)
        if problem:
            return expected_prev, total + count, problem
        expected_prev, total = last_hash or expected_prev, total + count
    # Rows after the last id counted at the start: written meanwhile, walked here.
    _, head_hash, count, problem = check_stretch(
        db.execute(SELECT_EVENTS + " WHERE id > ? ORDER BY id", [last_id]), last_id + 1, expected_prev, seal)
    return head_hash or expected_prev, total + count, problem


def verify(db: sqlite_utils.Database, path=None, workers: int = 1, seal_key: bytes | None = None) -> ChainReport:
    """Recompute every link in id order, and every seal when the seal key is at hand;
    then check each post agrees with its last event."""
    start = sealed_from(db) if seal_key is not None else None
    seal = (seal_key, start) if start is not None else None
    head_hash, count, problem = _walk(db, path, workers, seal)
    if problem:
        key, event_id = problem
        return ChainReport(False, count, head_hash, key, {"event_id": event_id})
    # A post row edited behind the program's back no longer matches its newest event.
    mismatch = db.execute(
        """SELECT p.id, e.id FROM posts p
           LEFT JOIN events e ON e.id = (SELECT MAX(id) FROM events WHERE post_id = p.id)
           WHERE e.id IS NULL OR e.to_state IS DISTINCT FROM p.state OR e.content_hash IS DISTINCT FROM p.content_hash
           ORDER BY p.id LIMIT 1"""
    ).fetchone()
    if mismatch:
        return ChainReport(
            False, count, head_hash, "chain.bad_post", {"post_id": mismatch[0], "event_id": mismatch[1] or 0}
        )
    return ChainReport(True, count, head_hash, "chain.ok", {"count": count})
