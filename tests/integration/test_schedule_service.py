"""`desk schedule-service`: the systemd user service and timer that run `desk publish-due`
with the window closed, and what publish-due notes and says when the keyring is out of reach.

The unit folder is $XDG_CONFIG_HOME/systemd/user, here a folder of the test's own. The real
systemctl is never called: each command runs with a PATH that holds either no systemctl
(systemd absent) or a stand-in that answers as the user manager would and notes what it
was asked. Where systemd-analyze works, it checks the files as systemd reads them.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.integration.cli_helpers import DeskCli, Ran, copy_office

pytestmark = pytest.mark.usefixtures("no_keyring")  # never a real keyring

FAKE_SYSTEMCTL = r'''#!/bin/sh
# systemctl as the user manager answers it; every call is noted, one a line.
here=${0%/*}  # no dirname: PATH holds only this folder
echo "$*" >> "$here/calls"
case "$*" in
  *show-environment*)
    [ -e "$here/down" ] && { echo "Failed to connect to bus: No medium found" >&2; exit 1; }
    [ -e "$here/nobus" ] || echo "DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus"
    echo "HOME=/home/someone" ;;
  *" show "*|"--user show "*)
    echo "UnitFileState=enabled"; echo "ActiveState=active"
    echo "NextElapseUSecRealtime=@1900000000"; echo "LastTriggerUSec=@1899999940" ;;
esac
exit 0
'''


@pytest.fixture
def units_home(tmp_path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def no_systemctl(tmp_path) -> Path:
    """A PATH folder with no systemctl in it."""
    folder = tmp_path / "bin-empty"
    folder.mkdir()
    return folder


@pytest.fixture
def stand_in(tmp_path) -> Path:
    """A PATH folder whose systemctl is the stand-in above."""
    folder = tmp_path / "bin-systemd"
    folder.mkdir()
    script = folder / "systemctl"
    script.write_text(FAKE_SYSTEMCTL)
    script.chmod(0o755)
    return folder


def calls(bin_folder: Path) -> list[str]:
    noted = bin_folder / "calls"
    return noted.read_text().splitlines() if noted.exists() else []


class ServiceCli(DeskCli):
    def service(self, *args, units_home: Path, path: Path, env: dict | None = None) -> Ran:
        extra = {"XDG_CONFIG_HOME": str(units_home), "PATH": str(path), **(env or {})}
        return self.run("schedule-service", *args, env=extra)


def unit_files(units_home: Path) -> list[str]:
    folder = units_home / "systemd" / "user"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def exec_start(service: Path) -> list[str]:
    """ExecStart= split as systemd splits it (double quotes, backslash escapes; %% and $$
    are a literal % and $)."""
    line = next(line for line in service.read_text().splitlines() if line.startswith("ExecStart="))
    return [word.replace("%%", "%").replace("$$", "$") for word in shlex.split(line[len("ExecStart="):])]


def setting(service: Path, name: str) -> list[str]:
    return [line.split("=", 1)[1] for line in service.read_text().splitlines() if line.startswith(f"{name}=")]


def systemd_accepts(*files: Path) -> None:
    """systemd-analyze verify, where it runs on this machine: the files as systemd reads them."""
    tool = shutil.which("systemd-analyze")
    if tool is None:
        return
    probe = subprocess.run([tool, "calendar", "*-*-* *:00/1:00"], capture_output=True, text=True, timeout=30)
    if probe.returncode != 0:
        return
    ran = subprocess.run([tool, "verify", *map(str, files)], capture_output=True, text=True, timeout=60,
                         cwd=files[0].parent)
    assert ran.returncode == 0, ran.stdout + ran.stderr


def test_install_writes_a_service_and_timer_that_run_this_desk(office_folder, units_home, no_systemctl):
    cli = ServiceCli(office_folder)
    ran = cli.service("install", units_home=units_home, path=no_systemctl)

    assert ran.code == 0, str(ran)
    name = ran.out.splitlines()[0].rsplit("/", 1)[1].removesuffix(".service")
    assert name.startswith("posting-desk-publish-")  # not the default folder: its own name
    assert unit_files(units_home) == [f"{name}.service", f"{name}.timer"]
    service = units_home / "systemd" / "user" / f"{name}.service"
    timer = service.with_suffix(".timer")
    # from source, the desk is this interpreter with -m desk.cli, started beside the package
    assert exec_start(service) == [os.path.abspath(sys.executable), "-m", "desk.cli", "--data-dir",
                                   str(office_folder.resolve()), "publish-due"]
    assert setting(service, "WorkingDirectory") == [str(Path(__file__).resolve().parents[2])]
    assert setting(service, "Type") == ["oneshot"]
    assert "DESK_SCHEDULER=systemd" in setting(service, "Environment")
    assert setting(timer, "OnCalendar") == ["*-*-* *:00/1:00"]
    assert setting(timer, "Unit") == [f"{name}.service"] and setting(timer, "Persistent") == ["true"]
    assert setting(timer, "WantedBy") == ["timers.target"]
    systemd_accepts(service, timer)
    # systemd absent: said, the files stay, and how to start them later is given
    assert "systemctl is not installed" in ran.err and f"enable --now {name}.timer" in ran.err, str(ran)

    # the command in ExecStart= is this desk: run from where systemd would start it, it works
    started = subprocess.run(exec_start(service), cwd=setting(service, "WorkingDirectory")[0],
                             env={**cli.environ(), "DESK_SCHEDULER": "systemd"},
                             capture_output=True, text=True, timeout=120)
    assert started.returncode == 0, started.stderr
    record = json.loads((office_folder / "publish-due.json").read_text())
    assert record["exit_code"] == 0 and record["by"] == "systemd", record

    status = cli.service("status", units_home=units_home, path=no_systemctl)
    assert status.code == 0, str(status)
    assert f"{name}.timer, every 1 minute(s)" in status.out and "exit code 0" in status.out, str(status)
    assert "by the systemd timer" in status.out and "systemctl is not installed" in status.out, str(status)


def test_remove_takes_both_files_away_and_leaves_other_units(office_folder, units_home, no_systemctl):
    cli = ServiceCli(office_folder)
    assert cli.service("install", "--every", "5", units_home=units_home, path=no_systemctl).code == 0
    folder = units_home / "systemd" / "user"
    (folder / "someone-else.timer").write_text("[Timer]\nOnCalendar=daily\n")
    name = next(p.stem for p in folder.glob("posting-desk-publish-*.timer"))
    assert setting(folder / f"{name}.timer", "OnCalendar") == ["*-*-* *:00/5:00"]

    ran = cli.service("remove", units_home=units_home, path=no_systemctl)
    assert ran.code == 0, str(ran)
    assert unit_files(units_home) == ["someone-else.timer"]
    again = cli.service("remove", units_home=units_home, path=no_systemctl)
    assert again.code == 0 and "No timer is installed" in again.err, str(again)
    status = cli.service("status", units_home=units_home, path=no_systemctl)
    assert "none installed for this desk" in status.out, str(status)


def test_a_file_the_desk_did_not_write_is_left_alone(office_folder, units_home, no_systemctl):
    cli = ServiceCli(office_folder)
    assert cli.service("install", units_home=units_home, path=no_systemctl).code == 0
    folder = units_home / "systemd" / "user"
    service = next(folder.glob("*.service"))
    service.write_text("[Service]\nExecStart=/bin/true\n")  # a person's own file under that name

    ran = cli.service("remove", units_home=units_home, path=no_systemctl)
    assert ran.code == 1 and "was left as it is" in ran.err, str(ran)
    assert unit_files(units_home) == [service.name]
    assert service.read_text() == "[Service]\nExecStart=/bin/true\n"


def test_install_asks_the_user_manager_to_start_the_timer(office_folder, units_home, stand_in):
    cli = ServiceCli(office_folder)
    ran = cli.service("install", units_home=units_home, path=stand_in)
    assert ran.code == 0, str(ran)
    name = next((units_home / "systemd" / "user").glob("*.timer")).stem
    assert calls(stand_in) == ["--user show-environment", "--user daemon-reload", f"--user enable --now {name}.timer",
                               "--user show-environment",
                               f"--user show --timestamp=unix --property=UnitFileState --property=ActiveState "
                               f"--property=NextElapseUSecRealtime --property=LastTriggerUSec {name}.timer"]
    assert "enabled and started" in ran.err and f"journalctl --user -u {name}.service" in ran.err, str(ran)
    assert "Warning" not in ran.err

    status = cli.service("status", units_home=units_home, path=stand_in)
    next_run = datetime.fromtimestamp(1900000000, timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert f"systemd: enabled, waiting for its next run; next run {next_run}." in status.out, str(status)

    (stand_in / "calls").unlink()
    removed = cli.service("remove", units_home=units_home, path=stand_in)
    assert removed.code == 0, str(removed)
    assert calls(stand_in) == ["--user show-environment", f"--user disable --now {name}.timer", "--user daemon-reload"]
    assert unit_files(units_home) == []


def test_a_user_manager_without_the_session_bus_is_warned_of(office_folder, units_home, stand_in):
    (stand_in / "nobus").touch()
    ran = ServiceCli(office_folder).service("install", units_home=units_home, path=stand_in,
                                            env={"XDG_RUNTIME_DIR": str(units_home / "no-runtime")})
    assert ran.code == 0, str(ran)
    assert "dbus-update-activation-environment --systemd DBUS_SESSION_BUS_ADDRESS" in ran.err, str(ran)


def test_a_user_manager_that_does_not_answer_is_said_and_skipped(office_folder, units_home, stand_in):
    (stand_in / "down").touch()
    ran = ServiceCli(office_folder).service("install", units_home=units_home, path=stand_in, env={"DESK_LANG": "ar"})
    assert ran.code == 0, str(ran)
    assert "لا يستجيب مدير systemd للمستخدم هنا (Failed to connect to bus: No medium found)" in ran.err, str(ran)
    assert calls(stand_in) == ["--user show-environment"]  # nothing else was asked of it
    assert len(unit_files(units_home)) == 2


def test_files_only_never_asks_systemctl(office_folder, units_home, stand_in):
    ran = ServiceCli(office_folder).service("install", "--files-only", units_home=units_home, path=stand_in)
    assert ran.code == 0 and "systemctl --user daemon-reload && systemctl --user enable --now" in ran.err, str(ran)
    assert calls(stand_in) == [] and len(unit_files(units_home)) == 2


@pytest.mark.parametrize("args, said", [(("--every", "0"), "from 1 to 60"), (("--every", "61"), "from 1 to 60")])
def test_a_bad_interval_writes_nothing(office_folder, units_home, no_systemctl, args, said):
    ran = ServiceCli(office_folder).service("install", *args, units_home=units_home, path=no_systemctl)
    assert ran.code == 4 and said in ran.err, str(ran)
    assert unit_files(units_home) == []


def test_a_folder_without_a_desk_gets_no_timer_and_is_not_created(tmp_path, units_home, no_systemctl):
    missing = tmp_path / "no-such-desk"
    ran = ServiceCli(missing).service("install", units_home=units_home, path=no_systemctl)
    assert ran.code == 4 and "There is no desk in" in ran.err, str(ran)
    assert not missing.exists() and unit_files(units_home) == []
    due = ServiceCli(missing).run("publish-due")
    assert due.code != 0 and not missing.exists()  # nothing noted where there is no desk


def test_odd_folder_names_are_quoted_as_systemd_reads_them(office_template, tmp_path, units_home, no_systemctl,
                                                         data_dir, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(units_home))
    odd = copy_office(office_template, tmp_path / 'a "desk" 100% $HOME\\x')
    ran = ServiceCli(odd).service("install", units_home=units_home, path=no_systemctl,
                                  env={"DESK_WORKSTATION": "room 2 %h"})
    assert ran.code == 0, str(ran)
    service = next((units_home / "systemd" / "user").glob("*.service"))
    assert exec_start(service)[-3:] == ["--data-dir", str(odd.resolve()), "publish-due"]
    assert 'Environment="DESK_WORKSTATION=room 2 %%h"' in service.read_text()
    systemd_accepts(service, service.with_suffix(".timer"))
    from desk.schedule_service import installed

    assert installed(odd).command == exec_start(service)  # read back as written


def test_each_data_folder_has_its_own_timer_and_the_default_one_the_plain_name(tmp_path, monkeypatch):
    from platformdirs import user_data_dir

    from desk.schedule_service import unit_name

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    default = Path(user_data_dir("posting-desk", appauthor=False))
    assert unit_name(default) == "posting-desk-publish"
    first, second = unit_name(tmp_path / "one"), unit_name(tmp_path / "two")
    assert first != second and first.startswith("posting-desk-publish-") and unit_name(tmp_path / "one") == first


def test_publishing_status_says_what_the_window_shows(office_folder, units_home, no_systemctl, monkeypatch):
    from desk.schedule_service import publishing_status

    monkeypatch.setenv("XDG_CONFIG_HOME", str(units_home))
    before = publishing_status(office_folder, ask_systemd=False)
    assert before.last_run is None and not before.timer_installed and before.covered is False

    cli = ServiceCli(office_folder)
    assert cli.service("install", "--every", "2", units_home=units_home, path=no_systemctl).code == 0
    started = datetime.now(timezone.utc).replace(microsecond=0)
    assert cli.run("publish-due").code == 0
    found = publishing_status(office_folder, ask_systemd=False)
    assert found.timer_installed and found.every_minutes == 2 and found.covered is None  # systemd not asked
    assert found.command[-1] == "publish-due"
    assert found.last_run["exit_code"] == 0 and found.last_run["by"] == ""
    assert started - timedelta(seconds=1) <= found.last_run["at"] <= found.last_run["finished"]
