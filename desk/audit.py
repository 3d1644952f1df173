"""``desk verify``: is the log the one the desk wrote, whole and unaltered?

In order: the chain's links and hashes; each event's seal (when the keyring holds the
log's seal key); every row the log shows against the chain; then the two anchors that
say where the chain ended, the file beside the database and the keyring's checkpoint.
What each check needs, and what it could not check, is said in the report's notes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from desk.core.errors import VaultError
from desk.paths import DATABASE_NAME
from desk.store import anchor as anchors


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    count: int
    head_hash: str
    key: str
    params: dict
    checkpoint: str = ""  # "matched", "missing" (rewritten or cut) or "none" (no keyring to ask)
    notes: tuple = field(default=())  # (message key, params) said after the verdict


def _fail(key: str, count: int = 0, head: str = "", checkpoint: str = "", **params) -> VerifyReport:
    return VerifyReport(False, count, head, key, params, checkpoint)


def missing_database(folder: Path, database: str | None = None) -> VerifyReport | None:
    """A folder whose anchor, or the keyring, names a desk whose database is gone.
    A desk on a server (database, else DESK_DATABASE_URL) keeps no database file here."""
    from desk.paths import database_url

    if database_url(database) or (Path(folder) / DATABASE_NAME).exists():
        return None
    found = anchors.read(folder, None)
    if found is not None and found.anchor is not None:
        return _fail("audit.database_gone", name=found.anchor.name_en, events=found.anchor.events)
    return _remembered(folder)


def _remembered(folder: Path) -> VerifyReport | None:
    from desk.account import desk_once_in

    once = desk_once_in(folder)
    if once is None:
        return None
    desk, kept = once
    events = kept["events"] if kept and kept["events"] is not None else "?"
    return _fail("audit.folder_wiped", name=desk["name_en"], events=events)


def _seal_key(desk) -> tuple[bytes | None, str]:
    try:
        key = desk.account.vault().seal_key()
    except VaultError:
        return None, "audit.seals_no_keyring"
    return key, "" if key is not None else "audit.seals_no_key"


def _at(store, anchor_events: int, anchor_head: str, count: int) -> bool:
    """The chain reaches the anchor and holds the anchor's hash there."""
    if anchor_events == 0:
        return True
    return count >= anchor_events and store.event_hash_at(anchor_events) == anchor_head


def _moved_record_holds(desk, key, count: int, head: str) -> bool:
    """A folder whose desk moved to a server: its anchors follow the desk on the server,
    further than the folder's chain goes. The move left a record of where this chain ended
    (desk.anchor.moved): the chain must end exactly there, with its ``moved`` event."""
    store = desk.store
    if not store.moved_to or store.last_action() != "moved":
        return False
    found = anchors.read(desk.folder, key, anchors.MOVED_NAME)
    if found is None or found.anchor is None or found.genuine is False:
        return False
    if key is not None and not found.signed and store.sealed_from() is not None:
        return False
    moved = found.anchor
    return moved.desk_id == desk.institution()["desk_id"] and (moved.events, moved.head) == (count, head)


def verify_desk(desk) -> VerifyReport:
    store = desk.store
    institution = desk.institution()
    if institution is None:
        found = anchors.read(desk.folder, None)
        if found is not None and found.anchor is not None:
            return _fail("audit.database_emptied", name=found.anchor.name_en, events=found.anchor.events)
        remembered = _remembered(desk.folder)
        if remembered is not None:
            return remembered
    key, seal_note = _seal_key(desk) if institution else (None, "")
    chain_report, problem = store.verify_all(workers=os.cpu_count() or 1, seal_key=key)
    count, head = chain_report.count, chain_report.head_hash
    if not chain_report.ok:
        return VerifyReport(False, count, head, chain_report.key, chain_report.params)
    if institution is None:
        return VerifyReport(True, count, head, chain_report.key, chain_report.params, "none")
    if count == 0:
        return _fail("audit.no_events", name=institution["name_en"])
    if problem:
        return VerifyReport(False, count, head, problem[0], problem[1])
    notes = []
    if store.sealed_from() is None:
        notes.append(("audit.not_sealed", {}))
    elif seal_note:
        notes.append((seal_note, {}))
    else:
        notes.append(("audit.seals_checked", {"first": store.sealed_from()}))

    moved = _moved_record_holds(desk, key, count, head)
    found = anchors.read(desk.folder, key)
    if found is None:
        notes.append(("audit.no_anchor_file", {}))
    elif found.anchor is None:
        return _fail("audit.anchor_unreadable", count, head)
    else:
        anchor = found.anchor
        if found.genuine is False or (key is not None and not found.signed and store.sealed_from() is not None):
            return _fail("audit.anchor_forged", count, head)
        if anchor.desk_id != institution["desk_id"]:
            return _fail("audit.anchor_other_desk", count, head, name=anchor.name_en)
        if moved and anchor.events > count:
            notes.append(("move.anchor_on_server", {"place": store.moved_to, "count": count}))
        elif not _at(store, anchor.events, anchor.head, count):
            return _fail("audit.cut_short", count, head, expected=anchor.events, found=count)
        else:
            notes.append(("audit.anchor_covers", {"covered": anchor.events, "count": count}))

    kept = desk.account.checkpoint()
    if kept is None:
        return VerifyReport(True, count, head, "chain.ok", {"count": count}, "none", tuple(notes))
    if kept["events"] is None:  # an older desk's checkpoint: a hash without a length
        if not store.has_event_hash(kept["head"]):
            return _fail("chain.checkpoint", count, head, "missing")
        notes.append(("audit.checkpoint_legacy", {}))
    elif moved and kept["events"] > count:
        notes.append(("move.anchor_on_server", {"place": store.moved_to, "count": count}))
    else:
        if not _at(store, kept["events"], kept["head"], count):
            return _fail("audit.cut_short_keyring", count, head, "missing", expected=kept["events"], found=count)
        if kept.get("sealed_from") is not None and kept["sealed_from"] != store.sealed_from():
            return _fail("audit.seal_start_moved", count, head, "missing")
        notes.append(("audit.checkpoint_covers", {"covered": kept["events"], "count": count}))
    return VerifyReport(True, count, head, "chain.ok", {"count": count}, "matched", tuple(notes))
