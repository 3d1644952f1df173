"""Two processes at once: exactly one winner, a clear message for the other, and no
post sent twice (including two `desk publish-due` started together)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import pytest

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]  # never touch a real keyring


CHILD = r"""
import json, os, sys, time
from desk.core.errors import DeskError
from desk.service import Desk

folder, user, password, action, post_id, version, go = sys.argv[1:8]
desk = Desk(folder)
session = desk.sign_in(user, password)
print("ready", flush=True)
deadline = time.monotonic() + 60
while not os.path.exists(go):
    if time.monotonic() > deadline:
        sys.exit(9)
    time.sleep(0.0005)
kw = {} if version == "-" else {"expected_version": int(version)}
try:
    if action in ("reject", "return_", "withdraw"):
        getattr(session, action)(int(post_id), "سبب", **kw)
    else:
        getattr(session, action)(int(post_id), **kw)
    print(json.dumps({"ok": True}), flush=True)
except DeskError as error:
    print(json.dumps({"ok": False, "key": error.key, "message": error.message("en")}), flush=True)
"""


def race(folder, tmp_path, passwords, moves) -> list[dict]:
    """Start one process per (user, action, post_id, version); release them together."""
    go = tmp_path / f"go-{time.monotonic_ns()}"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(folder), user, passwords[user], action, str(post_id),
             "-" if version is None else str(version), str(go)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        for user, action, post_id, version in moves
    ]
    try:
        for child in children:
            line = child.stdout.readline().strip()
            assert line == "ready", child.stderr.read()
        go.touch()
        results = []
        for child in children:
            out, err = child.communicate(timeout=60)
            assert child.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()


def events_of(office, post_id, action=None) -> list[dict]:
    history = office.desk.store.log.history(post_id)
    return [e for e in history if action is None or e["action"] == action]


@pytest.mark.parametrize("round_", range(3))
def test_two_supervisors_approve_at_once_with_the_version_they_read(office, tmp_path, passwords, round_):
    post_id = office.omar.draft(f"خبر للمراجعة رقم {round_}")
    version = office.omar.submit(post_id).version
    results = race(office.folder, tmp_path, passwords, [("sara", "approve", post_id, version),
                                             ("khalid", "approve", post_id, version)])
    winners = [r for r in results if r["ok"]]
    losers = [r for r in results if not r["ok"]]
    assert len(winners) == 1 and len(losers) == 1, results
    assert losers[0]["key"] == "state.conflict"
    assert "changed by someone else" in losers[0]["message"]
    assert len(events_of(office, post_id, "approve")) == 1
    assert office.sara.post(post_id).state.value == "approved"
    assert office.desk.verify().ok


def test_two_approvals_without_a_version_one_winner(office, tmp_path, passwords):
    post_id = office.omar.draft("خبر")
    office.omar.submit(post_id)
    results = race(office.folder, tmp_path, passwords, [("sara", "approve", post_id, None),
                                             ("khalid", "approve", post_id, None)])
    assert sorted(r["ok"] for r in results) == [False, True], results
    loser = next(r for r in results if not r["ok"])
    assert loser["key"] in ("state.wrong", "state.conflict")
    assert len(events_of(office, post_id, "approve")) == 1


def test_recall_against_approve(office, tmp_path, passwords):
    post_id = office.omar.draft("خبر")
    version = office.omar.submit(post_id).version
    results = race(office.folder, tmp_path, passwords, [("omar", "recall", post_id, version),
                                             ("sara", "approve", post_id, version)])
    assert sorted(r["ok"] for r in results) == [False, True], results
    assert next(r for r in results if not r["ok"])["key"] == "state.conflict"
    state = office.sara.post(post_id).state.value
    assert state == ("draft" if results[0]["ok"] else "approved")
    assert office.desk.verify().ok


def test_two_supervisors_publish_at_once_post_goes_out_once(office, tmp_path, passwords):
    office.admin.set_roles("admin", "administrator,supervisor")
    post_id = office.approved_post("خبر للنشر", approver="khalid")
    results = race(office.folder, tmp_path, passwords, [("sara", "publish", post_id, None),
                                             ("khalid", "publish", post_id, None),
                                             ("admin", "publish", post_id, None)])
    assert sorted(r["ok"] for r in results) == [False, False, True], results
    for loser in (r for r in results if not r["ok"]):
        assert loser["key"] in ("state.wrong", "state.conflict")
    rows = office.desk.store.db.execute("SELECT COUNT(*) FROM training_timeline WHERE post_id = ?",
                                        [post_id]).fetchone()[0]
    assert rows == 1
    assert len(events_of(office, post_id, "claim")) == 1
    assert len(events_of(office, post_id, "sent")) == 1
    assert office.desk.verify().ok


def test_two_cli_approvals_at_once(office_folder, desk_factory, run_desk, spawn_desk, passwords):
    desk = desk_factory(office_folder)
    omar = desk.sign_in("omar", passwords["omar"])
    post_id = omar.draft("خبر")
    omar.submit(post_id)
    desk.close()
    children = [spawn_desk("approve", post_id, "--as", user, "--password-stdin") for user in ("sara", "khalid")]
    for child, user in zip(children, ("sara", "khalid")):
        child.stdin.write(passwords[user] + "\n")
        child.stdin.flush()
    outcomes = []
    for child in children:
        _out, err = child.communicate(timeout=60)
        outcomes.append((child.returncode, err))
    codes = sorted(code for code, _ in outcomes)
    assert codes == [0, 4], outcomes
    loser = next(err for code, err in outcomes if code == 4)
    assert "cannot approve it now" in loser or "changed by someone else" in loser
    result = run_desk("verify", folder=office_folder)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("round_", range(2))
def test_two_publish_due_processes_send_each_post_once(office, spawn_desk, round_):
    posts = [office.approved_post(f"خبر مجدول رقم {n}", approver="sara" if n % 2 else "khalid") for n in range(6)]
    due = datetime.now(timezone.utc) + timedelta(seconds=2)
    for post_id in posts:
        office.sara.schedule(post_id, due)
    time.sleep(max(0.0, (due - datetime.now(timezone.utc)).total_seconds()) + 0.1)  # due now, honestly
    children = [spawn_desk("publish-due", folder=office.folder) for _ in range(2)]
    outputs = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        outputs.append(out)
    db = office.desk.store.db
    for post_id in posts:
        assert db.execute("SELECT COUNT(*) FROM training_timeline WHERE post_id = ?", [post_id]).fetchone()[0] == 1
        assert len(events_of(office, post_id, "claim")) == 1
        assert len(events_of(office, post_id, "sent")) == 1
        assert office.sara.post(post_id).state.value == "published"
    published = [line.split("\t")[0] for out in outputs for line in out.splitlines() if "\tpublished" in line]
    assert sorted(int(p) for p in published) == posts  # each reported published by exactly one process
    assert office.desk.verify().ok
