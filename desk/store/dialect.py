"""The few places where SQLite and PostgreSQL need different SQL, side by side.

Everything else the store writes is SQL both understand (PostgreSQL is given SQLite's
json_extract and json_type as functions of its own, see pg_schema)."""

from __future__ import annotations

import re
import unicodedata

# Word search on PostgreSQL finds what SQLite's FTS5 finds. FTS5's tokenizer (unicode61)
# keeps letters, digits and private-use characters and splits on everything else, Arabic
# marks included: تنوين and شدّة split a word (يُفعّل is indexed as ي فع ل), so a word typed
# with its marks matches as a phrase, and one typed without them as a prefix. PostgreSQL's
# parser keeps the marks inside the word and makes compound tokens of punctuation (x.com,
# 3.5, foo-bar), so the text is given to it with every separator FTS5 knows turned into a
# space (desk_search_text, pg_schema), and each typed word becomes the same tokens.
# 'simple' then lowercases and keeps each word as written. 'arabic' stems with Snowball,
# which cuts letters off the front as well as the back (برنامج becomes رنامج, على becomes
# علي), so a word typed as a prefix would stop matching, and one office would find other
# posts than the same desk on SQLite finds.
SEARCH_CONFIG = "simple"


def _token_char(char: str) -> bool:
    """What FTS5's unicode61 keeps in a token: letters, digits, private use."""
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co"


def _separator_ranges() -> str:
    """A regex bracket's contents: the separators of the scripts an office writes in
    (ASCII, Latin, Arabic and its presentation forms, general punctuation), as ranges
    of \\uXXXX, so it reads the same whatever the server's locale."""
    blocks = [(0x21, 0x7FF), (0x2000, 0x2BFF), (0x3000, 0x303F), (0xFB50, 0xFDFF), (0xFE00, 0xFE6F),
              (0xFE70, 0xFEFF), (0xFF00, 0xFFEF)]
    codes = [c for lo, hi in blocks for c in range(lo, hi + 1) if not _token_char(chr(c))]
    ranges, start = [], codes[0]
    for previous, code in zip(codes, codes[1:] + [None]):
        if code != previous + 1:
            ranges.append(f"\\u{start:04x}" + (f"-\\u{previous:04x}" if previous != start else ""))
            start = code
    return "".join(ranges)


def search_text_function() -> str:
    """desk_search_text(text): the post's text as FTS5 would split it, words between spaces."""
    return ("CREATE FUNCTION desk_search_text(doc text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS"
            f" $$ SELECT regexp_replace(doc, '[{_separator_ranges()}]', ' ', 'g') $$")


def search_vector(column: str) -> str:
    return f"to_tsvector('{SEARCH_CONFIG}', desk_search_text({column}))"


def is_pg(db) -> bool:
    return getattr(db, "dialect", "sqlite") == "postgresql"


def stream(db, sql: str, params=None):
    """Rows of a long read (every event, every post) without holding them all at once."""
    if is_pg(db):
        return db.stream(sql, params)
    return db.execute(sql, params if params is not None else [])


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
        return (f"p.id IN (SELECT f.id FROM posts f WHERE {search_vector('f.text')}"
                f" @@ to_tsquery('{SEARCH_CONFIG}', ?) OFFSET 0)")
    return "p.id IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?)"


def tokens(word: str) -> list[str]:
    """A typed word as FTS5 splits it."""
    found, current = [], ""
    for char in word:
        if _token_char(char):
            current += char
        elif current:
            found.append(current)
            current = ""
    return found + ([current] if current else [])


def search_query(db, text: str) -> str:
    """Each word quoted as a prefix term, so punctuation a person types is never syntax.
    On SQLite a quoted word is a phrase of its tokens, the last one a prefix; a word of no
    tokens (a lone quote mark) asks for nothing. PostgreSQL is given the same."""
    words = [w for w in text.split() if w.strip()]
    if is_pg(db):
        terms = []
        for word in words:
            found = [f"'{t}'" for t in tokens(word)]  # letters and digits only: nothing to escape
            if found:
                found[-1] += ":*"
                terms.append("(" + " <-> ".join(found) + ")")
        return " & ".join(terms)  # none: an empty query, which matches nothing
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words) or '""'


# The monthly figures (desk.store.figures): times are ISO text in the events, worked on here.
def seconds_between(db, later: str, earlier: str) -> str:
    """Seconds from one stored time to another, to the millisecond (SQL expressions)."""
    if is_pg(db):
        return f"ROUND(EXTRACT(EPOCH FROM CAST({later} AS timestamptz) - CAST({earlier} AS timestamptz)), 3)"
    return f"ROUND((julianday({later}) - julianday({earlier})) * 86400.0, 3)"


def local_day(db, at: str, offsets) -> str:
    """The ISO date of a stored UTC time in the workstation's zone: ``offsets`` is its offset
    from UTC in minutes, or [(since, minutes), ...] when the zone's clocks change within the
    period (daylight saving): each offset holds from its UTC moment ``since`` (the first's
    is None)."""
    changes = [(None, int(offsets))] if isinstance(offsets, int) else [(s, int(m)) for s, m in offsets]
    days = [(since, _day_at(db, at, minutes)) for since, minutes in changes]
    if len(days) == 1:
        return days[0][1]
    for since, _ in days[1:]:  # written into the SQL: a time of the desk's own making, checked
        if not _UTC_TIME.fullmatch(since):
            raise ValueError("not a stored UTC time")
    cases = " ".join(f"WHEN {at} >= '{since}' THEN {day}" for since, day in reversed(days[1:]))
    return f"(CASE {cases} ELSE {days[0][1]} END)"


_UTC_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}\+00:00")


def _day_at(db, at: str, minutes: int) -> str:
    if is_pg(db):
        return (f"to_char((CAST({at} AS timestamptz) AT TIME ZONE 'UTC') + interval '{minutes} minutes',"
                " 'YYYY-MM-DD')")
    return f"date({at}, '{minutes:+d} minutes')"


def bytewise(db, expression: str) -> str:
    """Text sorted byte by byte, as SQLite sorts it: a value worked out from JSON has the
    server's collation on PostgreSQL, not the columns' "C"."""
    return f'{expression} COLLATE "C"' if is_pg(db) else expression


def events_by_action(db, alias: str = "e") -> str:
    """The events table read through its index on (action, id), for a few actions in a
    stretch of ids. SQLite has no statistics to go on and might take the index on the time
    for the time's range instead, and read every event of the month; PostgreSQL's planner
    weighs them from its statistics."""
    return f"events {alias}" if is_pg(db) else f"events {alias} INDEXED BY events_action"
