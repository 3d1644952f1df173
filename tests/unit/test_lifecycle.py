"""The lifecycle rules: roles, states, four eyes (administrators too), the approvals
setting, approval bound to the content hash, and edits voiding an approval.

The first half drives ``lifecycle.decide`` directly; the second half drives the same
rules through a signed-in Session, where the store feeds decide what it read.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.core import roles as role_rules
from desk.core.content import content_hash
from desk.core.errors import InvalidInput, NotPermitted, StoreError, WrongState
from desk.core.lifecycle import SYSTEM, Actor, PostFacts, decide
from desk.core.roles import Role
from desk.core.states import State

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]  # never touch a real keyring

O, S, A = Role.OFFICER, Role.SUPERVISOR, Role.ADMINISTRATOR
TEXT = "الإعلان عن أندية الدرجة الأولى الحاصلة على الرخصة المحلية"
HASH = content_hash(TEXT)


def facts(state=State.IN_REVIEW, author="omar", writers=None, approvers=(), text=TEXT, approved_hash=None,
          digest=None) -> PostFacts:
    return PostFacts(
        post_id=7, state=state, author=author, text=text, content_hash=digest or content_hash(text),
        approved_hash=approved_hash, writers=frozenset(writers if writers is not None else {author}),
        approvers=tuple(approvers),
    )


def actor(name, *roles) -> Actor:
    return Actor(name, frozenset(roles))


OMAR, SARA, KHALID = actor("omar", O), actor("sara", S), actor("khalid", S)
ADMIN = actor("admin", A)


# --------------------------------------------------------------------------- the permission table
# DESIGN.md "People and roles", written out again here so a change to the table shows.
EXPECTED_MAY = {
    O: {"draft", "edit", "submit", "recall", "read_log"},
    S: {"draft", "edit", "submit", "recall", "approve", "reject", "return", "publish", "schedule",
        "unschedule", "withdraw", "settle", "pause", "resume", "export", "read_reach", "read_log"},
    A: {"manage_staff", "manage_institution", "manage_account", "manage_settings", "move_desk", "export", "read_reach",
        "read_log"},
}
ALL_ACTIONS = sorted(set().union(*EXPECTED_MAY.values()))


@pytest.mark.parametrize("role", [O, S, A], ids=lambda r: r.value)
@pytest.mark.parametrize("action", ALL_ACTIONS)
def test_permission_table(role, action):
    expected = action in EXPECTED_MAY[role]
    assert role_rules.may(frozenset({role}), action) is expected
    if expected:
        role_rules.require(frozenset({role}), action)
    else:
        with pytest.raises(NotPermitted) as refused:
            role_rules.require(frozenset({role}), action)
        assert refused.value.key == "perm.role" and refused.value.exit_code == 3


def test_permission_table_has_no_unexpected_actions():
    assert set(role_rules.PERMISSIONS) == set(ALL_ACTIONS)


def test_several_roles_add_up():
    both = frozenset({A, S})
    assert role_rules.may(both, "approve") and role_rules.may(both, "manage_staff")
    assert not role_rules.may(frozenset(), "read_log")


def test_roles_parse_and_refuse_unknown():
    assert role_rules.parse_roles("officer, Supervisor") == frozenset({O, S})
    with pytest.raises(InvalidInput) as refused:
        role_rules.parse_roles("editor")
    assert refused.value.key == "staff.bad_role"
    with pytest.raises(InvalidInput):
        role_rules.parse_roles(" , ")


def test_role_refusal_names_the_roles_in_both_languages():
    with pytest.raises(NotPermitted) as refused:
        decide("approve", facts(), OMAR)
    assert "supervisor" in refused.value.message("en")
    assert "مشرف" in refused.value.message("ar")


@pytest.mark.parametrize("who", [OMAR, ADMIN], ids=["officer", "administrator"])
@pytest.mark.parametrize("action", ["approve", "reject", "return"])
def test_only_supervisors_review(who, action):
    with pytest.raises(NotPermitted) as refused:
        decide(action, facts(author="someone"), who, reason="سبب")
    assert refused.value.key == "perm.role"


@pytest.mark.parametrize("action, state", [("claim", State.APPROVED), ("schedule", State.APPROVED),
                                           ("withdraw", State.PUBLISHED)])
def test_officers_cannot_publish_schedule_or_withdraw(action, state):
    with pytest.raises(NotPermitted):
        decide(action, facts(state=state, approved_hash=HASH), OMAR, reason="سبب")


def test_administrator_alone_cannot_write():
    with pytest.raises(NotPermitted):
        decide("submit", facts(state=State.DRAFT, author="admin"), ADMIN)


# --------------------------------------------------------------------------- states
# action -> the states it may start from (DESIGN.md "Lifecycle of a post")
EXPECTED_FROM = {
    "edit": {State.DRAFT, State.APPROVED, State.SCHEDULED, State.FAILED, State.MISSED},
    "submit": {State.DRAFT},
    "recall": {State.IN_REVIEW},
    "approve": {State.IN_REVIEW},
    "reject": {State.IN_REVIEW},
    "return": {State.IN_REVIEW},
    "schedule": {State.APPROVED, State.SCHEDULED, State.MISSED, State.FAILED},
    "claim": {State.APPROVED, State.SCHEDULED, State.FAILED, State.MISSED, State.PARTLY_PUBLISHED},
    "withdraw": {State.PUBLISHED, State.PARTLY_PUBLISHED},
    "part_sent": {State.PUBLISHING},
    "sent": {State.PUBLISHING},
    "fail": {State.PUBLISHING},
    "uncertain": {State.PUBLISHING},
    "settle_published": {State.UNCERTAIN},
    "settle_retry": {State.UNCERTAIN},
    "miss": {State.SCHEDULED},
}
TARGET = {
    "edit": State.DRAFT, "submit": State.IN_REVIEW, "recall": State.DRAFT, "approve": State.APPROVED,
    "reject": State.REJECTED, "return": State.DRAFT, "schedule": State.SCHEDULED, "claim": State.PUBLISHING,
    "withdraw": State.WITHDRAWN, "part_sent": State.PUBLISHING, "sent": State.PUBLISHED, "fail": State.FAILED, "uncertain": State.UNCERTAIN,
    "settle_published": State.PUBLISHED, "settle_retry": State.APPROVED, "miss": State.MISSED,
}
AUTHOR_ACTIONS = {"edit", "submit", "recall"}


def _who(action):
    return actor("omar", O, S) if action in AUTHOR_ACTIONS else SARA


@pytest.mark.parametrize("state", list(State), ids=lambda s: s.value)
@pytest.mark.parametrize("action", sorted(EXPECTED_FROM))
def test_each_action_starts_only_from_its_states(action, state):
    post = facts(state=state, approved_hash=HASH)
    if state in EXPECTED_FROM[action]:
        decision = decide(action, post, _who(action), reason="سبب واضح")
        assert decision.to_state == TARGET[action]
    else:
        with pytest.raises(WrongState) as refused:
            decide(action, post, _who(action), reason="سبب واضح")
        assert refused.value.key == "state.wrong" and refused.value.exit_code == 4
        assert str(post.post_id) in refused.value.message("en")
        assert state.label("ar") in refused.value.message("ar")


def test_approving_a_draft_and_publishing_a_rejected_post_are_wrong_states():
    with pytest.raises(WrongState):
        decide("approve", facts(state=State.DRAFT), SARA)
    with pytest.raises(WrongState) as refused:
        decide("claim", facts(state=State.REJECTED, approved_hash=HASH), SARA)
    # named as the person asked for it, in their language: publish, not the outbox's "claim"
    assert "cannot publish it now" in refused.value.message("en")
    assert "إجراء النشر" in refused.value.message("ar") and "claim" not in refused.value.message("ar")


def test_unknown_action_is_a_programming_error():
    with pytest.raises(ValueError):
        decide("teleport", facts(), SARA)


# --------------------------------------------------------------------------- ownership and four eyes
@pytest.mark.parametrize("action", ["edit", "submit"])
def test_only_the_author_edits_or_submits(action):
    with pytest.raises(NotPermitted) as refused:
        decide(action, facts(state=State.DRAFT), SARA)
    assert refused.value.key == "perm.not_author"
    assert "omar" in refused.value.message("en")


def test_only_the_author_recalls():
    with pytest.raises(NotPermitted):
        decide("recall", facts(), SARA)
    assert decide("recall", facts(), OMAR).to_state == State.DRAFT


@pytest.mark.parametrize("action", ["approve", "reject", "return"])
def test_a_supervisor_cannot_review_their_own_post(action):
    with pytest.raises(NotPermitted) as refused:
        decide(action, facts(author="sara"), SARA, reason="سبب")
    assert refused.value.key == "perm.own_post"


def test_an_editor_who_is_not_the_author_cannot_approve():
    post = facts(author="omar", writers={"omar", "khalid"})
    with pytest.raises(NotPermitted) as refused:
        decide("approve", post, KHALID)
    assert refused.value.key == "perm.own_post"
    assert decide("approve", post, SARA).to_state == State.APPROVED


def test_four_eyes_holds_for_administrators():
    boss = actor("admin", A, S)
    with pytest.raises(NotPermitted) as refused:
        decide("approve", facts(author="admin"), boss)
    assert refused.value.key == "perm.own_post"
    with pytest.raises(NotPermitted):
        decide("approve", facts(author="omar", writers={"omar", "admin"}), boss)
    # on someone else's untouched post the administrator-supervisor may approve
    assert decide("approve", facts(author="omar"), boss).to_state == State.APPROVED


def test_the_outbox_actor_cannot_review_or_write():
    """SYSTEM publishes what people approved; it never approves, edits or submits itself."""
    for action in ("approve", "reject", "return", "edit", "submit", "withdraw", "handover"):
        state = {"edit": State.DRAFT, "submit": State.DRAFT, "withdraw": State.PUBLISHED,
                 "handover": State.DRAFT}.get(action, State.IN_REVIEW)
        with pytest.raises(NotPermitted):
            decide(action, facts(state=state), SYSTEM, reason="سبب")
    # ...but it does claim and record what it sent
    assert decide("claim", facts(state=State.SCHEDULED, approved_hash=HASH), SYSTEM).to_state == State.PUBLISHING
    assert decide("miss", facts(state=State.SCHEDULED), SYSTEM).to_state == State.MISSED


# --------------------------------------------------------------------------- approvals
def test_one_approval_binds_the_content_hash():
    decision = decide("approve", facts(), SARA)
    assert decision.to_state == State.APPROVED
    assert decision.approved_hash == HASH


def test_two_approvers_needed():
    first = decide("approve", facts(), SARA, approvals_needed=2)
    assert first.to_state == State.IN_REVIEW and first.approved_hash is None
    with pytest.raises(NotPermitted) as refused:
        decide("approve", facts(approvers=["sara"]), SARA, approvals_needed=2)
    assert refused.value.key == "perm.already_approved"
    second = decide("approve", facts(approvers=["sara"]), KHALID, approvals_needed=2)
    assert second.to_state == State.APPROVED and second.approved_hash == HASH


def test_over_long_text_cannot_be_submitted_approved_or_published():
    long_text = "خ" * 281
    with pytest.raises(InvalidInput):
        decide("submit", facts(state=State.DRAFT, text=long_text), OMAR)
    with pytest.raises(InvalidInput):
        decide("approve", facts(text=long_text), SARA)
    with pytest.raises(InvalidInput):
        decide("claim", facts(state=State.APPROVED, text=long_text, approved_hash=content_hash(long_text)), SARA)
    # a Premium account's limit lets it through
    assert decide("submit", facts(state=State.DRAFT, text=long_text), OMAR, char_limit=4000).to_state == State.IN_REVIEW


@pytest.mark.parametrize("approved", [None, content_hash("نص آخر")], ids=["none", "other-content"])
def test_publishing_needs_an_approval_of_this_exact_content(approved):
    for action in ("claim", "schedule"):
        with pytest.raises(WrongState) as refused:
            decide(action, facts(state=State.APPROVED, approved_hash=approved), SARA)
        assert refused.value.key == "state.content_changed"


def test_edit_clears_the_approval():
    decision = decide("edit", facts(state=State.APPROVED, approved_hash=HASH), OMAR)
    assert decision.to_state == State.DRAFT and decision.clear_approval


@pytest.mark.parametrize("action, key", [("reject", "reason.required"), ("return", "comment.required")])
def test_reject_and_return_need_words(action, key):
    for words in (None, "", "   "):
        with pytest.raises(InvalidInput) as refused:
            decide(action, facts(), SARA, reason=words)
        assert refused.value.key == key
    decision = decide(action, facts(), SARA, reason="  يحتاج إلى مصدر  ")
    assert "يحتاج إلى مصدر" in decision.detail.values()


def test_withdraw_needs_a_reason():
    with pytest.raises(InvalidInput):
        decide("withdraw", facts(state=State.PUBLISHED), SARA, reason=" ")
    assert decide("withdraw", facts(state=State.PUBLISHED), SARA, reason="خطأ").to_state == State.WITHDRAWN


# =========================================================================== through a Session
def test_officer_cannot_approve_through_the_desk(office):
    post_id = office.sara.draft(TEXT)
    office.sara.submit(post_id)
    before = office.snapshot()
    with pytest.raises(NotPermitted) as refused:
        office.omar.approve(post_id)
    assert refused.value.key == "perm.role"
    assert office.snapshot() == before


def test_own_post_refused_and_another_supervisor_approves(office):
    post_id = office.sara.draft(TEXT)
    office.sara.submit(post_id)
    before = office.snapshot()
    with pytest.raises(NotPermitted) as refused:
        office.sara.approve(post_id)
    assert refused.value.key == "perm.own_post"
    assert office.snapshot() == before
    post = office.khalid.approve(post_id)
    assert post.state == State.APPROVED and post.approved_hash == post.content_hash


def test_administrator_who_supervises_cannot_approve_own_post(office):
    office.admin.set_roles("admin", "administrator,supervisor")
    boss = office.fresh("admin")
    post_id = boss.draft(TEXT)
    boss.submit(post_id)
    with pytest.raises(NotPermitted) as refused:
        boss.approve(post_id)
    assert refused.value.key == "perm.own_post"
    assert office.sara.approve(post_id).state == State.APPROVED
    # and may approve a post nobody made them touch
    other = office.omar.draft("خبر آخر")
    office.omar.submit(other)
    assert boss.approve(other).state == State.APPROVED


def test_plain_administrator_cannot_approve(office):
    post_id = office.omar.draft(TEXT)
    office.omar.submit(post_id)
    with pytest.raises(NotPermitted) as refused:
        office.admin.approve(post_id)
    assert refused.value.key == "perm.role"


def test_whoever_wrote_or_edited_a_handed_over_post_cannot_approve_it(office):
    office.admin.set_roles("admin", "administrator,supervisor")
    boss = office.fresh("admin")
    post_id = office.sara.draft(TEXT)
    assert office.admin.handover("sara", "khalid") == [post_id]
    office.khalid.edit(post_id, TEXT + " (محدّث)")
    office.khalid.submit(post_id)
    for name in ("sara", "khalid"):  # sara wrote it, khalid edited it
        with pytest.raises(NotPermitted) as refused:
            office.session(name).approve(post_id)
        assert refused.value.key == "perm.own_post"
    assert boss.approve(post_id).state == State.APPROVED


def test_someone_elses_draft_cannot_be_edited(office):
    post_id = office.omar.draft(TEXT)
    before = office.snapshot()
    with pytest.raises(NotPermitted) as refused:
        office.sara.edit(post_id, "تعديل من غير الكاتب")
    assert refused.value.key == "perm.not_author"
    assert office.snapshot() == before


def test_two_approvers_setting(office):
    office.admin.set_setting("approvals_needed", 2)
    with pytest.raises(InvalidInput):
        office.admin.set_setting("approvals_needed", 3)
    with pytest.raises(NotPermitted):
        office.sara.set_setting("approvals_needed", 1)
    post_id = office.omar.draft(TEXT)
    office.omar.submit(post_id)
    assert office.sara.approve(post_id).state == State.IN_REVIEW
    with pytest.raises(NotPermitted) as refused:
        office.sara.approve(post_id)
    assert refused.value.key == "perm.already_approved"
    with pytest.raises(WrongState):  # one approval is not enough to publish
        office.sara.publish(post_id)
    post = office.khalid.approve(post_id)
    assert post.state == State.APPROVED
    assert office.sara.show(post_id)["row"]["approver"] == "sara; khalid"


def test_an_approval_does_not_survive_an_edit_and_resubmission(office):
    office.admin.set_setting("approvals_needed", 2)
    post_id = office.omar.draft(TEXT)
    office.omar.submit(post_id)
    office.sara.approve(post_id)
    office.sara.return_(post_id, "أضف المصدر")
    office.omar.edit(post_id, TEXT + " — المصدر: الوزارة")
    office.omar.submit(post_id)
    # sara's earlier approval was for other content and another submission
    assert office.khalid.approve(post_id).state == State.IN_REVIEW
    assert office.sara.approve(post_id).state == State.APPROVED


def test_edit_voids_the_approval(office):
    post_id = office.approved_post(TEXT)
    approved = office.omar.post(post_id)
    edited = office.omar.edit(post_id, TEXT + "!")
    assert edited.state == State.DRAFT and edited.approved_hash is None
    assert edited.content_hash != approved.content_hash
    with pytest.raises(WrongState):
        office.sara.publish(post_id)
    office.omar.submit(post_id)
    again = office.khalid.approve(post_id)
    assert again.approved_hash == edited.content_hash
    assert office.sara.publish(post_id).state == State.PUBLISHED


def test_changing_only_an_alt_text_voids_the_approval(office, images):
    post_id = office.omar.draft(TEXT, [(("a.png", images.png()), "شعار")])
    office.omar.submit(post_id)
    office.sara.approve(post_id)
    post = office.omar.post(post_id)
    edited = office.omar.edit(post_id, TEXT, images=[(post.media[0], "شعار الوزارة الجديد")])
    assert edited.state == State.DRAFT and edited.approved_hash is None
    assert edited.content_hash != post.content_hash


def test_edit_of_a_scheduled_post_takes_it_off_the_schedule(office):
    post_id = office.approved_post(TEXT)
    office.sara.schedule(post_id, datetime.now(timezone.utc) + timedelta(hours=1))
    office.omar.edit(post_id, TEXT + ".")
    results = office.desk.publish_due(datetime.now(timezone.utc) + timedelta(hours=1, minutes=1))
    assert results == []
    assert office.omar.post(post_id).state == State.DRAFT
    assert office.sara.training_timeline() == []


def test_publishing_checks_the_hash_again(office, raw_sql):
    """Text changed in the database behind the program's back is not what was approved."""
    post_id = office.approved_post(TEXT)
    raw_sql(office.folder, "UPDATE posts SET text = ? WHERE id = ?", ["نص لم يوافق عليه أحد", post_id])
    with pytest.raises(StoreError) as refused:  # the row no longer matches the log, checked first
        office.sara.publish(post_id)
    assert refused.value.key == "audit.refused_tampered"
    assert office.sara.training_timeline() == []


def test_the_rule_itself_refuses_content_that_is_not_what_was_approved():
    """The same rule in core, for any front end that reaches it with changed content."""
    facts = PostFacts(post_id=1, state=State.APPROVED, author="omar", text=TEXT,
                                content_hash="b" * 64, approved_hash="a" * 64,
                                writers=frozenset({"omar"}), approvers=("sara",))
    with pytest.raises(WrongState) as refused:
        decide("claim", facts, Actor("sara", frozenset({Role.SUPERVISOR})),
                         approvals_needed=1, char_limit=280)
    assert refused.value.key == "state.content_changed"


def test_wrong_states_through_the_desk(office):
    draft = office.omar.draft(TEXT)
    with pytest.raises(WrongState):
        office.sara.approve(draft)
    office.omar.submit(draft)
    office.sara.reject(draft, "معلومة غير دقيقة")
    before = office.snapshot()
    with pytest.raises(WrongState):
        office.sara.publish(draft)
    with pytest.raises(WrongState):
        office.omar.edit(draft, "محاولة")
    assert office.snapshot() == before


# ------------------------------------------------------------------ threads
def _thread(state, parts_out, parts=5, **kw):
    from dataclasses import replace

    return replace(facts(state=state, approved_hash=HASH), more_texts=tuple(f"جزء {i}" for i in range(2, parts + 1)),
                   parts_out=parts_out, **kw)


@pytest.mark.parametrize("parts_out", [0, 1, 3, 4])
def test_a_thread_stopped_part_way_is_partly_published_never_failed_or_approved(parts_out):
    expected = State.PARTLY_PUBLISHED if parts_out else None
    assert decide("fail", _thread(State.PUBLISHING, parts_out), SYSTEM).to_state == (expected or State.FAILED)
    assert decide("settle_retry", _thread(State.UNCERTAIN, parts_out), SYSTEM).to_state == (
        expected or State.APPROVED)
    waited = decide("wait", _thread(State.PUBLISHING, parts_out, claimed_from=State.SCHEDULED), SYSTEM)
    assert waited.to_state == (expected or State.SCHEDULED)


@pytest.mark.parametrize("parts_out, to", [(0, State.PARTLY_PUBLISHED), (3, State.PARTLY_PUBLISHED),
                                           (4, State.PUBLISHED)])
def test_the_uncertain_part_found_on_x_settles_the_thread_as_far_as_it_got(parts_out, to):
    assert decide("settle_published", _thread(State.UNCERTAIN, parts_out), SYSTEM).to_state == to


@given(data=st.data(), parts=st.integers(min_value=2, max_value=25))
def test_a_thread_with_any_part_over_the_limit_is_neither_submitted_nor_approved(data, parts):
    from dataclasses import replace

    over = data.draw(st.integers(min_value=2, max_value=parts))
    texts = tuple("ب" * (300 if i == over else 20) for i in range(2, parts + 1))
    for action, state, who in (("submit", State.DRAFT, actor("omar", O, S)), ("approve", State.IN_REVIEW, SARA)):
        with pytest.raises(InvalidInput) as refused:
            decide(action, replace(facts(state=state), more_texts=texts), who)
        assert refused.value.params["part"] == over
