"""The office's figures for a month, X's figures for its posts, and the monthly report.

Everyone signed in may see the figures (they come from the log, by SQL). Reading X's
figures costs money on X's pay-per-use plan: supervisors and administrators may ask
for it, after the desk has said what it will cost, and never beyond the month's budget.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

from desk.core import roles as role_rules
from desk.core.errors import DeskError, InvalidInput
from desk.core.figures import Figures, Period
from desk.core.reach import DEFAULT_DAYS, ReachPlan, ReachResult, batches, cost_cents, dollars

log = logging.getLogger(__name__)


def _utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def _training(desk) -> bool:
    """The desk publishes to its training timeline: its figures are the training posts'."""
    return desk.is_training()


def figures(session, period: Period) -> Figures:
    from desk.store.figures import compute

    role_rules.require(session.member.roles, "read_log")
    start, end = period.bounds()
    with session.store.read():
        return compute(session.store.db, period, _utc(start), _utc(end), offsets(start, end),
                       _training(session.desk))


def offsets(start: datetime, end: datetime):
    """The workstation's offset from UTC over [start, end), in minutes: one number, or the
    moments its clocks change (daylight saving), found hour by hour."""
    def minutes(moment: datetime) -> int:
        return int(moment.astimezone().utcoffset().total_seconds() // 60)

    found = [(None, minutes(start))]
    moment = start.astimezone(timezone.utc)
    while moment < end:
        moment += timedelta(hours=1)
        if minutes(moment) != found[-1][1]:
            found.append((_utc(moment), minutes(moment)))
    return found[0][1] if len(found) == 1 else found


def _span(period: Period | None, now: datetime) -> tuple[datetime, datetime]:
    if period is None:
        return now - timedelta(days=DEFAULT_DAYS), now + timedelta(minutes=1)
    return period.bounds()


def _month_start(now: datetime) -> datetime:
    """The budget's month: the calendar month in UTC, the same on every workstation of an office."""
    return now.astimezone(timezone.utc).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _readable(desk):
    """The publisher that can read X's figures, or None (the training timeline has none)."""
    publisher = desk.publisher()
    return publisher if hasattr(publisher, "read_metrics") else None


def _plan(store, settings: dict, span, training: bool, now: datetime, readable: bool = True
          ) -> tuple[ReachPlan, list]:
    from desk.publish.x_reach import split

    targets = store.reach.to_read(_utc(span[0]), _utc(span[1]), training)
    price = settings["reach_price_millicents"] / 1000  # cents a post
    spent = store.reach.spent_millicents(_utc(_month_start(now))) / 1000
    ids = list(dict.fromkeys(x_id for _, x_id in targets))
    requests = sum(len(batches(part)) for part, _ in split(ids, now))  # as the read will ask
    plan = ReachPlan(posts=len(targets), requests=requests, price_cents=price,
                     cost_cents=cost_cents(len(targets), price), spent_cents=spent,
                     budget_cents=settings["reach_budget_cents"], since=span[0], until=span[1],
                     training=not readable)
    return plan, targets


def reach_plan(session, period: Period | None = None, now: datetime | None = None) -> ReachPlan:
    role_rules.require(session.member.roles, "read_reach")
    now = now or datetime.now(timezone.utc)
    desk = session.desk
    return _plan(session.store, session.store.settings.all(), _span(period, now), _training(desk), now,
                 _readable(desk) is not None)[0]


def refresh_reach(session, period: Period | None = None, progress=None, most_cents: float | None = None
                  ) -> ReachResult:
    role_rules.require(session.member.roles, "read_reach")
    return read_reach(session.desk, session.username, period, progress, most_cents=most_cents)


def read_reach(desk, actor: str | None, period: Period | None = None, progress=None,
               now: datetime | None = None, most_cents: float | None = None) -> ReachResult:
    """Read X's figures of the span's posts and keep them. Refused before any request when
    there is nothing to read, the estimate is over what is left of the budget, or the desk
    publishes to training. X's refusal of the first request changes nothing; a refusal
    later keeps what X had returned (and charged for) before it, in result.stopped."""
    store = desk.store
    store.require_writable()  # a read X charges for is kept, or it is not made
    now = now or datetime.now(timezone.utc)
    training = _training(desk)
    publisher = _readable(desk)
    plan, targets = _plan(store, store.settings.all(), _span(period, now), training, now, publisher is not None)
    if refused := plan.refusal():
        raise refused
    if most_cents is not None and plan.cost_cents > most_cents + 1e-9:
        raise InvalidInput("reach.plan_grew", cost=dollars(plan.cost_cents), agreed=dollars(most_cents))
    post_of = {x_id: post_id for post_id, x_id in targets}
    readings, result = publisher.read_metrics(list(post_of), now, progress)
    result.cost_cents = cost_cents(result.read, plan.price_cents)
    with store.transaction():
        store.reach.save(post_of, [r for r in readings if r.x_post_id in post_of], _utc(now))
        store.reach.note_read(actor, {
            "posts": result.read, "missing": result.missing, "requests": result.requests,
            "cost_millicents": round(result.cost_cents * 1000), "from": _utc(plan.since), "to": _utc(plan.until),
            **({"stopped": result.stopped.key} if isinstance(result.stopped, DeskError) else {})})
    return result


def reach_due(desk, now: datetime | None = None) -> ReachResult | None:
    """The administrator's schedule (reach_every_days; 0 is off): read the last 30 days'
    posts when the last read is that many days old. Run by publish-due; its failures are
    logged, never in the way of publishing."""
    every = desk.store.settings.all()["reach_every_days"]
    if not every or _training(desk):
        return None
    now = now or datetime.now(timezone.utc)
    last = desk.store.reach.last_read_at()
    if last and datetime.fromisoformat(last) > now - timedelta(days=every):
        return None
    try:
        return read_reach(desk, None, None, None, now)
    except DeskError as error:  # said once a round of the schedule, not at every publish-due
        log.warning("the scheduled read of X's figures did not run: %s", error.key)
        _note_refused(desk, error)
    except Exception:  # never in the way of publishing, which has run by now
        log.exception("the scheduled read of X's figures failed")
    return None


def _note_refused(desk, error: DeskError) -> None:
    """A scheduled read refused (over budget, X's credits, nothing out) is on record as a read
    of nothing: the schedule then waits its days before it asks again."""
    try:
        with desk.store.transaction():
            desk.store.reach.note_read(None, {"posts": 0, "missing": 0, "requests": 0, "cost_millicents": 0,
                                              "stopped": error.key})
    except DeskError:
        pass


def write_report(session, period: Period, out_path, fmt: str | None = None, lang: str = "en") -> Path:
    """The month's report for the head of the office (PDF or XLSX); the report is logged."""
    from desk.export.report import ReportMeta, report_format, write_report as write_file
    from desk.export.verify_desk import file_sha256

    role_rules.require(session.member.roles, "export")
    fmt = report_format(out_path, fmt)
    found = figures(session, period)
    desk = session.desk
    institution = desk.require_institution()
    logo = desk.logo_path()
    meta = ReportMeta(institution_name_ar=institution["name_ar"], institution_name_en=institution["name_en"],
                      handle=institution["handle"], logo_path=logo if logo.exists() else None, lang=lang,
                      made_by_name=session.member.name, made_at=datetime.now(timezone.utc))
    path = write_file(fmt, found, meta, out_path)
    if not session.store.read_only:
        from desk.store import chain

        with session.store.transaction():
            chain.append(session.store.db, action="report", actor=session.username,
                         detail={"calendar": period.calendar, "month": period.key(), "format": fmt,
                                 "sha256": file_sha256(Path(path))})
    return Path(path)
