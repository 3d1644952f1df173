"""The command line over desk.service (DESIGN.md, "Command line")."""

from __future__ import annotations

import getpass
import logging
import os
import json
import sys

from desk import __version__
from desk.cli_parser import build_parser
from desk.cli_schedule import COMMANDS as SCHEDULE_COMMANDS, noting_runs
from desk.cli_server import COMMANDS as SERVER_COMMANDS, checked_url
from desk.core.errors import EXIT_INVALID, EXIT_USAGE, EXIT_X, DeskError, InvalidInput, SignInRefused
from desk.core.messages import default_language, render
from desk.core.states import State
from desk.core.text import MAX_CHARS


class Console:
    """Reads passwords and stdin lines in order; writes plain words in the person's language."""

    def __init__(self, args):
        self.lang = default_language()
        self.from_stdin = getattr(args, "password_stdin", False)

    def say(self, key: str, **params) -> None:
        print(render(key, self.lang, params), file=sys.stderr)

    def line(self, prompt: str, secret: bool = True) -> str:
        if self.from_stdin or not sys.stdin.isatty():
            value = sys.stdin.readline()
            if not value:
                raise InvalidInput("cli.no_password")
            return value.rstrip("\r\n")
        return getpass.getpass(prompt) if secret else input(prompt)

    def password(self, username: str) -> str:
        try:
            return self.line(render("cli.password", self.lang, {"username": username}))
        except InvalidInput:
            raise SignInRefused("cli.no_password") from None


def _desk(args, create: bool = False):
    """Every command but init opens an existing desk only: a mistyped folder creates nothing."""
    from desk.service import Desk

    return Desk(args.data_dir, create=create, database=args.database)


def _session(args, console: Console):
    desk = _desk(args)
    password = console.password(args.as_user)
    return desk.sign_in(args.as_user, password)


def _text(args) -> str:
    if getattr(args, "text_file", None):
        try:
            with open(args.text_file, encoding="utf-8") as handle:
                # one character past the cap is enough to refuse: a 10 MB file is never read whole
                return handle.read(MAX_CHARS + 1).rstrip("\n")
        except (OSError, UnicodeDecodeError):
            raise InvalidInput("cli.text_file", path=args.text_file) from None
    return args.text


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def cmd_init(args, console):
    password = console.password(args.admin)  # before the folder is touched: no password, nothing made
    desk = _desk(args, create=True)
    desk.undo_failed_init = True
    desk.init(args.name_ar, args.name_en, args.handle, args.admin, args.admin_name or args.admin, password, logo=args.logo,
              admin_gender=args.admin_gender or "")
    print(f"{args.name_ar} / {args.name_en} (@{args.handle.lstrip('@')})")


def cmd_staff(args, console):
    session = _session(args, console)
    if args.staff_command == "list":
        for member in session.staff():
            state = "" if member.active else " (deactivated)"
            roles = ",".join(r.value for r in member.roles)
            print(f"{member.username}\t{member.name}\t{roles}{state}")
        return
    if args.staff_command == "add":
        from desk.core.roles import parse_roles
        from desk.core.staff_rules import check_name, check_username

        check_username(args.username), check_name(args.name), parse_roles(args.role)  # before asking
        password = console.line(f"Password for the new staff member {args.username}: ")
        session.add_staff(args.username, args.name, args.role, password, gender=args.gender or "")
        print(args.username)
    elif args.staff_command == "deactivate":
        moved = session.deactivate(args.username, args.handover_to)
        print(f"{args.username}: deactivated" + (f"; drafts handed over: {moved}" if moved else ""))
    elif args.staff_command == "handover":
        moved = session.handover(args.username, args.to)
        print(" ".join(str(i) for i in moved) or "-")
    elif args.staff_command == "roles":
        session.set_roles(args.username, args.role)
    elif args.staff_command == "gender":
        session.set_gender(args.username, "" if args.gender == "none" else args.gender)
    elif args.staff_command == "password":
        password = session.reset_password(args.username)
        if password is None:
            console.say("reset.waiting", username=args.username)
        else:
            console.say("reset.one_time", username=args.username)
            print(password)  # shown once: the desk keeps only its hash


def cmd_password(args, console):
    """Choose one's own password: the current one (maybe one-time) first, the new one next."""
    desk = _desk(args)
    old = console.password(args.as_user)
    session = desk.sign_in(args.as_user, old)
    new = console.line(f"New password for {args.as_user}: ")
    session.change_password(old, new)
    console.say("password.changed")
    notice = session.reset_notice()
    if notice:
        for reset in notice["resets"]:
            console.say("reset.notice", by=reset["by"], at=reset["at"])
        console.say("reset.notice_actions", count=len(notice["actions"]))
        for action in notice["actions"]:
            print(f"{action['at']}\t{action['action']}\t{action['post_id'] or ''}")


KEY_PROMPTS = ("Consumer key (API key): ", "Consumer secret (API key secret): ",
               "Access token: ", "Access token secret: ")


def _four_keys(console) -> list[str]:
    """The four keys, one a line; fewer lines than four are counted and refused."""
    from desk.core.messages import CATALOG

    keys = []
    for prompt in KEY_PROMPTS:
        try:
            keys.append(console.line(prompt))
        except InvalidInput:
            raise InvalidInput("keys.count", given=CATALOG[f"keys.count.{len(keys)}"]) from None
    return keys


def cmd_account(args, console):
    session = _session(args, console)
    account = session.desk.account
    command = args.account_command
    if command == "set":
        keys = _four_keys(console)
        info = account.set_keys(session, *keys, replace_other=args.yes)
    elif command == "verify":
        info = account.verify(session)
    elif command == "forget":
        account.forget(session)
        return
    else:
        print(account.set_logo_as_avatar(session))
        return
    print(f"@{info.handle}\t{info.name}\t{info.avatar_url}")


def _pictures(images: list, alts: list, key: str = "cli.alt_count", **params) -> list[tuple]:
    """(file, alt) pairs: the n-th --alt describes the n-th --image."""
    if len(alts) > len(images):
        raise InvalidInput(key, **params)
    return list(zip(images, alts + [""] * (len(images) - len(alts))))


def _parts(args) -> list[tuple] | None:
    """A thread's [(text, [(file, alt), ...]), ...] from --part, each --image and --alt going
    with the --part typed before it; None when no --part was given. Checked before sign-in."""
    from desk.core.content import MAX_PARTS

    if not args.part:
        return None
    parts = []
    for option, value in args.in_order:
        if option == "part":
            parts.append((value, [], []))
        elif not parts:
            raise InvalidInput("cli.part_image_first")
        else:
            parts[-1][1 if option == "image" else 2].append(value)
    if not 2 <= len(parts) <= MAX_PARTS:
        raise InvalidInput("cli.parts_count", limit=MAX_PARTS, count=len(parts))
    return [(text, _pictures(images, alts, "cli.part_alt_count", part=number))
            for number, (text, images, alts) in enumerate(parts, start=1)]


def cmd_draft(args, console):
    parts = _parts(args)
    pictures = None if parts else _pictures(args.image or [], args.alt or [])
    session = _session(args, console)
    if parts:
        post_id = session.draft_parts(parts, reply_to=args.reply_to)
    else:
        post_id = session.draft(_text(args), pictures, reply_to=args.reply_to)
    print(post_id)
    _cautions(session.post(post_id), console)


def _cautions(post, console) -> None:
    """What X may refuse although the desk accepts it (a reply, a long post), on stderr;
    for a thread, of each part (only the first is a reply)."""
    from desk.core.x_limits import cautions

    for number, part in enumerate(post.parts):
        for key, params in cautions(part.text, post.reply_to if number == 0 else None):
            if post.is_thread:
                console.say("thread.part_refused", part=number + 1,
                            reason=(render(key, "en", params), render(key, "ar", params)))
            else:
                console.say(key, **params)


def cmd_edit(args, console):
    parts = _parts(args)
    if parts is None and (args.image or args.alt):
        raise InvalidInput("cli.edit_images")
    session = _session(args, console)
    post = session.edit_parts(args.id, parts) if parts else session.edit(args.id, _text(args))
    _done(post, console)


def _done(post, console) -> None:
    console.say("cli.done", post_id=post.id, state=post.state.label(console.lang))


def cmd_act(args, console):
    session = _session(args, console)
    command = args.command
    if command == "reject":
        post = session.reject(args.id, args.reason)
    elif command == "return":
        post = session.return_(args.id, args.comment)
    elif command == "schedule":
        post = session.schedule(args.id, args.at)
    elif command == "withdraw" and args.outside:
        post = session.withdrawn_outside(args.id, args.reason)
    elif command == "withdraw":
        post = session.withdraw(args.id, args.reason)
    else:
        post = getattr(session, command)(args.id)
    _done(post, console)
    if command == "approve":
        _cautions(post, console)
    if post.x_url and command == "publish":
        print(post.x_url)


def cmd_pause(args, console):
    session = _session(args, console)
    session.pause() if args.command == "pause" else session.resume()


def cmd_publish_due(args, console):
    desk = _desk(args)
    results = desk.publish_due()
    if not results:
        console.say("cli.due_none")
    for result in results:
        said = (result.error.message(console.lang) if result.outcome in ("waiting", "partly") and result.error
                else result.message)
        print(f"{result.post_id}\t{result.outcome}\t{said}")
        if result.outcome == "blocked":
            console.say("due.blocked", post_id=result.post_id, why=result.error.message(console.lang))
    # The task scheduler sees trouble in the exit code: X refused or may not have answered,
    # or a due post cannot be sent at all (it would be passed over on every run). A thread
    # X stopped part-way is half a statement in public: as much a failure as one refused.
    if any(r.outcome in ("failed", "partly", "uncertain") for r in results):
        return EXIT_X
    return EXIT_INVALID if any(r.outcome == "blocked" for r in results) else 0


def cmd_publishing_workstation(args, console):
    session = _session(args, console)
    here = session.desk.workstation_name()
    session.set_setting("publishing_workstation", here if args.here else "")
    console.say("workstation.chosen" if args.here else "workstation.any", here=here)


def cmd_reconcile(args, console):
    for settled in _desk(args).outbox.reconcile():
        print(f"{settled.post_id}\t{settled.outcome}\t{settled.x_post_id}\t{settled.message}")


def cmd_show(args, console):
    session = _session(args, console)
    shown = session.show(args.id)
    post, row = shown["post"], shown["row"]
    parts = _show_parts(post)
    if args.json:
        _print_json({"post_id": post.id, "state": post.state.value, "row": _export_row(row),
                     "parts": parts, "history": shown["history"]})
        return
    print(f"#{post.id}  {post.state.label(console.lang)}  @{post.author}")
    if post.is_thread:
        print(render("cli.show_thread", console.lang, {"parts": len(parts)}))
    for part in parts:
        if post.is_thread:
            heading = render("cli.show_part", console.lang, {"part": part["part"], "parts": len(parts)})
            if part["x_post_id"]:
                heading += "  " + render("cli.show_part_out", console.lang, {"x_post_id": part["x_post_id"]})
            print(f"[{heading}]")
        print(part["text"])
        for item in part["media"]:
            print(f"  [image {item['ext']}] {item['alt']}")
    print()
    for event in shown["history"]:
        detail = event["detail"] or {}
        words = detail.get("reason") or detail.get("comment") or detail.get("message") or ""
        print(f"{event['at']}  {event['actor'] or 'system'}  {event['action']}  -> {event['to_state']}  {words}")


def _show_parts(post) -> list[dict]:
    """Every part in order (a single post is one), with its X id once it is out."""
    return [{"part": number, "text": part.text,
             "media": [{"sha256": m.sha256, "ext": m.ext, "alt": m.alt} for m in part.media],
             "x_post_id": post.part_ids[number - 1] if number <= len(post.part_ids)
             else (post.x_post_id if number == 1 and not post.is_thread else None)}
            for number, part in enumerate(post.parts, start=1)]


def _export_row(row: dict) -> dict:
    from desk.export.rows import COLUMNS, X_COLUMNS

    return {name: row.get(name) for name in COLUMNS + X_COLUMNS}


def cmd_log(args, console):
    session = _session(args, console)
    log_filter = _filter(args)
    rows = session.log(log_filter, limit=None if args.json else args.limit)
    if args.json:
        _print_json([_export_row(r) for r in rows])
        return
    for row in rows:
        first_line = row["text"].splitlines()[0][:60] if row["text"] else ""
        if (row.get("parts") or 1) > 1:  # a thread is one row: its first part, its parts counted
            first_line = f"({render('export.doc.parts', console.lang, {'count': row['parts']})}) {first_line}"
        print("\t".join(str(v or "-") for v in (
            row["post_id"], State(row["state"]).label(console.lang), row["author"], row["approver"],
            row["published_at"], first_line)))


def _filter(args):
    from desk.cli_parser import filter_from_args

    return filter_from_args(args)


def cmd_verify(args, console):
    if args.export:
        from desk.export.verify_desk import verify_export_file
        from desk.paths import data_dir

        # Held against the desk in the data folder too, when one is there (never made here).
        result = verify_export_file(args.export, data_dir(args.data_dir))
        print(render(result.message_key, console.lang, result.params))
        return 0 if result.ok else (1 if result.readable else 4)
    from desk import paths
    from desk.audit import missing_database

    # On a server the folder holds no database of its own: only its anchor.
    report = None if paths.database_url(args.database) else missing_database(paths.data_dir(args.data_dir))
    if report is None:
        report = _desk(args).verify()  # runs the full integrity check first; damage stops it
        console.say("store.intact")
    print(render(report.key, console.lang, report.params))
    for key, params in report.notes:
        print(render(key, console.lang, params))
    if report.ok and report.checkpoint == "none":
        console.say("chain.no_checkpoint")
    return 0 if report.ok else 1


def cmd_export(args, console):
    from desk.cli_export import run_export

    return run_export(_session(args, console), args, console)


def cmd_reach(args, console):
    from desk.cli_reach import cmd_reach as run

    return run(args, console, _session(args, console))


def cmd_report(args, console):
    from desk.cli_reach import cmd_report as run

    return run(args, console, _session(args, console))


def cmd_backup(args, console):
    session = _session(args, console)
    path = session.desk.backup(session, args.out)
    print(path)
    console.say("backup.made", path=str(path), media=str(session.desk.folder / "media"))


def cmd_restore(args, console):
    from desk.core.errors import StoreError
    from desk.service import restore_damaged

    password = console.password(args.as_user)
    try:
        desk = _desk(args)
    except StoreError as error:
        if not error.key.startswith("store.damaged"):
            raise
        kept = restore_damaged(args.data_dir, args.file, args.as_user, password)  # the usual way out of damage
    else:
        session = desk.sign_in(args.as_user, password)
        kept = desk.restore(session, args.file)
    console.say("restore.done", path=args.file, kept=str(kept))


def cmd_window(args, console):
    from desk.ui.app import run

    if args.database:  # the window opens its desks from DESK_DATABASE_URL
        os.environ["DESK_DATABASE_URL"] = args.database

    return run(args.data_dir)


COMMANDS = {
    "init": cmd_init, "staff": cmd_staff, "password": cmd_password, "account": cmd_account, "draft": cmd_draft, "edit": cmd_edit,
    "submit": cmd_act, "recall": cmd_act, "approve": cmd_act, "publish": cmd_act, "reject": cmd_act,
    "return": cmd_act, "schedule": cmd_act, "unschedule": cmd_act, "withdraw": cmd_act,
    "pause": cmd_pause, "resume": cmd_pause, "publish-due": cmd_publish_due,
    "publishing-workstation": cmd_publishing_workstation, "reconcile": cmd_reconcile, "show": cmd_show,
    "log": cmd_log, "verify": cmd_verify, "export": cmd_export, "reach": cmd_reach, "report": cmd_report,
    "backup": cmd_backup, "restore": cmd_restore,
}
COMMANDS.update(SCHEDULE_COMMANDS)
COMMANDS["publish-due"] = noting_runs(COMMANDS["publish-due"])  # its run noted; a keyring out of reach is exit 6


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    # The person reads plain messages; internal log records stay quiet unless asked for.
    logging.basicConfig(level=logging.DEBUG if os.environ.get("DESK_DEBUG") else logging.CRITICAL + 1,
                        format="%(name)s: %(message)s")
    parser = build_parser(__version__)
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0) if stop.code in (0, None) else EXIT_USAGE
    console = Console(args)
    handler = COMMANDS.get(args.command) or SERVER_COMMANDS.get(args.command, cmd_window)
    try:
        from desk import paths

        if paths.database_url(args.database):
            checked_url(paths.database_url(args.database))  # a password in the address: refused before use
        return int(handler(args, console) or 0)
    except DeskError as error:
        print(error.message(console.lang), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug, not a refusal: say so without dumping internals
        from desk.store.db import is_disk_full

        if is_disk_full(error):  # a full disk while writing an export or an image: say so
            print(render("store.disk_full", console.lang, {"path": getattr(error, "filename", None) or "-"}),
                  file=sys.stderr)
            return 1
        if os.environ.get("DESK_DEBUG"):
            raise
        print(render("cli.unexpected", console.lang, {"kind": type(error).__name__}), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
