"""The version of each post a reviewer last saw, for "what changed since".

The store keeps a post's current content and each event's content hash, but not the
earlier texts; this small file in the data folder keeps the text at each review
decision. (For the lead: a post_versions table in the store would replace it.)
"""

from __future__ import annotations

import json
import os
from pathlib import Path


class ReviewMemory:
    def __init__(self, folder):
        self.path = Path(folder) / "reviewed.json"

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, post_id: int) -> dict | None:
        return self._read().get(str(post_id))

    def remember(self, post) -> None:
        data = self._read()
        data[str(post.id)] = {
            "hash": post.content_hash,
            "text": post.text,
            "images": [m.sha256 for m in post.media],
            "alts": [m.alt for m in post.media],
        }
        temp = self.path.with_suffix(".part")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(temp, self.path)
