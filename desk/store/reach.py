"""X's figures for the account's posts (the reach table): which posts a read covers, the
newest reading of each X post, and what reads have cost this month.

The figures are X's, kept beside the log and never in it: no event vouches for them. What
the desk does record is each read (a 'reach_read' event: who, how many, what it cost).
"""

from __future__ import annotations

from desk.core.reach import Reading
from desk.store import chain

# A post counts as published in a span by its going out (the outbox's 'sent', or the
# reconciler finding it on X), as the log's published_at does.
_OUT = "e.action IN ('sent', 'settle_published')"
_LIVE = "p.state IN ('published', 'partly_published')"


class ReachTable:
    def __init__(self, db):
        self.db = db

    def to_read(self, start_utc: str, end_utc: str, training: bool) -> list[tuple[int, str]]:
        """(post id, X post id) of every post on X that went out in [start, end): a thread's
        parts each, a withdrawn post not at all (X no longer has it)."""
        rows = self.db.execute(
            f"SELECT p.id, p.x_post_id, p.part_ids FROM posts p WHERE {_LIVE} AND p.training = ?"
            f" AND p.x_post_id IS NOT NULL AND p.id IN (SELECT e.post_id FROM events e WHERE {_OUT}"
            " AND e.at >= ? AND e.at < ?) ORDER BY p.id",
            [int(bool(training)), start_utc, end_utc]).fetchall()
        found = []
        for post_id, x_post_id, part_ids in rows:
            ids = [i for i in (part_ids or "").split(",") if i] or [x_post_id]
            found += [(post_id, x_id) for x_id in dict.fromkeys(ids)]
        return found

    def save(self, post_of: dict[str, int], readings: list[Reading], read_at: str) -> None:
        """Keep each X post's newest reading (call inside the store's transaction)."""
        for r in readings:
            self.db.execute(
                "INSERT INTO reach (x_post_id, post_id, read_at, likes, reposts, replies, quotes, bookmarks,"
                " impressions, url_clicks, profile_clicks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (x_post_id) DO UPDATE SET read_at = excluded.read_at, likes = excluded.likes,"
                " reposts = excluded.reposts, replies = excluded.replies, quotes = excluded.quotes,"
                " bookmarks = excluded.bookmarks, impressions = excluded.impressions,"
                " url_clicks = excluded.url_clicks, profile_clicks = excluded.profile_clicks",
                [r.x_post_id, post_of[r.x_post_id], read_at, r.likes, r.reposts, r.replies, r.quotes, r.bookmarks,
                 r.impressions, r.url_clicks, r.profile_clicks])

    def note_read(self, actor: str | None, detail: dict) -> None:
        chain.append(self.db, action="reach_read", actor=actor, detail=detail)

    def spent_millicents(self, since_utc: str) -> int:
        """What the reads since ``since_utc`` cost, by the desk's own record of them."""
        row = self.db.execute(
            "SELECT SUM(CAST(json_extract(detail, '$.cost_millicents') AS BIGINT)) FROM events"
            " WHERE action = 'reach_read' AND at >= ?", [since_utc]).fetchone()
        return int(row[0] or 0)

    def last_read_at(self) -> str | None:
        row = self.db.execute("SELECT MAX(at) FROM events WHERE action = 'reach_read'").fetchone()
        return row[0] if row else None
