"""Image files, content-addressed: media/<sha256>.<ext>, written once, never changed.

A draft's images are written before its transaction (decoding them under the write lock
would stall every other desk), so a refused or failed draft leaves files no post refers
to. ``sweep`` removes them: only files no post and no post version names, only under the
write lock (no action commits meanwhile), and only files untouched for GRACE_SECONDS
(a draft saved or reused a file within that time may still be on its way to commit).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from desk.core.errors import StoreError
from desk.core.media import CheckedImage


class MediaFiles:
    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, sha256: str, ext: str) -> Path:
        return self.folder / f"{sha256}.{ext}"

    def save(self, image: CheckedImage) -> Path:
        target = self.path(image.sha256, image.ext)
        if target.exists():
            try:
                os.utime(target)  # in use again: the sweep leaves it alone for a while
            except OSError:
                pass
            return target
        temp = target.with_suffix(".part")
        try:
            with open(temp, "wb") as out:
                out.write(image.data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, 0o600)
            os.replace(temp, target)
        except OSError as error:
            temp.unlink(missing_ok=True)
            from desk.store.db import translate  # a full disk is said as such

            raise translate(error, target) from error
        return target

    def read(self, sha256: str, ext: str) -> bytes:
        return self.path(sha256, ext).read_bytes()

    def sweep(self, db, grace_seconds: float | None = None) -> list[str]:
        """Remove image files no post refers to; call inside the write transaction."""
        return sweep(self.folder, db, GRACE_SECONDS if grace_seconds is None else grace_seconds)


GRACE_SECONDS = 15 * 60


def referenced(db) -> set[str]:
    """File names any post, post version or training entry refers to."""
    names = {f"{sha}.{ext}" for sha, ext in db.execute("SELECT sha256, ext FROM post_media").fetchall()}
    for (media,) in db.execute("SELECT media FROM post_versions").fetchall():
        names |= {f"{m['sha256']}.{m['ext']}" for m in json.loads(media or "[]")}
    for (media,) in db.execute("SELECT media FROM training_timeline").fetchall():
        names |= {m["file"] for m in json.loads(media or "[]") if m.get("file")}
    return names


def sweep(folder: Path, db, grace_seconds: float = GRACE_SECONDS) -> list[str]:
    """Remove image files nothing refers to. Call inside the write transaction."""
    if not db.conn.in_transaction:
        raise RuntimeError("sweep runs only under the write lock")
    keep = referenced(db)
    cutoff = time.time() - grace_seconds
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        stem = name.split(".", 1)[0]
        if len(stem) != 64 or not all(c in "0123456789abcdef" for c in stem) or name in keep:
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or entry.stat().st_mtime > cutoff:
                continue
            os.unlink(entry.path)
            removed.append(name)
        except OSError:
            continue  # a read-only copy, or gone already: nothing to do
    return removed
