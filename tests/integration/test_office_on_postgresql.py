"""One office, three workstations, one PostgreSQL database: an officer drafts on hers, a
supervisor approves on his, the third workstation's `desk publish-due` sends it, exactly
once; every workstation reads the same log, and `desk verify` passes on each."""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.conftest import PASSWORDS, sql  # noqa: E402
from tests.integration.pg_office import run_desk_on, workers_of  # noqa: E402

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.postgresql_only]


@pytest.fixture
def office_of_three(pg_databases, tmp_path, store_kind):
    """Omar's, Sara's and Khalid's workstations, each with its desk open in its own process."""
    with workers_of(pg_databases, tmp_path, 3) as workers:
        yield workers


def log_on(folder: Path, user: str) -> list[dict]:
    ran = run_desk_on(folder, "log", "--json", "--limit", 1000, "--as", user, "--password-stdin",
                      stdin=PASSWORDS[user] + "\n")
    assert ran.returncode == 0, ran.stderr
    return json.loads(ran.stdout)


@pytest.mark.slow
def test_drafted_on_one_approved_on_another_published_once_from_the_third(office_of_three, headlines):
    omar, sara, khalid = office_of_three
    post_id = omar.value("draft", headlines[0], user="omar")
    omar.value("submit", post_id, user="omar")
    refused = omar.ask("approve", post_id, user="omar")  # the author, on her own workstation
    assert not refused["ok"] and refused["exit"] == 3

    sara.value("approve", post_id, user="sara")
    due = datetime.now(timezone.utc) + timedelta(seconds=2)
    sara.value("schedule", post_id, "at:" + due.isoformat(), user="sara")
    other = omar.value("draft", headlines[1], user="omar")
    omar.value("submit", other, user="omar")
    sara.value("approve", other, user="sara")
    khalid.value("publish", other, user="khalid")  # published at once, from the third

    time.sleep(max(0.0, (due - datetime.now(timezone.utc)).total_seconds()) + 0.1)
    first = run_desk_on(khalid.folder, "publish-due")
    assert first.returncode == 0, first.stderr
    assert f"{post_id}\tpublished" in first.stdout
    again = run_desk_on(khalid.folder, "publish-due")  # nothing left to send
    assert again.returncode == 0 and "\tpublished" not in again.stdout, again.stdout
    for published in (post_id, other):
        assert sql(omar.folder, "SELECT COUNT(*) FROM training_timeline WHERE post_id = ?", [published]) == [(1,)]
        assert sql(omar.folder, "SELECT COUNT(*) FROM events WHERE post_id = ? AND action = 'sent'",
                   [published]) == [(1,)]

    logs = [log_on(worker.folder, user) for worker, user in zip(office_of_three, ("omar", "sara", "khalid"))]
    assert logs[0] == logs[1] == logs[2]
    rows = {row["post_id"]: row for row in logs[0]}
    assert rows[post_id]["state"] == "published" and rows[post_id]["text"] == headlines[0]
    assert rows[post_id]["author"] == "omar" and rows[post_id]["approver"] == "sara"
    assert rows[other]["published_by"] == "khalid"
    shown = [json.loads(run_desk_on(w.folder, "show", post_id, "--json", "--as", u, "--password-stdin",
                                    stdin=PASSWORDS[u] + "\n").stdout)
             for w, u in zip(office_of_three, ("omar", "sara", "khalid"))]
    assert shown[0] == shown[1] == shown[2]  # the same history, event by event

    events = sql(omar.folder, "SELECT COUNT(*) FROM events")[0][0]
    for worker in office_of_three:
        ran = run_desk_on(worker.folder, "verify")
        assert ran.returncode == 0, ran.stdout + ran.stderr
        assert f"The log is intact: {events} events checked." in ran.stdout, ran.stdout
