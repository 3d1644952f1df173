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
from datetime import datetime, timezone
from pathlib import Path

from desk.core.media import CheckedImage


class MediaFiles:
    """On PostgreSQL the images live in the database (media_files) and the folder is this
    workstation's cache of them: a file another workstation attached arrives on first use."""

    def __init__(self, folder: Path, server=None):
        self.folder = folder
        self.server = server

    def path(self, sha256: str, ext: str) -> Path:
        target = self.folder / f"{sha256}.{ext}"
        if self.server is not None and not target.exists():
            self._fetch(target)
        return target

    def named(self, name: str) -> Path:
        """A file by its name in the training timeline (sha256.ext)."""
        stem, _, ext = name.partition(".")
        return self.path(stem, ext)

    def put(self, name: str, data: bytes) -> None:
        """A file other than a post's image (the logo) the other workstations must see too."""
        if self.server is not None:
            self.server.execute(
                "INSERT INTO media_files (name, data, added_at) VALUES (?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET data = excluded.data, added_at = excluded.added_at",
                [name, data, _now()])

    def _fetch(self, target: Path) -> None:
        row = self.server.execute("SELECT data FROM media_files WHERE name = ?", [target.name]).fetchone()
        if row is not None:
            _write(target, bytes(row[0]))

    def save(self, image: CheckedImage) -> Path:
        target = self.folder / f"{image.sha256}.{image.ext}"
        if self.server is not None:  # before the post's transaction, like the file itself
            self.server.execute(
                "INSERT INTO media_files (name, data, added_at) VALUES (?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET added_at = excluded.added_at",
                [target.name, image.data, _now()])
        if target.exists():
            try:
                os.utime(target)  # in use again: the sweep leaves it alone for a while
            except OSError:
                pass
            return target
        _write(target, image.data)
        return target

    def save_video(self, source: Path, check):
        """Copy a video in pieces into the folder, ``check`` that copy (it hashes it), keep it
        as <sha256>.mp4: the bytes kept are the bytes checked, whatever happens to the source."""
        self.folder.mkdir(parents=True, exist_ok=True)
        temp = self.folder / f"incoming-{os.getpid()}-{time.monotonic_ns()}.part"
        try:
            try:
                with open(source, "rb") as src, open(temp, "wb") as out:
                    while piece := src.read(1024 * 1024):
                        out.write(piece)
                    out.flush()
                    os.fsync(out.fileno())
            except OSError as error:
                if not Path(source).exists():
                    from desk.core.errors import InvalidInput

                    raise InvalidInput("media.missing", name=Path(source).name) from None
                from desk.store.db import translate

                raise translate(error, temp) from error
            checked = check(temp)
            target = self.folder / f"{checked.sha256}.{checked.ext}"
            if self.server is not None:
                # PostgreSQL keeps every file in media_files, and takes a bytea in one piece
                self.server.execute(
                    "INSERT INTO media_files (name, data, added_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (name) DO UPDATE SET added_at = excluded.added_at",
                    [target.name, temp.read_bytes(), _now()])
            if target.exists():
                os.utime(target)
            else:
                os.chmod(temp, 0o600)
                os.replace(temp, target)
            return checked
        finally:
            temp.unlink(missing_ok=True)

    def read(self, sha256: str, ext: str) -> bytes:
        return self.path(sha256, ext).read_bytes()

    def sweep(self, db, grace_seconds: float | None = None) -> list[str]:
        """Remove image files no post refers to; call inside the write transaction."""
        grace = GRACE_SECONDS if grace_seconds is None else grace_seconds
        removed = sweep(self.folder, db, grace)
        if self.server is not None:
            keep = referenced(db)
            cutoff = datetime.fromtimestamp(time.time() - grace, timezone.utc).isoformat(timespec="milliseconds")
            for (name,) in db.execute("SELECT name FROM media_files WHERE added_at < ?", [cutoff]).fetchall():
                if name not in keep:
                    db.execute("DELETE FROM media_files WHERE name = ?", [name])
                    removed.append(name)
        return sorted(set(removed))


GRACE_SECONDS = 15 * 60


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _write(target: Path, data: bytes) -> None:
    temp = target.with_suffix(".part")
    try:
        with open(temp, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        from desk.store.db import translate  # a full disk is said as such

        raise translate(error, target) from error


def referenced(db) -> set[str]:
    """File names any post, post version or training entry refers to."""
    names = {f"{sha}.{ext}" for sha, ext in db.execute("SELECT sha256, ext FROM post_media").fetchall()}
    for (media,) in db.execute("SELECT media FROM post_versions").fetchall():
        names |= {f"{m['sha256']}.{m['ext']}" for m in json.loads(media or "[]")}
    # a thread's later parts, as it is and as each version was
    for table in ("posts", "post_versions"):
        for (parts,) in db.execute(f"SELECT parts FROM {table} WHERE parts IS NOT NULL").fetchall():
            names |= {f"{m['sha256']}.{m['ext']}" for part in json.loads(parts) for m in part.get("media", ())}
    for (media,) in db.execute("SELECT media FROM training_timeline").fetchall():
        names |= {m["file"] for m in json.loads(media or "[]") if m.get("file")}
    names |= {logo for (logo,) in db.execute("SELECT logo_file FROM institution").fetchall() if logo}
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
