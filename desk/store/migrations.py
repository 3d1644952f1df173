"""Numbered schema migrations, each in its own transaction, with a backup first."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from desk.core.errors import StoreError
from desk.store.db import translate


def _v1(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE institution (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name_ar TEXT NOT NULL, name_en TEXT NOT NULL, handle TEXT NOT NULL,
            logo_file TEXT, desk_id TEXT NOT NULL, created_at TEXT NOT NULL)"""
    )
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        """CREATE TABLE staff (
            username TEXT PRIMARY KEY, name TEXT NOT NULL, roles TEXT NOT NULL,
            password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,
            failed_count INTEGER NOT NULL DEFAULT 0, locked_until TEXT,
            created_at TEXT NOT NULL)"""
    )
    db.execute(
        """CREATE TABLE posts (
            id INTEGER PRIMARY KEY, state TEXT NOT NULL, text TEXT NOT NULL, reply_to TEXT,
            author TEXT NOT NULL REFERENCES staff(username),
            content_hash TEXT NOT NULL, approved_hash TEXT, scheduled_at TEXT,
            x_post_id TEXT, x_url TEXT, training INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"""
    )
    db.execute("CREATE INDEX posts_state ON posts(state, scheduled_at)")
    db.execute("CREATE INDEX posts_author ON posts(author)")
    db.execute("CREATE INDEX posts_created ON posts(created_at)")
    db.execute(
        """CREATE TABLE post_media (
            post_id INTEGER NOT NULL REFERENCES posts(id), position INTEGER NOT NULL,
            sha256 TEXT NOT NULL, ext TEXT NOT NULL, alt TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL, PRIMARY KEY (post_id, position))"""
    )
    # Every content a post has had, so a reviewer sees what changed since the last review.
    db.execute(
        """CREATE TABLE post_versions (
            post_id INTEGER NOT NULL REFERENCES posts(id), content_hash TEXT NOT NULL,
            text TEXT NOT NULL, reply_to TEXT, media TEXT NOT NULL DEFAULT '[]', at TEXT NOT NULL,
            PRIMARY KEY (post_id, content_hash))"""
    )
    db.execute(
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY, post_id INTEGER, at TEXT NOT NULL, actor TEXT,
            action TEXT NOT NULL, from_state TEXT, to_state TEXT, content_hash TEXT,
            detail TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"""
    )
    db.execute("CREATE INDEX events_post ON events(post_id, action, id)")
    db.execute("CREATE INDEX events_action ON events(action, id)")
    db.execute(
        """CREATE TABLE training_timeline (
            id INTEGER PRIMARY KEY, post_id INTEGER, text TEXT NOT NULL, reply_to TEXT,
            media TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL, deleted_at TEXT)"""
    )
    # Full-text search over post text for the log's search box.
    db.execute("CREATE VIRTUAL TABLE posts_fts USING fts5(text, content='posts', content_rowid='id')")
    db.execute(
        "CREATE TRIGGER posts_ai AFTER INSERT ON posts BEGIN "
        "INSERT INTO posts_fts(rowid, text) VALUES (new.id, new.text); END"
    )
    db.execute(
        "CREATE TRIGGER posts_au AFTER UPDATE OF text ON posts BEGIN "
        "INSERT INTO posts_fts(posts_fts, rowid, text) VALUES ('delete', old.id, old.text); "
        "INSERT INTO posts_fts(rowid, text) VALUES (new.id, new.text); END"
    )


def _v2_event_seals(db: sqlite_utils.Database) -> None:
    # HMAC of each event's hash under a key only the OS keyring holds: events appended
    # behind the program's back, with correct hashes, carry no valid seal.
    db.execute("ALTER TABLE events ADD COLUMN seal TEXT")


def _v3_staff_reset(db: sqlite_utils.Database) -> None:
    """One-time passwords after a reset, and resets waiting for a second administrator."""
    db.execute("ALTER TABLE staff ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """CREATE TABLE pending_resets (
            username TEXT PRIMARY KEY REFERENCES staff(username),
            requested_by TEXT NOT NULL, requested_at TEXT NOT NULL)"""
    )


def _v4_staff_gender(db: sqlite_utils.Database) -> None:
    """Each person's grammatical gender for the sentences that name them; '' is not known."""
    db.execute("ALTER TABLE staff ADD COLUMN gender TEXT NOT NULL DEFAULT ''")


def _v5_threads(db: sqlite_utils.Database) -> None:
    """A thread's parts after the first (JSON, NULL for a single post) and the X ids of its
    parts out so far (comma-separated), so publishing again goes on from the first not out."""
    db.execute("ALTER TABLE posts ADD COLUMN parts TEXT")
    db.execute("ALTER TABLE posts ADD COLUMN part_ids TEXT")
    db.execute("ALTER TABLE post_versions ADD COLUMN parts TEXT")


def _v6_reach(db: sqlite_utils.Database) -> None:
    """X's figures for the account's published posts, the newest reading of each X post (a
    thread's parts each have theirs), and an index on the events' times for the monthly
    figures. The figures are X's, not the desk's record: no event vouches for them."""
    db.execute(
        """CREATE TABLE reach (
            x_post_id TEXT PRIMARY KEY, post_id INTEGER NOT NULL REFERENCES posts(id),
            read_at TEXT NOT NULL, likes INTEGER NOT NULL, reposts INTEGER NOT NULL,
            replies INTEGER NOT NULL, quotes INTEGER NOT NULL, bookmarks INTEGER,
            impressions INTEGER, url_clicks INTEGER, profile_clicks INTEGER)"""
    )
    db.execute("CREATE INDEX reach_post ON reach(post_id)")
    db.execute("CREATE INDEX events_at ON events(at)")


MIGRATIONS = [_v1, _v2_event_seals, _v3_staff_reset, _v4_staff_gender, _v5_threads, _v6_reach]
SCHEMA_VERSION = len(MIGRATIONS)


def backup(db: sqlite_utils.Database, folder: Path, version: int) -> Path:
    """Copy the live database (WAL included) before changing its schema."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    from desk.store.backups import copy_to

    return copy_to(db.conn, folder / "backups" / f"desk-v{version}-{stamp}.sqlite3")


def migrate(db: sqlite_utils.Database, folder: Path) -> int:
    """Bring the schema to SCHEMA_VERSION; returns the version found."""
    path = folder / "desk.sqlite3"
    try:
        found = db.execute("PRAGMA user_version").fetchone()[0]
        if found > SCHEMA_VERSION:
            raise StoreError("store.newer", found=found)
        if found == 0 and db.table_names():
            raise StoreError("store.not_database", path=str(path))
        if found and found < SCHEMA_VERSION:
            backup(db, folder, found)
        for number in range(found + 1, SCHEMA_VERSION + 1):
            db.conn.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[number - 1](db)
                db.conn.execute(f"PRAGMA user_version = {number}")
                db.conn.execute("COMMIT")
            except BaseException:
                db.conn.execute("ROLLBACK")
                raise
        return found
    except sqlite3.Error as error:
        raise translate(error, path) from error
