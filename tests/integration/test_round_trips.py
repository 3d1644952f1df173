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
