"""Several workstations of one desk on one PostgreSQL database, each a process of its own
with a folder of its own (tests/integration/desk_worker.py), and the ``desk`` command
run from any of them."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.conftest import PASSWORDS, cli_env  # noqa: E402

WORKER = Path(__file__).with_name("desk_worker.py")


def shared_office(pg_databases, root: Path, count: int) -> tuple[str, list[Path]]:
    """The office in one database, and ``count`` workstation folders pointed at it."""
    folders = [Path(root) / f"workstation-{n + 1}" for n in range(count)]
    url = pg_databases.office(folders[0])
    for folder in folders[1:]:
        pg_databases.share(folder, url)
    return url, folders


@contextmanager
def workers_of(pg_databases, root: Path, count: int):
    """``count`` workstations of one shared office, each with its desk open in a process of
    its own; closed afterwards."""
    _url, folders = shared_office(pg_databases, root, count)
    workers = []
    try:
        for folder in folders:
            workers.append(Worker(folder))
        yield workers
    finally:
        for worker in workers:
            worker.close()


class Worker:
    """One workstation's desk, open in its own process."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8", env=cli_env(folder))
        assert self._answer()["value"] == "ready"

    def send(self, do: str, *args, user: str | None = None, go: Path | None = None, **kw) -> None:
        request = {"do": do, "args": list(args), "kw": kw, "go": str(go) if go else None}
        if user:
            request.update({"as": user, "password": PASSWORDS[user]})
        self.process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        self.process.stdin.flush()

    def _answer(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError(f"the desk on {self.folder} stopped: {self.process.stderr.read()}")
        return json.loads(line)

    def ask(self, do: str, *args, user: str | None = None, **kw) -> dict:
        self.send(do, *args, user=user, **kw)
        return self._answer()

    def value(self, do: str, *args, user: str | None = None, **kw):
        answer = self.ask(do, *args, user=user, **kw)
        assert answer["ok"], answer
        return answer["value"]

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()


def at_once(workers: list[Worker], tmp_path: Path, moves: list[tuple]) -> list[dict]:
    """Each worker makes its move (do, user, *args) at the same moment; their answers."""
    go = Path(tmp_path) / f"go-{time.monotonic_ns()}"
    for worker, (do, user, *args) in zip(workers, moves):
        worker.send(do, *args, user=user, go=go)
    time.sleep(0.3)  # every worker is waiting at the line (signed in beforehand)
    go.touch()
    return [worker._answer() for worker in workers]


def run_desk_on(folder: Path, *args, stdin: str = "", timeout: int = 120) -> subprocess.CompletedProcess:
    """The ``desk`` command on this workstation."""
    from tests.conftest import desk_executable

    return subprocess.run([desk_executable(), *[str(a) for a in args]], input=stdin, capture_output=True, text=True,
                          encoding="utf-8", env=cli_env(folder), timeout=timeout)
