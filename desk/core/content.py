"""The content hash an approval is bound to: text, media bytes, alt texts, reply target,
and for a thread every later part in order."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class MediaItem:
    sha256: str  # of the image file's bytes
    ext: str  # png, jpg, webp, gif
    alt: str = ""
    size: int = 0


@dataclass(frozen=True)
class Part:
    """One post of a thread: its own text and files, counted against X's limit on its own."""

    text: str
    media: tuple[MediaItem, ...] = ()


MAX_PARTS = 25  # X shows a thread of any length; an office's statement stays readable


def content_hash(text: str, media: list[MediaItem] | tuple = (), reply_to: str | None = None,
                 more: tuple[Part, ...] | list = ()) -> str:
    """sha256 of a canonical JSON form. Order of images matters: X shows them in order.
    ``more``: a thread's parts after the first, in order (a single post has none, and its
    hash is the same as before threads were kept)."""
    form = {
        "text": text,
        "media": [{"sha256": m.sha256, "alt": m.alt} for m in media],
        "reply_to": reply_to or None,
    }
    if more:
        form["parts"] = [{"text": p.text, "media": [{"sha256": m.sha256, "alt": m.alt} for m in p.media]}
                         for p in more]
    canonical = json.dumps(
        form,
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def parts_json(more: tuple[Part, ...] | list) -> str | None:
    """How a thread's later parts are stored (NULL for a single post)."""
    if not more:
        return None
    return json.dumps([{"text": p.text, "media": [{"sha256": m.sha256, "ext": m.ext, "alt": m.alt, "size": m.size}
                                                  for m in p.media]} for p in more], ensure_ascii=False)


def parts_from_json(stored: str | None) -> tuple[Part, ...]:
    if not stored:
        return ()
    return tuple(Part(p["text"], tuple(MediaItem(**m) for m in p["media"])) for p in json.loads(stored))
