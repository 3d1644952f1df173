"""The connection to the server lost in the middle of an action: the server rolls the
half-done transaction back, the person is told (pg.lost), and the same desk's next
action connects again and works."""

from __future__ import annotations

import time

import psycopg
import pytest

from desk.core.errors import StoreError
from desk.store import chain

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.postgresql_only]

KILL = ("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE application_name = 'posting-desk' AND pid <> pg_backend_pid()")


def cut_the_line(url: str) -> None:
    """From a second connection: end every desk backend, and wait until they are gone."""
    with psycopg.connect(url, autocommit=True) as conn:
        pids = [r[0] for r in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE application_name = 'posting-desk'").fetchall()]
        conn.execute(KILL)
        deadline = time.monotonic() + 10
        while conn.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ANY(%s)", [pids]).fetchone()[0]:
            assert time.monotonic() < deadline, "the backends did not end"
            time.sleep(0.02)


@pytest.fixture
def lost_at(office, monkeypatch):
    """lost_at(action): the connection is cut when that action's event is about to be
    appended, after the action's other rows were written in its transaction."""
    real_append = chain.append
    url = office.desk.store.db.url
    cut = []

    def arm(action: str):
        def append(db, **event):
            if event["action"] == action and not cut:
                assert db.conn.in_transaction  # half-way through the action
                cut.append(action)
                cut_the_line(url)
            return real_append(db, **event)

        monkeypatch.setattr(chain, "append", append)
        return cut

    return arm


def refused_as_lost(office, act) -> None:
    before = office.snapshot()
    with pytest.raises(StoreError) as lost:
        act()
    assert lost.value.key == "pg.lost", lost.value.key
    assert lost.value.message("en") and lost.value.message("ar")
    assert office.snapshot() == before  # nothing half-written


def test_an_approval_cut_half_way_changes_nothing_and_the_next_one_works(office, lost_at, headlines):
    post_id = office.omar.draft(headlines[0])
    office.omar.submit(post_id)
    cut = lost_at("approve")
    refused_as_lost(office, lambda: office.sara.approve(post_id))
    assert cut == ["approve"]
    assert office.sara.approve(post_id).state.value == "approved"  # the same desk, connected again
    assert office.desk.verify().ok


def test_a_draft_cut_half_way_leaves_no_post_and_the_next_one_works(office, lost_at, headlines, images):
    cut = lost_at("create")
    refused_as_lost(office, lambda: office.omar.draft(headlines[1], [(("a.png", images.png()), "صورة")]))
    assert cut == ["create"]
    post_id = office.omar.draft(headlines[1])
    assert office.omar.post(post_id).text == headlines[1]
    report = office.desk.verify()
    assert report.ok, report


def test_a_window_listening_for_changes_listens_again_after_a_lost_connection(office, headlines):
    store = office.desk.store
    seen = store.data_version()
    cut_the_line(store.db.url)
    office.omar.draft(headlines[2])  # connects again, and tells the other workstations
    deadline = time.monotonic() + 5
    while store.data_version() == seen:
        assert time.monotonic() < deadline, "no change seen after the connection came back"
        time.sleep(0.05)
