"""Threads through a lagging, faulty X, with the promises checked after every step.

Officer omar drafts threads of 2 to 6 parts from the seed headlines and changes them (a
part rewritten, added, removed, the parts reordered, a picture added or described anew);
supervisors approve, publish now or schedule; publish-due and the reconciler run at moments
before, inside and after X's lag, while the fake X (real HTTP) lags and fails its k-th post
request: the answer lost after X stored the part ("drop"), a stall past the desk's timeout,
429, 500, 503; and a desk in a process of its own is killed at a part's request, before it
leaves or after X answered it. After every step:

- on X, each part of a thread is there at most once, in order, each a reply to the one before;
- a published thread has every part on X, with exactly its approved text and pictures;
- a thread part-way out has recorded a prefix of its parts on X (a partly published one,
  exactly its parts on X: the next to go is proven not there);
- any change to any part voids the approval, and nothing of a voided version reaches X;
- the audit chain verifies (after a desk was killed, and at the end of every run).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle, RuleBasedStateMachine, initialize, invariant, precondition, rule, run_state_machine_as_test,
)

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.integration.test_stateful import PASSWORDS, XClock, office_opener  # noqa: E402
from tests.integration.desk_worker import STOP_AT_SEND  # noqa: E402
from tests.integration.test_thread_kill import publish_and_kill  # noqa: E402

from desk.core.content import content_hash  # noqa: E402
from desk.core.errors import DeskError, RateLimited  # noqa: E402
from desk.core.media import attached  # noqa: E402
from desk.core.states import EDITABLE, SENDABLE, State  # noqa: E402

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]

FAULTS = st.sampled_from(["none", "drop", "stall", "429", "500", "503"])
LAG_SECONDS = st.sampled_from([0, 30, 300])
MOMENTS = st.lists(st.sampled_from([0, 31, 301, 960, 1900]), min_size=1, max_size=3)
AFTER = st.integers(0, 3)  # post requests X answers before the fault strikes
CHANGES = st.sampled_from(["rewrite", "add", "remove", "reorder", "picture"])
KILLS = 1  # desks killed in one run at most: each is a process of its own
SUPERVISORS = st.sampled_from(["sara", "khalid"])
ON_THE_WAY = (State.PUBLISHING, State.UNCERTAIN, State.PARTLY_PUBLISHED)
STATS: Counter = Counter()
POST_REQUEST = "POST /2/tweets"


class ThreadMachine(RuleBasedStateMachine):
    headlines: list[str]
    workdir: Path
    picture: bytes
    open_copy = None

    threads = Bundle("threads")

    @initialize(target=threads, start=st.integers(0, 1000), count=st.integers(2, 6), picture=st.booleans())
    def open_office(self, start, count, picture):
        """The office, and an approved thread to send from the first step."""
        from tests.fakes.x_server import FakeX

        from desk.publish.x import XPublisher

        self.root = Path(tempfile.mkdtemp(dir=self.workdir))
        self.clock = XClock()
        self.fake = FakeX(username="MinistryMedia", clock=self.clock).start()
        fake = self.fake
        self.desk = type(self).open_copy(self.root / "data", publisher_factory=lambda d: XPublisher(
            **fake.keys, api_base=fake.base_url, timeout=0.4))
        self.sessions = {name: self.desk.sign_in(name, PASSWORDS[name]) for name in ("omar", "sara", "khalid")}
        self.serial = 0
        self.kills = 0
        self.owner: dict[str, int] = {}  # every part text ever written -> its thread
        self.retired: set[str] = set()  # texts of approved versions an edit voided, gone from the thread
        return self.new_thread(start, count, picture, approved=True)

    def teardown(self):
        if getattr(self, "desk", None) is None:
            return
        try:
            # Every run ends past X's lag and past any "not now": what was on its way is
            # settled and finished, each part once, and the promises hold then too.
            self.fake.lag = 0
            self.reconcile_later([1900])
            self.wait_for_the_limit()
            self.desk.publish_due()
            self.check_everything()
            self.the_chain_verifies()
            self.tally()
            # X refused nothing outright here (no 4xx): every thread that started is whole
            left = {post_id: self.desk.store.log.history(post_id)[-1]
                    for post_id in self.desk.store.posts.ids_in(*ON_THE_WAY)}
            assert not left, f"threads left unfinished: {left}"
        finally:
            self.desk.close()
            self.fake.stop()
            shutil.rmtree(self.root, ignore_errors=True)

    # ------------------------------------------------------------------ helpers
    def text(self, start: int) -> str:
        """A seed headline, made unique (X refuses a text the account already carries)."""
        self.serial += 1
        return f"{self.headlines[start % len(self.headlines)]} ({self.serial})"

    def kept(self, post) -> list:
        return [(p.text, [(m, m.alt) for m in p.media]) for p in post.parts]

    def row(self, post_id: int):
        return self.desk.store.posts.get(post_id)

    def wait_for_the_limit(self):
        """X's "not now" in these runs lifts a second or two later: wait for that moment."""
        deadline = time.monotonic() + 5
        while (found := self.desk.store.log.rate_limited_until()) and found[0] > datetime.now(timezone.utc):
            assert time.monotonic() < deadline, "X's limit never lifted"
            time.sleep(0.05)

    def with_fault(self, fault: str, after: int, lag: int, send):
        """Run ``send`` while X lags ``lag`` seconds and fails its ``after``-th post request
        from now with ``fault``; a stalled part is let through before time moves on."""
        self.fake.lag = lag
        posts_before = len(self.fake.posts)
        requests_before = self.fake.requests.count(POST_REQUEST)
        if fault != "none":
            self.fake.fail_next(fault, on=POST_REQUEST, after=after, seconds=0.6, reset=int(time.time()) + 1)
        try:
            return send()
        finally:
            self.fake.clear_faults()
            if fault == "stall":
                # X stores a stalled part a moment after the desk gave up on it (a part X
                # stores later than its assumed lag is outside the promise): let it.
                sent = self.fake.requests.count(POST_REQUEST) - requests_before
                deadline = time.monotonic() + 5
                while len(self.fake.posts) < posts_before + sent and time.monotonic() < deadline:
                    time.sleep(0.02)

    # ------------------------------------------------------------------ rules
    @rule(target=threads, start=st.integers(0, 1000), count=st.integers(2, 6), picture=st.booleans(),
          approved=st.booleans())
    def draft(self, start, count, picture, approved):
        return self.new_thread(start, count, picture, approved)

    def new_thread(self, start: int, count: int, picture: bool, approved: bool) -> int:
        parts = [(self.text(start + i), []) for i in range(count)]
        if picture:  # a part with a picture uploads first: the fault is still the post request's
            parts[1] = (parts[1][0], [(("part.png", type(self).picture), "صورة من البيان")])
        post_id = self.sessions["omar"].draft_parts(parts)
        self.owner.update({text: post_id for text, _ in parts})
        STATS["draft"] += 1
        if approved:  # straight through review, so that threads do travel the whole way
            self.sessions["omar"].submit(post_id)
            self.sessions["sara"].approve(post_id)
        return post_id

    @rule(thread=threads, approved=st.sampled_from([True, True, False]), which=st.integers(0, 20), change=CHANGES,
          pick=st.integers(0, 5), start=st.integers(0, 1000))
    def change(self, thread, approved, which, change, pick, start):
        """Omar changes one part, adds or removes one, reorders them, or gives a part a
        picture (one that has a picture, new words for it); with ``approved``, of a thread
        whose approval holds, if there is one."""
        if approved and (holding := self.desk.store.posts.ids_in(*SENDABLE)):
            thread = holding[which % len(holding)]
        before = self.row(thread)
        parts = self.kept(before)
        where = pick % len(parts)
        if change == "remove" and len(parts) == 2 or change == "add" and len(parts) == 6:
            change = "rewrite"
        if change == "rewrite":
            parts[where] = (self.text(start), parts[where][1])
        elif change == "add":
            parts.insert(where, (self.text(start), []))
        elif change == "remove":
            parts.pop(where)
        elif change == "reorder":  # the picked part and the next change places (the last: with the first)
            other = (where + 1) % len(parts)
            parts[where], parts[other] = parts[other], parts[where]
        elif parts[where][1]:
            parts[where] = (parts[where][0], [(m, f"{alt} ({self.text(start)})") for m, alt in parts[where][1]])
        else:
            parts[where] = (parts[where][0], [(("part.png", type(self).picture), "صورة أضيفت")])
        try:
            self.sessions["omar"].edit_parts(thread, parts)
        except DeskError as error:
            after = self.row(thread)
            assert before.state not in EDITABLE, f"edit of a {before.state.value} thread refused: {error.key}"
            assert (after.version, after.state, after.parts) == (before.version, before.state, before.parts)
            STATS[f"refused:edit:{error.key}"] += 1
            return
        self.owner.update({text: thread for text, _ in parts})
        after = self.row(thread)
        # any change to any part voids the approval
        assert after.state == State.DRAFT and after.approved_hash is None, (change, after.state)
        assert after.content_hash != before.content_hash
        if before.approved_hash:
            STATS[f"voided:{change}"] += 1
            self.retired |= {p.text for p in before.parts} - {p.text for p in after.parts}

    def submit(self, thread):
        self.attempt("submit", lambda: self.sessions["omar"].submit(thread))

    def approve(self, thread, who):
        self.attempt("approve", lambda: self.sessions[who].approve(thread))

    def schedule(self, thread, who, minutes):
        at = datetime.now(timezone.utc) + timedelta(minutes=minutes)
        self.attempt("schedule", lambda: self.sessions[who].schedule(thread, at))

    @rule(thread=threads, who=SUPERVISORS, fault=FAULTS, after=AFTER, lag=LAG_SECONDS, ready=st.booleans(),
          which=st.integers(0, 20))
    def publish(self, thread, who, fault, after, lag, ready=False, which=0):
        """Publish now (or go on with a thread part-way out) while X lags and fails; with
        ``ready``, a thread that may be sent, if there is one."""
        if ready and (sendable := self.sendable()):
            thread = sendable[which % len(sendable)]
        before = self.row(thread)
        try:
            self.with_fault(fault, after, lag, lambda: self.sessions[who].publish(thread))
            STATS["x:published"] += 1
        except RateLimited as error:  # nothing of that part went out: the thread keeps its place
            STATS[f"x:{error.key}"] += 1
            assert self.row(thread).state in (before.state, State.PARTLY_PUBLISHED)
            assert self.row(thread).part_ids[:len(before.part_ids)] == before.part_ids
        except DeskError as error:
            STATS[f"x:{error.key}"] += 1

    @rule(minutes=st.sampled_from([0, 1, 30, 95, 24 * 60]), fault=FAULTS, after=AFTER, lag=LAG_SECONDS)
    def publish_due(self, minutes, fault, after, lag):
        """Time moves on for the schedule: what is due goes out, a thread part-way out goes on."""
        self.due(datetime.now(timezone.utc) + timedelta(minutes=minutes), fault, after, lag)

    def due(self, now: datetime, fault: str, after: int, lag: int) -> None:
        for result in self.with_fault(fault, after, lag, lambda: self.desk.publish_due(now)):
            STATS[f"due:{result.outcome}"] += 1

    @rule(moments=MOMENTS)
    def reconcile_later(self, moments):
        """The reconciler run some seconds on (X's clock moved as far), then time comes back."""
        from desk.publish.reconcile import reconcile

        try:
            for seconds in sorted(moments):
                self.clock.ahead = seconds
                now = datetime.now(timezone.utc) + timedelta(seconds=seconds)
                for settled in reconcile(self.desk.store, self.desk.publisher(), now=now):
                    STATS[f"settle:{settled.outcome}"] += 1
                    # nobody deletes anything on X here: nothing may be noted missing
                    assert settled.outcome != "missing", f"thread {settled.post_id} noted missing from X"
        finally:
            self.clock.ahead = 0

    def sendable(self) -> list[int]:
        return self.desk.store.posts.ids_in(*SENDABLE, State.PARTLY_PUBLISHED)

    @precondition(lambda self: self.kills < KILLS and Path("/proc/self/stat").exists() and self.sendable())
    @rule(pick=st.integers(0, 20), when=st.sampled_from(["before", "answered"]), request=st.integers(1, 6),
          lag=LAG_SECONDS)
    def killed_between_parts(self, pick, when, request, lag):
        """A desk in a process of its own publishes a thread it may send and is killed at
        its ``request``-th post request (of those still to go): before it leaves (the parts
        before it recorded), or once X answered it and before the desk recorded it."""
        sendable = self.sendable()
        thread = sendable[pick % len(sendable)]
        post = self.row(thread)
        self.wait_for_the_limit()
        self.kills += 1
        self.fake.lag = lag
        count = 1 + (request - 1) % (len(post.parts) - len(post.part_ids))
        answer = publish_and_kill(self.root / "data", self.fake, thread, {STOP_AT_SEND: f"{when}:{count}"})
        assert answer is None, f"the desk did not stop at {when}:{count}: {answer}"
        post = self.row(thread)
        assert post.state == State.PUBLISHING, post.state
        self.the_chain_verifies()
        STATS[f"kill:{when}"] += 1

    @rule(thread=threads, who=SUPERVISORS, fault=FAULTS, after=AFTER, lag=LAG_SECONDS,
          minutes=st.sampled_from([0, 0, 1, 30, 90]))
    def advance(self, thread, who, fault, after, lag, minutes):
        """The natural next step, so that threads do travel the whole way: review, publish
        now or (``minutes``) schedule, go on with a thread part-way out, settle."""
        state = self.row(thread).state
        if state == State.DRAFT:
            self.submit(thread)
        elif state == State.IN_REVIEW:
            self.approve(thread, who)
        elif state == State.APPROVED and minutes:
            self.schedule(thread, who, minutes)
        elif state in (State.APPROVED, State.FAILED, State.MISSED, State.PARTLY_PUBLISHED):
            self.publish(thread, who, fault, after, lag)
        elif state == State.SCHEDULED:  # a minute after it is due
            self.due(datetime.fromisoformat(self.row(thread).scheduled_at) + timedelta(minutes=1), fault, after, lag)
        elif state == State.UNCERTAIN:
            self.reconcile_later([0, 960])

    @rule(thread=threads, who=SUPERVISORS, fault=FAULTS, after=AFTER, lag=LAG_SECONDS,
          minutes=st.sampled_from([0, 0, 1, 30, 90]))
    def advance_again(self, thread, who, fault, after, lag, minutes):
        self.advance(thread, who, fault, after, lag, minutes)

    def attempt(self, label, action):
        try:
            action()
            STATS[f"done:{label}"] += 1
        except DeskError as error:
            STATS[f"refused:{label}:{error.key}"] += 1

    # ------------------------------------------------------------------ what X holds
    def chains(self) -> dict[int, list]:
        """Each thread's posts on X, following the replies from its first part; every
        post on X is one of the desk's parts, and no thread forks or starts twice."""
        mine: dict[int, list] = {}
        for post in self.fake.posts:
            assert post.text in self.owner, f"a post on X no thread wrote: {post.text!r}"
            mine.setdefault(self.owner[post.text], []).append(post)
        chains = {}
        for thread, posts in mine.items():
            roots = [p for p in posts if p.reply_to is None]
            assert len(roots) == 1, f"thread {thread} starts {len(roots)} times on X"
            chain, replies = roots, {p.reply_to: p for p in posts if p.reply_to}
            assert len(replies) == len(posts) - 1, f"thread {thread} forks on X: {[p.reply_to for p in posts]}"
            while chain[-1].id in replies:
                chain.append(replies[chain[-1].id])
            assert len(chain) == len(posts), f"a part of thread {thread} replies to a post outside it"
            # in order: X took each part after the one it replies to
            assert chain == posts, f"thread {thread}'s parts reached X out of order"
            chains[thread] = chain
        return chains

    @invariant()
    def check_everything(self):
        texts = Counter(p.text for p in self.fake.posts)
        assert all(n <= 1 for n in texts.values()), f"a part is on X twice: {texts.most_common(2)}"
        assert not self.retired & set(texts), f"a voided version reached X: {self.retired & set(texts)}"
        chains = self.chains()
        approved = self.approved_at_claims()
        for thread in set(self.owner.values()):
            post = self.row(thread)
            chain = chains.get(thread, [])
            ids = [p.id for p in chain]
            assert ids[:len(post.part_ids)] == list(post.part_ids), (post.state, post.part_ids, ids)
            assert len(chain) <= len(post.part_ids) + 1, "more than the one part in flight is unrecorded"
            if chain:  # what went out is what was approved when it was claimed
                assert approved.get(thread) == post.approved_hash == post.content_hash, post.state
                assert content_hash(post.text, post.media, post.reply_to, post.more) == post.approved_hash
                assert [p.text for p in chain] == [p.text for p in post.parts][:len(chain)]
                assert [len(p.media_ids) for p in chain] == [len(attached(p.media)) for p in post.parts][:len(chain)]
            if post.state == State.PUBLISHED:
                assert ids == list(post.part_ids) and len(ids) == len(post.parts)
                assert post.x_post_id == ids[0]
            elif post.state == State.PARTLY_PUBLISHED:
                assert ids == list(post.part_ids) and 0 < len(ids) < len(post.parts), (ids, post.part_ids)
            elif post.state not in (State.PUBLISHING, State.UNCERTAIN):
                assert not chain and not post.part_ids, f"a {post.state.value} thread has parts on X"

    def tally(self) -> None:
        """What the run did to its threads, as the log tells it (every path: a person's
        publish, publish-due, the reconciler, a desk in another process)."""
        for thread in set(self.owner.values()):
            out = 0  # parts on X as the desk knows it
            for event in self.desk.store.log.history(thread):
                action = event["action"]
                STATS[f"log:{action}"] += 1
                if action in ("part_sent", "sent", "settle_published"):
                    out = len(event["detail"]["part_ids"].split(","))
                elif action == "claim" and out:
                    STATS["log:went_on"] += 1  # from the first part not yet out
                elif action in ("uncertain", "wait") and out:
                    STATS["log:stopped_mid_thread"] += 1  # after a part or more was out

    def the_chain_verifies(self):
        report = self.desk.verify()
        assert report.ok, (report.key, report.params)

    def approved_at_claims(self) -> dict[int, str | None]:
        """Each thread's approved hash at its last claim; every claim was of approved content."""
        from desk.store import chain

        rows = self.desk.store.db.execute(chain.SELECT_EVENTS + " ORDER BY id").fetchall()
        last_approval, at_claim = {}, {}
        for event in map(chain.row_to_event, rows):
            post = event["post_id"]
            if event["action"] == "approve" and event["to_state"] == State.APPROVED.value:
                last_approval[post] = event["content_hash"]
            elif event["action"] == "edit":
                last_approval.pop(post, None)
            elif event["action"] == "claim":
                assert event["content_hash"] == last_approval.get(post), f"thread {post}: claimed unapproved content"
                at_claim[post] = last_approval[post]
        return at_claim


@pytest.mark.slow
def test_threads_through_a_lagging_faulty_x(office_template, office_copier, headlines, images, tmp_path, store_kind,
                                            pg_databases):
    ThreadMachine.headlines = headlines
    ThreadMachine.workdir = tmp_path
    ThreadMachine.picture = images.png(color=(30, 120, 90))
    ThreadMachine.open_copy = staticmethod(office_opener(store_kind, office_template, office_copier, pg_databases))
    STATS.clear()
    run_state_machine_as_test(
        ThreadMachine,
        # derandomized: the same walks on every run, so the travel checked below is there
        # every time, not by luck (the faults, lag and kills are still real)
        settings=settings(max_examples=15, stateful_step_count=20, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]),
    )
    # the machine did travel: threads went out whole, faults struck after a part or more
    # was out and were settled, threads went on from the first part not yet out, desks
    # were killed between parts, and approvals were voided by changes
    assert STATS["log:sent"] > 0 and STATS["log:stopped_mid_thread"] > 0, STATS
    assert STATS["log:settle_published"] + STATS["log:settle_retry"] > 0, STATS
    assert STATS["log:went_on"] > 0, STATS
    assert STATS["kill:before"] + STATS["kill:answered"] > 0, STATS
    assert sum(n for key, n in STATS.items() if key.startswith("voided:")) > 0, STATS
