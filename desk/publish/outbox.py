"""The outbox: claim, send, record. A post is never sent twice by the program on its own.

``publishing`` is committed before the request leaves the machine; a definite refusal
goes to ``failed``, an ambiguous one to ``uncertain`` for the reconciler. X's "not now"
(a rate limit, a daily or usage cap, credits used up) sent nothing: the post goes back to
where it was (``wait``) and nothing is sent before the limit lifts.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable

from desk.core.errors import Conflict, DeskError, PublishError, PublishUncertain, RateLimited, WrongState
from desk.core.lifecycle import SYSTEM, Actor
from desk.core.media import MIME, attached, check_set, file_sha256
from desk.core.states import State
from desk.publish.base import OutgoingImage, OutgoingPost, Publisher

DUPLICATE = "x.duplicate"  # X's 403 for a text the account already carries
STOP_AT = "DESK_STOP_AT"  # tests only: "claimed" or "answered"


def _stop_at(step: str) -> None:
    """Fault-injection tests stop the process here (SIGSTOP) and kill it. Unset: nothing."""
    if os.environ.get(STOP_AT) == step and hasattr(signal, "SIGSTOP"):
        os.kill(os.getpid(), signal.SIGSTOP)


def _said(error: DeskError) -> dict:
    """The message key and its parameters, so the log can say it again in Arabic or English."""
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in error.params.items()
              if isinstance(v, (str, int, float, tuple))}
    return {"key": error.key, "params": params}


@dataclass
class DueResult:
    post_id: int
    outcome: str  # published, failed, partly (a thread X stopped part-way), uncertain, missed, paused, waiting,
    # skipped, blocked
    message: str = ""
    error: DeskError | None = None  # for "blocked" and "waiting": why it was not sent


class Outbox:
    def __init__(self, store, publisher: Callable[[], Publisher]):
        self.store = store
        self.publisher = publisher

    def outgoing(self, post, part: int = 0, reply_to: str | None = None) -> OutgoingPost:
        """The post as sent; for a thread its part ``part`` (0 is the first), replying to
        ``reply_to`` (the part before it on X)."""
        media = post.parts[part].media
        caption = next((m for m in media if m.ext == "srt"), None)  # the video's, in its language
        images = tuple(
            OutgoingImage(self.store.media.path(m.sha256, m.ext), MIME[m.ext], m.alt, sha256=m.sha256,
                          **({"caption": self.store.media.path(caption.sha256, "srt"), "caption_lang": caption.alt,
                              "caption_sha256": caption.sha256} if caption and m.ext == "mp4" else {}))
            for m in media if m.ext != "srt"
        )
        return OutgoingPost(post.id, post.parts[part].text, reply_to if part else post.reply_to, images)

    def check_files(self, post) -> None:
        """The approval covers the files' bytes: a file changed on disk must not go out. A post
        approved before X's rules were kept here (a GIF beside images) is stopped here too."""
        for part in post.parts:
            check_set([{"gif": "gif", "mp4": "mp4", "srt": "srt"}.get(m.ext, "png") for m in part.media])
        for item in (m for part in post.parts for m in part.media):
            path = self.store.media.path(item.sha256, item.ext)
            try:
                digest = file_sha256(path)  # in pieces: a video may be 512 MB
            except FileNotFoundError:  # gone, not changed: say so, and how to mend it
                raise WrongState("media.file_missing", post_id=post.id, name=path.name) from None
            except OSError:
                digest = ""
            if digest != item.sha256:
                raise WrongState("media.changed", post_id=post.id, name=path.name)

    def _record(self, post_id: int, action: str, actor: Actor, **kw):
        with self.store.transaction():
            return self.store.posts.act(post_id, action, actor, settings=self.store.settings.all(), **kw)

    def rate_limit_gate(self, now: datetime | None = None, *, person: bool = False) -> None:
        """After X's "not now" nothing is sent before it lifts; the person is told when.
        Credits may be bought meanwhile: a person publishing by hand may try before then."""
        found = self.store.log.rate_limited_until()
        if not found:
            return
        until, key, params = found
        if until > (now or datetime.now(timezone.utc)):
            error = RateLimited(key, reset_at=until, **{k: v for k, v in params.items() if k != "reset"})
            if not (person and error.person_may_try):
                raise error

    def publish(self, post_id: int, actor: Actor, expected_version: int | None = None, progress=None):
        """Claim (one compare-and-set), send, and record what happened. ``progress``: see
        desk.publish.progress (how far the upload is; a cancel before the post request)."""
        publisher = self.publisher()
        self.rate_limit_gate(person=not actor.system)
        self.check_files(self.store.posts.get(post_id))
        post = self._record(post_id, "claim", actor, expected_version=expected_version,
                            detail={"publisher": publisher.kind})
        return self.send_claimed(post, actor, publisher, progress)

    def send_claimed(self, post, actor: Actor, publisher: Publisher, progress=None):
        _stop_at("claimed")  # committed 'publishing', nothing sent yet
        if post.is_thread:
            from desk.publish.thread import send_thread

            return send_thread(self, post, actor, publisher, progress)
        try:
            sent = publisher.send(self.outgoing(post), progress)
            _stop_at("answered")  # X answered, the desk has not recorded it
        except RateLimited as error:
            # Nothing went out: the post keeps its place (approved, scheduled) and waits.
            reset = error.reset_at.isoformat() if error.reset_at else None
            self._record(post.id, "wait", actor, reason=error.message("en"),
                         detail={**_said(error), "retry_after": reset})
            raise
        except PublishUncertain as error:
            self._record(post.id, "uncertain", actor, reason=error.message("en"), detail=_said(error))
            raise
        except PublishError as error:
            if error.key == DUPLICATE and self._was_uncertain(post.id):
                # The earlier attempt went out after all: settle, never call it failed.
                return self._settle_duplicate(post, actor, publisher)
            self._record(post.id, "fail", actor, reason=error.message("en"), detail=_said(error))
            raise
        except BaseException as error:
            # Anything unexpected after the claim may have reached X: never resend blindly.
            self._record(post.id, "uncertain", actor, reason=type(error).__name__)
            raise
        return self._record(
            post.id, "sent", actor,
            set_fields={"x_post_id": sent.x_post_id, "x_url": sent.url, "training": int(publisher.kind == "training")},
            detail={"x_post_id": sent.x_post_id, "publisher": publisher.kind},
        )

    def _was_uncertain(self, post_id: int) -> bool:
        """An attempt of this very approval was left uncertain (not one from before an edit)."""
        uncertain = False
        for event in self.store.log.history(post_id):
            if event["action"] in ("create", "edit", "approve"):
                uncertain = False
            elif event["action"] == "uncertain":
                uncertain = True
        return uncertain

    def _settle_duplicate(self, post, actor: Actor, publisher: Publisher):
        from desk.publish.matching import find_match
        from desk.publish.reconcile import LOOK_BACK

        history = self.store.log.history(post.id)
        first_claim = next(datetime.fromisoformat(e["at"]) for e in history if e["action"] == "claim")
        x_post_id, url = None, None
        try:
            remote = publisher.recent_posts(first_claim - LOOK_BACK)
            match = find_match(post.text, remote, first_claim, None,
                               images=len(attached(post.media)), reply=bool(post.reply_to))
            if match:
                x_post_id = match.x_post_id
                url = publisher.post_url(x_post_id)
        except DeskError:
            pass  # the post is out; its link can be filled in by hand from X
        return self._record(post.id, "sent", actor,
                            set_fields={"x_post_id": x_post_id, "x_url": url},
                            detail={"x_post_id": x_post_id, "settled": "duplicate", "publisher": publisher.kind})

    def reconcile(self, actor: Actor = SYSTEM, publisher: Publisher | None = None):
        from desk.publish.reconcile import reconcile

        return reconcile(self.store, publisher or self.publisher(), actor)

    def publish_due(self, now: datetime | None = None, publisher: Publisher | None = None) -> list[DueResult]:
        """Send scheduled posts that are due; too late ones wait as missed for a supervisor.
        ``publisher``: the one this round found already (else made when first needed)."""
        now = now or datetime.now(timezone.utc)
        round_publisher: list[Publisher] = [publisher] if publisher is not None else []

        def current() -> Publisher:  # one per round: its account is looked up once at most
            if not round_publisher:
                round_publisher.append(self.publisher())
            return round_publisher[0]

        if self.store.posts.ids_in(State.UNCERTAIN, State.PUBLISHING):
            self.reconcile(publisher=current())
        settings = self.store.settings.all()
        lateness = timedelta(minutes=settings["lateness_minutes"])
        results = []
        for post_id, scheduled_at in self.store.posts.due(now.isoformat(timespec="milliseconds")):
            if now - datetime.fromisoformat(scheduled_at) > lateness:
                try:
                    self._record(post_id, "miss", SYSTEM)
                    results.append(DueResult(post_id, "missed"))
                except WrongState:
                    pass
                continue
            if self.store.settings.all()["paused"]:
                results.append(DueResult(post_id, "paused"))
                continue
            try:
                self.rate_limit_gate(now)
            except RateLimited as error:
                results.append(DueResult(post_id, "waiting", error.message("en"), error))
                continue
            results.append(self._send_due(post_id, current()))
        results += self._continue_threads(current)
        return results

    def _continue_threads(self, current) -> list[DueResult]:
        """A thread stopped part-way by a fault (X's "not now", a lost answer settled since, a
        desk that stopped) goes on from its first part not yet out: the public is reading half
        a statement. One X refused outright waits for a person (publish again, or withdraw)."""
        results = []
        for post_id in self.store.posts.ids_in(State.PARTLY_PUBLISHED):
            history = self.store.log.history(post_id)
            if history and history[-1]["action"] == "fail":
                continue
            if self.store.settings.all()["paused"]:
                results.append(DueResult(post_id, "paused"))
                continue
            try:
                self.rate_limit_gate()
            except RateLimited as error:
                results.append(DueResult(post_id, "waiting", error.message("en"), error))
                continue
            results.append(self._send_due(post_id, current(), State.PARTLY_PUBLISHED))
        return results

    def _send_due(self, post_id: int, publisher: Publisher, expected: State = State.SCHEDULED) -> DueResult:
        try:
            self.check_files(self.store.posts.get(post_id))
            with self.store.transaction():
                # The claim is a compare-and-set from 'scheduled': two desks never both win.
                post = self.store.posts.get(post_id)
                if post.state != expected:
                    return DueResult(post_id, "skipped")  # another desk took it meanwhile
                post = self.store.posts.act(post_id, "claim", SYSTEM, settings=self.store.settings.all(),
                                            detail={"publisher": publisher.kind, "due": post.scheduled_at})
        except DeskError as error:
            # It stays scheduled and every run would pass it over: say so, never quietly.
            return DueResult(post_id, "blocked", error.message("en"), error)
        try:
            self.send_claimed(post, SYSTEM, publisher)
        except RateLimited as error:  # back to scheduled: the next run sends it once X lifts the limit
            return DueResult(post_id, "waiting", error.message("en"), error)
        except PublishUncertain as error:
            return DueResult(post_id, "uncertain", error.message("en"))
        except PublishError as error:
            partly = self.store.posts.get(post_id).state == State.PARTLY_PUBLISHED
            return DueResult(post_id, "partly" if partly else "failed", error.message("en"), error)
        return DueResult(post_id, "published")

    def withdraw(self, post_id: int, actor: Actor, reason: str, expected_version: int | None = None):
        """Delete from X first; the log says withdrawn only once X has let go of it.
        Everything the desk could refuse is checked before the request leaves."""
        from desk.core import lifecycle

        post = self.store.posts.get(post_id)
        if expected_version is not None and post.version != expected_version:
            raise Conflict("state.conflict", post_id=post_id)
        settings = self.store.settings.all()
        lifecycle.decide("withdraw", self.store.posts.facts(post), actor, reason=reason,
                         approvals_needed=settings["approvals_needed"], char_limit=settings["char_limit"])
        if not post.x_post_id:
            raise WrongState("withdraw.no_id", post_id=post_id)
        publisher = self.publisher() if not post.training else self.training_publisher()
        # A post X no longer has is refused in plain words and changes nothing here: the
        # log keeps saying what the desk did, and a person checks X before recording more.
        if post.is_thread:  # every part, from the last: withdrawn only once X let go of them all
            from desk.publish.thread import withdraw_thread

            detail = withdraw_thread(publisher, post)
            return self._record(post_id, "withdraw", actor, reason=reason, expected_version=post.version,
                                detail=detail)
        publisher.withdraw(post.x_post_id)
        return self._record(post_id, "withdraw", actor, reason=reason, expected_version=post.version)

    def withdrawn_outside(self, post_id: int, actor: Actor, reason: str, expected_version: int | None = None):
        """Record a post deleted on X by hand (or by X): withdrawn, with the reason; X is not asked.

        The same 'withdraw' event as the desk's own, marked ``outside``, so the log, the
        export and its check show who recorded it, when and why."""
        return self._record(post_id, "withdraw", actor, reason=reason, expected_version=expected_version,
                            detail={"outside": True})

    def training_publisher(self) -> Publisher:
        from desk.publish.training import TrainingPublisher

        return TrainingPublisher(self.store)
