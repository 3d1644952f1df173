"""The draft being typed (every part of a thread), kept every few seconds in a small file in the data folder.

A crash, a power cut or the idle lock loses nothing: the next sign-in of the same
person brings the text back. The file is the person's alone (0600) and is removed
once the draft is saved or submitted.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path


class Autosave:
    def __init__(self, folder, username: str):
        self.path = Path(folder) / "autosave" / f"{username}.json"

    def save(self, state: dict) -> None:
        self.path.parent.mkdir(mode=0o700, exist_ok=True)
        data = dict(state, saved_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
        temp = self.path.with_suffix(".part")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, self.path)

    def load(self) -> dict | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        parts = [data] + [p for p in data.get("more") or [] if isinstance(p, dict)]  # a thread's later parts
        return data if any(p.get("text") or p.get("images") for p in parts) else None

    def clear(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
