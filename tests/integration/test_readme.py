"""The README's command-line walk-through, run as a newcomer pastes it: the very block,
in bash, stopping at the first command that fails."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def walk_through() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The command line", 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


@pytest.mark.slow
def test_the_walk_through_runs_as_pasted(tmp_path, real_keyring):
    block = walk_through()
    assert block.startswith(". .venv/bin/activate")
    # The project's folder as a newcomer has it after the install command: a .venv whose
    # activate script puts this interpreter's `desk` on the PATH.
    project = tmp_path / "project"
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "activate").write_text(f'PATH="{Path(sys.executable).parent}:$PATH"\n')
    (tmp_path / "tmp").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESK_") or k == "DESK_X_API_BASE"}
    env.update(TMPDIR=str(tmp_path / "tmp"), DESK_LANG="en")
    script = "set -euo pipefail\n" + block + 'printf "\\nRESULT %s\\n" "$PWD"\n'
    run = subprocess.run(["bash", "-c", script], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    out = run.stdout
    assert "refused, exit 3" in out  # the author could not approve their own post
    assert "Thread of 2 parts" in out and "[Part 2 of 2]" in out  # desk show lists a thread's parts
    trial = Path(out.rsplit("RESULT ", 1)[1].strip())
    assert trial.parent == tmp_path / "tmp"  # everything stayed in the temporary folder
    assert (trial / "log.pdf").read_bytes().startswith(b"%PDF")
    exported = json.loads((trial / "log.json").read_text(encoding="utf-8-sig"))
    assert exported["rows"][0]["approver"] == "sara" and exported["rows"][0]["author"] == "omar"
    # After every step, the restore and the withdrawal, the log is intact.
    check = subprocess.run([str(Path(sys.executable).parent / "desk"), "verify"], env={**env, "DESK_DATA_DIR": str(trial / "office")},
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "intact" in check.stdout
