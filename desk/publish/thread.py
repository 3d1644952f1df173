"""Sending a thread: part 1, then each next part as a reply to the one before.

Each part out is committed (``part_sent``, with the ids of every part out so far) before
the next request leaves, so a desk that stops between parts knows exactly how far it got.
The part in flight is the only one whose fate can be unknown: a refusal or an ambiguous
answer stops the thread there, the reconciler settles that one part, and publishing again
goes on from the first part not yet out. No part is sent twice, none out of order.
"""

from __future__ import annotations

from desk.core.errors import DeskError, PublishError, PublishUncertain, RateLimited


def send_thread(outbox, post, actor, publisher, progress=None):
    from desk.publish.outbox import DUPLICATE, _said, _stop_at

    ids = list(post.part_ids)
    parts = len(post.parts)
    for number in range(len(ids), parts):
        outgoing = outbox.outgoing(post, number, ids[-1] if ids else None)
        where = {"part": number + 1, "parts": parts}
        settled = {}
        try:
            x_post_id = publisher.send(outgoing, progress).x_post_id
            _stop_at("answered")
        except RateLimited as error:
            # Nothing of this part went out: the thread keeps its place (partly published
            # once a part is out) and waits for X to lift the limit.
            reset = error.reset_at.isoformat() if error.reset_at else None
            outbox._record(post.id, "wait", actor, reason=error.message("en"),
                           detail={**_said(error), "retry_after": reset, **where})
            raise
        except PublishUncertain as error:
            outbox._record(post.id, "uncertain", actor, reason=error.message("en"), detail={**_said(error), **where})
            raise
        except PublishError as error:
            found = None
            if error.key == DUPLICATE and outbox._was_uncertain(post.id):
                found = _settle_part_duplicate(outbox, post, publisher, number, ids)
            if found is None:
                outbox._record(post.id, "fail", actor, reason=error.message("en"), detail={**_said(error), **where})
                if not ids:
                    raise
                # Half a statement is public: say how far it went and what a person can do.
                raise PublishError("thread.stopped", post_id=post.id, part=number + 1, parts=parts,
                                   done=len(ids), reason=(error.message("en"), error.message("ar"))) from error
            x_post_id, settled = found, {"settled": "duplicate"}  # the earlier attempt went out after all
        except BaseException as error:
            outbox._record(post.id, "uncertain", actor, reason=type(error).__name__, detail=where)
            raise
        fields = _ids_fields(ids, x_post_id, publisher)
        action = "sent" if number + 1 == parts else "part_sent"
        post = outbox._record(post.id, action, actor, set_fields=fields,
                              detail=_ids_detail(ids, where, publisher, **settled))
    return post


def _ids_fields(ids: list[str], x_post_id: str, publisher) -> dict:
    ids.append(x_post_id)
    fields = {"part_ids": ",".join(ids), "training": int(publisher.kind == "training")}
    if len(ids) == 1:  # the thread's address is its first part's
        fields.update(x_post_id=ids[0], x_url=publisher.post_url(ids[0]))
    return fields


def _ids_detail(ids: list[str], where: dict, publisher, **more) -> dict:
    return {"x_post_id": ids[0], "part_ids": ",".join(ids), "part_x_id": ids[-1], **where,
            "publisher": publisher.kind, **more}


def _settle_part_duplicate(outbox, post, publisher, number: int, ids: list[str]) -> str | None:
    """X calls this part a duplicate after an uncertain attempt of it: it went out. Its id is
    read from the timeline; without it the thread cannot go on as a chain of replies."""
    from datetime import datetime

    from desk.core.media import attached
    from desk.publish.matching import find_match
    from desk.publish.reconcile import LOOK_BACK

    history = outbox.store.log.history(post.id)
    first_claim = next(datetime.fromisoformat(e["at"]) for e in history if e["action"] == "claim")
    part = post.parts[number]
    try:
        remote = publisher.recent_posts(first_claim - LOOK_BACK)
        match = find_match(part.text, [r for r in remote if r.x_post_id not in ids], first_claim, None,
                           images=len(attached(part.media)), reply=bool(number or post.reply_to))
    except DeskError:
        return None
    return match.x_post_id if match else None


def withdraw_thread(publisher, post) -> dict:
    """Delete every part on X, from the last. A part X no longer has is already gone (an
    earlier withdrawal that stopped part-way, or a person on X): the rest still go."""
    gone = []
    for x_post_id in reversed(post.part_ids or (post.x_post_id,)):
        try:
            publisher.withdraw(x_post_id)
        except PublishError as error:
            if error.key != "x.post_gone":
                raise
            gone.append(x_post_id)
    return {"parts": len(post.part_ids), "already_gone": gone} if gone else {"parts": len(post.part_ids)}
