"""Rows outside the chain, checked against it.

The log and the exports show post, staff, settings and institution rows. Each value
they show is either written by the event that changed it (and so can be derived from
the chain) or bound to it by a hash; every check here finds the first row that says
something the chain does not. ``desk verify`` runs them all; an approval, a publish and
every signed-in act run the ones for the row they are about to trust.
"""

from __future__ import annotations

import hashlib
import json
from json.encoder import encode_basestring as _json_text  # what json.dumps writes with ensure_ascii=False

import sqlite_utils

from desk.store import dialect
from desk.store.staff import password_digest

# What a row's field is called in the message, in English and Arabic.
FIELD_WORDS = {
    "state": ("state", "الحالة"),
    "content": ("content", "المحتوى"),
    "author": ("author", "الكاتب"),
    "x_post_id": ("post number on X", "رقم المنشور في X"),
    "x_url": ("link on X", "الرابط في X"),
    "approval": ("approval", "الموافقة"),
    "scheduled_at": ("scheduled time", "موعد النشر"),
    "roles": ("roles", "الأدوار"),
    "name": ("name", "الاسم"),
    "gender": ("form of address", "صيغة المخاطبة"),
    "active": ("active or deactivated", "حالة التفعيل"),
    "password": ("password", "كلمة المرور"),
    "value": ("value", "القيمة"),
    "name_ar": ("Arabic name", "الاسم العربي"),
    "name_en": ("English name", "الاسم الإنجليزي"),
    "handle": ("X handle", "معرّف X"),
    "logo_file": ("logo", "الشعار"),
    "desk_id": ("desk id", "معرّف المكتب"),
}

# Actions whose detail carries the post's number on X.
X_ID_ACTIONS = ("part_sent", "sent", "settle_published")

_LAST_HANDOVER = ("(SELECT json_extract(h.detail, '$.to') FROM events h WHERE h.post_id = p.id"
                  " AND h.action = 'handover' ORDER BY h.id DESC LIMIT 1)")
_CREATOR = "(SELECT c.actor FROM events c WHERE c.post_id = p.id AND c.action = 'create' ORDER BY c.id LIMIT 1)"
_LAST_X_ID = ("(SELECT json_extract(x.detail, '$.x_post_id') FROM events x WHERE x.post_id = p.id"
              f" AND x.action IN ({', '.join(repr(a) for a in X_ID_ACTIONS)}) ORDER BY x.id DESC LIMIT 1)")
_LAST_PART_IDS = ("(SELECT json_extract(x.detail, '$.part_ids') FROM events x WHERE x.post_id = p.id"
                  f" AND x.action IN ({', '.join(repr(a) for a in X_ID_ACTIONS)}) ORDER BY x.id DESC LIMIT 1)")
_LAST_SCHEDULE = ("(SELECT json_extract(s.detail, '$.at') FROM events s WHERE s.post_id = p.id"
                  " AND s.action = 'schedule' ORDER BY s.id DESC LIMIT 1)")

_LAST = "(SELECT l.{col} FROM events l WHERE l.post_id = p.id ORDER BY l.id DESC LIMIT 1)"

POST_CHECKS = (
    ("state", "p.state IS DISTINCT FROM " + _LAST.format(col="to_state")),
    ("content", "p.content_hash IS DISTINCT FROM " + _LAST.format(col="content_hash")),
    ("author", f"p.author IS DISTINCT FROM COALESCE({_LAST_HANDOVER}, {_CREATOR})"),
    ("x_post_id", f"CAST(p.x_post_id AS TEXT) IS DISTINCT FROM CAST({_LAST_X_ID} AS TEXT)"),
    ("x_url", "p.x_url IS NOT NULL AND p.x_url != '' AND (p.x_post_id IS NULL OR p.x_url NOT LIKE 'https://x.com/%'"
              " OR substr(p.x_url, length(p.x_url) - length('/status/' || p.x_post_id) + 1) != '/status/' || p.x_post_id)"),
    ("approval", "p.approved_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events a WHERE a.post_id = p.id"
                 " AND a.action = 'approve' AND a.content_hash = p.approved_hash)"),
    ("scheduled_at", f"p.state = 'scheduled' AND p.scheduled_at IS DISTINCT FROM {_LAST_SCHEDULE}"),
    # a thread's parts on X: the ids the last event of its sending named
    ("x_post_id", f"p.part_ids IS NOT NULL AND p.part_ids IS DISTINCT FROM {_LAST_PART_IDS}"),
)


def stored_content_hash(text: str, media_json: str | None, reply_to: str | None, parts: str | None = None) -> str:
    """content_hash() of a row as stored (media as JSON), written out without building
    objects: verify hashes every post and every version, and spends its time here.
    The same bytes as content_hash's canonical JSON (a property test holds them equal).
    A thread (its later parts as stored JSON) is rare: it takes the objects' way."""
    if parts:
        from desk.core.content import MediaItem, content_hash, parts_from_json

        media = tuple(MediaItem(m["sha256"], "", m.get("alt", "")) for m in json.loads(media_json or "[]"))
        return content_hash(text, media, reply_to, parts_from_json(parts))
    if media_json in (None, "", "[]"):
        media = "[]"
    else:
        media = "[" + ",".join(f'{{"alt":{_json_text(m.get("alt", ""))},"sha256":{_json_text(m["sha256"])}}}'
                               for m in json.loads(media_json)) + "]"
    reply = _json_text(reply_to) if reply_to else "null"
    canonical = f'{{"media":{media},"reply_to":{reply},"text":{_json_text(text)}}}'
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# chain.verify already compares every post's state and content hash with its last event.
CHECKED_BY_CHAIN = ("state", "content")


def post_problem(db: sqlite_utils.Database, post_id: int | None = None, after_chain: bool = False,
                 ) -> tuple[str, dict] | None:
    """The first post row (or this one) that disagrees with the chain."""
    where, params = ("WHERE p.id = ?", [post_id]) if post_id is not None else ("", [])
    if post_id is None:
        gone = db.execute("SELECT e.post_id FROM events e WHERE e.action = 'create' AND NOT EXISTS"
                          " (SELECT 1 FROM posts p WHERE p.id = e.post_id) ORDER BY e.id LIMIT 1").fetchone()
        if gone:
            return "audit.post_deleted", {"post_id": gone[0]}
    checks = [(field, condition) for field, condition in POST_CHECKS
              if not (after_chain and field in CHECKED_BY_CHAIN)]
    if post_id is not None:  # every check in one statement: on a server each one is a round trip
        flags = ", ".join(f"CASE WHEN {condition} THEN 1 ELSE 0 END" for _, condition in checks)
        found = db.execute(f"SELECT {flags} FROM posts p {where}", params).fetchone() or ()
        for (field, _), bad in zip(checks, found):
            if bad:
                return "audit.post_row", {"post_id": post_id, "field": FIELD_WORDS[field]}
    else:
        for field, condition in checks:
            found = db.execute(f"SELECT p.id FROM posts p WHERE {condition} ORDER BY p.id LIMIT 1").fetchone()
            if found:
                return "audit.post_row", {"post_id": found[0], "field": FIELD_WORDS[field]}
    rows = dialect.stream(
        db, f"SELECT p.id, p.text, p.reply_to, p.content_hash, {dialect.media_json(db, 'p.id')}, p.parts"
        f" FROM posts p {where} ORDER BY p.id", params)
    found = _first_unlike_its_hash(rows)
    if found is not None:
        return "audit.post_row", {"post_id": found, "field": FIELD_WORDS["content"]}
    # A version is looked up by the hash a review event names, so its content must hash to its key.
    versions = dialect.stream(
        db, "SELECT v.post_id, v.text, v.reply_to, v.content_hash, v.media, v.parts FROM post_versions v"
        + (" WHERE v.post_id = ?" if post_id is not None else "") + " ORDER BY v.post_id", params)
    found = _first_unlike_its_hash(versions)
    return ("audit.version_row", {"post_id": found}) if found is not None else None


def _first_unlike_its_hash(rows) -> int | None:
    """The post id of the first (post_id, text, reply_to, content_hash, media, parts) row whose
    content does not hash to its stored content_hash."""
    for found_id, text, reply_to, stored, media, parts in rows:
        if stored_content_hash(text, media, reply_to, parts) != stored:
            return found_id
    return None


_STAFF_EVENT = ("(SELECT json_extract(e.detail, '$.{field}') FROM events e WHERE e.action IN ({actions})"
                " AND json_extract(e.detail, '$.username') = s.username ORDER BY e.id DESC LIMIT 1)")
STAFF_CHECKS = (
    ("roles", "s.roles IS DISTINCT FROM " + _STAFF_EVENT.format(field="roles", actions="'staff_add', 'staff_roles'")),
    ("name", "s.name IS DISTINCT FROM " + _STAFF_EVENT.format(field="name", actions="'staff_add'")),
    # staff_add names a gender only when one was given
    ("gender", "COALESCE(s.gender, '') IS DISTINCT FROM COALESCE("
               + _STAFF_EVENT.format(field="gender", actions="'staff_add', 'staff_gender'") + ", '')"),
    ("active", "s.active IS DISTINCT FROM (CASE WHEN EXISTS (SELECT 1 FROM events d WHERE d.action = 'staff_deactivate'"
               " AND json_extract(d.detail, '$.username') = s.username) THEN 0 ELSE 1 END)"),
)


_PASSWORD_EVENT = ("(SELECT e.detail FROM events e WHERE e.action IN ('staff_add', 'staff_password')"
                   " AND json_extract(e.detail, '$.username') = s.username ORDER BY e.id DESC LIMIT 1)")


def _password_unlike_log(password_hash: str, must_change, detail: str | None) -> bool:
    said = json.loads(detail or "{}")
    digest = said.get("password_digest")  # events before digests were kept name none
    if digest is not None and digest != password_digest(password_hash):
        return True
    return bool(must_change) != bool(said.get("one_time"))


def checked_member(db: sqlite_utils.Database, username: str, also: tuple[str, list] | None = None):
    """(this person's StaffMember or None, the first thing in the row the chain disagrees
    with or None, the value of the scalar query ``also`` or None), in one statement:
    every act and read of a signed-in person starts here, and on a server across the
    network each statement is a round trip."""
    from desk.store.staff import _member

    flags = ", ".join(f"CASE WHEN {condition} THEN 1 ELSE 0 END AS bad_{field}" for field, condition in STAFF_CHECKS)
    extra, params = (f", ({also[0]}) AS also_value", list(also[1])) if also else ("", [])
    rows = list(db.query(f"SELECT s.*, {flags}, {_PASSWORD_EVENT} AS password_event{extra} FROM staff s"
                         " WHERE s.username = ?", [*params, username]))
    if not rows:
        return None, None, None
    row = rows[0]
    member, value = _member(row), row.get("also_value")
    for field, _ in STAFF_CHECKS:
        if row[f"bad_{field}"]:
            return member, ("audit.staff_row", {"username": username, "field": FIELD_WORDS[field]}), value
    if _password_unlike_log(row["password_hash"], row["must_change"], row["password_event"]):
        return member, ("audit.staff_row", {"username": username, "field": FIELD_WORDS["password"]}), value
    return member, None, value


def staff_problem(db: sqlite_utils.Database, username: str | None = None) -> tuple[str, dict] | None:
    """The first staff row (or this person's) that disagrees with the chain."""
    if username is not None:
        return checked_member(db, username)[1]
    for field, condition in STAFF_CHECKS:
        found = db.execute(f"SELECT s.username FROM staff s WHERE ({condition}) ORDER BY s.username LIMIT 1"
                           ).fetchone()
        if found:
            return "audit.staff_row", {"username": found[0], "field": FIELD_WORDS[field]}
    rows = db.execute(f"SELECT s.username, s.password_hash, s.must_change, {_PASSWORD_EVENT} FROM staff s"
                      " ORDER BY s.username")
    for name, password_hash, must_change, detail in rows:
        if _password_unlike_log(password_hash, must_change, detail):
            return "audit.staff_row", {"username": name, "field": FIELD_WORDS["password"]}
    gone = db.execute("SELECT json_extract(detail, '$.username') FROM events WHERE action = 'staff_add'"
                      " EXCEPT SELECT username FROM staff LIMIT 1").fetchone()
    return ("audit.staff_deleted", {"username": gone[0]}) if gone else None


def settings_problem(db: sqlite_utils.Database) -> tuple[str, dict] | None:
    found = db.execute(
        "SELECT s.key FROM settings s WHERE s.value IS DISTINCT FROM (SELECT json_extract(e.detail, '$.value') FROM events e"
        " WHERE e.action = 'setting' AND json_extract(e.detail, '$.key') = s.key ORDER BY e.id DESC LIMIT 1)"
        " ORDER BY s.key LIMIT 1").fetchone()
    if not found:  # a removed row puts the setting back to its default
        found = db.execute("SELECT json_extract(detail, '$.key') FROM events WHERE action = 'setting'"
                           " EXCEPT SELECT key FROM settings LIMIT 1").fetchone()
    return ("audit.setting_row", {"key": found[0]}) if found else None


INSTITUTION_FIELDS = ("name_ar", "name_en", "handle", "logo_file", "desk_id")


def institution_problem(db: sqlite_utils.Database) -> tuple[str, dict] | None:
    """Each field as the newest institution event that names it says (older desks' first
    event did not name the logo or the desk id: those are left to the anchor)."""
    row = db.execute("SELECT " + ", ".join(INSTITUTION_FIELDS) + " FROM institution WHERE id = 1").fetchone()
    if row is None:
        return None
    for field, value in zip(INSTITUTION_FIELDS, row):
        said = db.execute(
            "SELECT json_extract(detail, ?) FROM events WHERE action = 'institution' AND json_type(detail, ?)"
            " IS NOT NULL ORDER BY id DESC LIMIT 1", [f"$.{field}", f"$.{field}"]).fetchone()
        if said is not None and said[0] != value:
            return "audit.institution_row", {"field": FIELD_WORDS[field]}
    return None


def first_problem(db: sqlite_utils.Database) -> tuple[str, dict] | None:
    """Every check, for a database whose chain has just been verified."""
    found = post_problem(db, after_chain=True)
    for check in (staff_problem, settings_problem, institution_problem):
        found = found or check(db)
    return found


def first_problem_in(source) -> tuple[str, dict] | None:
    """first_problem on a connection of its own (chain.open_source): run beside the chain's walk."""
    from desk.store.chain import open_source

    db = open_source(source)
    try:
        return first_problem(db)
    finally:
        db.conn.close()
