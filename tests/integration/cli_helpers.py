"""Helpers for end-to-end tests: the real ``desk`` command in a subprocess, a ready office,
and the check for a usable test keyring.

Every command's arguments, exit code, stdout and stderr are kept in a transcript, so a
test can look through all of them afterwards (for instance for secrets that must never
be printed).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

STAFF = {
    # username -> (full name, roles, password)
    "admin": ("مدير النظام", "administrator", "adminpass1"),
    "omar": ("عمر الحربي", "officer", "officerpw1"),
    "sara": ("سارة القحطاني", "supervisor", "supervisor1"),
    "khalid": ("خالد العتيبي", "supervisor", "supervisor2"),
}
PASSWORDS = {user: entry[2] for user, entry in STAFF.items()}
INSTITUTION = {"name_ar": "وزارة الإعلام", "name_en": "Ministry of Media", "handle": "MinistryMedia"}


# --------------------------------------------------------------------------- the keyring
def keyring_problem() -> str | None:
    """Why no throw-away Secret Service can be used here, or None when one is ready.

    Only under ``.ci/keyring-session.sh`` (DESK_TEST_KEYRING_SESSION=1): these tests write
    to the keyring they find and must never touch a person's own."""
    if not os.environ.get("DESK_TEST_KEYRING_SESSION"):
        return ("no test keyring: run under `dbus-run-session -- bash .ci/keyring-session.sh "
                "pytest ...` (these tests write to the keyring they find)")
    if sys.platform != "linux":
        return "the test keyring is a Linux Secret Service"
    try:
        import secretstorage
        from jeepney.bus_messages import message_bus

        with closing(secretstorage.dbus_init()) as connection:
            owned = connection.send_and_get_reply(message_bus.NameHasOwner("org.freedesktop.secrets"))
            if not owned.body[0]:
                return "no Secret Service runs on this D-Bus session"
            if secretstorage.Collection(connection).is_locked():
                return "the test keyring's default collection is locked"
    except Exception as exc:  # noqa: BLE001 - any failure means no usable Secret Service
        return f"Secret Service not reachable ({type(exc).__name__}: {exc})"
    return None


# --------------------------------------------------------------------------- the office
def build_office(folder: Path) -> None:
    """An institution (handle @MinistryMedia) with admin, officer omar and supervisors
    sara and khalid; passwords hashed with a cheap Argon2id profile (tests only)."""
    from argon2 import PasswordHasher, Type

    from desk.core import staff_rules
    from desk.service import Desk

    saved = staff_rules._hasher
    staff_rules._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=Type.ID)
    try:
        desk = Desk(folder)
        name, _roles, password = STAFF["admin"]
        desk.init(INSTITUTION["name_ar"], INSTITUTION["name_en"], INSTITUTION["handle"], "admin", name, password)
        admin = desk.sign_in("admin", password)
        for username, (full_name, roles, pw) in STAFF.items():
            if username != "admin":
                admin.add_staff(username, full_name, roles, pw)
        desk.close()
    finally:
        staff_rules._hasher = saved


def copy_office(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


# --------------------------------------------------------------------------- the command line
def desk_executable() -> str:
    beside = Path(sys.executable).parent / "desk"
    if beside.exists():
        return str(beside)
    found = shutil.which("desk")
    if not found:
        raise RuntimeError("the desk console script is not installed")
    return found


@dataclass
class Ran:
    args: list[str]
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)

    def __str__(self) -> str:
        return f"desk {' '.join(self.args)} -> {self.code}\nstdout: {self.out}\nstderr: {self.err}"


@dataclass
class DeskCli:
    """The ``desk`` command on one data folder, talking to one X API base."""

    data_dir: Path
    api_base: str | None = None
    env: dict = field(default_factory=dict)
    transcript: list = field(default_factory=list)

    def environ(self, **extra) -> dict:
        env = {k: v for k, v in os.environ.items() if k not in ("DESK_DEBUG", "DESK_X_API_BASE", "DESK_X_TIMEOUT")}
        env.update(DESK_DATA_DIR=str(self.data_dir), DESK_LANG="en", PYTHONIOENCODING="utf-8")
        if self.api_base:
            env["DESK_X_API_BASE"] = self.api_base
        env.update({k: str(v) for k, v in {**self.env, **extra}.items()})
        return env

    def command(self, args, as_user: str | None) -> tuple[list[str], list[str]]:
        args = [str(a) for a in args]
        lines = []
        if as_user:
            args += ["--as", as_user, "--password-stdin"]
            lines.append(PASSWORDS[as_user])
        return args, lines

    def run(self, *args, as_user: str | None = None, lines=(), env: dict | None = None, timeout: float = 60) -> Ran:
        """Run ``desk ARGS [--as USER --password-stdin]``; stdin holds the password, then ``lines``."""
        args, stdin = self.command(args, as_user)
        stdin += list(lines)
        done = subprocess.run(
            [desk_executable(), *args], input="".join(f"{line}\n" for line in stdin), capture_output=True,
            text=True, encoding="utf-8", errors="replace", env=self.environ(**(env or {})), timeout=timeout)
        ran = Ran(args, done.returncode, done.stdout, done.stderr)
        self.transcript.append(ran)
        return ran

    def start(self, *args, as_user: str | None = None, env: dict | None = None) -> subprocess.Popen:
        """Start ``desk ARGS`` without waiting; finish it with ``finish``."""
        args, stdin = self.command(args, as_user)
        process = subprocess.Popen(
            [desk_executable(), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", errors="replace", env=self.environ(**(env or {})))
        process.desk_args = args
        process.desk_stdin = "".join(f"{line}\n" for line in stdin)
        return process

    def finish(self, process: subprocess.Popen, timeout: float = 60) -> Ran:
        out, err = process.communicate(process.desk_stdin, timeout=timeout)
        ran = Ran(process.desk_args, process.returncode, out, err)
        self.transcript.append(ran)
        return ran

    # shortcuts ------------------------------------------------------------------------
    def ok(self, *args, **kw) -> Ran:
        ran = self.run(*args, **kw)
        assert ran.code == 0, str(ran)
        return ran

    def show(self, post_id: int, as_user: str = "sara") -> dict:
        return self.ok("show", post_id, "--json", as_user=as_user).json()

    def log_row(self, post_id: int, as_user: str = "sara") -> dict:
        rows = [r for r in self.ok("log", "--json", as_user=as_user).json() if r["post_id"] == post_id]
        assert len(rows) == 1, rows
        return rows[0]
