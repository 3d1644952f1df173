"""Staff: Argon2id, locking after five wrong passwords, deactivation, handover, and the
desk always keeping an active administrator."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from argon2 import Type, extract_parameters

from desk import service
from desk.core.errors import DeskError, InvalidInput, NotPermitted, SignInRefused
from desk.core.roles import Role
from desk.core.staff_rules import LOCK_MINUTES, MAX_FAILURES, hash_password, password_matches
from desk.core.states import State

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]  # never touch a real keyring


class Clock:
    """Moves the desk's idea of 'now' (desk.service reads datetime.now)."""

    def __init__(self, monkeypatch):
        self.offset = timedelta()
        clock = self

        class Shifted(datetime):
            @classmethod
            def now(cls, tz=None):
                return datetime.now(tz) + clock.offset

        monkeypatch.setattr(service, "datetime", Shifted)

    def advance(self, **kw):
        self.offset += timedelta(**kw)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


# --------------------------------------------------------------------------- passwords
def test_passwords_are_hashed_with_argon2id(office):
    office.admin.add_staff("huda", "هدى", "officer", "a long secret 1")
    member = office.desk.store.staff.require("huda")
    assert member.password_hash.startswith("$argon2id$")
    parameters = extract_parameters(member.password_hash)
    assert parameters.type is Type.ID
    assert parameters.memory_cost >= 19 * 1024 and parameters.time_cost >= 2
    assert password_matches(member.password_hash, "a long secret 1")
    assert not password_matches(member.password_hash, "a long secret 2")
    assert "a long secret 1" not in repr(office.snapshot())
    assert member.password_hash not in repr(member)


def test_same_password_hashes_differently():
    first, second = hash_password("same password"), hash_password("same password")
    assert first != second  # salted
    assert password_matches(first, "same password") and password_matches(second, "same password")


def test_malformed_hash_never_matches():
    assert not password_matches("not a hash", "anything")
    assert not password_matches(hash_password("password1"), None)


@pytest.mark.parametrize("password", ["", "short", "1234567"])
def test_weak_password_refused(office, password):
    with pytest.raises(InvalidInput) as refused:
        office.admin.add_staff("huda", "هدى", "officer", password)
    assert refused.value.key == "staff.weak_password"
    assert office.desk.store.staff.get("huda") is None


@pytest.mark.parametrize("username", ["a", "has space", "عمر", "-dash", "x" * 33])
def test_bad_username_refused(office, username):
    with pytest.raises(InvalidInput) as refused:
        office.admin.add_staff(username, "اسم", "officer", "password123")
    assert refused.value.key == "staff.bad_username"


def test_duplicate_username_refused(office):
    before = office.snapshot()
    with pytest.raises(InvalidInput) as refused:
        office.admin.add_staff("OMAR", "عمر آخر", "officer", "password123")
    assert refused.value.key == "staff.exists"
    assert office.snapshot() == before


def test_only_administrators_manage_staff(office):
    for who in ("omar", "sara"):
        with pytest.raises(NotPermitted):
            office.session(who).add_staff("huda", "هدى", "officer", "password123")
        with pytest.raises(NotPermitted):
            office.session(who).deactivate("khalid")


# --------------------------------------------------------------------------- signing in
def test_sign_in_with_the_right_password(office):
    session = office.desk.sign_in("  Omar ", "officerpw1")
    assert session.username == "omar" and session.member.roles == frozenset({Role.OFFICER})


def test_wrong_password_and_unknown_name_say_the_same(office):
    with pytest.raises(SignInRefused) as wrong:
        office.desk.sign_in("omar", "not-it-at-all")
    with pytest.raises(SignInRefused) as unknown:
        office.desk.sign_in("nobody", "not-it-at-all")
    assert wrong.value.key == unknown.value.key == "signin.refused"
    assert wrong.value.exit_code == 3
    assert office.desk.store.staff.require("omar").failed_count == 1


def test_five_wrong_passwords_lock_for_fifteen_minutes(office, clock):
    desk = office.desk
    for attempt in range(1, MAX_FAILURES):
        with pytest.raises(SignInRefused) as refused:
            desk.sign_in("omar", f"wrong password {attempt}")
        assert refused.value.key == "signin.refused"
        assert desk.store.staff.require("omar").failed_count == attempt
    with pytest.raises(SignInRefused) as refused:
        desk.sign_in("omar", "wrong password 5")
    assert refused.value.key == "signin.refused"  # the lock is not told apart from a wrong password
    member = desk.store.staff.require("omar")
    expected = datetime.now(timezone.utc) + timedelta(minutes=LOCK_MINUTES)
    assert abs((member.locked_until - expected).total_seconds()) < 30
    # the lock is logged
    locked = [e for e in desk.store.log.staff_events() if e["action"] == "staff_locked"]
    assert len(locked) == 1 and locked[0]["detail"]["username"] == "omar"
    # even the right password is refused while locked (it is not even checked)
    with pytest.raises(SignInRefused) as refused:
        desk.sign_in("omar", "officerpw1")
    assert refused.value.key == "signin.refused"
    clock.advance(minutes=LOCK_MINUTES - 1)
    with pytest.raises(SignInRefused) as refused:
        desk.sign_in("omar", "officerpw1")
    assert refused.value.key == "signin.refused"
    clock.advance(minutes=1, seconds=5)
    assert desk.sign_in("omar", "officerpw1").username == "omar"
    member = desk.store.staff.require("omar")
    assert member.failed_count == 0 and member.locked_until is None


def test_a_right_password_resets_the_count(office):
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(SignInRefused):
            office.desk.sign_in("omar", "wrong password")
    office.desk.sign_in("omar", "officerpw1")
    assert office.desk.store.staff.require("omar").failed_count == 0
    with pytest.raises(SignInRefused) as refused:  # counting starts again
        office.desk.sign_in("omar", "wrong password")
    assert refused.value.key == "signin.refused"


def test_locking_one_name_leaves_others_alone(office):
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInRefused):
            office.desk.sign_in("omar", "wrong password")
    assert office.desk.sign_in("sara", "supervisor1").username == "sara"


def test_administrator_reset_unlocks(office):
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInRefused):
            office.desk.sign_in("omar", "wrong password")
    one_time = office.admin.reset_password("omar")
    assert office.desk.sign_in("omar", one_time).username == "omar"


# --------------------------------------------------------------------------- deactivation
def test_deactivated_cannot_sign_in_but_history_keeps_the_name(office):
    post_id = office.omar.draft("خبر كتبه عمر")
    office.omar.submit(post_id)
    office.sara.approve(post_id)
    office.admin.deactivate("omar")
    with pytest.raises(SignInRefused) as refused:
        office.desk.sign_in("omar", "officerpw1")
    assert refused.value.key == "signin.inactive" and refused.value.exit_code == 3
    assert "omar" in refused.value.message("en")
    row = office.sara.show(post_id)["row"]
    assert row["author"] == "omar" and row["author_name"] == "عمر الحربي"
    assert row["approver"] == "sara" and row["approver_name"] == "سارة القحطاني"
    history = office.sara.show(post_id)["history"]
    assert [e["actor"] for e in history[:2]] == ["omar", "omar"]
    member = office.desk.store.staff.require("omar")
    assert not member.active and member.name == "عمر الحربي"
    assert any(e["action"] == "staff_deactivate" and e["detail"]["username"] == "omar"
               for e in office.desk.store.log.staff_events())


def test_deactivating_twice_is_refused(office):
    office.admin.deactivate("khalid")
    with pytest.raises(InvalidInput) as refused:
        office.admin.deactivate("khalid")
    assert refused.value.key == "staff.inactive_target"


# --------------------------------------------------------------------------- handover
def test_handover_moves_open_drafts_and_is_logged(office):
    draft = office.omar.draft("مسودة أولى")
    in_review = office.omar.draft("مسودة ثانية")
    office.omar.submit(in_review)
    approved = office.approved_post("منشور معتمد")
    moved = office.admin.handover("omar", "sara")
    assert moved == [draft, in_review]
    assert office.sara.post(draft).author == "sara"
    assert office.sara.post(in_review).author == "sara"
    assert office.sara.post(approved).author == "omar"  # not open: stays with its author
    assert office.sara.post(in_review).state == State.IN_REVIEW
    for post_id in moved:
        last = office.sara.show(post_id)["history"][-1]
        assert last["action"] == "handover" and last["actor"] == "admin"
        assert last["detail"]["from"] == "omar" and last["detail"]["to"] == "sara"
    assert office.desk.verify().ok
    # the new author edits; the original writer still may not approve (omar is no supervisor anyway)
    office.sara.edit(draft, "مسودة أولى بعد التسليم")


def test_deactivate_with_handover_is_one_step(office):
    draft = office.omar.draft("مسودة")
    moved = office.admin.deactivate("omar", hand_to="khalid")
    assert moved == [draft]
    assert office.khalid.post(draft).author == "khalid"
    assert not office.desk.store.staff.require("omar").active


@pytest.mark.parametrize(
    "target, key",
    [("omar", "staff.same_person"), ("admin", "staff.cannot_take_drafts"), ("ghost", "staff.not_found"),
     ("khalid", "staff.inactive_target")],
)
def test_handover_to_someone_who_cannot_take_it(office, target, key):
    office.omar.draft("مسودة")
    office.admin.deactivate("khalid")
    before = office.snapshot()
    with pytest.raises(DeskError) as refused:
        office.admin.handover("omar", target)
    assert refused.value.key == key
    assert office.snapshot() == before


def test_failed_deactivation_hands_nothing_over(office):
    """Handover and deactivation are one transaction: refusing one undoes both."""
    office.omar.draft("مسودة")
    before = office.snapshot()
    with pytest.raises(NotPermitted):
        office.admin.deactivate("admin", hand_to="sara")  # the last administrator
    assert office.snapshot() == before


# --------------------------------------------------------------------------- the last administrator
def test_last_administrator_cannot_be_deactivated_or_demoted(office):
    before = office.snapshot()
    with pytest.raises(NotPermitted) as refused:
        office.admin.deactivate("admin")
    assert refused.value.key == "perm.last_admin" and refused.value.exit_code == 3
    with pytest.raises(NotPermitted) as refused:
        office.admin.set_roles("admin", "supervisor")
    assert refused.value.key == "perm.last_admin"
    assert office.snapshot() == before
    # adding roles to the last administrator is fine
    office.admin.set_roles("admin", "administrator,supervisor")


def test_with_a_second_administrator_one_may_go(office):
    office.admin.set_roles("sara", "supervisor,administrator")
    office.admin.set_roles("admin", "supervisor")
    sara = office.fresh("sara")
    with pytest.raises(NotPermitted) as refused:
        sara.deactivate("sara")
    assert refused.value.key == "perm.last_admin"
    actives = [m for m in sara.staff() if m.active and Role.ADMINISTRATOR in m.roles]
    assert [m.username for m in actives] == ["sara"]


def test_a_deactivated_administrator_does_not_count(office):
    office.admin.add_staff("boss2", "المدير الثاني", "administrator", "password123")
    office.admin.deactivate("boss2")
    with pytest.raises(NotPermitted):
        office.admin.deactivate("admin")
