"""Settling uncertain posts: did the attempt reach X or not?

An attempt that timed out or lost its connection may have gone out. The reconciler
reads the account's recent posts and settles each uncertain post as published (found
within the attempt's window) or back to approved (not found: safe to publish again).

The rule for "safe to publish again", and why it holds on the real service:

* X may store a post some time after the request (its timeline lags, and a request
  that timed out on our side may still be processed). We assume that lag is at most
  ``TIMELINE_LAG`` (15 minutes). X documents no bound; delays seen on the real
  service are seconds, minutes during incidents, so 15 minutes is several times the
  worst we have reason to expect, and an office loses little by waiting that long.
* An attempt runs from its claim (the request cannot have left before the claim was
  committed) to the moment the desk recorded it uncertain (or, for a desk that
  stopped while sending, the moment the stall was noticed). Whatever X did with it,
  X's own ``created_at`` lies between the claim and that end plus the lag (with
  ``matching.TOLERANCE`` for the two clocks and X's whole seconds).
* The reconciler reads the timeline from before the claim (``LOOK_BACK``) and matches
  by text and by X's ``created_at`` inside that window. A match settles the post as
  published. No match says nothing while the window is still open: the post stays
  uncertain ("waiting"). Only once the end plus the lag has passed on our clock and
  a full read of the window shows no match is the post set back to approved.
* So a retry can only follow an attempt that X, by then, would show if it had it.
  X's 403 "duplicate content" refusal is a second net, not the rule: X does not
  promise it (nor for how long, nor for texts it thinks differ), so a retry is never
  allowed on its strength; when it does come for a retry, the post is settled as
  published, never as failed.

It holds while X's lag stays under ``TIMELINE_LAG``, the desk's clock is within
``matching.TOLERANCE`` of X's, the window holds fewer posts than the reader pages
through (``x.MAX_PAGES`` × 100), nobody deletes the post on X inside the window, and
the account's timeline is read with the same account the post went to. A post sent
to X while the desk now publishes to training (or back) waits for a person. The
training timeline is the desk's own table and has no lag.

A post deleted on X by hand: whenever the reconciler reads the timeline anyway, a
published post whose id X no longer shows is noted (a ``missing_on_x`` event, once,
for a supervisor), never withdrawn on its own: a timeline that lags, pages short or
answers for the wrong account looks the same as a deletion, and only a person who
looked at X may record "withdrawn outside the desk" (``desk withdraw ID --outside``).
Only posts sent after the read's start and before now minus ``TIMELINE_LAG`` count.

``DESK_CLOCK_AHEAD_SECONDS`` (tests and drills only; unset in normal use) makes the
reconciler act as if that many seconds had passed, so a test can move past the stall
and lag windows without waiting for them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from desk.core.errors import DeskError
from desk.core.lifecycle import SYSTEM
from desk.core.media import attached
from desk.core.states import State
from desk.publish.matching import TOLERANCE, find_match

TIMELINE_LAG = timedelta(minutes=15)  # the longest X may take to store or show a post: see above
LOOK_BACK = timedelta(minutes=5)
CLOCK_AHEAD = "DESK_CLOCK_AHEAD_SECONDS"


def current_time() -> datetime:
    """Now, moved ahead by DESK_CLOCK_AHEAD_SECONDS when that is set (tests, drills)."""
    now = datetime.now(timezone.utc)
    ahead = os.environ.get(CLOCK_AHEAD, "").strip()
    if ahead:
        try:
            now += timedelta(seconds=float(ahead))
        except (ValueError, OverflowError):
            pass
    return now


@dataclass
class Settled:
    post_id: int
    outcome: str  # published, retry, waiting, unreachable
    x_post_id: str = ""
    message: str = ""


STALLED = timedelta(minutes=5)  # far past any request's timeout: the sending desk stopped


def attempt_window(history: list[dict]) -> tuple[datetime, datetime | None, str]:
    """From the last claim to the event that left the post uncertain, and where it went."""
    start, end, kind, _ = attempt(history)
    return start, end, kind


def attempt(history: list[dict]) -> tuple[datetime, datetime | None, str, tuple[str, ...] | None]:
    """The attempt's window and publisher, and the media ids X gave its files (None when
    not known: a desk that stopped mid-send, or an attempt recorded before they were kept)."""
    start = end = media_ids = None
    kind = ""
    for event in history:
        if event["action"] == "claim":
            start, end, media_ids = datetime.fromisoformat(event["at"]), None, None
            kind = (event["detail"] or {}).get("publisher", "")
        elif event["action"] == "part_sent" and start is not None:
            # a thread's next part left only once the one before was recorded
            start, end, media_ids = datetime.fromisoformat(event["at"]), None, None
        elif event["action"] == "uncertain" and start is not None:
            end = datetime.fromisoformat(event["at"])
            ids = ((event["detail"] or {}).get("params") or {}).get("media_ids")
            media_ids = tuple(str(i) for i in ids) if isinstance(ids, list) else None
    return start or datetime.now(timezone.utc), end, kind, media_ids


def mark_stalled(store, now: datetime) -> None:
    """A post still 'publishing' long after its claim was being sent by a desk that
    stopped (killed, crashed, lost its database): it may have gone out, so uncertain."""
    for post_id in store.posts.ids_in(State.PUBLISHING):
        start, _, _ = attempt_window(store.log.history(post_id))
        if now - start < STALLED:
            continue
        with store.transaction():
            if store.posts.get(post_id).state == State.PUBLISHING:
                store.posts.act(post_id, "uncertain", SYSTEM, settings=store.settings.all(),
                                reason="The desk stopped while sending.",
                                detail={"key": "publishing.stopped", "params": {}})


def reconcile(store, publisher, actor=SYSTEM, now: datetime | None = None) -> list[Settled]:
    now = now or current_time()
    mark_stalled(store, now)
    uncertain = store.posts.ids_in(State.UNCERTAIN)
    if not uncertain:
        return []
    windows = {post_id: attempt(store.log.history(post_id)) for post_id in uncertain}
    earliest = min(start for start, _, _, _ in windows.values())
    try:
        remote = publisher.recent_posts(earliest - LOOK_BACK)
    except DeskError as error:
        return [Settled(post_id, "unreachable", message=error.message("en")) for post_id in uncertain]
    results = []
    settings = store.settings.all()
    # The training timeline is the desk's own table, written before 'sent': it never lags.
    lag = TIMELINE_LAG if publisher.kind == "x" else timedelta(0)
    results += note_missing(store, publisher, remote, earliest - LOOK_BACK, now)
    for post_id in uncertain:
        post = store.posts.get(post_id)
        start, end, kind, media_ids = windows[post_id]
        if kind and kind != publisher.kind:
            # Sent to X but the desk now publishes to training (or back): that timeline
            # cannot tell whether the attempt went out, so the post waits.
            results.append(Settled(post_id, "unreachable", message=f"the attempt went to {kind}"))
            continue
        # X's created_at may come as late as the attempt's end plus X's lag. A thread's
        # uncertain part is its first not yet out; its parts out are not it.
        number = len(post.part_ids)
        part = post.parts[min(number, len(post.parts) - 1)]
        candidates = [r for r in remote if r.x_post_id not in post.part_ids] if post.is_thread else remote
        match = find_match(part.text, candidates, start, (end or now) + lag,
                           images=len(attached(part.media)), reply=bool(number or post.reply_to),
                           media_ids=media_ids)
        url = publisher.post_url(match.x_post_id) if match is not None else ""
        with store.transaction():
            if store.posts.get(post_id).state != State.UNCERTAIN:
                continue  # settled meanwhile by another desk or publish-due run
            if match is not None and post.is_thread:
                ids = [*post.part_ids, match.x_post_id]
                fields = {"part_ids": ",".join(ids), "training": int(publisher.kind == "training")}
                if number == 0:
                    fields.update(x_post_id=match.x_post_id, x_url=url)
                store.posts.act(post_id, "settle_published", actor, settings=settings, set_fields=fields,
                                detail={"x_post_id": ids[0], "part_ids": ",".join(ids), "part_x_id": match.x_post_id,
                                        "part": number + 1, "parts": len(post.parts), "found": "timeline"})
                results.append(Settled(post_id, "published", match.x_post_id))
            elif match is not None:
                store.posts.act(post_id, "settle_published", actor, settings=settings,
                                set_fields={"x_post_id": match.x_post_id, "x_url": url,
                                            "training": int(publisher.kind == "training")},
                                detail={"x_post_id": match.x_post_id, "found": "timeline"})
                results.append(Settled(post_id, "published", match.x_post_id))
            elif now - (end or start) < lag:
                results.append(Settled(post_id, "waiting"))
            else:
                store.posts.act(post_id, "settle_retry", actor, settings=settings,
                                reason="Not found on the account's timeline: safe to publish again.",
                                detail={"part": number + 1, "parts": len(post.parts)} if post.is_thread else None)
                results.append(Settled(post_id, "retry"))
    return results


def _sent_at(history: list[dict]) -> datetime | None:
    for event in reversed(history):
        if event["action"] in ("sent", "settle_published"):
            return datetime.fromisoformat(event["at"])
    return None


def note_missing(store, publisher, remote, since: datetime, now: datetime) -> list[Settled]:
    """Published posts the timeline read should show and does not: noted, not withdrawn."""
    from desk.publish.x import MAX_PAGES

    if publisher.kind != "x" or len(remote) >= MAX_PAGES * 100:
        return []  # a read cut short proves nothing about what it did not reach
    shown = {item.x_post_id for item in remote}
    notes = []
    for post_id in store.posts.ids_in(State.PUBLISHED):
        post = store.posts.get(post_id)
        # a thread by its last part: the one its 'sent' dates (its first may be older than the read)
        looked_for = post.part_ids[-1] if post.is_thread and post.part_ids else post.x_post_id
        if post.training or not looked_for or looked_for in shown:
            continue
        history = store.log.history(post_id)
        sent = _sent_at(history)
        if sent is None or not (since + TOLERANCE <= sent <= now - TIMELINE_LAG):
            continue
        if history[-1]["action"] == "missing_on_x":
            continue  # said once already; the supervisor decides
        with store.transaction():
            store.posts.act(post_id, "missing_on_x", SYSTEM, settings=store.settings.all(),
                            reason="X's timeline no longer shows this post; a supervisor should check X.",
                            detail={"key": "x.missing", "params": {"x_post_id": looked_for},
                                    "x_post_id": looked_for})
        notes.append(Settled(post_id, "missing", looked_for))
    return notes
