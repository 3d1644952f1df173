"""Properties: X's weighted length, the content hash, and four eyes for any actor."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desk.core.content import MediaItem, content_hash
from desk.core.errors import DeskError, InvalidInput, NotPermitted
from desk.core.lifecycle import FROM_STATES, Actor, PostFacts, decide
from desk.core.roles import Role
from desk.core.states import SENDABLE, State
from desk.core.text import check_characters, check_publishable, weighted_length

# The autouse data-folder fixture is function-scoped; these tests never touch it.
props = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

ARABIC = st.characters(min_codepoint=0x0621, max_codepoint=0x064A)
LATIN = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
# No dots, slashes or combining marks: no links, nothing that joins across a boundary.
PLAIN = st.text(st.one_of(ARABIC, LATIN, CJK), max_size=200)


def is_cjk(char: str) -> bool:
    return 0x4E00 <= ord(char) <= 0x4FFF


# --------------------------------------------------------------------------- weighted length
@props
@given(PLAIN)
def test_weight_is_one_per_letter_and_two_per_cjk(text):
    assert weighted_length(text) == sum(2 if is_cjk(c) else 1 for c in text)


@props
@given(PLAIN, PLAIN)
def test_weight_adds_up_over_concatenation(a, b):
    assert weighted_length(a + b) == weighted_length(a) + weighted_length(b)


@props
@given(st.text(max_size=300))
def test_weight_of_any_text_is_bounded(text):
    length = weighted_length(text)
    assert 0 <= length <= 2 * len(text) + 23 * (text.count(".") + 1)


@props
@given(st.text(st.one_of(ARABIC, LATIN, CJK), min_size=1, max_size=400), st.integers(280, 600))
def test_publishable_exactly_when_within_the_limit(text, limit):
    assume(text.strip())
    length = weighted_length(text, limit)
    if length <= limit:
        check_publishable(text, limit)
    else:
        with pytest.raises(InvalidInput) as refused:
            check_publishable(text, limit)
        assert refused.value.params == {"length": length, "limit": limit}


@props
@given(st.text(max_size=50))
def test_character_check_refuses_exactly_the_bad_ones(text):
    bad = [c for c in text if 0xD800 <= ord(c) <= 0xDFFF or ord(c) in (0, 0xFFFE, 0xFFFF)
           or (ord(c) < 0x20 and c not in "\n\t\r")]
    if bad:
        with pytest.raises(InvalidInput):
            check_characters(text)
    else:
        check_characters(text)


# --------------------------------------------------------------------------- content hash
MEDIA = st.builds(
    lambda data, alt: MediaItem(hashlib.sha256(data).hexdigest(), "png", alt, len(data)),
    st.binary(max_size=16), st.text(max_size=20),
)
CONTENT = st.tuples(st.text(max_size=60), st.lists(MEDIA, max_size=4), st.one_of(st.none(), st.from_regex(r"[0-9]{1,19}", fullmatch=True)))


@props
@given(CONTENT, st.data())
def test_content_hash_changes_with_any_component(content, data):
    text, media, reply = content
    original = content_hash(text, media, reply)
    assert original == content_hash(text, list(media), reply)
    part = data.draw(st.sampled_from(["text", "media", "alt", "order", "reply"]))
    if part == "text":
        new_text = data.draw(st.text(max_size=60).filter(lambda t: t != text))
        changed = content_hash(new_text, media, reply)
    elif part == "media":
        new_media = data.draw(st.lists(MEDIA, max_size=4).filter(lambda m: [(i.sha256, i.alt) for i in m] != [(i.sha256, i.alt) for i in media]))
        changed = content_hash(text, new_media, reply)
    elif part == "alt":
        assume(media)
        index = data.draw(st.integers(0, len(media) - 1))
        new_alt = data.draw(st.text(max_size=20).filter(lambda a: a != media[index].alt))
        new_media = list(media)
        new_media[index] = MediaItem(media[index].sha256, media[index].ext, new_alt, media[index].size)
        changed = content_hash(text, new_media, reply)
    elif part == "order":
        shown = [(m.sha256, m.alt) for m in media]
        assume(shown != shown[::-1])  # a palindrome of images reads the same both ways
        changed = content_hash(text, list(reversed(media)), reply)
    else:
        new_reply = data.draw(st.one_of(st.none(), st.from_regex(r"[0-9]{1,19}", fullmatch=True)).filter(lambda r: r != reply))
        changed = content_hash(text, media, new_reply)
    assert changed != original


# --------------------------------------------------------------------------- four eyes for anyone
NAMES = ["omar", "sara", "khalid", "admin", "huda", ""]
ROLES = st.frozensets(st.sampled_from(list(Role)))
ACTORS = st.builds(Actor, st.sampled_from(NAMES), ROLES, st.booleans())


@st.composite
def posts(draw):
    author = draw(st.sampled_from(NAMES[:-1]))
    writers = draw(st.frozensets(st.sampled_from(NAMES[:-1]))) | {author}
    text = draw(st.sampled_from(["خبر قصير", "ن" * 281, "short news"]))
    digest = content_hash(text)
    approved = draw(st.sampled_from([None, digest, content_hash("غيره")]))
    return PostFacts(
        post_id=draw(st.integers(1, 10**6)), state=draw(st.sampled_from(list(State))), author=author, text=text,
        content_hash=digest, approved_hash=approved, writers=writers,
        approvers=tuple(draw(st.lists(st.sampled_from(NAMES[:-1]), max_size=2, unique=True))),
        claimed_from=draw(st.one_of(st.none(), st.sampled_from(list(State)))),
    )


@props
@given(posts(), ACTORS, st.sampled_from([1, 2]))
def test_nobody_who_wrote_or_edited_a_post_ever_approves_it(post, actor, needed):
    try:
        decision = decide("approve", post, actor, approvals_needed=needed)
    except DeskError:
        return
    assert actor.username not in post.writers | {post.author}
    assert Role.SUPERVISOR in actor.roles
    assert actor.username not in post.approvers
    if post.state != State.IN_REVIEW:  # only the approval an approved post is short of
        from desk.core.lifecycle import approvals_held

        assert post.approved_hash == post.content_hash and approvals_held(post) < needed
        assert decision.to_state == post.state and decision.approved_hash is None
        return
    if decision.to_state == State.APPROVED:
        assert decision.approved_hash == post.content_hash
        assert len(post.approvers) + 1 >= needed
    else:
        assert decision.to_state == State.IN_REVIEW and decision.approved_hash is None


@props
@given(posts(), ACTORS)
def test_an_author_is_always_refused_review(post, actor):
    author = Actor(post.author, actor.roles, actor.system)
    for action in ("approve", "reject", "return"):
        with pytest.raises(DeskError) as refused:
            decide(action, post, author, reason="سبب")
        if post.state in FROM_STATES[action] and Role.SUPERVISOR in actor.roles:
            assert isinstance(refused.value, NotPermitted) and refused.value.key == "perm.own_post"


@props
@given(posts(), ACTORS, st.sampled_from(sorted(FROM_STATES)))
def test_nothing_is_sent_without_an_approval_of_this_content(post, actor, action):
    try:
        decision = decide(action, post, actor, reason="سبب")
    except DeskError:
        return
    if decision.to_state in (State.PUBLISHING, State.SCHEDULED):
        assert post.approved_hash == post.content_hash
        # a post that waits for X's limit sends nothing: its next claim checks the length again
        assert weighted_length(post.text) <= 280 or action in ("schedule", "wait")


@props
@given(posts(), ACTORS)
def test_a_post_x_said_not_now_to_goes_back_to_its_place_or_fails(post, actor):
    """X's "not now" (429, 402) sent nothing: the post goes back to the state its claim took it
    from, with its approval intact; it never lands anywhere a post could not be sent from."""
    try:
        decision = decide("wait", post, actor)
    except DeskError:
        assert post.state != State.PUBLISHING or not (actor.system or Role.SUPERVISOR in actor.roles)
        return
    assert post.state == State.PUBLISHING
    assert decision.to_state in SENDABLE and not decision.clear_approval and decision.approved_hash is None
    if post.approved_hash != post.content_hash or not post.approved_hash:
        assert decision.to_state == State.FAILED
    elif post.claimed_from in SENDABLE:
        assert decision.to_state == post.claimed_from
    else:
        assert decision.to_state == State.APPROVED
