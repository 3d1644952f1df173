"""Reading the log: one post's history, filtered pages, and the export's rows and events.

Times like submitted_at or approver are read from the events, the one record of who
did what, never kept twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterator

import sqlite_utils

from desk.store import chain, dialect


@dataclass(frozen=True)
class LogFilter:
    state: str | None = None
    date_from: str | None = None  # UTC ISO, inclusive
    date_to: str | None = None  # UTC ISO, exclusive
    author: str | None = None
    approver: str | None = None
    search: str | None = None

    def describe(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v}


def _last(action: str, column: str = "at") -> str:
    return (
        f"(SELECT e.{column} FROM events e WHERE e.post_id = p.id AND e.action = '{action}'"
        " ORDER BY e.id DESC LIMIT 1)"
    )


# The current approval: approve events for the approved content since the last submit.
# Names are looked up one by one, not joined: a join may hand the aggregate its rows in
# another order (PostgreSQL's hash join does), and the log must read the same on both stores.
_APPROVALS = (
    "FROM events e WHERE e.post_id = p.id AND e.action = 'approve' AND e.content_hash = p.approved_hash"
    " AND e.id > COALESCE((SELECT MAX(s.id) FROM events s WHERE s.post_id = p.id AND s.action = 'submit'), 0)"
)

def _reach(value: str) -> str:
    """X's figures of the post (a thread's parts summed), as last read: not the desk's record.
    Sums are cast back to whole numbers: PostgreSQL sums BIGINTs as NUMERIC. On a desk that
    never read X's figures (most) there is no look-up a row: the EXISTS, which names no row
    of the outer query, is worked out once a statement, on both stores."""
    return f"(CASE WHEN EXISTS (SELECT 1 FROM reach) THEN (SELECT {value} FROM reach r WHERE r.post_id = p.id) END)"


# How many posts the row is on X: a thread's later parts are kept as a JSON array.
_PARTS = "1 + COALESCE(json_array_length(p.parts), 0)"
_PARTS_PG = "1 + COALESCE(json_array_length(CAST(p.parts AS json)), 0)"

ROW_SQL = f"""
SELECT p.id AS post_id, p.state, p.text, p.author, a.name AS author_name, p.created_at,
  {_last('submit')} AS submitted_at,
  (SELECT group_concat(x.actor, '; ') FROM (SELECT e.actor {_APPROVALS} ORDER BY e.id) x) AS approver,
  (SELECT group_concat((SELECT s.name FROM staff s WHERE s.username = x.actor), '; ')
      FROM (SELECT e.actor {_APPROVALS} ORDER BY e.id) x) AS approver_name,
  (SELECT MAX(e.at) {_APPROVALS}) AS approved_at,
  (SELECT COALESCE(e.actor, (SELECT s.actor FROM events s WHERE s.post_id = p.id AND s.action = 'schedule'
        AND s.id < e.id ORDER BY s.id DESC LIMIT 1))
      FROM events e WHERE e.post_id = p.id AND e.action = 'claim'
      AND e.id < (SELECT MAX(id) FROM events WHERE post_id = p.id AND action IN ('sent', 'settle_published'))
      ORDER BY e.id DESC LIMIT 1) AS published_by,
  (SELECT e.at FROM events e WHERE e.post_id = p.id AND e.action IN ('sent', 'settle_published')
      ORDER BY e.id DESC LIMIT 1) AS published_at,
  p.x_post_id, p.x_url,
  {_last('withdraw', 'actor')} AS withdrawn_by,
  {_last('withdraw')} AS withdrawn_at,
  (SELECT json_extract(e.detail, '$.reason') FROM events e WHERE e.post_id = p.id AND e.action = 'withdraw'
      ORDER BY e.id DESC LIMIT 1) AS withdraw_reason,
  (SELECT COUNT(*) FROM post_media m WHERE m.post_id = p.id) AS media_count,
  {_PARTS} AS parts,
  p.training, p.scheduled_at, p.version, p.content_hash,
  {_reach('CAST(SUM(r.likes) AS BIGINT)')} AS x_likes, {_reach('CAST(SUM(r.reposts) AS BIGINT)')} AS x_reposts,
  {_reach('CAST(SUM(r.replies) AS BIGINT)')} AS x_replies, {_reach('CAST(SUM(r.impressions) AS BIGINT)')} AS x_impressions,
  {_reach('MAX(r.read_at)')} AS x_read_at
FROM posts p JOIN staff a ON a.username = p.author
"""


def _row_sql(db) -> str:
    """ROW_SQL in the store's dialect: PostgreSQL keeps the parts as text and reads JSON as json."""
    return ROW_SQL.replace(_PARTS, _PARTS_PG) if dialect.is_pg(db) else ROW_SQL


def _thread(row: dict) -> dict:
    """A JSON export's row with every part of a thread under "thread", in order: text,
    images (sha256 and alt, as the row's "media") and the part's X id once it is out.
    A single post has none: its text, media and x_post_id say it all."""
    stored, ids = row.pop("parts_json", None), row.pop("part_ids", None)
    if not stored:
        return {**row, "thread": None}
    ids = ids.split(",") if ids else []
    parts = [{"text": row["text"], "media": row["media"]}]
    parts += [{"text": p["text"], "media": [{"sha256": m["sha256"], "alt": m["alt"]} for m in p["media"]]}
              for p in json.loads(stored)]
    return {**row, "thread": [{**part, "x_post_id": ids[n] if n < len(ids) else None}
                              for n, part in enumerate(parts)]}


def _where(f: LogFilter, db) -> tuple[str, list]:
    clauses, params = [], []
    if f.state:
        clauses.append("p.state = ?")
        params.append(f.state)
    if f.date_from:
        clauses.append("p.created_at >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append("p.created_at < ?")
        params.append(f.date_to)
    if f.author:
        clauses.append("p.author = ?")
        params.append(f.author)
    if f.approver:
        clauses.append(
            "EXISTS (SELECT 1 FROM events e WHERE e.post_id = p.id AND e.action = 'approve' AND e.actor = ?)"
        )
        params.append(f.approver)
    if f.search:
        clauses.append(dialect.search_clause(db))
        params.append(dialect.search_query(db, f.search))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _local(iso: str | None) -> str | None:
    if not iso:
        return None
    from datetime import datetime

    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


def _with_local_times(row: dict) -> dict:
    """What SQLite's strftime(..., 'localtime') gives, worked out here for PostgreSQL,
    whose server may sit in another zone than this computer."""
    return {**row, "created_at_local": _local(row["created_at"]), "published_at_local": _local(row["published_at"])}


class Log:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def rows(self, f: LogFilter = LogFilter(), limit: int | None = None, offset: int = 0) -> Iterator[dict]:
        """Newest first for reading; the export asks for oldest first with ``oldest_first``."""
        where, params = _where(f, self.db)
        sql = _row_sql(self.db) + where + " ORDER BY p.id DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return self.db.query(sql, params)

    def export_rows(self, f: LogFilter = LogFilter(), with_content: bool = False,
                    local_times: bool = False) -> Iterator[dict]:
        """Oldest first. ``with_content`` adds reply_to, the images' hashes and alt texts and
        a thread's every part ("thread"), so an auditor can recompute each row's content hash
        from the file alone.
        ``local_times`` adds created_at_local and published_at_local in this computer's
        zone, worked out by SQLite in C: the CSV of 110,000 rows spends its time there."""
        where, params = _where(f, self.db)
        row_sql = _row_sql(self.db)
        if local_times and dialect.is_pg(self.db):
            return (_with_local_times(row) for row in self.db.query(row_sql + where + " ORDER BY p.id", params))
        if local_times:
            return self.db.query(
                "SELECT r.*, strftime('%Y-%m-%d %H:%M', r.created_at, 'localtime') AS created_at_local,"
                " strftime('%Y-%m-%d %H:%M', r.published_at, 'localtime') AS published_at_local"
                f" FROM ({row_sql}{where} ORDER BY p.id) r", params)
        if not with_content:
            return self.db.query(row_sql + where + " ORDER BY p.id", params)
        sql = row_sql.replace(
            "FROM posts p JOIN staff a",
            f", p.reply_to, {dialect.media_json(self.db, 'p.id')} AS media, p.parts AS parts_json,"
            " p.part_ids FROM posts p JOIN staff a",
        )
        return (_thread({**row, "media": json.loads(row["media"])})
                for row in self.db.query(sql + where + " ORDER BY p.id", params))

    def count(self, f: LogFilter = LogFilter()) -> int:
        return self.db.execute(*self.count_query(f)).fetchone()[0]

    def count_query(self, f: LogFilter = LogFilter()) -> tuple[str, list]:
        """The count as a scalar query, to ride along with another statement."""
        where, params = _where(f, self.db)
        return "SELECT COUNT(*) FROM posts p" + where, params

    def row(self, post_id: int) -> dict | None:
        rows = list(self.db.query(_row_sql(self.db) + " WHERE p.id = ?", [post_id]))
        return rows[0] if rows else None

    def history(self, post_id: int) -> list[dict]:
        return [chain.row_to_event(r) for r in self.db.execute(chain.SELECT_EVENTS + " WHERE post_id = ? ORDER BY id", [post_id])]

    def events_for_export(self, post_ids: set[int]) -> Iterator[dict]:
        """The contiguous stretch of the chain spanned by these posts' events; events of
        other posts as their hashes only, so the file verifies on its own."""
        if not post_ids:
            return iter(())
        lo, hi = self._span(post_ids)
        return self._stretch(lo, hi, post_ids)

    def _span(self, post_ids: set[int]) -> tuple[int, int]:
        lo, hi = None, None
        ids = sorted(post_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            a, b = self.db.execute(f"SELECT MIN(id), MAX(id) FROM events WHERE post_id IN ({marks})", chunk).fetchone()
            if a is not None:
                lo = a if lo is None else min(lo, a)
                hi = b if hi is None else max(hi, b)
        return lo or 1, hi or 0

    def _stretch(self, lo: int, hi: int, post_ids: set[int]) -> Iterator[dict]:
        for row in self.db.execute(chain.SELECT_EVENTS + " WHERE id BETWEEN ? AND ? ORDER BY id", [lo, hi]):
            event = chain.row_to_event(row)
            if event["post_id"] in post_ids:
                yield event
            else:
                yield {"id": event["id"], "prev_hash": event["prev_hash"], "hash": event["hash"]}

    def staff_events(self, limit: int = 200) -> list[dict]:
        rows = self.db.execute(chain.SELECT_EVENTS + " WHERE post_id IS NULL ORDER BY id DESC LIMIT ?", [limit])
        return [chain.row_to_event(r) for r in rows]

    def rate_limited_until(self) -> tuple | None:
        """X's most recent "not now" (a limit, a cap, no credits): (until, key, params), or None.

        Read from the newest 'wait' event (one action: the index on (action, id) finds it at once)."""
        from datetime import datetime

        row = self.db.execute(
            "SELECT json_extract(detail, '$.retry_after'), detail, id FROM events WHERE action = 'wait'"
            " ORDER BY id DESC LIMIT 1"
        ).fetchone()
        # a post X accepted since says the wait is over (credits bought, a limit lifted)
        if not row or not row[0]:
            return None
        if self.db.execute("SELECT 1 FROM events WHERE action = 'sent' AND id > ? LIMIT 1", [row[2]]).fetchone():
            return None
        detail = json.loads(row[1]) if isinstance(row[1], str) else (row[1] or {})
        try:
            until = datetime.fromisoformat(row[0])
        except (TypeError, ValueError):
            return None
        return until, detail.get("key") or "x.rate_limited", detail.get("params") or {}
