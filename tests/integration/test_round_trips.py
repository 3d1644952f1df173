"""On PostgreSQL every statement is a round trip to the server, and a server 10 ms away
makes each cost 20 ms: the log's first page, a search and an approve-and-publish send a
fixed, small number of them, however big the office (python -m benchmarks shows the
times; a count is exact, so it is held here)."""

from __future__ import annotations

import pytest

from benchmarks.network import APPROVE_AND_PUBLISH_BOUND, approve_and_publish
from desk.store import LogFilter

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.parametrize("store_kind", ["postgresql"], indirect=True)]


def statements(office, func) -> int:
    db = office.desk.store.db
    before = db.round_trips
    func()
    return db.round_trips - before


def publish_one(office, text: str) -> int:
    office.session("sara")  # signed in before counting
    post_id = office.omar.draft(text)
    sent = statements(office, lambda: approve_and_publish(office.omar, office.sara, post_id))
    assert office.desk.store.posts.get(post_id).state.value == "published"
    return sent


def test_approve_and_publish_sends_a_bounded_number_of_statements(office):
    first = publish_one(office, "خبر أول للنشر")
    for n in range(20):  # a bigger office, posts with a longer history
        office.approved_post(f"خبر رقم {n}")
    later = publish_one(office, "خبر آخر للنشر")
    assert first <= APPROVE_AND_PUBLISH_BOUND, first
    assert later == first  # nothing in it grows with the office


def test_first_page_is_the_person_check_and_one_query(office):
    for n in range(3):
        office.approved_post(f"خبر رقم {n}")
    rows = []
    assert statements(office, lambda: rows.extend(office.sara.log(LogFilter(), limit=100))) == 2
    assert len(rows) == 3


def test_search_and_its_count_take_three_statements(office):
    office.approved_post("أمطار على مناطق المملكة")
    office.approved_post("مؤتمر الاتصال الرقمي")
    found = {}

    def search():
        found["rows"] = office.sara.log(LogFilter(search="المملكة"), limit=100)
        found["count"] = office.sara.log_count(LogFilter(search="المملكة"))

    assert statements(office, search) == 3
    assert [r["text"] for r in found["rows"]] == ["أمطار على مناطق المملكة"] and found["count"] == 1


def test_the_benchmarks_proxy_counts_each_statement_as_one_round_trip(store_kind):
    """benchmarks.slow_proxy stands for the network in python -m benchmarks: a statement
    sent through it is one turn, and it holds each for its delay both ways."""
    import time

    from benchmarks.slow_proxy import SlowProxy
    from desk.store import pg
    from tests.conftest import PG_ADMIN_URL

    where = pg.describe(PG_ADMIN_URL)
    proxy = SlowProxy(where["host"], where["port"], 0.005).start()
    try:
        db = pg.Database(proxy.url(PG_ADMIN_URL))
        before, start = proxy.round_trips, time.perf_counter()
        answers = [db.execute(f"SELECT {n}").fetchone()[0] for n in range(1, 4)]
        held = time.perf_counter() - start
        db.conn.close()
    finally:
        proxy.stop()
    assert answers == [1, 2, 3]
    assert proxy.round_trips - before == 3
    assert held >= 0.9 * 3 * 2 * 0.005  # never much faster than the delay it stands for
