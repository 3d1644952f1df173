"""Rules that hold for a session that stays open, and for the outbox after a crash."""

from datetime import datetime, timedelta, timezone

import pytest

from desk.core.errors import Conflict, InvalidInput, NotPermitted, PublishError, SignInRefused, WrongState
from desk.core.states import State
from desk.publish.reconcile import reconcile
from desk.publish.training import TrainingPublisher
pytestmark = pytest.mark.both_stores

PW = "password-123"


@pytest.fixture
def office(desk_factory):
    desk = desk_factory()
    desk.init("مكتب الاتصال", "Communications Office", "office", "admin", "Admin", PW)
    admin = desk.sign_in("admin", PW)
    admin.add_staff("omar", "عمر", "officer", PW)
    admin.add_staff("sara", "سارة", "supervisor", PW)
    admin.add_staff("huda", "هدى", "supervisor", PW)
    return desk


def approved_post(desk, text):
    omar = desk.sign_in("omar", PW)
    post_id = omar.draft(text)
    omar.submit(post_id)
    desk.sign_in("sara", PW).approve(post_id)
    return post_id


def test_a_deactivated_supervisor_cannot_act_through_a_window_left_open(office, headlines):
    omar, huda = office.sign_in("omar", PW), office.sign_in("huda", PW)
    post_id = omar.draft(headlines[0])
    omar.submit(post_id)
    office.sign_in("admin", PW).deactivate("huda")
    with pytest.raises(SignInRefused):
        huda.approve(post_id)
    assert office.store.posts.get(post_id).state == State.IN_REVIEW


def test_a_demoted_supervisor_loses_approval_at_once(office, headlines):
    omar, huda = office.sign_in("omar", PW), office.sign_in("huda", PW)
    post_id = omar.draft(headlines[1])
    omar.submit(post_id)
    office.sign_in("admin", PW).set_roles("huda", "officer")
    with pytest.raises(NotPermitted):
        huda.approve(post_id)


def test_an_administrator_cannot_pause_publishing_through_the_settings(office):
    admin = office.sign_in("admin", PW)
    for key in ("paused", "x_handle"):
        with pytest.raises(InvalidInput):
            admin.set_setting(key, "1")
    assert office.settings()["paused"] is False


def test_handing_drafts_to_an_administrator_names_the_problem(office, headlines):
    office.sign_in("omar", PW).draft(headlines[2])
    with pytest.raises(InvalidInput) as refused:
        office.sign_in("admin", PW).handover("omar", "admin")
    assert refused.value.key == "staff.cannot_take_drafts"


def test_an_institution_name_cannot_be_emptied(office):
    with pytest.raises(InvalidInput):
        office.sign_in("admin", PW).update_institution(name_en="  ")
    assert office.institution()["name_en"] == "Communications Office"


def test_a_post_left_publishing_by_a_stopped_desk_becomes_uncertain_then_settles(office, headlines):
    post_id = approved_post(office, headlines[3])
    sara = office.sign_in("sara", PW)
    with office.store.transaction():  # the claim commits, then the desk is killed before sending
        office.store.posts.act(post_id, "claim", sara.actor, settings=office.settings(),
                               detail={"publisher": "training"})
    publisher = TrainingPublisher(office.store)

    assert reconcile(office.store, publisher) == []  # young: another desk may still be sending it
    assert office.store.posts.get(post_id).state == State.PUBLISHING

    later = datetime.now(timezone.utc) + timedelta(minutes=10)
    settled = reconcile(office.store, publisher, now=later)
    assert [s.outcome for s in settled] == ["retry"]  # not on the training timeline: safe to send
    assert office.store.posts.get(post_id).state == State.APPROVED
    actions = [e["action"] for e in office.store.log.history(post_id)]
    assert actions[-2:] == ["uncertain", "settle_retry"]


def test_an_attempt_sent_elsewhere_is_not_settled_by_this_timeline(office, headlines):
    post_id = approved_post(office, headlines[4])
    sara = office.sign_in("sara", PW)
    with office.store.transaction():
        office.store.posts.act(post_id, "claim", sara.actor, settings=office.settings(), detail={"publisher": "x"})
        office.store.posts.act(post_id, "uncertain", sara.actor, settings=office.settings())
    later = datetime.now(timezone.utc) + timedelta(minutes=10)
    settled = reconcile(office.store, TrainingPublisher(office.store), now=later)
    assert [s.outcome for s in settled] == ["unreachable"]
    assert office.store.posts.get(post_id).state == State.UNCERTAIN


def test_withdraw_with_a_stale_version_changes_nothing_anywhere(office, headlines):
    post_id = approved_post(office, headlines[5])
    sara = office.sign_in("sara", PW)
    published = sara.publish(post_id)
    with pytest.raises(Conflict):
        sara.withdraw(post_id, "خطأ في الخبر", expected_version=published.version - 1)
    assert office.store.training.entries() != []  # still on the timeline
    assert sara.withdraw(post_id, "خطأ في الخبر").state == State.WITHDRAWN


def test_withdrawing_a_post_already_gone_from_the_timeline_is_explained_and_changes_nothing(office, headlines):
    post_id = approved_post(office, headlines[6])
    sara = office.sign_in("sara", PW)
    post = sara.publish(post_id)
    with office.store.transaction():
        office.store.training.delete(int(post.x_post_id.removeprefix("training-")))
    with pytest.raises(PublishError) as refused:
        sara.withdraw(post_id, "حُذف من قبل")
    assert refused.value.key == "x.post_gone"  # not "x.not_found" with an unfilled {detail}
    assert office.store.posts.get(post_id).state == State.PUBLISHED


def test_a_post_without_an_x_number_cannot_be_withdrawn_by_the_desk(office, headlines):
    post_id = approved_post(office, headlines[7])
    sara = office.sign_in("sara", PW)
    with office.store.transaction():
        office.store.posts.act(post_id, "claim", sara.actor, settings=office.settings())
        office.store.posts.act(post_id, "sent", sara.actor, settings=office.settings())
    with pytest.raises(WrongState) as refused:
        sara.withdraw(post_id, "سبب")
    assert refused.value.key == "withdraw.no_id"
