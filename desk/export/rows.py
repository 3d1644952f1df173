"""The row model every writer shares, and the plumbing they have in common.

A row is a plain dict with the keys of COLUMNS (times as UTC ISO-8601 strings or
None). Writers take rows as an iterator and never hold more than one at a time.
"""

from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Callable, Iterator

from desk.core.errors import DeskError, InvalidInput, StoreError

COLUMNS = [
    "post_id",
    "state",
    "text",
    "author",
    "author_name",
    "created_at",
    "submitted_at",
    "approver",
    "approver_name",
    "approved_at",
    "published_by",
    "published_at",
    "x_post_id",
    "x_url",
    "withdrawn_by",
    "withdrawn_at",
    "withdraw_reason",
    "media_count",
    # After the designed columns (DESIGN.md), never among them: a thread is one row, and
    # this is how many posts it is on X (1 for a single post). text, x_post_id, x_url and
    # media_count are its first part's; a JSON export also lists every part ("thread").
    "parts",
]

TIME_COLUMNS = frozenset(c for c in COLUMNS if c.endswith("_at"))

# Read by people in CSV and XLSX; they follow the named columns so those stay machine-readable.
# Then X's figures for the post as last read (x_read_at, UTC): X's numbers, not the desk's record;
# a JSON export keeps them apart, under each row's "x_figures".
X_COLUMNS = ["x_likes", "x_reposts", "x_replies", "x_impressions", "x_read_at"]
EXTRA_COLUMNS = ["created_at_local", "created_at_hijri", "published_at_local", "published_at_hijri", *X_COLUMNS]

PROGRESS_EVERY = 500


@dataclass
class ExportMeta:
    institution_name_ar: str
    institution_name_en: str
    handle: str
    logo_path: Path | None
    lang: str  # "ar" or "en"
    period_from: date | None
    period_to: date | None
    filter_text: str
    exported_by: str
    exported_by_name: str
    exported_at: datetime  # aware, UTC
    training: bool = False
    tz: tzinfo | None = None  # zone for local times; None = the workstation's
    # The log filter as fields (state, author, approver, search, date_from, date_to), so a
    # JSON export can say exactly which posts it was meant to hold.
    filter_fields: dict = field(default_factory=dict)


class ExportCancelled(DeskError):
    """The person pressed Cancel; nothing is left under the target name."""

    def __init__(self, key: str = "export.cancelled", **params):
        super().__init__(key, **params)


class Ticker:
    """Counts rows, reports progress every PROGRESS_EVERY and honours Cancel."""

    def __init__(self, progress: Callable[[int], None] | None, cancelled: Callable[[], bool] | None):
        self.progress = progress
        self.cancelled = cancelled
        self.count = 0
        self.check()

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled()

    def tick(self) -> None:
        self.count += 1
        if self.count % PROGRESS_EVERY == 0:
            self.check()
            if self.progress is not None:
                self.progress(self.count)

    def finish(self) -> int:
        # A Cancel pressed during the last few rows still wins: the file is not kept.
        self.check()
        if self.progress is not None:
            self.progress(self.count)
        return self.count


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


_FILE_MODE = 0o666 & ~_umask()


def _os_error(exc: OSError, path: Path) -> DeskError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return StoreError("export.disk_full", path=str(path))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return InvalidInput("export.not_writable", path=str(path))
    return StoreError("export.write_failed", path=str(path), reason=exc.strerror or str(exc))


@contextmanager
def atomic_target(out_path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary file beside out_path; rename it to out_path only on success.

    On any failure or Cancel the temporary file is removed, so the final name never
    holds a half-written export (and an existing file there is left untouched).
    """
    final = Path(out_path).expanduser().absolute()
    folder = final.parent
    if final.is_dir():
        raise InvalidInput("export.is_folder", path=str(final))
    if not folder.is_dir():
        raise InvalidInput("export.no_folder", folder=str(folder))
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{final.name}.", suffix=".part")
    except OSError as exc:
        raise _os_error(exc, final) from exc
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        os.chmod(temp, _FILE_MODE)
        os.replace(temp, final)
    except BaseException as exc:
        try:
            temp.unlink()
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _os_error(exc, final) from exc
        raise
