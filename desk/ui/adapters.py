"""Work off the GUI thread on a second connection to the same data folder.

A worker's transactions never mix with the window's (SQLite WAL lets them run side by
side); each helper opens the connection with ``Desk.reopen()`` and closes it afterwards.
"""

from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def worker_session(session):
    """A session of the same person on a second connection, closed afterwards."""
    from desk.session import Session

    other = session.desk.reopen()
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
        other = desk.reopen()
        try:
            return other.publish_due()
        finally:
            other.close()

    return call


def check_password(desk, username: str, password: str):
    """``Desk.sign_in`` (Argon2id: slow on purpose) on its own connection.

    Returns the signed-in person's member record; the window makes its own Session
    from it on its own connection (``desk.session.Session(desk, member)``).
    """

    def call():
        other = desk.reopen()
        try:
            return other.sign_in(username, password).person  # a one-time password is let through here
        finally:
            other.close()

    return call


def set_up_desk(desk, *fields, **options):
    """``Desk.init`` (it hashes the first administrator's password with Argon2id, slow on
    purpose) on its own connection."""

    def call():
        other = desk.reopen()
        try:
            other.init(*fields, **options)
        finally:
            other.close()

    return call


def change_password(desk, member, old: str, new: str):
    """``Session.change_password`` (Argon2id) on its own connection."""

    def call():
        from desk.session import Session

        other = desk.reopen()
        try:
            Session(other, member).change_password(old, new)
        finally:
            other.close()

    return call
