"""What the window needs from the service that the service does not offer yet.

Each function here is small and says what it stands in for, so the lead can move it
into desk/service.py or desk/session.py and the window then calls that instead.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from pathlib import Path

from desk.service import Desk, LogFilter


def data_version(desk) -> int:
    """Stands in for ``Desk.data_version()``: changes when another connection commits."""
    own = getattr(desk, "data_version", None)
    return own() if callable(own) else desk.store.data_version()


def desk_settings(desk) -> dict:
    """Stands in for ``Desk.settings()``: the language and idle time are needed before sign-in."""
    return desk.store.settings.all()


def reopen(desk) -> Desk:
    """Stands in for ``Desk.reopen()``: the same data folder on a second connection.

    Work off the GUI thread uses its own connection, so its transactions never mix with
    the window's (SQLite WAL lets them run side by side).
    """
    return desk.reopen()


@contextmanager
def worker_session(session):
    """A session of the same person on a second connection, closed afterwards."""
    from desk.session import Session

    other = reopen(session.desk)
    try:
        yield Session(other, session.member)
    finally:
        other.close()


def in_worker(session, func):
    """A callable for run_task: ``func(worker_session)`` on its own connection."""

    def call():
        with worker_session(session) as worker:
            return func(worker)

    return call


def publish_due(desk):
    """``Desk.publish_due`` on its own connection, for the window's timer."""

    def call():
        other = reopen(desk)
        try:
            return other.publish_due()
        finally:
            other.close()

    return call


def media_path(desk, item) -> Path:
    """Stands in for ``Session.media_path(item)``: media/<sha256>.<ext> in the data folder."""
    return Path(desk.folder) / "media" / f"{item.sha256}.{item.ext}"


def publisher_kind(session) -> str:
    """'x' or 'training': where a post published now would go."""
    return getattr(session.desk.publisher(), "kind", "training")


def export_log(session, fmt: str, log_filter: LogFilter, out_path, lang: str,
               period: tuple[date | None, date | None], progress=None, cancelled=None) -> int:
    """The log through Session.export, for run_task (call it on a worker session)."""
    return session.export(out_path, fmt, log_filter, period, lang, progress, cancelled)
