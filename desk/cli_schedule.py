"""`desk schedule-service install | remove | status`: publishing with the window closed
(desk.schedule_service), and what every `desk publish-due` notes of its run."""

from __future__ import annotations

import platform
import sys
from datetime import datetime, timezone
from functools import wraps

from desk.core.errors import EXIT_OTHER, DeskError, InvalidInput


def add_parser(sub) -> None:
    """The sub-command's grammar, beside the others in desk.cli_parser."""
    service = sub.add_parser(
        "schedule-service",
        help="publish scheduled posts with the window closed: a systemd user timer (Linux) that runs "
             "`desk publish-due` inside your session, where the keyring is open (exit 6 when it is not)")
    commands = service.add_subparsers(dest="schedule_command", required=True)
    p = commands.add_parser("install", help="write the service and timer into $XDG_CONFIG_HOME/systemd/user "
                                            "(~/.config/systemd/user) and start the timer")
    p.add_argument("--every", type=int, default=1, metavar="MINUTES", help="minutes between runs, 1-60 (default 1)")
    p.add_argument("--files-only", action="store_true", help="write the files, do not ask systemctl to start them")
    p = commands.add_parser("remove", help="stop the timer and delete its two files")
    p.add_argument("--files-only", action="store_true", help="delete the files, do not ask systemctl to stop them")
    commands.add_parser("status", help="the timer, what systemd says of it, and when publish-due last ran")


def noting_runs(handler):
    """publish-due that notes its run in the data folder, and says a keyring out of reach
    in the scheduler's words with its own exit code (6) instead of X's (5)."""

    @wraps(handler)
    def publish_due(args, console):
        from desk import paths, schedule_service

        started, code = datetime.now(timezone.utc), EXIT_OTHER
        try:
            code = int(handler(args, console) or 0)
            return code
        except DeskError as error:
            code = error.exit_code
            out_of_reach = schedule_service.keyring_out_of_reach(error)
            if out_of_reach is None:
                raise
            code = out_of_reach.exit_code
            raise out_of_reach from None
        finally:
            schedule_service.note_run(paths.data_dir(args.data_dir), started, code)

    return publish_due


def _desk_folder(args):
    """The data folder, once it is known to hold a desk that opens (nothing is created)."""
    from desk import paths, schedule_service
    from desk.service import Desk

    folder = paths.data_dir(args.data_dir)
    if not schedule_service.holds_desk(folder):
        raise InvalidInput("schedule.no_desk", folder=str(folder))
    Desk(folder, create=False, database=args.database).close()
    return folder


def _systemctl(console, *words: str) -> bool:
    from desk import schedule_service

    ran = schedule_service.systemctl(*words)
    if ran.returncode != 0:
        detail = (ran.stderr.strip().splitlines() or [f"exit {ran.returncode}"])[-1]
        console.say("schedule.systemctl_failed", command=" ".join(words), detail=detail)
    return ran.returncode == 0


def _shown(when) -> str:
    if when is None:
        return "-"
    if isinstance(when, datetime):
        return when.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    return str(when)


def install(args, console) -> int:
    from desk import paths, schedule_service

    if not 1 <= args.every <= 60:
        raise InvalidInput("schedule.every_range", value=args.every)
    folder = _desk_folder(args)
    units = schedule_service.write_units(folder, paths.database_url(args.database), args.every, console.lang)
    timer = f"{units.name}.timer"
    print(units.service)
    print(units.timer)
    console.say("schedule.written", timer=timer, minutes=units.every_minutes, folder=str(folder),
                unit_dir=str(units.directory))
    if args.files_only:
        console.say("schedule.files_only", timer=timer)
        return 0
    problem = schedule_service.manager_problem()
    if problem is not None:
        console.say("schedule.no_systemd", why=problem, timer=timer)
        return 0
    if not (_systemctl(console, "daemon-reload") and _systemctl(console, "enable", "--now", timer)):
        return EXIT_OTHER
    if not schedule_service.manager_has_bus():
        console.say("schedule.manager_without_bus")
    state = schedule_service.timer_state(units.name)
    console.say("schedule.started", next=_shown(state["next_run"]), service=f"{units.name}.service")
    return 0


def remove(args, console) -> int:
    from desk import paths, schedule_service

    folder = paths.data_dir(args.data_dir)  # the desk itself may be gone: its timer still goes
    units = schedule_service.units_for(folder)
    present = [path for path in (units.timer, units.service) if path.exists()]
    if not present:
        console.say("schedule.not_installed", folder=str(folder), unit_dir=str(units.directory))
        return 0
    asked = not args.files_only and schedule_service.manager_problem() is None
    if asked:
        _systemctl(console, "disable", "--now", f"{units.name}.timer")  # not loaded: said, and the files still go
    removed, left = schedule_service.remove_units(folder)
    for path in left:
        console.say("schedule.not_ours", path=str(path))
    if asked:
        _systemctl(console, "daemon-reload")
    if removed:
        console.say("schedule.removed", folder=str(folder), files=", ".join(str(path) for path in removed))
    return EXIT_OTHER if left else 0


def status(args, console) -> int:
    from desk import paths, schedule_service
    from desk.core.messages import CATALOG, render

    folder = paths.data_dir(args.data_dir)
    found = schedule_service.publishing_status(folder)
    lang = 1 if console.lang == "ar" else 0

    def word(key: str) -> str:
        return CATALOG[key][lang]

    def say(key: str, **params) -> None:  # the command's answer: on stdout
        print(render(key, console.lang, params))

    if found.timer_installed:
        say("schedule.status_timer", timer=f"{found.unit_name}.timer", minutes=found.every_minutes,
                    program=" ".join(found.command), unit_dir=str(found.unit_dir))
        if found.systemd_problem is not None:
            say("schedule.status_no_systemd", why=found.systemd_problem)
        elif found.enabled is not None:
            say("schedule.status_systemd", enabled=word("schedule.enabled" if found.enabled else "schedule.disabled"),
                        active=word("schedule.active" if found.active else "schedule.inactive"),
                        next=_shown(found.next_run))
    else:
        say("schedule.status_no_timer", unit_dir=str(found.unit_dir))
    run = found.last_run
    if run is None:
        say("schedule.status_never_ran")
    else:
        say("schedule.status_last_run", at=_shown(run["at"]), code=run["exit_code"],
                    by=word("schedule.by_timer" if run["by"] == "systemd" else "schedule.by_hand"))
    return 0


def cmd_schedule_service(args, console):
    if not sys.platform.startswith("linux"):
        raise InvalidInput("schedule.not_linux", system=platform.system() or sys.platform)
    return {"install": install, "remove": remove, "status": status}[args.schedule_command](args, console)


COMMANDS = {"schedule-service": cmd_schedule_service}
