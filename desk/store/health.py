"""The database file's own health: SQLite's checks, read in the office's words."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from desk.core.errors import StoreError

# Table and index names as SQLite reports them -> what the office calls that part.
PARTS = {
    "posts": "posts", "posts_state": "posts", "posts_author": "posts", "posts_created": "posts",
    "post_versions": "posts", "post_media": "images",
    "events": "log", "events_post": "log", "events_action": "log",
    "staff": "staff", "institution": "institution", "settings": "settings",
    "training_timeline": "training",
}
WORDS = {
    "posts": ("the posts", "المنشورات"), "images": ("the posts' images list", "قائمة صور المنشورات"),
    "log": ("the log's events", "أحداث السجل"), "staff": ("the staff", "الموظفون"),
    "institution": ("the institution", "بيانات المؤسسة"), "settings": ("the settings", "الإعدادات"),
    "training": ("the training timeline", "خط التدريب الزمني"), "search": ("the search index", "فهرس البحث"),
    "other": ("the file's structure", "بنية الملف"),
}
NAME = re.compile(r"(?:table|index)\s+([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)
TREE = re.compile(r"\bTree\s+(\d+)\b")  # a b-tree named by its root page
PAGE = re.compile(r"\bpage\s+(\d+)\b")  # a damaged page, found by walking the b-trees


def part_of(name: str) -> str:
    if name.startswith("posts_fts"):
        return "search"
    if name.startswith("sqlite_autoindex_"):
        name = name[len("sqlite_autoindex_"):].rsplit("_", 1)[0]
    return PARTS.get(name, "other")


def damaged_parts(lines: list[str], roots: dict[int, str] | None = None) -> list[str]:
    """The parts named in quick_check / integrity_check output, in a stable order.
    roots maps a b-tree's root page to its table or index name (from sqlite_master)."""
    found = []
    roots = roots or {}
    for line in lines:
        names = NAME.findall(line) + [roots.get(int(n), "?") for n in TREE.findall(line)]
        if not names:
            names = [roots.get(int(n), "?") for n in PAGE.findall(line)]
        names = names or ["?"]
        for name in names:
            part = part_of(name)
            if part not in found:
                found.append(part)
    return found


def _run(conn: sqlite3.Connection, pragma: str) -> list[str]:
    rows = conn.execute(pragma).fetchall()
    return [str(r[0]) for r in rows if str(r[0]).lower() != "ok"]


# quick_check reads every page: ~0.15 s for 20,000 posts (42 MB), so ~0.8 s for the
# 110,000-post office. Every open checks a file up to QUICK_LIMIT; a bigger one is checked at
# most every CHECK_EVERY seconds (and always before the daily backup, and fully in verify).
# Between checks a read that reaches a damaged page still stops with "damaged".
QUICK_LIMIT = 64 * 1024 * 1024
CHECK_EVERY = 3600
MARKER = ".checked"


def check_on_open(conn: sqlite3.Connection, path: Path, writable: bool, force: bool = False) -> None:
    import os
    import time

    marker = path.parent / "backups" / MARKER
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    try:
        recent = time.time() - marker.stat().st_mtime < CHECK_EVERY
    except OSError:
        recent = False
    if size > QUICK_LIMIT and recent and not force:
        return
    check(conn, path, repair=writable)
    if writable and size > QUICK_LIMIT:
        try:
            marker.touch()
            os.utime(marker)
        except OSError:
            pass


def check(conn: sqlite3.Connection, path: Path, full: bool = False, repair: bool = False) -> None:
    """Refuse a damaged database, naming the damaged part and the newest backup.

    quick_check on every open (it reads every page but skips index-to-table cross checks);
    the full integrity_check in `desk verify`. FTS shadow tables are checked too: a
    damaged search index alone can be rebuilt in place."""
    try:
        problems = _run(conn, "PRAGMA integrity_check(20)" if full else "PRAGMA quick_check(20)")
    except sqlite3.DatabaseError as error:
        if not isinstance(error, sqlite3.OperationalError) or "malformed" in str(error).lower():
            problems = [str(error)]
        else:
            from desk.store.db import translate

            raise translate(error, path) from error
    if not problems:
        return
    parts = [p for p in damaged_parts(problems, owners(conn, path)) if p != "other"]
    parts = parts or unreadable_tables(conn) or ["other"]
    if parts == ["search"] and repair:
        try:  # the search index holds nothing of its own: rebuilt from the posts, then checked again
            rebuild_search(conn)
            return check(conn, path, full)
        except sqlite3.DatabaseError:
            pass
    raise damage_error(parts, path)


def unreadable_tables(conn: sqlite3.Connection) -> list[str]:
    """When the check itself stops at the damage: the parts whose tables cannot be read through."""
    found = []
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    except sqlite3.DatabaseError:
        return []
    for name in names:
        try:
            for _ in conn.execute(f'SELECT * FROM "{name}"'):
                pass
        except sqlite3.DatabaseError:
            part = part_of(name)
            if part not in found:
                found.append(part)
    return found


def owners(conn: sqlite3.Connection, path: Path) -> dict[int, str]:
    """page number -> the table or index it belongs to, walking each b-tree's interior pages
    in the file itself (a damaged leaf still has an intact parent naming it)."""
    try:
        roots = {int(page): name for name, page in
                 conn.execute("SELECT name, rootpage FROM sqlite_master WHERE rootpage > 0")}
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    except sqlite3.DatabaseError:  # the schema page itself is damaged
        return {}
    found: dict[int, str] = {}
    try:
        with open(path, "rb") as handle:
            for root, name in roots.items():
                _walk(handle, page_size, root, name, found)
    except OSError:
        pass
    return found


def _walk(handle, page_size: int, root: int, name: str, found: dict) -> None:
    todo = [root]
    while todo and len(found) < 10_000_000:
        page = todo.pop()
        if page in found or page < 1:
            continue
        found[page] = name
        handle.seek((page - 1) * page_size)
        data = handle.read(page_size)
        start = 100 if page == 1 else 0
        if len(data) < start + 12 or data[start] not in (2, 5):  # leaf, or not a b-tree page
            continue
        cells = int.from_bytes(data[start + 3:start + 5], "big")
        todo.append(int.from_bytes(data[start + 8:start + 12], "big"))  # right-most child
        for n in range(min(cells, page_size // 2)):
            at = start + 12 + 2 * n
            offset = int.from_bytes(data[at:at + 2], "big")
            if offset + 4 <= len(data):
                todo.append(int.from_bytes(data[offset:offset + 4], "big"))


def damage_error(parts: list[str], path: Path) -> StoreError:
    from desk.store.backups import newest_backup

    if parts == ["search"]:
        return StoreError("store.damaged_search", path=str(path))
    newest = newest_backup(path.parent)
    words = {"parts_en": ", ".join(WORDS[p][0] for p in parts), "parts_ar": "، ".join(WORDS[p][1] for p in parts)}
    if newest is None:
        return StoreError("store.damaged_no_backup", path=str(path), **words)
    return StoreError("store.damaged", path=str(path), backup=str(newest), **words)


def rebuild_search(conn: sqlite3.Connection) -> None:
    """The search index holds nothing of its own: rebuild it from the posts; when its pages
    are too damaged for that, drop it and make it anew (the triggers on posts stay)."""
    try:
        conn.execute("INSERT INTO posts_fts(posts_fts) VALUES('rebuild')")
        return
    except sqlite3.DatabaseError:
        pass
    # Too damaged to rebuild or drop: take the index out of the schema, make it anew, and
    # VACUUM, which copies only what the schema reaches, leaving the damaged pages behind.
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("DELETE FROM sqlite_master WHERE name = 'posts_fts' OR name LIKE 'posts_fts_%'")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    conn.execute("PRAGMA writable_schema = RESET")
    conn.execute("CREATE VIRTUAL TABLE posts_fts USING fts5(text, content='posts', content_rowid='id')")
    conn.execute("INSERT INTO posts_fts(posts_fts) VALUES('rebuild')")
    conn.execute("VACUUM")
