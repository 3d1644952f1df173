"""A long chain is checked in several processes, each on a connection of its own to the
SQLite file or to the server; a break anywhere is still named exactly."""

import pytest

from desk.store import Store, chain
from desk.core.lifecycle import Actor
from desk.core.roles import Role

pytestmark = pytest.mark.both_stores


@pytest.fixture
def long_chain(tmp_path, monkeypatch, store_kind, pg_databases, raw_sql):
    monkeypatch.setattr(chain, "PARALLEL_FROM", 10)
    folder = tmp_path / "data"
    url = pg_databases.url_for(folder) if store_kind == "postgresql" else None
    store = Store(folder, database=url)
    store.sql = lambda statement, params=(): raw_sql(folder, statement, params)
    officer = Actor("omar", frozenset({Role.OFFICER}))
    with store.transaction():
        store.staff.add("omar", "عمر", frozenset({Role.OFFICER}), "not-a-real-hash", by=None)
        for n in range(60):
            store.posts.create(officer, f"خبر رقم {n}", (), None, training=False)
    yield store
    store.close()


def test_an_intact_chain_verifies_in_several_processes(long_chain):
    report = long_chain.verify(workers=3)
    assert (report.ok, report.count) == (True, 61)
    assert report.head_hash == long_chain.head_hash()


@pytest.mark.parametrize("event_id", [1, 20, 21, 22, 40, 61])
def test_a_changed_event_is_named_wherever_it_falls(long_chain, event_id):
    long_chain.sql("UPDATE events SET at = '2020-01-01T00:00:00.000+00:00' WHERE id = ?", [event_id])
    report = long_chain.verify(workers=3)
    assert not report.ok
    assert (report.key, report.params["event_id"]) == ("chain.bad_hash", event_id)


@pytest.mark.parametrize("event_id", [21, 22, 41])
def test_a_removed_event_at_a_stretch_boundary_is_caught(long_chain, event_id):
    long_chain.sql("DELETE FROM events WHERE id = ?", [event_id])
    report = long_chain.verify(workers=3)
    assert not report.ok and report.key == "chain.bad_link"
    assert report.params["event_id"] in (event_id, event_id + 1)


def test_a_changed_row_is_found_by_the_rows_check_beside_the_walk(long_chain):
    report, problem = long_chain.verify_all(workers=3)
    assert report.ok and problem is None
    long_chain.sql("UPDATE posts SET text = 'خبر مزوّر' WHERE id = 30")
    report, problem = long_chain.verify_all(workers=3)
    assert report.ok  # the chain itself is intact: the row says what its events do not
    assert problem is not None and problem[0] == "audit.post_row" and problem[1]["post_id"] == 30


def test_the_stretches_are_read_by_the_worker_processes_on_connections_of_their_own(long_chain, monkeypatch,
                                                                                      tmp_path, store_kind):
    import os

    seen = tmp_path / "opened"
    opened = chain.open_source

    def noting(source):  # runs in the workers: forked, so they carry this wrapper
        with open(seen, "a") as out:
            out.write(f"{os.getpid()} {source[0] if isinstance(source, tuple) else 'file'}\n")
        return opened(source)

    monkeypatch.setattr(chain, "open_source", noting)
    assert long_chain.verify(workers=3).ok
    lines = seen.read_text().split()
    kinds, pids = set(lines[1::2]), set(lines[0::2])
    assert kinds == {"postgresql" if store_kind == "postgresql" else "file"}
    assert len(lines) // 2 == 3 and str(os.getpid()) not in pids
