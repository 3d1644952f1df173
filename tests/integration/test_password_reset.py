"""An administrator's password reset: a one-time password, shown once, that allows
nothing but choosing a new one; the person is told who reset it, when, and what was done
in their name since; a second administrator's confirmation when the office asks for it."""

from __future__ import annotations

import pytest

from desk.core.errors import InvalidInput, NotPermitted
from desk.core.states import State
from desk.core.staff_rules import MIN_PASSWORD

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]


def submitted(office, text="خبر للمراجعة"):
    post_id = office.omar.draft(text)
    office.omar.submit(post_id)
    return post_id


def test_a_reset_gives_a_one_time_password_that_allows_nothing_else(office):
    post_id = submitted(office)
    password = office.admin.reset_password("sara")
    assert password and len(password) >= MIN_PASSWORD
    assert password not in repr(office.snapshot())  # only its hash is kept
    sara = office.desk.sign_in("sara", password)
    assert sara.must_change_password
    before = office.snapshot()
    for act in (lambda: sara.approve(post_id), lambda: sara.publish(post_id), lambda: sara.log(),
                lambda: sara.reject(post_id, "سبب"), lambda: sara.pause()):
        with pytest.raises(NotPermitted) as refused:
            act()
        assert refused.value.key == "password.must_change" and refused.value.exit_code == 3
    assert office.snapshot() == before
    sara.change_password(password, "sara's own new one")
    assert not sara.must_change_password
    sara.approve(post_id)
    assert office.desk.store.posts.get(post_id).state is State.APPROVED


def test_an_open_session_of_the_person_stops_at_the_reset(office):
    post_id = submitted(office)
    sara = office.sara
    office.admin.reset_password("sara")
    with pytest.raises(NotPermitted):
        sara.approve(post_id)
    with pytest.raises(Exception):
        office.desk.sign_in("sara", "supervisor1")  # the old password is gone


def test_the_person_is_told_who_reset_it_and_what_was_done_in_their_name(office):
    post_id = submitted(office)
    password = office.admin.reset_password("sara")
    # the administrator signs in as sara, chooses a password and approves
    impostor = office.desk.sign_in("sara", password)
    impostor.change_password(password, "chosen by admin")
    impostor.approve(post_id)
    # sara cannot sign in any more and asks for a reset: she is shown both resets and the approval
    second = office.admin.reset_password("sara")
    sara = office.desk.sign_in("sara", second)
    notice = sara.reset_notice()
    assert [r["by"] for r in notice["resets"]] == ["admin", "admin"]
    # the password chosen in her name is one of the actions, then the approval
    assert [(a["action"], a["post_id"]) for a in notice["actions"]] == [("staff_password", None), ("approve", post_id)]


def test_changing_ones_password_checks_the_current_one(office):
    omar = office.omar
    before = office.snapshot()
    with pytest.raises(InvalidInput) as refused:
        omar.change_password("not it", "a new password")
    assert refused.value.key == "password.old_wrong"
    with pytest.raises(InvalidInput) as refused:
        omar.change_password("officerpw1", "officerpw1")
    assert refused.value.key == "password.same"
    with pytest.raises(InvalidInput) as refused:
        omar.change_password("officerpw1", "short")
    assert refused.value.key == "staff.weak_password"
    assert office.snapshot() == before


def test_an_administrator_cannot_reset_their_own_password(office):
    with pytest.raises(InvalidInput) as refused:
        office.admin.reset_password("admin")
    assert refused.value.key == "reset.own"


def test_a_second_administrator_confirms_when_the_office_asks(office):
    office.admin.add_staff("amal", "أمل", "administrator", "second admin pw")
    office.admin.set_setting("reset_needs_second_admin", True)
    assert office.admin.reset_password("sara") is None  # waits
    assert office.desk.sign_in("sara", "supervisor1").username == "sara"  # nothing changed yet
    with pytest.raises(InvalidInput) as refused:
        office.admin.reset_password("sara")  # the same administrator cannot confirm
    assert refused.value.key == "reset.needs_other_admin"
    amal = office.desk.sign_in("amal", "second admin pw")
    password = amal.reset_password("sara")
    assert password
    sara = office.desk.sign_in("sara", password)
    assert sara.must_change_password
    [reset] = sara.reset_notice()["resets"]
    assert reset["by"] == "amal" and reset["requested_by"] == "admin"
    assert office.admin.pending_reset("sara") is None


# --------------------------------------------------------------------------- the command line
def test_cli_reset_prints_the_one_time_password_once_and_desk_password_changes_it(office_folder, run_desk):
    post = run_desk("draft", "--text", "خبر", "--as", "omar", "--password-stdin", stdin="officerpw1\n")
    assert post.returncode == 0, post.stderr
    post_id = post.stdout.strip().split()[0]
    assert run_desk("submit", post_id, "--as", "omar", "--password-stdin", stdin="officerpw1\n").returncode == 0
    reset = run_desk("staff", "password", "sara", "--as", "admin", "--password-stdin", stdin="adminpass1\n")
    assert reset.returncode == 0, reset.stderr
    password = reset.stdout.strip()
    assert "one-time" in reset.stderr.lower() and len(password) >= MIN_PASSWORD
    approve = run_desk("approve", post_id, "--as", "sara", "--password-stdin", stdin=password + "\n")
    assert approve.returncode == 3 and "one-time password" in approve.stderr
    changed = run_desk("password", "--as", "sara", stdin=f"{password}\nmy own password\n")
    assert changed.returncode == 0, changed.stderr
    assert "reset by admin" in changed.stderr and "since then: 1" in changed.stderr  # the change itself
    approve = run_desk("approve", post_id, "--as", "sara", "--password-stdin", stdin="my own password\n")
    assert approve.returncode == 0, approve.stderr
