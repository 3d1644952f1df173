"""Settling uncertain posts: did the attempt reach X or not?

An attempt that timed out or lost its connection may have gone out. The reconciler
reads the account's recent posts and settles each uncertain post as published (found
within the attempt's window) or back to approved (not found: safe to retry). While the
attempt is younger than X's timeline lag, it waits rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from desk.core.errors import DeskError
from desk.core.lifecycle import SYSTEM
from desk.core.states import State
from desk.publish.matching import find_match

TIMELINE_LAG = timedelta(seconds=30)  # X's timeline can trail a new post by a few seconds
LOOK_BACK = timedelta(minutes=5)


@dataclass
class Settled:
    post_id: int
    outcome: str  # published, retry, waiting, unreachable
    x_post_id: str = ""
    message: str = ""


STALLED = timedelta(minutes=5)  # far past any request's timeout: the sending desk stopped


def attempt_window(history: list[dict]) -> tuple[datetime, datetime | None, str]:
    """From the last claim to the event that left the post uncertain, and where it went."""
    start = end = None
    kind = ""
    for event in history:
        if event["action"] == "claim":
            start, end = datetime.fromisoformat(event["at"]), None
            kind = (event["detail"] or {}).get("publisher", "")
        elif event["action"] == "uncertain" and start is not None:
            end = datetime.fromisoformat(event["at"])
    return start or datetime.now(timezone.utc), end, kind


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
    now = now or datetime.now(timezone.utc)
    mark_stalled(store, now)
    uncertain = store.posts.ids_in(State.UNCERTAIN)
    if not uncertain:
        return []
    windows = {post_id: attempt_window(store.log.history(post_id)) for post_id in uncertain}
    earliest = min(start for start, _, _ in windows.values())
    try:
        remote = publisher.recent_posts(earliest - LOOK_BACK)
    except DeskError as error:
        return [Settled(post_id, "unreachable", message=error.message("en")) for post_id in uncertain]
    results = []
    settings = store.settings.all()
    for post_id in uncertain:
        post = store.posts.get(post_id)
        start, end, kind = windows[post_id]
        if kind and kind != publisher.kind:
            # Sent to X but the desk now publishes to training (or back): that timeline
            # cannot tell whether the attempt went out, so the post waits.
            results.append(Settled(post_id, "unreachable", message=f"the attempt went to {kind}"))
            continue
        match = find_match(post.text, remote, start, end)
        url = _url(publisher, match.x_post_id) if match is not None else ""
        with store.transaction():
            if store.posts.get(post_id).state != State.UNCERTAIN:
                continue  # settled meanwhile by another desk or publish-due run
            if match is not None:
                store.posts.act(post_id, "settle_published", actor, settings=settings,
                                set_fields={"x_post_id": match.x_post_id, "x_url": url,
                                            "training": int(publisher.kind == "training")},
                                detail={"x_post_id": match.x_post_id, "found": "timeline"})
                results.append(Settled(post_id, "published", match.x_post_id))
            elif now - (end or start) < TIMELINE_LAG:
                results.append(Settled(post_id, "waiting"))
            else:
                store.posts.act(post_id, "settle_retry", actor, settings=settings,
                                reason="Not found on the account's timeline: safe to publish again.")
                results.append(Settled(post_id, "retry"))
    return results


def _url(publisher, x_post_id: str) -> str:
    if publisher.kind == "training":
        return ""
    handle = publisher.account().handle
    return f"https://x.com/{handle}/status/{x_post_id}"
