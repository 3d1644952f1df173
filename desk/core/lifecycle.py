"""The lifecycle of a post: which actions a person may take, and where they lead.

``decide`` is pure: it takes what the store read inside its transaction and returns
the new state, or raises a DeskError. The store applies the result in the same
transaction, so every front end gets the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desk.core import roles as role_rules
from desk.core.errors import InvalidInput, NotPermitted, WrongState
from desk.core.roles import Role
from desk.core.states import EDITABLE, SENDABLE, State
from desk.core.text import check_publishable, check_reason


@dataclass(frozen=True)
class Actor:
    username: str
    roles: frozenset[Role]
    system: bool = False  # the outbox acting on its own (publish-due, reconciler)


SYSTEM = Actor("", frozenset(), system=True)


@dataclass(frozen=True)
class PostFacts:
    """What the rules need to know about a post, read inside the acting transaction."""

    post_id: int
    state: State
    author: str
    text: str
    content_hash: str
    approved_hash: str | None = None
    writers: frozenset[str] = frozenset()  # author and everyone who wrote or edited it
    approvers: tuple[str, ...] = ()  # approvals of the current submission and content
    claimed_from: State | None = None  # for "wait": the state its last claim took it from
    more_texts: tuple[str, ...] = ()  # a thread's later parts, each checked as a post of its own
    parts_out: int = 0  # a thread's parts already on X

    @property
    def parts(self) -> int:
        return 1 + len(self.more_texts)


@dataclass(frozen=True)
class Decision:
    to_state: State
    approved_hash: str | None = None  # set when the approval is complete, cleared on edit
    clear_approval: bool = False
    detail: dict = field(default_factory=dict)


# action -> states it may start from
FROM_STATES: dict[str, frozenset[State]] = {
    "edit": EDITABLE,
    "submit": frozenset({State.DRAFT}),
    "recall": frozenset({State.IN_REVIEW}),
    # an approved post short of approvals (the setting was raised since) takes one more
    "approve": frozenset({State.IN_REVIEW}) | SENDABLE,
    "reject": frozenset({State.IN_REVIEW}),
    "return": frozenset({State.IN_REVIEW}),
    "schedule": frozenset({State.APPROVED, State.SCHEDULED, State.MISSED, State.FAILED}),
    "unschedule": frozenset({State.SCHEDULED, State.MISSED}),
    # a thread stopped part-way goes on from its first part not yet out
    "claim": SENDABLE | {State.PARTLY_PUBLISHED},
    "part_sent": frozenset({State.PUBLISHING}),  # one part of a thread out, the next follows
    "sent": frozenset({State.PUBLISHING}),
    "fail": frozenset({State.PUBLISHING}),
    "uncertain": frozenset({State.PUBLISHING}),
    # X said "not now" (a limit, a cap, no credits) and nothing went out: back to its place
    "wait": frozenset({State.PUBLISHING}),
    "settle_published": frozenset({State.UNCERTAIN}),
    "settle_retry": frozenset({State.UNCERTAIN}),
    "miss": frozenset({State.SCHEDULED}),
    "withdraw": frozenset({State.PUBLISHED, State.PARTLY_PUBLISHED}),
    "missing_on_x": frozenset({State.PUBLISHED}),  # a note: the timeline no longer shows it
    "handover": frozenset({State.DRAFT, State.IN_REVIEW}),
}

# the permission-table entry that governs each action
PERMISSION_OF = {
    "edit": "edit",
    "submit": "submit",
    "recall": "recall",
    "approve": "approve",
    "reject": "reject",
    "return": "return",
    "schedule": "schedule",
    "unschedule": "unschedule",
    "claim": "publish",
    "part_sent": "publish",
    "sent": "publish",
    "fail": "publish",
    "uncertain": "publish",
    "wait": "publish",
    "settle_published": "settle",
    "settle_retry": "settle",
    "miss": "publish",
    "withdraw": "withdraw",
    "missing_on_x": "settle",
    "handover": "manage_staff",
}

# actions only the post's author takes
AUTHOR_ONLY = frozenset({"edit", "submit", "recall"})
# actions a second person must take (four eyes)
OTHERS_ONLY = frozenset({"approve", "reject", "return"})


# what the outbox does on its own (publish-due, reconciler); anything else needs a person
SYSTEM_ACTIONS = frozenset({"claim", "part_sent", "sent", "fail", "uncertain", "wait", "settle_published", "settle_retry", "miss",
                            "missing_on_x"})


def _check_actor(action: str, post: PostFacts, actor: Actor) -> None:
    if actor.system and action in SYSTEM_ACTIONS:
        return
    role_rules.require(actor.roles, PERMISSION_OF[action])
    words = role_rules.action_word(action)
    if action in AUTHOR_ONLY and actor.username != post.author:
        raise NotPermitted("perm.not_author", author=post.author, action=words)
    if action in OTHERS_ONLY and actor.username in post.writers | {post.author}:
        raise NotPermitted("perm.own_post", action=words)


def _check_state(action: str, post: PostFacts) -> None:
    if post.state not in FROM_STATES[action]:
        _refuse_state(action, post)


def _refuse_state(action: str, post: PostFacts) -> None:
    # name the action as the person asked for it ("publish"), not the outbox's step ("claim")
    words = action if action in role_rules.ACTION_WORDS else PERMISSION_OF[action]
    raise WrongState(
        "state.wrong",
        post_id=post.post_id,
        state=(post.state.label("en"), post.state.label("ar")),
        action=role_rules.action_word(words),
    )


def check_approval_holds(post: PostFacts, approvals_needed: int = 1) -> None:
    """Publishing checks the hash again: the content must be exactly what was approved,
    by as many people as the office asks for now. The rule in force when the post goes
    out is the one that holds: raising the setting is how an office says one approval is
    no longer enough, and a post approved before must not slip past it."""
    if not post.approved_hash or post.approved_hash != post.content_hash:
        raise WrongState("state.content_changed", post_id=post.post_id)
    have = approvals_held(post)
    if have < approvals_needed:
        raise WrongState("approval.more_needed", post_id=post.post_id, have=have, need=approvals_needed)


def approvals_held(post: PostFacts) -> int:
    """Approvals of the content as it stands; a matching approved hash is at least one."""
    if not post.approved_hash or post.approved_hash != post.content_hash:
        return len(post.approvers)
    return max(len(post.approvers), 1)


def _check_parts(post: PostFacts, char_limit: int) -> None:
    """Each part of a thread goes to X as a post of its own: each must be publishable."""
    check_publishable(post.text, char_limit)
    for number, text in enumerate(post.more_texts, start=2):
        try:
            check_publishable(text, char_limit)
        except InvalidInput as error:
            raise InvalidInput("thread.part_refused", part=number,
                               reason=(error.message("en"), error.message("ar"))) from None


def decide(
    action: str,
    post: PostFacts,
    actor: Actor,
    *,
    approvals_needed: int = 1,
    char_limit: int = 280,
    reason: str | None = None,
    new_author: str | None = None,
) -> Decision:
    """Check who may do ``action`` to ``post`` now and return where it leads."""
    if action not in FROM_STATES:
        raise ValueError(f"unknown action {action}")
    _check_actor(action, post, actor)
    _check_state(action, post)
    if action in ("reject", "return", "withdraw"):  # a person's words, kept in the log
        reason = check_reason(reason)
    else:
        reason = (reason or "").strip() or None

    if action == "edit":
        return Decision(State.DRAFT, clear_approval=True)
    if action == "submit":
        _check_parts(post, char_limit)
        return Decision(State.IN_REVIEW, clear_approval=True)
    if action == "recall":
        return Decision(State.DRAFT, clear_approval=True)
    if action == "approve":
        if actor.username in post.approvers:
            raise NotPermitted("perm.already_approved")
        if post.state is not State.IN_REVIEW:  # only an approval the post is short of
            if post.approved_hash != post.content_hash or approvals_held(post) >= approvals_needed:
                _refuse_state(action, post)
            return Decision(post.state, detail={"approvals": len(post.approvers) + 1, "added": True})
        _check_parts(post, char_limit)
        count = len(post.approvers) + 1
        if count >= approvals_needed:
            return Decision(State.APPROVED, approved_hash=post.content_hash, detail={"approvals": count})
        return Decision(State.IN_REVIEW, detail={"approvals": count})
    if action == "reject":
        if not reason:
            raise InvalidInput("reason.required")
        return Decision(State.REJECTED, clear_approval=True, detail={"reason": reason})
    if action == "return":
        if not reason:
            raise InvalidInput("comment.required")
        return Decision(State.DRAFT, clear_approval=True, detail={"comment": reason})
    if action == "schedule":
        check_approval_holds(post, approvals_needed)
        return Decision(State.SCHEDULED)
    if action == "unschedule":
        return Decision(State.APPROVED)
    if action == "claim":
        check_approval_holds(post, approvals_needed)
        _check_parts(post, char_limit)
        return Decision(State.PUBLISHING)
    if action == "part_sent":
        return Decision(State.PUBLISHING)
    if action == "sent":
        return Decision(State.PUBLISHED)
    if action == "settle_published":  # the uncertain part was out; a thread may have more to go
        return Decision(State.PUBLISHED if post.parts_out + 1 >= post.parts else State.PARTLY_PUBLISHED)
    if action == "fail":
        # Part of a thread on X is never "failed": the public sees half a statement.
        to = State.PARTLY_PUBLISHED if post.parts_out else State.FAILED
        return Decision(to, detail={"message": reason} if reason else {})
    if action == "uncertain":
        return Decision(State.UNCERTAIN, detail={"message": reason} if reason else {})
    if action == "wait":
        # It keeps its place (approved, scheduled, failed or missed, as before the claim)
        # only with its approval intact; anything else cannot wait, it has failed.
        back = post.claimed_from if post.claimed_from in SENDABLE else State.APPROVED
        if not post.approved_hash or post.approved_hash != post.content_hash:
            back = State.FAILED
        if post.parts_out:
            back = State.PARTLY_PUBLISHED
        return Decision(back, detail={"message": reason} if reason else {})
    if action == "settle_retry":
        back = State.PARTLY_PUBLISHED if post.parts_out else State.APPROVED
        return Decision(back, detail={"note": reason} if reason else {})
    if action == "miss":
        return Decision(State.MISSED)
    if action == "withdraw":
        if not reason:
            raise InvalidInput("reason.required")
        return Decision(State.WITHDRAWN, detail={"reason": reason})
    if action == "missing_on_x":
        return Decision(State.PUBLISHED, detail={"note": reason} if reason else {})
    if action == "handover":
        # The new holder becomes the author, and an author's approval never counts. Their
        # approval is voided by sending the post back to draft: it must be submitted again
        # and every approval given afresh, so no one reviews their own post and the log,
        # the export and verify all read the same (approvals count from the last submit).
        if new_author and new_author in post.approvers:
            return Decision(State.DRAFT, clear_approval=True, detail={"voided_approvals": list(post.approvers)})
        return Decision(post.state)
    raise AssertionError(action)
