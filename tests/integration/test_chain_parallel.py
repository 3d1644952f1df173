"""A long chain is checked in several processes; a break anywhere is still named exactly."""

import sqlite3

import pytest

from desk.store import Store, chain
from desk.core.lifecycle import Actor
from desk.core.roles import Role


@pytest.fixture
def long_chain(tmp_path, monkeypatch):
    monkeypatch.setattr(chain, "PARALLEL_FROM", 10)
    store = Store(tmp_path / "data")
    officer = Actor("omar", frozenset({Role.OFFICER}))
    with store.transaction():
        store.staff.add("omar", "عمر", frozenset({Role.OFFICER}), "not-a-real-hash", by=None)
        for n in range(60):
            store.posts.create(officer, f"خبر رقم {n}", (), None, training=False)
    return store


def test_an_intact_chain_verifies_in_several_processes(long_chain):
    report = long_chain.verify(workers=3)
    assert (report.ok, report.count) == (True, 61)
    assert report.head_hash == long_chain.head_hash()


@pytest.mark.parametrize("event_id", [1, 20, 21, 22, 40, 61])
def test_a_changed_event_is_named_wherever_it_falls(long_chain, event_id):
    with sqlite3.connect(long_chain.path) as conn:
        conn.execute("UPDATE events SET at = '2020-01-01T00:00:00.000+00:00' WHERE id = ?", [event_id])
    report = long_chain.verify(workers=3)
    assert not report.ok
    assert (report.key, report.params["event_id"]) == ("chain.bad_hash", event_id)


@pytest.mark.parametrize("event_id", [21, 22, 41])
def test_a_removed_event_at_a_stretch_boundary_is_caught(long_chain, event_id):
    with sqlite3.connect(long_chain.path) as conn:
        conn.execute("DELETE FROM events WHERE id = ?", [event_id])
    report = long_chain.verify(workers=3)
    assert not report.ok and report.key == "chain.bad_link"
    assert report.params["event_id"] in (event_id, event_id + 1)
