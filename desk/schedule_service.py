"""Publishing with the window closed: a systemd user timer that runs `desk publish-due`.

A user unit runs under the person's own service manager, inside their session: it sees
the session's D-Bus bus and so the keyring that signing in unlocked. A job started
outside the session (cron, a system unit) cannot read the keyring; publish-due then
exits EXIT_KEYRING with words that say where the timer must run.

Two files go into the user unit folder ($XDG_CONFIG_HOME/systemd/user, as systemd itself
looks; ~/.config/systemd/user by default): NAME.service (one publish-due round) and
NAME.timer (every minute, and at once after a time the computer was off). Every run of
publish-due notes when it ran and how it ended in the data folder (publish-due.json), which
``publishing_status`` reads back with the timer's own state: what the window shows.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from desk.core.errors import DeskError

EXIT_KEYRING = 6  # publish-due: the keyring is locked or out of reach; nothing was sent
RECORD_NAME = "publish-due.json"
UNIT_PREFIX = "posting-desk-publish"
MARK = "# Written by `desk schedule-service install`; `desk schedule-service remove` takes it away."
FOLDER_LINE = "# Data folder: "
SCHEDULER_VARIABLE = "DESK_SCHEDULER"  # set by the service, so a run says who started it
CARRIED = ("DESK_WORKSTATION", "DESK_X_API_BASE")  # what changes where this shell's desk publishes
SYSTEMCTL_SECONDS = 30
# The vault's words for a keyring that is locked, missing its bus, or has no secure back-end.
KEYRING_KEYS = {"vault.publish_blocked", "vault.locked", "vault.unreachable"}


class KeyringOutOfReach(DeskError):
    """publish-due could not read the X keys: the keyring is locked or unreachable here."""

    exit_code = EXIT_KEYRING


def keyring_out_of_reach(error: DeskError) -> KeyringOutOfReach | None:
    """The scheduler's own refusal for a keyring that cannot be read, else None."""
    if error.key not in KEYRING_KEYS:
        return None
    from desk.core.messages import CATALOG

    bus = os.environ.get("DBUS_SESSION_BUS_ADDRESS") or CATALOG["schedule.bus_unset"]
    return KeyringOutOfReach("schedule.keyring_out_of_reach", bus=bus)


# --- where the units go and what they are called ---------------------------------------


def unit_dir() -> Path:
    """The user unit folder systemd reads: $XDG_CONFIG_HOME/systemd/user."""
    config = os.environ.get("XDG_CONFIG_HOME") or ""
    base = Path(config) if config and Path(config).is_absolute() else Path.home() / ".config"
    return base / "systemd" / "user"


def unit_name(folder: Path) -> str:
    """posting-desk-publish for the default data folder; another folder's name carries a
    short hash of its path, so two desks on one account each have their own timer."""
    from platformdirs import user_data_dir

    from desk.paths import APP_NAME

    folder = Path(folder).resolve()
    if folder == Path(user_data_dir(APP_NAME, appauthor=False)).resolve():  # paths.data_dir()'s default
        return UNIT_PREFIX
    return f"{UNIT_PREFIX}-{hashlib.sha256(str(folder).encode()).hexdigest()[:8]}"


def program() -> tuple[list[str], Path | None]:
    """The command that is this desk, and the folder it must start in (or None).

    The built program is its own executable; from source it is this interpreter with
    ``-m desk.cli``, started beside the package so it is found installed or not."""
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)], None
    return [os.path.abspath(sys.executable), "-m", "desk.cli"], Path(__file__).resolve().parent.parent


def _quoted(word: str) -> str:
    """One word of an ExecStart= line: systemd's quoting, its % specifiers and $ kept literal."""
    escaped = word.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"'


def _environment(name: str, value: str) -> str:
    escaped = f"{name}={value}".replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'Environment="{escaped}"'


@dataclass
class Units:
    name: str
    folder: Path
    directory: Path
    every_minutes: int = 1
    command: list[str] = field(default_factory=list)

    @property
    def service(self) -> Path:
        return self.directory / f"{self.name}.service"

    @property
    def timer(self) -> Path:
        return self.directory / f"{self.name}.timer"


def units_for(folder: Path) -> Units:
    folder = Path(folder).resolve()
    return Units(unit_name(folder), folder, unit_dir())


def service_text(units: Units, database: str | None, lang: str) -> str:
    command, start_in = program()
    words = [*command, "--data-dir", str(units.folder)]
    if database:
        words += ["--database", database]  # never a password: the address is checked first
    words.append("publish-due")
    units.command = words
    lines = [
        MARK, f"{FOLDER_LINE}{units.folder}",
        "[Unit]",
        f"Description=Posting Desk: publish the scheduled posts that are due ({units.folder})",
        "",
        "[Service]",
        "Type=oneshot",
        # exit 6: the keyring is locked or out of reach; 5: X refused or did not answer. The
        # posts wait either way and the next run tries again.
        "ExecStart=" + " ".join(_quoted(word) for word in words),
        f"Environment={SCHEDULER_VARIABLE}=systemd",
        f"Environment=DESK_LANG={'ar' if lang == 'ar' else 'en'}",
        *[_environment(name, os.environ[name]) for name in CARRIED if os.environ.get(name)],
        *([f"WorkingDirectory={str(start_in).replace('%', '%%')}"] if start_in else []),  # a path, unquoted
        # a round that hangs (a server gone quiet) is stopped before the next is due to start
        "TimeoutStartSec=15min",
        "",
    ]
    return "\n".join(lines)


def timer_text(units: Units) -> str:
    minutes = units.every_minutes
    lines = [
        MARK, f"{FOLDER_LINE}{units.folder}",
        "[Unit]",
        f"Description=Posting Desk: publish-due every {minutes} minute(s) ({units.folder})",
        "",
        "[Timer]",
        f"OnCalendar=*-*-* *:00/{minutes}:00",
        "AccuracySec=1s",
        "Persistent=true",  # a run missed while the computer was off or asleep runs at once
        f"Unit={units.name}.service",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ]
    return "\n".join(lines)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def ours(path: Path) -> bool:
    try:
        return path.read_text(encoding="utf-8").startswith(MARK)
    except (OSError, UnicodeDecodeError):
        return False


def write_units(folder: Path, database: str | None = None, every_minutes: int = 1, lang: str = "en") -> Units:
    """Write (or rewrite) the service and timer for the desk in ``folder``."""
    units = units_for(folder)
    units.every_minutes = every_minutes
    _write(units.service, service_text(units, database, lang))
    _write(units.timer, timer_text(units))
    return units


def remove_units(folder: Path) -> tuple[list[Path], list[Path]]:
    """Delete this desk's two files: (removed, left because someone else wrote them)."""
    units = units_for(folder)
    removed, left = [], []
    for path in (units.timer, units.service):
        if not path.exists():
            continue
        if ours(path):
            path.unlink()
            removed.append(path)
        else:
            left.append(path)
    return removed, left


def installed(folder: Path) -> Units | None:
    """The units written for ``folder``, read back (its command, its interval), or None."""
    units = units_for(folder)
    if not (ours(units.service) and ours(units.timer)):
        return None
    service = units.service.read_text(encoding="utf-8")
    found = re.search(r"^ExecStart=(.*)$", service, re.M)
    if found:
        units.command = [word.replace('\\"', '"').replace("\\\\", "\\").replace("%%", "%").replace("$$", "$")
                         for word in re.findall(r'"((?:[^"\\]|\\.)*)"', found.group(1))]
    every = re.search(r"^OnCalendar=\*-\*-\* \*:00/(\d+):00$", units.timer.read_text(encoding="utf-8"), re.M)
    units.every_minutes = int(every.group(1)) if every else 0
    return units


# --- systemd itself ----------------------------------------------------------------------


def systemctl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["systemctl", "--user", *args], capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=SYSTEMCTL_SECONDS, stdin=subprocess.DEVNULL)


def manager_problem() -> str | None:
    """Why the user's systemd cannot be asked here ("" words from systemctl), or None when it can."""
    if shutil.which("systemctl") is None:
        from desk.core.messages import CATALOG

        return CATALOG["schedule.no_systemctl"]
    try:
        ran = systemctl("show-environment")
    except (OSError, subprocess.TimeoutExpired) as error:
        return type(error).__name__
    if ran.returncode != 0:
        return (ran.stderr.strip().splitlines() or [f"exit {ran.returncode}"])[-1]
    return None


def manager_has_bus() -> bool:
    """The user manager's environment names a session bus, or systemd's own socket is there."""
    ran = systemctl("show-environment")
    if any(line.startswith("DBUS_SESSION_BUS_ADDRESS=") for line in ran.stdout.splitlines()):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    return Path(runtime, "bus").exists()  # systemd then points its units at this one


def _when(value: str) -> datetime | str | None:
    value = value.strip()
    if not value or value in ("n/a", "0"):
        return None
    if value.startswith("@") and value[1:].isdigit():
        return datetime.fromtimestamp(int(value[1:]), timezone.utc)
    return value  # an older systemd's own words for a time


def timer_state(name: str) -> dict:
    """What systemd says of NAME.timer: enabled, active, next and last run."""
    properties = ("UnitFileState", "ActiveState", "NextElapseUSecRealtime", "LastTriggerUSec")
    asked = [f"--property={p}" for p in properties] + [f"{name}.timer"]
    ran = systemctl("show", "--timestamp=unix", *asked)
    if ran.returncode != 0:  # systemd before 247 knows no --timestamp
        ran = systemctl("show", *asked)
    found = dict(line.split("=", 1) for line in ran.stdout.splitlines() if "=" in line)
    return {
        "enabled": found.get("UnitFileState") == "enabled",
        "active": found.get("ActiveState") == "active",
        "next_run": _when(found.get("NextElapseUSecRealtime", "")),
        "last_trigger": _when(found.get("LastTriggerUSec", "")),
    }


# --- when publish-due last ran -------------------------------------------------------------


def holds_desk(folder: Path) -> bool:
    folder = Path(folder)
    return (folder / "desk.sqlite3").is_file() or (folder / "desk.anchor").is_file()


def note_run(folder: Path, started: datetime, exit_code: int) -> None:
    """publish-due's last run, in the data folder (a folder with no desk gets nothing)."""
    folder = Path(folder)
    if not holds_desk(folder):
        return
    record = {
        "at": started.astimezone(timezone.utc).isoformat(timespec="seconds"),
        "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "exit_code": int(exit_code),
        "by": os.environ.get(SCHEDULER_VARIABLE, ""),
    }
    try:
        partial = folder / f".{RECORD_NAME}.partial"
        with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
            json.dump(record, out)
        os.replace(partial, folder / RECORD_NAME)
    except OSError:
        pass  # a read-only folder: the round itself already said what it did


def last_run(folder: Path) -> dict | None:
    """{"at": aware datetime, "finished": ..., "exit_code": int, "by": "systemd" or ""}, or None."""
    try:
        record = json.loads((Path(folder) / RECORD_NAME).read_text(encoding="utf-8"))
        return {"at": datetime.fromisoformat(record["at"]), "finished": datetime.fromisoformat(record["finished"]),
                "exit_code": int(record["exit_code"]), "by": str(record.get("by") or "")}
    except (OSError, ValueError, KeyError, TypeError):
        return None


@dataclass
class ScheduleStatus:
    """What the window shows about publishing while it is closed."""

    last_run: dict | None  # see last_run(); None: no run recorded in this folder
    timer_installed: bool  # this desk's service and timer are in the user unit folder
    unit_name: str
    unit_dir: Path
    every_minutes: int = 0
    command: list[str] = field(default_factory=list)
    systemd_problem: str | None = None  # why systemd was not asked (None: it answered, or not asked)
    enabled: bool | None = None  # None: unknown (systemd not asked or not answering)
    active: bool | None = None
    next_run: datetime | str | None = None

    @property
    def covered(self) -> bool | None:
        """Scheduled posts go out with the window closed: True, False, or None (files in
        place, but systemd could not say whether the timer is on)."""
        if not self.timer_installed:
            return False
        if self.enabled is None:
            return None
        return self.enabled and self.active


def publishing_status(folder: Path, ask_systemd: bool = True) -> ScheduleStatus:
    """The last publish-due run recorded in ``folder`` and this desk's timer. With
    ``ask_systemd`` systemctl is asked (at most a few calls of a few milliseconds each;
    give False on the GUI thread if even that is too much, or call it in a task)."""
    units = installed(folder)
    base = units or units_for(folder)
    status = ScheduleStatus(last_run(folder), units is not None, base.name, base.directory,
                            base.every_minutes if units else 0, list(base.command) if units else [])
    if units is None or not ask_systemd or not sys.platform.startswith("linux"):
        return status
    status.systemd_problem = manager_problem()
    if status.systemd_problem is None:
        state = timer_state(units.name)
        status.enabled, status.active, status.next_run = state["enabled"], state["active"], state["next_run"]
    return status
