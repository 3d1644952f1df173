"""Another workstation holding the desk's write lock: the wait ends after DESK_BUSY_TIMEOUT
with the same words as SQLite's busy database, and nothing is changed."""

from __future__ import annotations

import time

import pytest

from desk.core.errors import StoreError

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.parametrize("store_kind", ["postgresql"], indirect=True)]


def test_a_held_write_lock_is_waited_for_then_refused_as_busy(office, desk_factory, pg_databases, tmp_path,
                                                             monkeypatch, snapshot):
    monkeypatch.setenv("DESK_BUSY_TIMEOUT", "1")
    other_folder = tmp_path / "other"
    pg_databases.share(other_folder, pg_databases.url_for(office.folder))
    other = desk_factory(other_folder)
    omar = other.sign_in("omar", "officerpw1")
    before = snapshot(office.folder)
    with office.desk.store.transaction():  # this workstation is in the middle of an action
        started = time.monotonic()
        with pytest.raises(StoreError) as refused:
            omar.draft("خبر ينتظر قفل الكتابة")
        waited = time.monotonic() - started
    assert refused.value.key == "store.locked"
    assert "busy" in refused.value.message("en") and "مشغولة" in refused.value.message("ar")
    assert 0.9 <= waited < 10
    assert snapshot(office.folder) == before
    assert omar.draft("خبر بعد انتهاء العملية")  # the lock is free again: the next try goes through


def test_a_writer_gone_silent_in_the_middle_gives_the_lock_back(office, desk_factory, pg_databases, tmp_path,
                                                               monkeypatch):
    from desk.store import pg

    monkeypatch.setattr(pg, "WRITER_IDLE_MS", 1000)
    other_folder = tmp_path / "other"
    pg_databases.share(other_folder, pg_databases.url_for(office.folder))
    omar = desk_factory(other_folder).sign_in("omar", "officerpw1")
    stuck = office.desk.store
    with pytest.raises(StoreError) as lost:
        with stuck.transaction():  # a workstation that stops answering while it holds the lock
            time.sleep(2.5)
            stuck.db.execute("SELECT 1")
    assert lost.value.key == "pg.lost"
    assert omar.draft("خبر بعد أن أعاد الخادم القفل")  # the server ended the silent one's transaction
