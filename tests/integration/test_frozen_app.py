"""The built program (dist/Posting Desk/desk, made by `sh tools/build_app.sh`) does the
office's whole workflow as an installed program would: its version, a new desk, a post
through two approvals to the training timeline, the X keys into the real Secret Service
and a post to the fake X, the audit chain checked, and the window opening and closing.

Without a build the module skips; on CI (env CI set) it fails instead, as it does
without the throw-away keyring:

    sh tools/build_app.sh
    dbus-run-session -- bash .ci/keyring-session.sh .venv/bin/python -m pytest tests/integration/test_frozen_app.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # tests/ is no package: reach tests.fakes from the repo root
    sys.path.insert(0, str(ROOT))
from tests.fakes.x_server import running_fake_x  # noqa: E402
from tests.integration.cli_helpers import INSTITUTION, PASSWORDS, STAFF, DeskCli, Ran  # noqa: E402

FROZEN = ROOT / "dist" / "Posting Desk" / "desk"
HANDLE = INSTITUTION["handle"]
USER_ID = "1580000000000000001"
KEY_LINES = ["FROZENck9f3a7c1e2d", "FROZENcs4b8e6f0a1c9d", f"{USER_ID}-FROZENat7d2e", "FROZENats5c1f9b3e7a"]
KEYS = dict(zip(("consumer_key", "consumer_secret", "access_token", "access_token_secret"), KEY_LINES))

pytestmark = [pytest.mark.keyring, pytest.mark.slow]


@pytest.fixture(scope="module", autouse=True)
def built():
    if not os.access(FROZEN, os.X_OK):
        problem = f"no built program at {FROZEN}: run `sh tools/build_app.sh` first"
        if os.environ.get("CI"):
            pytest.fail(f"CI builds the program in `sh tools/setup.sh test`: {problem}", pytrace=False)
        pytest.skip(problem)


class FrozenCli(DeskCli):
    """DeskCli's commands, run by the built program, beside the keyring the session has."""

    def environ(self, **extra) -> dict:
        env = super().environ(**extra)
        env.pop("PYTHON_KEYRING_BACKEND", None)  # the keyring the program finds itself
        env.pop("PYTHONPATH", None)
        return env

    def run(self, *args, as_user=None, lines=(), env=None, timeout: float = 120) -> Ran:
        args, stdin = self.command(args, as_user)
        done = subprocess.run(
            [str(FROZEN), *args], input="".join(f"{line}\n" for line in [*stdin, *lines]), capture_output=True,
            text=True, encoding="utf-8", errors="replace", env=self.environ(**(env or {})), timeout=timeout)
        ran = Ran(args, done.returncode, done.stdout, done.stderr)
        self.transcript.append(ran)
        return ran


def new_office(cli: FrozenCli) -> None:
    """`desk init` and `desk staff add`, by the built program."""
    admin_name = STAFF["admin"][0]
    cli.ok("init", "--name-ar", INSTITUTION["name_ar"], "--name-en", INSTITUTION["name_en"], "--handle", HANDLE,
           "--admin", "admin", "--admin-name", admin_name, "--password-stdin", lines=[PASSWORDS["admin"]])
    for username, (name, role, password) in STAFF.items():
        if username != "admin":
            cli.ok("staff", "add", username, "--name", name, "--role", role, as_user="admin", lines=[password])


def through_two_approvals(cli: FrozenCli, text: str) -> int:
    post_id = int(cli.ok("draft", "--text", text, as_user="omar").out.strip())
    cli.ok("submit", post_id, as_user="omar")
    cli.ok("approve", post_id, as_user="sara")
    shown = cli.show(post_id)  # one approval of the two the office asks for: still in review
    assert shown["state"] == "in_review", shown
    assert [event["actor"] for event in shown["history"] if event["action"] == "approve"] == ["sara"], shown
    cli.ok("approve", post_id, as_user="khalid")
    assert cli.show(post_id)["state"] == "approved"
    return post_id


def window(cli: FrozenCli, picture: Path, **env) -> dict:
    """`desk` with no command, offscreen, until its first screen has painted."""
    ran = cli.run(env={"QT_QPA_PLATFORM": "offscreen", "DESK_EXIT_AFTER_START": str(picture), **env}, timeout=120)
    assert ran.code == 0, str(ran)
    return json.loads(ran.out.strip().splitlines()[-1])


def test_the_built_program_says_its_version(tmp_path):
    from desk import __version__

    ran = FrozenCli(tmp_path / "data").ok("--version")
    assert ran.out.strip() == f"desk {__version__}"


@pytest.mark.both_stores
def test_the_built_program_runs_the_offices_workflow(real_keyring, data_dir, store_kind, pg_databases, headlines,
                                                     monkeypatch, tmp_path):
    if store_kind == "postgresql":  # an empty database of its own; the program finds it in DESK_DATABASE_URL
        monkeypatch.setenv("DESK_DATABASE_URL", pg_databases.url_for(data_dir))
    cli = FrozenCli(data_dir)
    new_office(cli)
    from desk.service import Desk  # the office asks for two approvals: no command line sets it

    desk = Desk(data_dir)
    try:
        desk.sign_in("admin", PASSWORDS["admin"]).set_setting("approvals_needed", 2)
    finally:
        desk.close()

    # no account connected: publishing goes to the training timeline
    first = through_two_approvals(cli, headlines[0])
    cli.ok("publish", first, as_user="sara")
    shown = cli.log_row(first)
    assert shown["state"] == "published" and shown["x_post_id"].startswith("training-"), shown

    with running_fake_x(**KEYS, user_id=USER_ID, username=HANDLE, name=INSTITUTION["name_ar"]) as fake:
        cli.api_base = fake.base_url
        # the keys go into the real Secret Service (keyring found through its entry points)
        connected = cli.ok("account", "set", as_user="admin", lines=KEY_LINES)
        assert connected.out.startswith(f"@{HANDLE}\t"), str(connected)
        assert cli.ok("account", "verify", as_user="admin").out.startswith(f"@{HANDLE}\t")
        second = through_two_approvals(cli, headlines[1])
        cli.ok("publish", second, as_user="sara")
        out = [post for post in fake.posts if post.text == headlines[1]]
        assert len(out) == 1
        shown = cli.log_row(second)
        assert shown["state"] == "published" and shown["x_post_id"] == out[0].id, shown
    assert all(post.text != headlines[0] for post in fake.posts)  # the training post stayed home

    assert cli.ok("verify").code == 0
    for kind in ("xlsx", "pdf"):  # XlsxWriter, Qt's PDF writer and the Hijri dates came along
        exported = tmp_path / f"log.{kind}"
        cli.ok("export", "--out", exported, as_user="sara", env={"QT_QPA_PLATFORM": "offscreen"})
        assert exported.stat().st_size > 1000
    for ran in cli.transcript:  # the keys went to the keyring, never to the screen
        assert not any(key in ran.out + ran.err for key in KEY_LINES), str(ran)

    picture = tmp_path / "sign-in.png"
    found = window(cli, picture, DESK_LANG="ar")
    assert found["shown"] == "SignInDialog" and found["institution"] == INSTITUTION["name_ar"], found
    assert found["right_to_left"] and found["desk_translation"] and found["qt_translation"], found
    assert found["icon_sizes"] == [16, 24, 32, 48, 64, 128, 256], found
    assert found["desktop_file"] == "posting-desk" and found["painted"], found
    from PIL import Image

    with Image.open(picture) as image:  # a painted screen, not an empty frame
        assert min(image.size) > 200 and len(image.convert("RGB").getcolors(1 << 16) or ()) > 20


def test_the_built_program_opens_its_first_run_in_english(real_keyring, data_dir, tmp_path):
    found = window(FrozenCli(data_dir), tmp_path / "first-run.png", DESK_LANG="en")
    assert found["shown"] == "FirstRunDialog" and found["language"] == "en", found
    assert not found["right_to_left"] and found["institution"] == "", found


PLAINTEXT_BACKEND = '''
"""A keyring that writes secrets to a plain file: what the desk must refuse."""
from pathlib import Path

from keyring.backend import KeyringBackend

FILE = Path(__file__).with_name("secrets.txt")


class Keyring(KeyringBackend):
    priority = 1

    def set_password(self, service, username, password):
        with FILE.open("a") as out:
            out.write(f"{service} {username} {password}\\n")

    def get_password(self, service, username):
        return None

    def delete_password(self, service, username):
        pass
'''


def test_the_built_program_refuses_an_insecure_keyring(real_keyring, data_dir, tmp_path):
    cli = FrozenCli(data_dir)
    new_office(cli)
    planted = tmp_path / "planted"
    (planted / "python_keyring").mkdir(parents=True)
    (planted / "plainring.py").write_text(PLAINTEXT_BACKEND)
    (planted / "python_keyring" / "keyringrc.cfg").write_text(
        f"[backend]\ndefault-keyring = plainring.Keyring\nkeyring-path = {planted}\n")
    insecure = {"XDG_CONFIG_HOME": str(planted), "DESK_X_API_BASE": "http://127.0.0.1:9"}
    refused = cli.run("account", "set", as_user="admin", lines=KEY_LINES, env=insecure)
    assert refused.code != 0, str(refused)
    assert "does not protect secrets properly" in refused.err and "plainring.Keyring" in refused.err, str(refused)
    assert not (planted / "secrets.txt").exists()  # nothing was written to the plain file
    assert not any(key in refused.out + refused.err for key in KEY_LINES)
    # the same program, beside the Secret Service, still keeps its desk
    assert cli.ok("verify").code == 0


def test_the_built_programs_timer_publishes_and_says_when_the_keyring_is_out_of_reach(real_keyring, data_dir,
                                                                                       headlines, tmp_path):
    from datetime import datetime, timedelta, timezone

    from tests.integration.test_schedule_service import exec_start, setting

    cli = FrozenCli(data_dir)
    new_office(cli)
    units_home, empty_path = tmp_path / "config", tmp_path / "bin-empty"
    empty_path.mkdir()
    ran = cli.run("schedule-service", "install", env={"XDG_CONFIG_HOME": str(units_home), "PATH": str(empty_path)})
    assert ran.code == 0 and "systemctl is not installed" in ran.err, str(ran)
    service = next((units_home / "systemd" / "user").glob("posting-desk-publish*.service"))
    command = exec_start(service)
    assert command == [str(FROZEN), "--data-dir", str(data_dir.resolve()), "publish-due"]  # the built program itself
    assert setting(service, "WorkingDirectory") == []

    with running_fake_x(**KEYS, user_id=USER_ID, username=HANDLE, name=INSTITUTION["name_ar"]) as fake:
        cli.api_base = fake.base_url
        cli.ok("account", "set", as_user="admin", lines=KEY_LINES)
        post_id = int(cli.ok("draft", "--text", headlines[2], as_user="omar").out.strip())
        cli.ok("submit", post_id, as_user="omar")
        cli.ok("approve", post_id, as_user="sara")
        at = datetime.now(timezone.utc) + timedelta(seconds=6)
        cli.ok("schedule", post_id, "--at", at.isoformat(timespec="milliseconds"), as_user="sara")
        while datetime.now(timezone.utc) <= at + timedelta(milliseconds=50):
            time.sleep(0.05)

        def timer_run(**env):  # what systemd starts: ExecStart= with the service's environment
            return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=120,
                                  env={**cli.environ(), "DESK_SCHEDULER": "systemd", **env}, stdin=subprocess.DEVNULL)

        outside = timer_run(DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/bus")
        assert outside.returncode == 6, outside.stderr
        assert "the keyring is locked or unreachable" in outside.stderr and "Exit code 6" in outside.stderr
        assert cli.log_row(post_id)["state"] == "scheduled" and fake.posts == []

        inside = timer_run()
        assert inside.returncode == 0, inside.stderr
        assert f"{post_id}\tpublished" in inside.stdout
        assert [post.text for post in fake.posts] == [headlines[2]]
    status = cli.run("schedule-service", "status", env={"XDG_CONFIG_HOME": str(units_home), "PATH": str(empty_path)})
    assert f"runs {FROZEN} --data-dir" in status.out and "(by the systemd timer), exit code 0" in status.out, str(status)
