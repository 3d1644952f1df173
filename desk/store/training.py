"""The training timeline: where posts go when no X account is connected."""

from __future__ import annotations

import json

import sqlite_utils

from desk.store import chain


class TrainingTimeline:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def add(self, post_id: int, text: str, reply_to: str | None, media: list[dict]) -> int:
        cursor = self.db.execute(
            "INSERT INTO training_timeline (post_id, text, reply_to, media, created_at) VALUES (?, ?, ?, ?, ?)"
            " RETURNING id",
            [post_id, text, reply_to, json.dumps(media, ensure_ascii=False), chain.now_utc()],
        )
        return cursor.fetchone()[0]

    def delete(self, entry_id: int) -> bool:
        cursor = self.db.execute(
            "UPDATE training_timeline SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", [chain.now_utc(), entry_id]
        )
        return cursor.rowcount == 1

    def entries(self, since: str | None = None, include_deleted: bool = False, limit: int = 100) -> list[dict]:
        sql = "SELECT * FROM training_timeline WHERE 1 = 1"
        params: list = []
        if since:
            sql += " AND created_at >= ?"
            params.append(since)
        if not include_deleted:
            sql += " AND deleted_at IS NULL"
        sql += " ORDER BY id DESC LIMIT ?"
        params.append(limit)
        rows = list(self.db.query(sql, params))
        for row in rows:
            row["media"] = json.loads(row["media"])
        return rows
