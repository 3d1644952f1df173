"""`desk export`: the log to CSV, XLSX, PDF or JSON from the command line."""

from __future__ import annotations

import sys

from desk.cli_parser import _day, filter_from_args
from desk.core.messages import render


def run_export(session, args, console) -> int:
    log_filter = filter_from_args(args)  # also refuses --from after --to
    period = (_day(args.date_from), _day(args.date_to))
    count = session.export(args.out, args.format, log_filter, period, lang=console.lang)
    print(render("cli.exported", console.lang, {"count": count, "path": args.out}), file=sys.stderr)
    return 0
