"""Only a test that failed across a restart of the test keyring's daemon runs again, once.

The inner run is a real pytest in a folder of its own; a "restart" is the line the
keyring session would write to DESK_TEST_KEYRING_RESTARTS.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]

INNER = '''
import os
from pathlib import Path


def ran(name):
    """How many times this test ran before, counted in a file of its own."""
    counter = Path(os.environ["RUNS"]) / name
    before = int(counter.read_text()) if counter.exists() else 0
    counter.write_text(str(before + 1))
    return before


def restart():
    with open(os.environ.get("DESK_TEST_KEYRING_RESTARTS", os.devnull), "a") as log:
        log.write("2026-12-04T04:44:11Z 31711\\n")


def test_fails_across_a_restart_then_passes():
    if ran("first") == 0:
        restart()
        raise AssertionError("no default collection")


def test_fails_with_no_restart():
    ran("second")
    raise AssertionError("a real failure")


def test_fails_across_restarts_every_time():
    ran("third")
    restart()
    raise AssertionError("still failing")


def test_passes_across_a_restart():
    ran("fourth")
    restart()
'''


def inner_run(tmp_path: Path, restarts_env: bool) -> tuple[subprocess.CompletedProcess, Path]:
    (tmp_path / "conftest.py").write_text(
        "from keyring_restarts import pytest_runtest_protocol, pytest_terminal_summary  # noqa\n")
    (tmp_path / "test_inner.py").write_text(INNER)
    runs = tmp_path / "runs"
    runs.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "DESK_TEST_KEYRING_RESTARTS"}
    env.update(RUNS=str(runs), PYTHONPATH=str(TESTS))
    if restarts_env:
        env["DESK_TEST_KEYRING_RESTARTS"] = str(tmp_path / "restarts")
    ran = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", "test_inner.py"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    return ran, runs


def runs_of(runs: Path) -> dict[str, int]:
    return {name: int((runs / name).read_text()) for name in ("first", "second", "third", "fourth")}


def test_only_a_failure_across_a_restart_runs_again(tmp_path):
    ran, runs = inner_run(tmp_path, restarts_env=True)
    assert "1 failed" not in ran.stdout and "2 failed, 2 passed" in ran.stdout, ran.stdout
    assert runs_of(runs) == {"first": 2, "second": 1, "third": 2, "fourth": 1}
    assert "PASSED test_inner.py::test_fails_across_a_restart_then_passes" in ran.stdout
    assert "FAILED test_inner.py::test_fails_with_no_restart" in ran.stdout
    assert "FAILED test_inner.py::test_fails_across_restarts_every_time" in ran.stdout
    summary = ran.stdout.split("run again after the test keyring's daemon exited", 1)[1]
    named = [line for line in summary.splitlines() if line.startswith("test_inner.py::")]
    assert named == ["test_inner.py::test_fails_across_a_restart_then_passes",
                     "test_inner.py::test_fails_across_restarts_every_time"]
    assert "its first run failed and is run once more" in ran.stdout  # in the failure's report


def test_without_a_keyring_session_nothing_runs_again(tmp_path):
    ran, runs = inner_run(tmp_path, restarts_env=False)
    assert runs_of(runs) == {"first": 1, "second": 1, "third": 1, "fourth": 1}
    assert "3 failed, 1 passed" in ran.stdout, ran.stdout
    assert "run again after" not in ran.stdout
