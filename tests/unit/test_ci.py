"""CI runs the README's test command, beside a PostgreSQL server of its own, and a store
test that cannot reach PostgreSQL in CI fails instead of passing by skipping."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def readme_command() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith("sh tools/setup.sh test"))


def test_ci_runs_the_readmes_test_command_inside_with_postgres():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    command = readme_command()
    assert command in ci  # the same line, exactly
    assert "sh tools/with-postgres.sh .venv/bin/python -m pytest" in command


def test_the_test_setup_installs_debians_postgresql():
    setup = (ROOT / "tools" / "setup.sh").read_text(encoding="utf-8")
    block = setup[setup.index('if [ "$want" = test ]'):]
    assert re.search(r'debs="\$debs [^"]*\bpostgresql\b', block)


def run_marked_test(**env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("DESK_TEST_DATABASE_URL", "CI")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rfs",
         "tests/integration/test_versions.py"], cwd=ROOT, capture_output=True, text=True, env=environment,
        timeout=300)


@pytest.mark.slow
def test_without_a_server_the_postgresql_runs_fail_in_ci_and_skip_elsewhere():
    in_ci = run_marked_test(CI="true")
    assert in_ci.returncode == 1, in_ci.stdout
    assert "1 passed, 1 error" in in_ci.stdout and "skipped" not in in_ci.stdout, in_ci.stdout  # fails in setup
    assert "tools/with-postgres.sh" in in_ci.stdout
    elsewhere = run_marked_test()
    assert elsewhere.returncode == 0, elsewhere.stdout
    assert "1 passed, 1 skipped" in elsewhere.stdout, elsewhere.stdout
