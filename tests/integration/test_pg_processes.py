"""Several workstations, each a process with a folder of its own, acting on one post of
one PostgreSQL database at the same moment: exactly one wins each step, the others are
told why, the post goes out once, and the chain stays one unbroken line."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.conftest import cli_env, desk_executable, sql  # noqa: E402
from tests.integration.pg_office import at_once, run_desk_on, workers_of  # noqa: E402

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.postgresql_only, pytest.mark.slow]

USERS = ["sara", "khalid", "admin", "sara", "khalid", "admin"]  # admin is a supervisor too here
# The refusals a loser may meet: the post moved on (4), or the same person approved it on another workstation (3).
REFUSALS = {("state.wrong", 4), ("state.conflict", 4), ("perm.already_approved", 3)}


@pytest.fixture
def workstations(pg_databases, tmp_path, store_kind):
    """Six workstations of one desk, each with its desk open in a process of its own."""
    with workers_of(pg_databases, tmp_path, 6) as workers:
        workers[0].value("set_roles", "admin", "administrator,supervisor", user="admin")
        for worker, user in zip(workers, USERS):
            worker.value("sign_in", user=user)
        yield workers


def count(folder, statement, *params) -> int:
    return sql(folder, statement, list(params))[0][0]


def one_winner(answers: list[dict]) -> None:
    winners = [a for a in answers if a["ok"]]
    losers = [a for a in answers if not a["ok"]]
    assert len(winners) == 1, answers
    for loser in losers:
        assert (loser["key"], loser["exit"]) in REFUSALS, loser
        assert loser["message"].strip(), loser


def test_six_workstations_approve_and_publish_one_post_at_once(workstations, tmp_path):
    folder = workstations[0].folder
    post_id = workstations[0].value("draft", "بيان يراجعه ستة في وقت واحد", user="omar")
    workstations[0].value("submit", post_id, user="omar")

    one_winner(at_once(workstations, tmp_path, [("approve", user, post_id) for user in USERS]))
    assert count(folder, "SELECT COUNT(*) FROM events WHERE post_id = ? AND action = 'approve'", post_id) == 1

    one_winner(at_once(workstations, tmp_path, [("publish", user, post_id) for user in USERS]))
    assert count(folder, "SELECT COUNT(*) FROM training_timeline WHERE post_id = ?", post_id) == 1
    for action in ("claim", "sent"):
        assert count(folder, "SELECT COUNT(*) FROM events WHERE post_id = ? AND action = ?", post_id, action) == 1
    assert sql(folder, "SELECT state FROM posts WHERE id = ?", [post_id]) == [("published",)]
    for worker in (workstations[0], workstations[-1]):
        ran = run_desk_on(worker.folder, "verify")
        assert ran.returncode == 0, ran.stdout + ran.stderr


def test_six_publish_due_processes_on_six_workstations_send_each_post_once(workstations, tmp_path):
    first = workstations[0]
    posts = []
    for n in range(4):
        post_id = first.value("draft", f"خبر مجدول رقم {n} لستة مكاتب", user="omar")
        first.value("submit", post_id, user="omar")
        workstations[1 + n % 2].value("approve", post_id, user=USERS[1 + n % 2])
        posts.append(post_id)
    due = datetime.now(timezone.utc) + timedelta(seconds=2)
    for post_id in posts:
        workstations[1].value("schedule", post_id, "at:" + due.isoformat(), user="khalid")
    time.sleep(max(0.0, (due - datetime.now(timezone.utc)).total_seconds()) + 0.1)  # due now, honestly
    children = [subprocess.Popen([desk_executable(), "publish-due"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, encoding="utf-8", env=cli_env(w.folder)) for w in workstations]
    outputs = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        outputs.append(out)
    reported = [int(line.split("\t")[0]) for out in outputs for line in out.splitlines() if "\tpublished" in line]
    assert sorted(reported) == posts  # each reported published by exactly one process
    folder = first.folder
    for post_id in posts:
        assert count(folder, "SELECT COUNT(*) FROM training_timeline WHERE post_id = ?", post_id) == 1
        assert count(folder, "SELECT COUNT(*) FROM events WHERE post_id = ? AND action = 'claim'", post_id) == 1
    ran = run_desk_on(workstations[3].folder, "verify")
    assert ran.returncode == 0, ran.stdout + ran.stderr


def test_drafts_appended_from_four_processes_at_once_keep_one_chain(workstations, tmp_path):
    writers, each = workstations[:4], 20
    folder = writers[0].folder
    events_before = count(folder, "SELECT COUNT(*) FROM events")
    go = tmp_path / "go-drafts"
    for n, worker in enumerate(writers):
        for i in range(each):
            worker.send("draft", f"مسودة {i} من المكتب {n}", user="omar", go=go if i == 0 else None)
    time.sleep(0.3)
    go.touch()
    ids = [worker._answer() for worker in writers for _ in range(each)]
    assert all(a["ok"] for a in ids), [a for a in ids if not a["ok"]]
    post_ids = sorted(a["value"] for a in ids)
    assert post_ids == list(range(post_ids[0], post_ids[0] + len(writers) * each))  # no id lost or taken twice
    total, low, high = sql(folder, "SELECT COUNT(*), MIN(id), MAX(id) FROM events")[0]
    assert (total, low, high) == (events_before + len(writers) * each, 1, total)  # ids 1..N, no gap
    links = sql(folder, "SELECT COUNT(*) FROM events e JOIN events p ON p.id = e.id - 1 WHERE e.prev_hash = p.hash")
    assert links == [(total - 1,)]
    ran = run_desk_on(writers[-1].folder, "verify")
    assert ran.returncode == 0, ran.stdout + ran.stderr


def test_publish_now_and_publish_due_claim_one_due_post_once(workstations, tmp_path):
    first = workstations[0]
    post_id = first.value("draft", "خبر يطلبه الجميع في لحظة واحدة", user="omar")
    first.value("submit", post_id, user="omar")
    first.value("approve", post_id, user="sara")
    due = datetime.now(timezone.utc) + timedelta(seconds=1)
    first.value("schedule", post_id, "at:" + due.isoformat(), user="sara")
    time.sleep(max(0.0, (due - datetime.now(timezone.utc)).total_seconds()) + 0.1)
    moves = [("publish_due", None) if n % 2 else ("publish", user) for n, user in enumerate(USERS)]
    answers = at_once(workstations, tmp_path, [(do, user, post_id) if do == "publish" else (do, user)
                                               for do, user in moves])
    by_hand = [a for (do, _), a in zip(moves, answers) if do == "publish"]
    by_schedule = [r for (do, _), a in zip(moves, answers) if do == "publish_due" for r in a["value"]]
    assert all(a["ok"] for (do, _), a in zip(moves, answers) if do == "publish_due"), answers
    sent = [a for a in by_hand if a["ok"]] + [r for r in by_schedule if r["outcome"] == "published"]
    assert len(sent) == 1, answers
    for loser in (a for a in by_hand if not a["ok"]):
        assert (loser["key"], loser["exit"]) in REFUSALS, loser
    folder = first.folder
    assert count(folder, "SELECT COUNT(*) FROM events WHERE post_id = ? AND action = 'claim'", post_id) == 1
    assert count(folder, "SELECT COUNT(*) FROM training_timeline WHERE post_id = ?", post_id) == 1
    ran = run_desk_on(workstations[2].folder, "verify")
    assert ran.returncode == 0, ran.stdout + ran.stderr
