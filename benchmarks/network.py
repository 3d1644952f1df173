"""The desk with its PostgreSQL server across a network: the same office on SQLite, on
PostgreSQL directly and on PostgreSQL behind benchmarks.slow_proxy (DELAY each way).

The log's first page and a search must answer within 100 ms even then. An
approve-and-publish (submit, approve, publish to the training timeline) costs a fixed
number of round trips whatever the size of the office: they are counted twice, as the
statements the desk sends (pg.Database.round_trips) and as the turns the proxy sees on
every connection (the Listener's included, and connecting).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measures import Result, _child, best_of
from desk.store.log import LogFilter

DELAY = 0.010  # seconds each way: a round trip takes 20 ms more
SEARCH = "المملكة"  # a word of the seed headlines: one post in 58 holds it
# tests/integration/test_round_trips.py holds the desk to the same bound.
APPROVE_AND_PUBLISH_BOUND = 100  # 91 today


@dataclass
class Figures:
    page_ms: float
    page_statements: int
    search_ms: float
    search_statements: int
    publish_ms: float
    publish_statements: int
    opening_ms: float = 0.0
    opening_statements: int = 0
    publish_network: int | None = None  # turns the proxy saw; None without one


def _statements(desk) -> int:
    return getattr(desk.store.db, "round_trips", 0)


def approve_and_publish(officer, supervisor, post_id: int) -> None:
    """A draft an officer wrote, submitted, approved and sent by a supervisor."""
    officer.submit(post_id)
    supervisor.approve(post_id)
    supervisor.publish(post_id)


def window_opens_log(session) -> None:
    """What the log's window reads when it opens (desk.ui.log.model.LogModel.reload):
    the count and the first page; the rows carry the names it shows."""
    session.log_count(LogFilter())
    session.log(LogFilter(), limit=100)


def figures(folder: Path, database: str | None, proxy=None) -> Figures:
    from desk.service import Desk

    desk = Desk(folder, database=database)
    try:
        supervisor = desk.sign_in("supervisor", "benchmark-password")
        officer = desk.sign_in("officer", "benchmark-password")

        def counted(func) -> tuple[float, int]:
            seconds = best_of(5, func)
            before = _statements(desk)
            func()
            return seconds * 1000, _statements(desk) - before

        page_ms, page_n = counted(lambda: supervisor.log(LogFilter(), limit=100))
        search_ms, search_n = counted(lambda: (supervisor.log(LogFilter(search=SEARCH), limit=100),
                                               supervisor.log_count(LogFilter(search=SEARCH))))
        opening_ms, opening_n = counted(lambda: window_opens_log(supervisor))
        best, statements, network = float("inf"), 0, None
        for _ in range(3):
            post_id = officer.draft(f"خبر للقياس عبر الشبكة {time.time():.3f}")
            before, turns = _statements(desk), proxy.round_trips if proxy else 0
            start = time.perf_counter()
            approve_and_publish(officer, supervisor, post_id)
            best = min(best, time.perf_counter() - start)
            statements = _statements(desk) - before
            network = proxy.round_trips - turns if proxy else None
            if desk.store.posts.get(post_id).state.value != "published":
                raise RuntimeError(f"post {post_id} was not published")
        return Figures(page_ms, page_n, search_ms, search_n, best * 1000, statements,
                       opening_ms, opening_n, network)
    finally:
        desk.close()


def _one_round_trip(url: str) -> float:
    from desk.store import pg

    db = pg.Database(url)
    try:
        return best_of(20, lambda: db.execute("SELECT 1").fetchone())
    finally:
        db.conn.close()


def measure(sqlite_folder: Path, url: str, pg_folder: Path) -> list[Result]:
    from benchmarks.slow_proxy import SlowProxy
    from desk.store import pg

    lite = figures(sqlite_folder, None)
    direct = figures(pg_folder, url)
    where = pg.describe(url)
    proxy = SlowProxy(where["host"], where["port"], DELAY).start()
    try:
        far = figures(pg_folder, proxy.url(url), proxy)
        one = _one_round_trip(proxy.url(url))
        pause = _child("stall", pg_folder, proxy.url(url))
    finally:
        proxy.stop()
    away = f"+{DELAY * 1000:g} ms each way"
    return [
        Result("network: one round trip, through the proxy", one * 1000, "ms", None,
               f"(SELECT 1; {2 * DELAY * 1000:g} ms asked, the rest is the proxy's own)"),
        Result(f"network: log first page, {away}", far.page_ms, "ms", 100.0,
               f"({far.page_statements} round trips; direct {direct.page_ms:.1f} ms, SQLite {lite.page_ms:.1f} ms)"),
        Result(f"network: search + count, {away}", far.search_ms, "ms", 100.0,
               f"({far.search_statements} round trips; direct {direct.search_ms:.1f} ms, SQLite {lite.search_ms:.1f} ms)"),
        Result(f"network: log window opening, {away}", far.opening_ms, "ms", 100.0,
               f"(count and page: {far.opening_statements} round trips; direct {direct.opening_ms:.1f} ms,"
               f" SQLite {lite.opening_ms:.1f} ms)"),
        Result(f"network: longest GUI pause, {away}", pause["max_gap_ms"], "ms", 50.0,
               f"(publishing while X takes 3 s: the window refreshes on its GUI thread; post {pause['state']})"),
        Result("network: approve-and-publish, round trips", far.publish_statements, "rt", APPROVE_AND_PUBLISH_BOUND,
               f"({far.publish_network} on the wire, connections included; direct {direct.publish_statements})"),
        Result(f"network: approve-and-publish, {away}", far.publish_ms / lite.publish_ms, "x", None,
               f"({far.publish_ms:.0f} ms; direct {direct.publish_ms:.0f} ms; SQLite {lite.publish_ms:.0f} ms;"
               f" {far.publish_statements} x {2 * DELAY * 1000:g} ms = {far.publish_statements * 2 * DELAY * 1000:.0f} ms"
               " of it waiting on the network)"),
    ]
