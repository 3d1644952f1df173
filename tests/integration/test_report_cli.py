"""`desk report` and `desk reach` from the terminal: the month's file, its refusals, the
estimate that reads nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pypdf import PdfReader

from desk.core.figures import month_of

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]
PW = {"admin": "adminpass1", "omar": "officerpw1", "sara": "supervisor1", "khalid": "supervisor2"}


@pytest.fixture
def office_cli(office_folder, run_desk, desk_factory):
    desk = desk_factory(office_folder)

    def run(*args, user="sara"):
        return run_desk(*args, "--as", user, "--password-stdin", stdin=PW[user] + "\n")

    return desk, run


def publish(desk, headlines, count: int) -> None:
    omar, sara = desk.sign_in("omar", PW["omar"]), desk.sign_in("sara", PW["sara"])
    for i in range(count):
        post_id = omar.draft(headlines[i])
        omar.submit(post_id)
        sara.approve(post_id)
        sara.publish(post_id)


def test_the_month_report_as_pdf_and_xlsx(office_cli, headlines, tmp_path):
    desk, run = office_cli
    publish(desk, headlines, 3)
    month = month_of(date.today()).key()
    done = run("report", "--month", month, "--out", tmp_path / "report.pdf", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["published"] == 3 and "report.pdf" in done.stderr
    assert len(PdfReader(tmp_path / "report.pdf").pages) >= 1
    done = run("report", "--month", month, "--out", tmp_path / "report.xlsx")
    assert done.returncode == 0 and (tmp_path / "report.xlsx").stat().st_size > 0, done.stderr
    hijri = month_of(date.today(), "hijri").key()
    done = run("report", "--hijri-month", hijri, "--out", tmp_path / "hijri.pdf")
    assert done.returncode == 0 and (tmp_path / "hijri.pdf").exists(), done.stderr
    logged = desk.store.db.execute("SELECT COUNT(*) FROM events WHERE action = 'report'").fetchone()[0]
    assert logged == 3


@pytest.mark.parametrize("month", ["2026-13", "11-2026", "november", "2026-1"])
def test_a_month_that_is_not_one_is_refused(office_cli, tmp_path, month):
    desk, run = office_cli
    done = run("report", "--month", month, "--out", tmp_path / "r.pdf")
    assert done.returncode == 4 and "YYYY-MM" in done.stderr and not (tmp_path / "r.pdf").exists()


def test_officers_may_not_write_the_report_nor_a_file_in_a_missing_folder(office_cli, tmp_path):
    desk, run = office_cli
    month = month_of(date.today()).key()
    done = run("report", "--month", month, "--out", tmp_path / "r.pdf", user="omar")
    assert done.returncode == 3 and not (tmp_path / "r.pdf").exists()
    done = run("report", "--month", month, "--out", tmp_path / "nowhere" / "r.pdf")
    assert done.returncode == 4 and not (tmp_path / "nowhere").exists()
    done = run("report", "--month", month, "--out", tmp_path / "r.docx")
    assert done.returncode == 4 and "PDF" in done.stderr


def test_the_estimate_reads_nothing_and_the_schedule_is_an_administrators(office_cli, headlines):
    desk, run = office_cli
    publish(desk, headlines, 2)
    before = desk.store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    done = run("reach", "--estimate")
    assert done.returncode == 0 and "2 posts" in done.stderr and "$0.01" in done.stderr, done.stderr
    assert desk.store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == before
    done = run("reach")  # a training desk: X has no figures for its posts
    assert done.returncode == 4 and "training" in done.stderr
    assert run("reach", "--every-days", "7").returncode == 3  # a supervisor may not set it
    done = run("reach", "--every-days", "7", user="admin")
    assert done.returncode == 0 and desk.settings()["reach_every_days"] == 7
    assert run("reach", "--every-days", "31", user="admin").returncode == 4
