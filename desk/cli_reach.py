"""`desk reach` (X's figures: estimate, read, schedule) and `desk report` (the month's PDF or XLSX)."""

from __future__ import annotations

import json
import sys

from desk.core.errors import InvalidInput
from desk.core.figures import parse_month
from desk.core.messages import render
from desk.core.reach import dollars


def add_parsers(sub, as_user) -> None:
    p = sub.add_parser("reach", help="read X's figures (likes, reposts, impressions) of the account's posts; "
                       "prints the estimated cost first, and reads nothing with --estimate")
    _month_options(p, required=False)
    p.add_argument("--estimate", action="store_true", help="say what a read would read and cost, and stop")
    p.add_argument("--every-days", type=int, metavar="N",
                   help="administrators: read the last 30 days' figures every N days with publish-due (0: off)")
    as_user(p)
    p = sub.add_parser("report", help="the month's report for the head of the office, as PDF or XLSX")
    _month_options(p, required=True)
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--format", choices=["pdf", "xlsx"])
    p.add_argument("--json", action="store_true", help="also print the figures as JSON")
    as_user(p)


def _month_options(p, required: bool) -> None:
    group = p.add_mutually_exclusive_group(required=required)
    group.add_argument("--month", metavar="YYYY-MM", help="a Gregorian month (2026-11)")
    group.add_argument("--hijri-month", metavar="YYYY-MM", help="a Hijri (Umm al-Qura) month (1448-05)")


def _period(args):
    if getattr(args, "hijri_month", None):
        return parse_month(args.hijri_month, "hijri")
    if getattr(args, "month", None):
        return parse_month(args.month)
    return None


def cmd_reach(args, console, session) -> int:
    lang = console.lang
    if args.every_days is not None:
        if args.estimate or _period(args):
            raise InvalidInput("cli.reach_schedule_alone")
        session.set_setting("reach_every_days", args.every_days)
        print(render("cli.reach_scheduled" if args.every_days else "cli.reach_unscheduled", lang,
                     {"every_days": args.every_days}), file=sys.stderr)
        return 0
    period = _period(args)
    plan = session.reach_plan(period)
    print(render("reach.plan", lang, {"post_count": plan.posts, "request_count": plan.requests,
                                      "cost": dollars(plan.cost_cents),
                                      "left": dollars(plan.left_cents), "budget": dollars(plan.budget_cents)}),
          file=sys.stderr)
    if args.estimate:
        refused = plan.refusal()
        if refused is not None:
            print(refused.message(lang), file=sys.stderr)
        return 0
    result = session.refresh_reach(period)
    print(render("reach.read", lang, {"post_count": result.read, "request_count": result.requests,
                                      "cost": dollars(result.cost_cents)}), file=sys.stderr)
    if result.missing:
        print(render("reach.missing", lang, {"missing": result.missing}), file=sys.stderr)
    if result.stopped is not None:
        print(result.stopped.message(lang), file=sys.stderr)
        return result.stopped.exit_code
    return 0


def cmd_report(args, console, session) -> int:
    period = _period(args)
    path = session.write_report(period, args.out, args.format, lang=console.lang)
    if args.json:
        from dataclasses import asdict

        print(json.dumps(asdict(session.figures(period)), ensure_ascii=False, default=str, indent=1))
    print(render("report.written", console.lang, {"month": period.label(console.lang), "path": str(path)}),
          file=sys.stderr)
    return 0
