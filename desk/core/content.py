"""The content hash an approval is bound to: text, media bytes, alt texts, reply target."""

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


def content_hash(text: str, media: list[MediaItem] | tuple = (), reply_to: str | None = None) -> str:
    """sha256 of a canonical JSON form. Order of images matters: X shows them in order."""
    canonical = json.dumps(
        {
            "text": text,
            "media": [{"sha256": m.sha256, "alt": m.alt} for m in media],
            "reply_to": reply_to or None,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
