"""Lockout under parallel sign-ins: processes hammering one name get at most
MAX_FAILURES passwords checked per lock period, and no failure clears the lock."""

from __future__ import annotations

import multiprocessing

import pytest

from desk.core.staff_rules import DECOY_HASH, MAX_FAILURES

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]

PROCESSES, TRIES = 4, 20


def hammer(folder: str, start, results) -> None:
    """One desk process: TRIES wrong passwords for omar; counts real password checks."""
    from desk import service
    from desk.core.errors import SignInRefused

    checked = 0
    real = service.password_matches

    def counting(stored_hash, password):
        nonlocal checked
        if stored_hash != DECOY_HASH:
            checked += 1
        return real(stored_hash, password)

    service.password_matches = counting
    desk = service.Desk(folder)
    start.wait()
    refused = 0
    for attempt in range(TRIES):
        try:
            desk.sign_in("omar", f"wrong password {attempt}")
        except SignInRefused:
            refused += 1
    desk.close()
    results.put((checked, refused))


@pytest.mark.slow
def test_parallel_wrong_passwords_check_at_most_the_limit(office_folder, raw_sql):
    context = multiprocessing.get_context("fork")
    start, results = context.Event(), context.Queue()
    workers = [context.Process(target=hammer, args=(str(office_folder), start, results)) for _ in range(PROCESSES)]
    for worker in workers:
        worker.start()
    start.set()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    assert all(refused == TRIES for _, refused in outcomes)  # every try answered, none errored
    assert sum(checked for checked, _ in outcomes) == MAX_FAILURES
    [(locked_until, failed)] = raw_sql(office_folder, "SELECT locked_until, failed_count FROM staff WHERE username = 'omar'")
    assert locked_until is not None  # no later failure cleared it
    locks = raw_sql(office_folder, "SELECT COUNT(*) FROM events WHERE action = 'staff_locked'")
    assert locks == [(1,)]
