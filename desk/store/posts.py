"""Post rows and the acting transaction: read facts, let core decide, write, log.

Every change to a post happens here, inside one transaction that checks the post's
version (optimistic locking) and appends its event to the audit chain.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from desk.core import lifecycle
from desk.core.content import MediaItem, Part, content_hash, parts_from_json, parts_json
from desk.core.errors import Conflict, NotFound, StoreError
from desk.core.lifecycle import Actor, Decision, PostFacts
from desk.core.states import State
from desk.store import chain, rows_check

# Events whose actor wrote the post's content: they may never approve it.
WRITING_ACTIONS = ("create", "edit")
# Acts that rely on the row: its content, author and approval are checked against the chain first.
TRUSTING_ACTIONS = frozenset({"approve", "claim", "schedule"})


def refuse_if_tampered(problem: tuple[str, dict] | None) -> None:
    if problem:
        from desk.core.messages import render

        key, params = problem
        raise StoreError("audit.refused_tampered", problem=(render(key, "en", params), render(key, "ar", params)))


@dataclass(frozen=True)
class PostRow:
    id: int
    state: State
    text: str
    reply_to: str | None
    author: str
    content_hash: str
    approved_hash: str | None
    scheduled_at: str | None
    x_post_id: str | None
    x_url: str | None
    training: bool
    version: int
    created_at: str
    updated_at: str
    media: tuple[MediaItem, ...]
    more: tuple[Part, ...] = ()  # a thread's parts after the first
    part_ids: tuple[str, ...] = ()  # a thread's parts on X so far, in order

    @property
    def parts(self) -> tuple[Part, ...]:
        return (Part(self.text, self.media),) + self.more

    @property
    def is_thread(self) -> bool:
        return bool(self.more)

    @property
    def digest(self) -> str:
        """The hash of what the row holds now (not the stored column)."""
        return content_hash(self.text, self.media, self.reply_to, self.more)


def split_ids(stored: str | None) -> tuple[str, ...]:
    return tuple(stored.split(",")) if stored else ()


class PostTable:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    # reading ---------------------------------------------------------------
    def media(self, post_id: int) -> tuple[MediaItem, ...]:
        rows = self.db.execute(
            "SELECT sha256, ext, alt, size FROM post_media WHERE post_id = ? ORDER BY position", [post_id]
        ).fetchall()
        return tuple(MediaItem(*row) for row in rows)

    def get(self, post_id: int) -> PostRow:
        # The row and its images in one statement: on a server each statement is a round trip.
        rows = list(self.db.query(
            "SELECT p.*, m.sha256 AS m_sha256, m.ext AS m_ext, m.alt AS m_alt, m.size AS m_size FROM posts p"
            " LEFT JOIN post_media m ON m.post_id = p.id WHERE p.id = ? ORDER BY m.position", [post_id]))
        if not rows:
            raise NotFound("post.not_found", post_id=post_id)
        media = tuple(MediaItem(r["m_sha256"], r["m_ext"], r["m_alt"], r["m_size"]) for r in rows if r["m_sha256"])
        row = {k: v for k, v in rows[0].items() if not k.startswith("m_")}
        row["state"] = State(row["state"])
        row["training"] = bool(row["training"])
        row["more"] = parts_from_json(row.pop("parts", None))
        row["part_ids"] = split_ids(row.pop("part_ids", None))
        return PostRow(media=media, **row)

    def writers(self, post_id: int) -> frozenset[str]:
        rows = self.db.execute(
            "SELECT DISTINCT actor FROM events WHERE post_id = ? AND action IN (?, ?) AND actor IS NOT NULL",
            [post_id, *WRITING_ACTIONS],
        ).fetchall()
        return frozenset(r[0] for r in rows)

    def approvers(self, post: PostRow) -> tuple[str, ...]:
        """Approvals given since the post was last submitted, for its current content."""
        rows = self.db.execute(
            """SELECT actor FROM events WHERE post_id = ? AND action = 'approve' AND content_hash = ?
               AND id > COALESCE((SELECT MAX(id) FROM events WHERE post_id = ? AND action = 'submit'), 0)
               ORDER BY id""",
            [post.id, post.content_hash, post.id],
        ).fetchall()
        return tuple(r[0] for r in rows)

    def _writers_and_approvers(self, post: PostRow) -> tuple[frozenset[str], tuple[str, ...]]:
        """writers() and approvers() in one statement (one round trip to a server)."""
        rows = self.db.execute(
            """SELECT action, actor FROM events WHERE post_id = ? AND (
                 (action IN (?, ?) AND actor IS NOT NULL)
                 OR (action = 'approve' AND content_hash = ?
                     AND id > COALESCE((SELECT MAX(id) FROM events WHERE post_id = ? AND action = 'submit'), 0)))
               ORDER BY id""",
            [post.id, *WRITING_ACTIONS, post.content_hash, post.id],
        ).fetchall()
        return (frozenset(actor for action, actor in rows if action in WRITING_ACTIONS),
                tuple(actor for action, actor in rows if action == "approve"))

    def facts(self, post: PostRow) -> PostFacts:
        # Hash what the row holds now, not the stored column: publishing checks the hash
        # again, so content changed behind the program's back no longer matches its approval.
        found_writers, found_approvers = self._writers_and_approvers(post)
        writers = found_writers | {post.author}
        return PostFacts(
            post_id=post.id,
            state=post.state,
            author=post.author,
            text=post.text,
            content_hash=post.digest,
            approved_hash=post.approved_hash,
            more_texts=tuple(p.text for p in post.more),
            parts_out=len(post.part_ids),
            writers=writers,
            # an approval by someone who wrote the post (or holds it now) never counts
            approvers=tuple(a for a in found_approvers if a not in writers),
        )

    # writing (call inside a transaction) -------------------------------------
    def _save_version(self, post_id: int, digest: str, text: str, media, reply_to, more=()) -> None:
        items = [{"sha256": m.sha256, "ext": m.ext, "alt": m.alt, "size": m.size} for m in media]
        self.db.execute(
            "INSERT INTO post_versions (post_id, content_hash, text, reply_to, media, at, parts)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [post_id, digest, text, reply_to, json.dumps(items, ensure_ascii=False), chain.now_utc(),
             parts_json(more)],
        )

    def version(self, post_id: int, digest: str) -> dict | None:
        rows = list(self.db.query(
            "SELECT * FROM post_versions WHERE post_id = ? AND content_hash = ?", [post_id, digest]))
        if not rows:
            return None
        row = rows[0]
        row["media"] = tuple(MediaItem(**m) for m in json.loads(row["media"]))
        row["more"] = parts_from_json(row.pop("parts", None))
        return row

    def last_reviewed(self, post_id: int) -> dict | None:
        """The content as it stood at the post's latest review decision (approve, return, reject)."""
        row = self.db.execute(
            "SELECT content_hash FROM events WHERE post_id = ? AND action IN ('approve', 'return', 'reject')"
            " ORDER BY id DESC LIMIT 1", [post_id]).fetchone()
        return self.version(post_id, row[0]) if row else None

    def _save_media(self, post_id: int, media: tuple[MediaItem, ...]) -> None:
        self.db.execute("DELETE FROM post_media WHERE post_id = ?", [post_id])
        for position, item in enumerate(media):
            self.db.execute(
                "INSERT INTO post_media (post_id, position, sha256, ext, alt, size) VALUES (?, ?, ?, ?, ?, ?)",
                [post_id, position, item.sha256, item.ext, item.alt, item.size],
            )

    def create(self, actor: Actor, text: str, media: tuple[MediaItem, ...], reply_to: str | None, training: bool,
               more: tuple[Part, ...] = ()) -> int:
        digest = content_hash(text, media, reply_to, more)
        now = chain.now_utc()
        cursor = self.db.execute(
            "INSERT INTO posts (state, text, reply_to, author, content_hash, training, created_at, updated_at, parts)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [State.DRAFT.value, text, reply_to, actor.username, digest, int(training), now, now, parts_json(more)],
        )
        post_id = cursor.fetchone()[0]
        self._save_media(post_id, media)
        self._save_version(post_id, digest, text, media, reply_to, more)
        detail = {"media": len(media)} if media else {}
        if more:
            detail["parts"] = 1 + len(more)
        chain.append(
            self.db, action="create", actor=actor.username, post_id=post_id,
            to_state=State.DRAFT.value, content_hash=digest, detail=detail or None,
        )
        return post_id

    def act(
        self,
        post_id: int,
        action: str,
        actor: Actor,
        *,
        expected_version: int | None = None,
        settings: dict,
        reason: str | None = None,
        new_content: tuple | None = None,  # (text, media, reply_to[, more parts])
        set_fields: dict | None = None,
        detail: dict | None = None,
        new_author: str | None = None,
    ) -> PostRow:
        """Apply one lifecycle action; refusals raise before anything is written."""
        post = self.get(post_id)
        if expected_version is not None and post.version != expected_version:
            raise Conflict("state.conflict", post_id=post_id)
        if action in TRUSTING_ACTIONS:
            refuse_if_tampered(rows_check.post_problem(self.db, post_id))
        facts = self.facts(post)
        if action == "wait":  # back to where its claim took it from
            facts = PostFacts(**{**facts.__dict__, "claimed_from": self._claimed_from(post_id)})
        if new_content is not None:
            text, media, reply_to, more = (*new_content, ())[:4]
            facts = PostFacts(**{**facts.__dict__, "text": text, "more_texts": tuple(p.text for p in more),
                                 "content_hash": content_hash(text, media, reply_to, more)})
        decision: Decision = lifecycle.decide(
            action, facts, actor,
            approvals_needed=settings["approvals_needed"], char_limit=settings["char_limit"], reason=reason,
            new_author=new_author,
        )
        fields = {"state": decision.to_state.value, "updated_at": chain.now_utc()}
        if new_content is not None:
            fields.update(text=text, reply_to=reply_to, content_hash=facts.content_hash, parts=parts_json(more))
            self._save_media(post_id, media)
            self._save_version(post_id, facts.content_hash, text, media, reply_to, more)
        if decision.clear_approval:
            fields["approved_hash"] = None
        if decision.approved_hash:
            fields["approved_hash"] = decision.approved_hash
        fields.update(set_fields or {})
        assignments = ", ".join(f"{name} = :{name}" for name in fields)
        cursor = self.db.execute(
            f"UPDATE posts SET {assignments}, version = version + 1 WHERE id = :post_id AND version = :version",
            {**fields, "post_id": post_id, "version": post.version},
        )
        if cursor.rowcount != 1:
            raise Conflict("state.conflict", post_id=post_id)
        chain.append(
            self.db, action=action, actor=actor.username or None, post_id=post_id,
            from_state=post.state.value, to_state=decision.to_state.value,
            content_hash=facts.content_hash, detail={**decision.detail, **(detail or {})} or None,
        )
        return self.get(post_id)

    def _claimed_from(self, post_id: int) -> State | None:
        row = self.db.execute("SELECT from_state FROM events WHERE post_id = ? AND action = 'claim'"
                              " ORDER BY id DESC LIMIT 1", [post_id]).fetchone()
        return State(row[0]) if row and row[0] else None

    def reassign(self, post_id: int, to_username: str, actor: Actor, settings: dict) -> PostRow:
        """Handover: the post keeps its state and its history; a colleague becomes its author."""
        post = self.get(post_id)
        return self.act(
            post_id, "handover", actor, settings=settings,
            set_fields={"author": to_username}, detail={"from": post.author, "to": to_username},
            new_author=to_username,
        )

    def open_ids_of(self, username: str) -> list[int]:
        states = [State.DRAFT.value, State.IN_REVIEW.value]
        rows = self.db.execute(
            "SELECT id FROM posts WHERE author = ? AND state IN (?, ?) ORDER BY id", [username, *states]
        ).fetchall()
        return [r[0] for r in rows]

    def due(self, now_iso: str) -> list[tuple[int, str]]:
        rows = self.db.execute(
            "SELECT id, scheduled_at FROM posts WHERE state = 'scheduled' AND scheduled_at <= ? ORDER BY scheduled_at",
            [now_iso],
        ).fetchall()
        return [(r[0], r[1]) for r in rows]

    def ids_in(self, *states: State) -> list[int]:
        marks = ", ".join("?" for _ in states)
        rows = self.db.execute(f"SELECT id FROM posts WHERE state IN ({marks}) ORDER BY id", [s.value for s in states])
        return [r[0] for r in rows.fetchall()]
