"""The few places where SQLite and PostgreSQL need different SQL, side by side.

Everything else the store writes is SQL both understand (PostgreSQL is given SQLite's
json_extract and json_type as functions of its own, see pg_schema)."""

from __future__ import annotations

# Word search on PostgreSQL: the 'simple' configuration lowercases and keeps each word as
# written. 'arabic' stems with Snowball, which cuts letters off the front as well as the
# back (برنامج becomes رنامج, على becomes علي), so a word typed as a prefix would stop
# matching, and one office would find other posts than the same desk on SQLite finds.
SEARCH_CONFIG = "simple"


def is_pg(db) -> bool:
    return getattr(db, "dialect", "sqlite") == "postgresql"


def media_json(db, post_id_sql: str) -> str:
    """A post's images as a JSON array of {"sha256", "alt"} text, in their order."""
    if is_pg(db):
        return ("(SELECT COALESCE(json_agg(json_build_object('sha256', m.sha256, 'alt', m.alt)"
                f" ORDER BY m.position)::text, '[]') FROM post_media m WHERE m.post_id = {post_id_sql})")
    return ("(SELECT json_group_array(json_object('sha256', m.sha256, 'alt', m.alt))"
            f" FROM (SELECT sha256, alt FROM post_media WHERE post_id = {post_id_sql} ORDER BY position) m)")


def search_clause(db) -> str:
    """Posts whose text holds every word of the search, each as a prefix (one parameter)."""
    if is_pg(db):
        # The matching ids first, from the index (OFFSET 0 keeps the planner from folding
        # the subquery in): else, for a newest-first page, it walks the posts backwards
        # and works out every post's words until a page is found (30 ms and more on
        # 110,000 posts for a common word).
        return (f"p.id IN (SELECT f.id FROM posts f WHERE to_tsvector('{SEARCH_CONFIG}', f.text)"
                f" @@ to_tsquery('{SEARCH_CONFIG}', ?) OFFSET 0)")
    return "p.id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)"


def search_query(db, text: str) -> str:
    """Each word quoted as a prefix term, so punctuation a person types is never syntax."""
    words = [w for w in text.split() if w.strip()]
    if is_pg(db):
        terms = [("'" + w.replace("\\", "\\\\").replace("'", "''") + "':*") for w in words]
        return " & ".join(terms) or "''"
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words) or '""'
