"""Each measure opens the benchmark database through the real desk and reports one figure."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from desk.store.log import ROW_SQL, LogFilter


@dataclass
class Result:
    name: str
    figure: float
    unit: str
    target: float
    detail: str = ""

    @property
    def met(self) -> bool:
        return self.figure <= self.target

    def line(self) -> str:
        mark = "ok  " if self.met else "MISS"
        return f"{mark} {self.name:<34} {self.figure:10.3f} {self.unit:<3} (target <= {self.target:g} {self.unit}) {self.detail}"


def best_of(runs: int, func) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def _session(folder: Path):
    from desk.service import Desk

    desk = Desk(folder)
    return desk, desk.sign_in("supervisor", "benchmark-password")


def verify_chain(folder: Path) -> Result:
    from desk.store import Store

    store = Store(folder)
    count = store.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    seconds = best_of(1, store.verify)
    return Result("desk verify (whole chain)", seconds, "s", 5.0, f"{count:,} events")


def log_first_page(folder: Path) -> Result:
    desk, session = _session(folder)
    seconds = best_of(5, lambda: session.log(LogFilter(), limit=100))
    return Result("log: first page (100 rows)", seconds * 1000, "ms", 100.0)


def log_search(folder: Path) -> Result:
    desk, session = _session(folder)
    seconds = best_of(5, lambda: (session.log(LogFilter(search="المملكة"), limit=100),
                                  session.log_count(LogFilter(search="المملكة"))))
    return Result("log: full-text search + count", seconds * 1000, "ms", 100.0)


def csv_export(folder: Path) -> Result:
    """Our CSV export against `sqlite3 -csv` over the same rows."""
    sqlite3 = shutil.which("sqlite3")
    if not sqlite3:
        return Result("CSV export / sqlite3 -csv", float("inf"), "x", 2.0, "(sqlite3 shell not installed)")
    desk, session = _session(folder)
    with tempfile.TemporaryDirectory() as out:
        target = Path(out) / "log.csv"
        ours = best_of(2, lambda: session.export(target, "csv"))
        query = ROW_SQL + " ORDER BY p.id"
        baseline = best_of(2, lambda: subprocess.run(
            [sqlite3, "-csv", "-header", str(folder / "desk.sqlite3"), query],
            stdout=open(Path(out) / "base.csv", "wb"), check=True))
    return Result("CSV export / sqlite3 -csv", ours / baseline, "x", 2.0,
                  f"({ours:.2f} s against {baseline:.2f} s)")


ALL = [
    ("verify", verify_chain),
    ("log-page", log_first_page),
    ("log-search", log_search),
    ("csv", csv_export),
]
