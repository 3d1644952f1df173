"""`desk verify --export FILE`: the file checked on its own, then against the desk it came from.

A file alone can be rewritten consistently by anyone who knows its format (drop a post's
row and turn its events into hash-only stubs, or invent a stub and hash the chain again
after it). What the file cannot carry is the desk's own record: after writing, the desk
appends an export event naming the file's sha256 and the stretch of the chain it covers.
So when a desk's data folder is at hand and the file came from it, the file must be
named by one of its export events and its events must be the desk's (same id, same hash).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from desk.export.verify_file import VerifyResult, verify_export


def file_sha256(path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()


def _came_from(conn, result: VerifyResult) -> bool:
    """The desk at hand is this file's origin: same institution, or the same chain."""
    from desk.store import export_anchor

    handle = (result.header.get("institution") or {}).get("handle")
    if handle and handle == export_anchor.institution_handle(conn):
        return True
    first = result.document.get("first_event") or {}
    return bool(first) and export_anchor.event_hash_at(conn, first.get("id")) == first.get("hash")


def verify_export_file(path, folder: Path | None, database: str | None = None) -> VerifyResult:
    """On its own first; then, when ``folder`` holds the desk the file came from (or the
    workstation's desk is on a server: database, else DESK_DATABASE_URL), against it."""
    alone = verify_export(path)
    if not alone.ok or folder is None:
        return alone
    from desk.paths import database_url
    from desk.store import export_anchor

    database = database_url(database)
    password = None
    if database:
        from desk import server_login

        password = server_login.password_for(database)
    conn = export_anchor.open_readonly(folder, database, password)
    if conn is None:
        return alone
    try:
        if not _came_from(conn, alone):
            return replace(alone, params={**alone.params, "folder": str(folder)}, message_key="export.verify.ok_other_desk")
        return _against(path, conn, folder, alone)
    finally:
        conn.close()


def _against(path, conn, folder: Path, alone: VerifyResult) -> VerifyResult:
    from desk.store import export_anchor

    where = {"folder": str(folder)}
    first, last = alone.document.get("first_event"), alone.document.get("last_event")
    if first and export_anchor.ids_digest(conn, first["id"], last["id"]) != alone.events_digest:
        # They differ somewhere: read the file again beside the desk's chain to name where.
        held = verify_export(path, against=lambda first_id: export_anchor.hashes_from(conn, first_id))
        if held.ok:  # the file changed between the two readings
            return VerifyResult(False, alone.count, None, "export.verify.document_changed", {})
        return replace(held, params={**held.params, **where})
    sha = file_sha256(path)
    named = export_anchor.export_events_naming(conn, sha)
    if not named:
        return VerifyResult(False, alone.count, None, "export.verify.not_exported", {**where, "sha256": sha},
                            header=alone.header, document=alone.document)
    event_id, detail = named[-1]
    covers = detail.get("covers") or {}
    last = alone.document.get("last_event") or {}
    if (covers.get("last_id"), covers.get("last_hash")) != (last.get("id"), last.get("hash")):
        return VerifyResult(False, alone.count, None, "export.verify.export_event_differs",
                            {**where, "event_id": event_id}, header=alone.header, document=alone.document)
    return replace(alone, message_key="export.verify.ok_desk",
                   params={**alone.params, **where, "event_id": event_id})
