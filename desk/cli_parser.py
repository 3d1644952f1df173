"""The command line's grammar: sub-commands, options, and the log filter they describe."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time, timedelta, timezone

from desk.cli_schedule import add_parser as add_schedule_service
from desk.core.errors import InvalidInput
from desk.core.states import State
from desk.service import LogFilter


def _count(value: str) -> int:
    """A number of rows: past SQLite's integers it is a mistake, not a wish."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 <= number <= 2**63 - 1:
        raise argparse.ArgumentTypeError(f"{value} is out of range")
    return number


def _as_user(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--as", dest="as_user", metavar="USER", required=required, help="act as this staff member")
    parser.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")


class _InOrder(argparse.Action):
    """Appends like action="append", and also notes (option, value) in typed order, so
    each --image and --alt goes with the --part before it."""

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, [*(getattr(namespace, self.dest, None) or []), values])
        namespace.in_order = [*(getattr(namespace, "in_order", None) or []), (self.dest, values)]


def _text_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--text", help="the post's text")
    group.add_argument("--text-file", metavar="FILE", help="a UTF-8 file holding the post's text")
    group.add_argument("--part", action=_InOrder, metavar="TEXT",
                       help="a thread: one --part for each of its 2 to 25 parts, in order; an --image (and its "
                            "--alt) typed after a --part belongs to that part")
    parser.set_defaults(in_order=())


def _image_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--image", action=_InOrder, metavar="FILE",
                        help="an image (up to 4), or one GIF or video; with --part, of the part before it")
    parser.add_argument("--alt", action=_InOrder, metavar="TEXT", help="description of the image before it")


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--state", choices=[s.value for s in State])
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="first day, e.g. 2026-11-01")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="last day, included")
    parser.add_argument("--author", metavar="USER")
    parser.add_argument("--approver", metavar="USER")
    parser.add_argument("--search", metavar="TEXT")


def build_parser(version: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="desk", description="Posting Desk: the institution's X account, run by its office.")
    parser.add_argument("--data-dir", metavar="DIR", help="the data folder (default: DESK_DATA_DIR or the user data folder)")
    parser.add_argument("--database", metavar="URL",
                        help="a postgresql:// URL of the office's shared desk, no password in it"
                             " (default: DESK_DATABASE_URL; none: the desk in the data folder)")
    parser.add_argument("--version", action="version", version=f"desk {version}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="set up the institution and its first administrator")
    p.add_argument("--name-ar", required=True)
    p.add_argument("--name-en", required=True)
    p.add_argument("--handle", required=True)
    p.add_argument("--logo", metavar="FILE")
    p.add_argument("--admin", required=True, metavar="USER")
    p.add_argument("--admin-name", metavar="NAME")
    p.add_argument("--admin-gender", choices=("f", "m"), help="f or m: how sentences that name the administrator read")
    p.add_argument("--password-stdin", action="store_true")

    staff = sub.add_parser("staff", help="manage staff").add_subparsers(dest="staff_command", required=True)
    p = staff.add_parser("add")
    p.add_argument("username")
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True, help="officer, supervisor, administrator (comma-separated)")
    p.add_argument("--gender", choices=("f", "m"), help="f or m: how sentences that name the person read (كتبت / كتب)")
    _as_user(p)
    _as_user(staff.add_parser("list"))
    p = staff.add_parser("deactivate")
    p.add_argument("username")
    p.add_argument("--handover-to", metavar="USER", help="hand open drafts to this colleague first")
    _as_user(p)
    p = staff.add_parser("handover")
    p.add_argument("username")
    p.add_argument("--to", required=True, metavar="USER")
    _as_user(p)
    p = staff.add_parser("roles")
    p.add_argument("username")
    p.add_argument("--role", required=True)
    _as_user(p)
    p = staff.add_parser("gender", help="how sentences that name the person read: f, m, or none (not given)")
    p.add_argument("username")
    p.add_argument("gender", choices=("f", "m", "none"))
    _as_user(p)
    p = staff.add_parser("password", help="reset a password: prints a one-time password, shown once")
    p.add_argument("username")
    _as_user(p)

    p = sub.add_parser("password", help="change your own password (current on the first stdin line, new on the next)")
    _as_user(p)

    account = sub.add_parser("account", help="the institution's X account").add_subparsers(
        dest="account_command", required=True)
    p = account.add_parser("set", help="keep the four keys in the OS keyring (one a line, on stdin or prompted)")
    p.add_argument("--yes", action="store_true", help="accept keys of an account other than the desk's handle")
    _as_user(p)
    _as_user(account.add_parser("verify", help="ask X which account the keys open"))
    _as_user(account.add_parser("forget", help="remove the keys from the keyring"))
    _as_user(account.add_parser("avatar", help="make the institution's logo the account's picture"))

    p = sub.add_parser("draft", help="write a draft (a single post, or a thread with --part); prints its id",
                       epilog="A thread: desk draft --part T1 --image F --alt A --part T2 --part T3 ... "
                              "(images after a --part are that part's)")
    _text_options(p)
    _image_options(p)
    p.add_argument("--reply-to", metavar="X_POST_ID", help="a reply to this post on X (a thread's first part)")
    _as_user(p)
    p = sub.add_parser("edit", help="change a draft: --text changes the first part only; --part gives every "
                       "part again (texts and images), replacing the thread's parts")
    p.add_argument("id", type=int)
    _text_options(p)
    _image_options(p)
    _as_user(p)
    for name, words in (("submit", "send a draft for review"), ("recall", "take back a submission"),
                        ("approve", "approve a post"), ("publish", "publish an approved post now"),
                        ("unschedule", "take a post off the schedule")):
        p = sub.add_parser(name, help=words)
        p.add_argument("id", type=int)
        _as_user(p)
    p = sub.add_parser("reject", help="reject a post with a reason")
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)
    _as_user(p)
    p = sub.add_parser("return", help="return a post to its author with a comment")
    p.add_argument("id", type=int)
    p.add_argument("--comment", required=True)
    _as_user(p)
    p = sub.add_parser("schedule", help="publish at a given time")
    p.add_argument("id", type=int)
    p.add_argument("--at", required=True, metavar="ISO-8601")
    _as_user(p)
    p = sub.add_parser("withdraw", help="delete a published post from X")
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)
    p.add_argument("--outside", action="store_true",
                   help="it was already deleted on X by hand: record it as withdrawn, ask X nothing")
    _as_user(p)
    for name in ("pause", "resume"):
        _as_user(sub.add_parser(name, help=f"{name} all automatic publishing"))
    sub.add_parser("publish-due", help="send approved posts that are due (for the task scheduler). On an office's "
                   "desk it runs only on the workstation chosen with `desk publishing-workstation --here` (any, if "
                   "none is chosen) and only where the keyring holds the X keys (else exit 5)")
    p = sub.add_parser("publishing-workstation",
                       help="choose the one workstation that publishes scheduled posts (publish-due and the "
                            "window): --here this one, named by DESK_WORKSTATION or the host name; --any every "
                            "workstation that holds the X keys (administrators)")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--here", action="store_true", help="this workstation only")
    where.add_argument("--any", action="store_true", help="any workstation (the default)")
    _as_user(p)
    sub.add_parser("reconcile", help="look for uncertain posts on the account's timeline and settle them")
    p = sub.add_parser("show", help="a post's state and history")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    _as_user(p)
    p = sub.add_parser("log", help="the post log")
    _filters(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=_count, default=100)
    _as_user(p)
    p = sub.add_parser("export", help="export the log")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--format", choices=["csv", "xlsx", "pdf", "json"])
    _filters(p)
    _as_user(p)
    from desk.cli_reach import add_parsers as add_reach

    add_reach(sub, _as_user)
    p = sub.add_parser("verify", help="check the audit chain")
    p.add_argument("--export", metavar="FILE.json", help="check an exported JSON log instead of the database")
    p = sub.add_parser("backup", help="copy the database into backups/ or --out FILE (administrators)")
    p.add_argument("--out", metavar="FILE")
    _as_user(p)
    p = sub.add_parser("restore", help="put a checked backup of this desk in place (administrators)")
    p.add_argument("file", metavar="FILE")
    _as_user(p)
    p = sub.add_parser("office-passphrase", help="set the passphrase other workstations join this desk with "
                       "(password, then the passphrase twice, on stdin lines with --password-stdin)")
    _as_user(p)
    p = sub.add_parser("join", help="join this workstation to a desk on a server: its keyring takes the log's "
                       "seal key (password, then the office passphrase)")
    _as_user(p)
    p = sub.add_parser("move-to", help="copy this folder's desk into an empty PostgreSQL database (administrators)")
    p.add_argument("url", metavar="DATABASE_URL")
    _as_user(p)
    p = sub.add_parser("database-password",
                       help="keep the database server's password in this workstation's keyring")
    p.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    add_schedule_service(sub)
    _database_everywhere(sub)
    return parser


def _database_everywhere(sub) -> None:
    """--database also after a command's name (``desk log --database URL``); SUPPRESS keeps
    a sub-command from overwriting the one given before it."""
    for command in sub.choices.values():
        command.add_argument("--database", metavar="URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                _database_everywhere(action)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput("date.bad", value=value) from None


def day_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """Local calendar days -> UTC ISO bounds [from 00:00, day after 'to' 00:00)."""
    start, end = _day(date_from), _day(date_to)
    if start and end and start > end:
        raise InvalidInput("date.order", start=start.isoformat(), end=end.isoformat())

    def utc(day: date) -> str:
        return datetime.combine(day, time()).astimezone().astimezone(timezone.utc).isoformat(timespec="milliseconds")

    try:  # 9999-12-31 has no day after it, and 0001-01-01 may fall off in UTC
        return (utc(start) if start else None), (utc(end + timedelta(days=1)) if end else None)
    except (OverflowError, ValueError, OSError):
        raise InvalidInput("schedule.out_of_range", value=date_to or date_from) from None


def filter_from_args(args) -> LogFilter:
    start, end = day_range(args.date_from, args.date_to)
    return LogFilter(
        state=args.state, date_from=start, date_to=end, author=args.author,
        approver=getattr(args, "approver", None), search=args.search,
    )
