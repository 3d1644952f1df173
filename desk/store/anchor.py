"""The anchor: where the audit chain ended, kept outside the events table.

A small file beside the database (``desk.anchor``) names the desk, the chain's length
and its newest hash, and is signed with the log's seal key when the keyring holds one.
It is rewritten after every commit, so deleting events from the end of the log, or
emptying or removing the database, no longer leaves a log that looks intact. The same
anchor also goes to the OS keyring (desk.account), where a wiped folder cannot take it.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

ANCHOR_NAME = "desk.anchor"


@dataclass(frozen=True)
class Anchor:
    desk_id: str
    name_en: str
    events: int
    head: str
    sealed_from: int | None = None

    def body(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def mac(self, key: bytes) -> str:
        return hmac.digest(key, self.body().encode("utf-8"), "sha256").hex()

    def for_keyring(self) -> dict:
        return {"events": self.events, "head": self.head, "sealed_from": self.sealed_from}


@dataclass(frozen=True)
class FoundAnchor:
    anchor: Anchor | None
    signed: bool  # a MAC is present
    genuine: bool | None  # None: no key to check it with
    problem: str = ""  # "unreadable" when the file exists but is not an anchor


# Where the chain of a desk that moved to a server ended in this folder (desk.store.move):
# the folder's own anchor follows the desk on the server from then on.
MOVED_NAME = "desk.anchor.moved"


def write(folder: Path, anchor: Anchor, key: bytes | None, name: str = ANCHOR_NAME) -> None:
    """Replace the anchor file in one rename; a read-only folder keeps the old one."""
    data = {**asdict(anchor), "mac": anchor.mac(key) if key else None}
    target = Path(folder) / name
    temporary = target.with_name(name + ".new")
    old_umask = os.umask(0o077)
    try:
        temporary.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(temporary, target)
    except OSError as error:
        log.warning("anchor file not written: %s", type(error).__name__)
    finally:
        os.umask(old_umask)


def read(folder: Path, key: bytes | None, name: str = ANCHOR_NAME) -> FoundAnchor | None:
    """The anchor file as found, None when there is none."""
    target = Path(folder) / name
    if not target.exists():
        return None
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        anchor = Anchor(str(data["desk_id"]), str(data["name_en"]), int(data["events"]), str(data["head"]),
                        None if data.get("sealed_from") is None else int(data["sealed_from"]))
    except (OSError, ValueError, KeyError, TypeError):
        return FoundAnchor(None, False, None, "unreadable")
    mac = data.get("mac")
    if not mac:
        return FoundAnchor(anchor, False, None)
    if key is None:
        return FoundAnchor(anchor, True, None)
    return FoundAnchor(anchor, True, hmac.compare_digest(str(mac), anchor.mac(key)))
