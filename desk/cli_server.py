"""The command line's words for an office's server: move a desk there, keep its password,
join workstations to it."""

from __future__ import annotations

import os

from desk.core.errors import InvalidInput
from desk.core.messages import render


def cmd_move_to(args, console):
    """The desk in the data folder (SQLite, whatever DESK_DATABASE_URL says) to a server."""
    from desk.service import Desk

    url = checked_url(args.url)
    os.environ.pop("DESK_DATABASE_URL", None)  # the desk to move is the folder's own, never a server's
    desk = Desk(args.data_dir, create=False)
    session = desk.sign_in(args.as_user, console.password(args.as_user))
    shown = [-1]

    def progress(done: int, total: int) -> None:  # a line each tenth of the way, on stderr
        step = done * 10 // total if total else 10
        if step > shown[0]:
            shown[0] = step
            console.say("move.progress", done=f"{done:,}", total=f"{total:,}")

    report = desk.move_to(session, url, progress)
    print(report.place)
    console.say("move.done", place=report.place, events=report.events, posts=report.posts, media=report.media,
                url=url)


def cmd_database_password(args, console):
    """The server's password into this workstation's keyring, once the server accepts it."""
    from desk import paths, server_login
    from desk.store import pg

    url = checked_url(paths.database_url(args.database))
    password = console.line(render("move.password_prompt", console.lang, {"place": pg.place(url)}))
    server_login.remember(url, password)
    console.say("pg.password_kept", place=pg.place(url))


def cmd_office_passphrase(args, console):
    """The passphrase other workstations join with: asked twice, never shown."""
    from desk.cli import _session

    session = _session(args, console)
    first = console.line(render("cli.passphrase", console.lang, {}))
    second = console.line(render("cli.passphrase_again", console.lang, {}))
    if first != second:
        raise InvalidInput("join.passphrase_mismatch")
    session.set_office_passphrase(first)
    console.say("join.passphrase_set")


def cmd_join(args, console):
    """The log's seal key into this workstation's keyring, with the office passphrase."""
    from desk.cli import _session

    session = _session(args, console)
    session.join(console.line(render("cli.passphrase", console.lang, {})))
    console.say("join.joined")


def checked_url(url: str | None) -> str:
    """A database address given to the command line: a password in it is bad input (exit 4),
    and the message names the address without it."""
    from desk.core.errors import StoreError
    from desk.store import pg

    if not url:
        raise InvalidInput("move.no_database")
    try:
        pg.check_url(url)
    except StoreError as error:
        raise InvalidInput(error.key, **error.params) from None
    return url


COMMANDS = {"move-to": cmd_move_to, "database-password": cmd_database_password,
            "office-passphrase": cmd_office_passphrase, "join": cmd_join}
