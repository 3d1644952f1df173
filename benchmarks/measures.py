"""Each measure opens the benchmark database through the real desk and reports one figure."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from desk.store.log import ROW_SQL, LogFilter

# A postgresql:// URL (python -m benchmarks --database): every measure opens the office
# there instead, the window's processes too. None: the SQLite office.
DATABASE: str | None = None


@dataclass
class Result:
    name: str
    figure: float
    unit: str
    target: float | None  # None: a figure to read, with no target of its own
    detail: str = ""

    @property
    def met(self) -> bool:
        return self.target is None or self.figure <= self.target

    def line(self) -> str:
        mark = "ok  " if self.met else "MISS"
        figure = f"{self.figure:10d}" if isinstance(self.figure, int) else f"{self.figure:10.3f}"
        target = "(no target)" if self.target is None else f"(target <= {self.target:g} {self.unit})"
        return f"{mark} {self.name:<34} {figure} {self.unit:<3} {target} {self.detail}"


def best_of(runs: int, func) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def _session(folder: Path):
    from desk.service import Desk

    desk = Desk(folder, database=DATABASE)
    return desk, desk.sign_in("supervisor", "benchmark-password")


def verify_chain(folder: Path) -> Result:
    """What `desk verify` does: the whole chain, one process per core, then the posts."""
    from desk.service import Desk

    desk = Desk(folder, database=DATABASE)
    report = None

    def run():
        nonlocal report
        report = desk.verify()

    seconds = best_of(1, run)
    return Result("desk verify (whole chain)", seconds, "s", 5.0, f"{report.count:,} events, intact={report.ok}")


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
    """Our CSV export against `sqlite3 -csv` (or, on PostgreSQL, psql's COPY) over the same rows."""
    shell = "psql" if DATABASE else "sqlite3"
    program = shutil.which(shell)
    if not program:
        return Result(f"CSV export / {shell} -csv", float("inf"), "x", 2.0, f"({shell} not installed)")
    desk, session = _session(folder)
    query = ROW_SQL + " ORDER BY p.id"
    if DATABASE:
        from desk.store.pg import to_pg

        command = [program, "-X", "-q", "-d", DATABASE, "-c", f"COPY ({to_pg(query)}) TO STDOUT WITH (FORMAT csv, HEADER)"]
    else:
        command = [program, "-csv", "-header", str(folder / "desk.sqlite3"), query]
    with tempfile.TemporaryDirectory() as out:
        target = Path(out) / "log.csv"
        ours = best_of(2, lambda: session.export(target, "csv"))
        baseline = best_of(2, lambda: subprocess.run(command, stdout=open(Path(out) / "base.csv", "wb"), check=True))
    return Result(f"CSV export / {shell} -csv", ours / baseline, "x", 2.0,
                  f"({ours:.2f} s against {baseline:.2f} s)")


def month_figures(folder: Path) -> Result:
    """The Reports page's figures for the month before this one (a whole month of work), by SQL."""
    from datetime import date

    from desk.core.figures import month_of

    desk, session = _session(folder)
    period = month_of(date.today()).previous()
    found = session.figures(period)
    seconds = best_of(5, lambda: session.figures(period))
    return Result("reports: a month's figures by SQL", seconds * 1000, "ms", None,
                  f"({found.published} published in {period.key()})")


ALL = [
    ("verify", verify_chain),
    ("log-page", log_first_page),
    ("log-search", log_search),
    ("csv", csv_export),
    ("reports-figures", month_figures),
]


def _child(mode: str, folder: Path, database: str | None = None) -> dict:
    import json
    import os
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if database or DATABASE:
        env["DESK_DATABASE_URL"] = database or DATABASE
    done = subprocess.run([sys.executable, str(Path(__file__).with_name("window_child.py")), mode, str(folder)],
                          capture_output=True, text=True, env=env, timeout=120)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"window_child {mode} failed: {done.stderr[-2000:]}")
    return json.loads(lines[-1])


def first_screen(folder: Path) -> Result:
    """The desk's first screen (sign-in) against a bare PySide6 window, each in a fresh
    process, best of five, alternating so both see the same machine."""
    bare, ours = [], []
    for _ in range(5):
        bare.append(_child("bare", folder)["seconds"])
        ours.append(_child("sign-in", folder)["seconds"])
    return Result("window: first screen / bare window", min(ours) / min(bare), "x", 1.5,
                  f"({min(ours) * 1000:.0f} ms against {min(bare) * 1000:.0f} ms)")


def gui_stall(folder: Path) -> Result:
    found = _child("stall", folder)
    return Result("window: longest GUI pause, X slow 3 s", found["max_gap_ms"], "ms", 50.0,
                  f"({found['ticks']} ticks, post {found['state']})")


def log_memory(folder: Path) -> Result:
    found = _child("log", folder)
    return Result("window: resident memory, log open", found["rss_mb"], "MB", 250.0,
                  f"(peak {found['peak_mb']:.0f} MB, {found['rows']} rows loaded)")


def reports_page(folder: Path) -> Result:
    """The Reports page opened on this month, its figures read and painted: best of three."""
    runs = [_child("reports", folder) for _ in range(3)]
    best = min(runs, key=lambda r: r["seconds"])
    return Result("window: Reports page with its figures", best["seconds"] * 1000, "ms", 300.0,
                  f"(this month {best['first'] * 1000:.0f} ms, the month before {best['previous'] * 1000:.0f} ms:"
                  f" {best['published']} published in {best['month']})")


ALL += [
    ("first-screen", first_screen),
    ("reports-page", reports_page),
    ("stall", gui_stall),
    ("memory", log_memory),
]
