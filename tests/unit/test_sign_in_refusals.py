"""Sign-in refusals: one message for every refusal until the password is known to be
right, and the same Argon2id work on every path (counted, not timed)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from desk.core.errors import SignInRefused
from desk.core.staff_rules import MAX_FAILURES

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]


@pytest.fixture
def verifications(monkeypatch):
    """How many Argon2 verifications and hashings each sign-in costs."""
    counts = {"verify": 0, "hash": 0}
    real_verify, real_hash = PasswordHasher.verify, PasswordHasher.hash

    def verify(self, *args, **kw):
        counts["verify"] += 1
        return real_verify(self, *args, **kw)

    def hash_(self, *args, **kw):
        counts["hash"] += 1
        return real_hash(self, *args, **kw)

    monkeypatch.setattr(PasswordHasher, "verify", verify)
    monkeypatch.setattr(PasswordHasher, "hash", hash_)
    return counts


def lock(office, username):
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInRefused):
            office.desk.sign_in(username, "wrong password")


def refusal(office, username, password, verifications):
    verifications.update(verify=0, hash=0)
    with pytest.raises(SignInRefused) as refused:
        office.desk.sign_in(username, password)
    return refused.value.key, refused.value.message("en"), dict(verifications)


def test_every_refusal_without_the_right_password_reads_the_same(office, verifications):
    office.admin.deactivate("khalid")
    lock(office, "omar")
    cases = {
        "unknown name": refusal(office, "nobody", "wrong password", verifications),
        "wrong password": refusal(office, "sara", "wrong password", verifications),
        "locked, wrong password": refusal(office, "omar", "wrong password", verifications),
        "locked, right password": refusal(office, "omar", "officerpw1", verifications),
        "deactivated, wrong password": refusal(office, "khalid", "wrong password", verifications),
    }
    shown = {(key, text) for key, text, _ in cases.values()}
    assert shown == {("signin.refused", cases["unknown name"][1])}, cases
    assert "nobody" not in cases["unknown name"][1] and "omar" not in cases["locked, wrong password"][1]
    # the same work on every path: exactly one verification, no hashing
    assert {tuple(sorted(c.items())) for _, _, c in cases.values()} == {(("hash", 0), ("verify", 1))}


def test_deactivated_is_said_only_after_the_right_password(office, verifications):
    office.admin.deactivate("khalid")
    key, text, counts = refusal(office, "khalid", "supervisor2", verifications)
    assert key == "signin.inactive" and "khalid" in text
    assert counts == {"verify": 1, "hash": 0}


def test_a_locked_name_checks_no_password_of_its_own(office, monkeypatch):
    """While locked, not even the right password is checked against the person's hash."""
    from desk import service

    lock(office, "omar")
    stored = office.desk.store.staff.require("omar").password_hash
    checked = []
    real = service.password_matches
    monkeypatch.setattr(service, "password_matches", lambda h, p: checked.append(h) or real(h, p))
    for password in ("officerpw1", "wrong password", "another"):
        with pytest.raises(SignInRefused):
            office.desk.sign_in("omar", password)
    assert stored not in checked


def test_a_failure_never_clears_an_active_lock(office):
    lock(office, "omar")
    until = office.desk.store.staff.require("omar").locked_until
    for _ in range(3):
        with pytest.raises(SignInRefused):
            office.desk.sign_in("omar", "wrong password")
    assert office.desk.store.staff.require("omar").locked_until == until
