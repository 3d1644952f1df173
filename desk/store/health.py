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
NAME = re.compile(r"(?:table|index|tree)\s+([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)


def part_of(name: str) -> str:
    if name.startswith("posts_fts"):
        return "search"
    if name.startswith("sqlite_autoindex_"):
        name = name[len("sqlite_autoindex_"):].rsplit("_", 1)[0]
    return PARTS.get(name, "other")


def damaged_parts(lines: list[str]) -> list[str]:
    """The parts named in quick_check / integrity_check output, in a stable order."""
    found = []
    for line in lines:
        names = NAME.findall(line) or ["?"]
        for name in names:
            part = part_of(name)
            if part not in found:
                found.append(part)
    return found


def _run(conn: sqlite3.Connection, pragma: str) -> list[str]:
    rows = conn.execute(pragma).fetchall()
    return [str(r[0]) for r in rows if str(r[0]).lower() != "ok"]


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
    parts = damaged_parts(problems)
    if parts == ["search"] and repair:
        try:  # the search index holds nothing of its own: rebuilt from the posts, then checked again
            rebuild_search(conn)
            return check(conn, path, full)
        except sqlite3.DatabaseError:
            pass
    raise damage_error(parts, path)


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
    """The search index holds nothing of its own: rebuild it from the posts."""
    conn.execute("INSERT INTO posts_fts(posts_fts) VALUES('rebuild')")
