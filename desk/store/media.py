"""Image files, content-addressed: media/<sha256>.<ext>, written once, never changed."""

from __future__ import annotations

import os
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
