"""A test that failed while the test keyring's daemon was being replaced runs once more.

gnome-keyring-daemon 42 has been seen to exit in the middle of a run (most likely an upstream abort,
not the desk's doing). ``.ci/keyring-session.sh`` then starts another daemon on the same
keyrings and writes a line to the file named by DESK_TEST_KEYRING_RESTARTS. The test that
was talking to the keyring in that moment fails for the daemon's sake; it is run again,
once, and only when a restart fell inside it. The second run's result is the one
reported (a real failure fails again), and the run's summary names every test run twice.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from _pytest.runner import runtestprotocol

RERUN = []  # node ids run a second time, for the summary


def restarts() -> int:
    """How many times the session has started the daemon again so far."""
    path = os.environ.get("DESK_TEST_KEYRING_RESTARTS")
    try:
        return len(Path(path).read_text().splitlines()) if path else 0
    except FileNotFoundError:
        return 0


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    if not os.environ.get("DESK_TEST_KEYRING_RESTARTS"):
        return None  # pytest's own protocol
    item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    before = restarts()
    reports = runtestprotocol(item, nextitem=nextitem, log=False)
    if any(report.failed for report in reports) and restarts() > before:
        RERUN.append(item.nodeid)
        note = (f"the test keyring's daemon was started again during this test "
                f"(restart {restarts()}); its first run failed and is run once more")
        reports = runtestprotocol(item, nextitem=nextitem, log=False)
        for report in reports:
            report.sections.append(("keyring", note))
    for report in reports:
        item.ihook.pytest_runtest_logreport(report=report)
    item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
    return True


def pytest_terminal_summary(terminalreporter):
    if RERUN:
        terminalreporter.section("run again after the test keyring's daemon exited")
        for nodeid in RERUN:
            terminalreporter.write_line(nodeid)
