"""python -m benchmarks [--posts N] [--database URL]: the figures DESIGN.md holds us to,
each with its target.

Times are measured here, in this run, against a baseline measured in the same run
where the target is a ratio. Nothing here is asserted in the test suite.

--database postgresql://user@host:port/db: the same figures with the office on that
PostgreSQL server, in a database of its own (desk_bench_<posts>, made from the SQLite
office with COPY and kept for the next run; the URL's database is only used to create
it). A section "network" follows: the office on SQLite, on the server directly and on
the server behind a proxy that delays every chunk 10 ms each way.

A section "x-calls" counts the requests a day of 30 posts makes to X (the fake X on
127.0.0.1) and what a month of them costs on a pay-per-use account.
"""

from __future__ import annotations

import argparse
import os
import sys

from benchmarks import measures
from benchmarks.make_db import cached


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--posts", type=int, default=110_000, help="size of the office database (default 110,000)")
    parser.add_argument("--only", help="run the measures whose name contains this word (network: the network section)")
    parser.add_argument("--database", help="a postgresql:// URL: the office on that server (its password from the keyring)")
    args = parser.parse_args(argv)
    os.environ.pop("DESK_DATABASE_URL", None)  # only --database chooses the store here
    print(f"building or reusing the office database of {args.posts:,} posts ...", flush=True)
    folder = sqlite_folder = cached(args.posts)
    url = None
    if args.database:
        from benchmarks import pg_office

        url, folder = pg_office.cached(args.database, sqlite_folder, args.posts)
        measures.DATABASE = url
        print(f"on PostgreSQL: {url}", flush=True)
    results = []
    for name, measure in measures.ALL:
        if args.only and args.only not in name:
            continue
        results.append(measure(folder))
        print(results[-1].line(), flush=True)
    if url and (not args.only or args.only in "network"):
        from benchmarks import network

        for result in network.measure(sqlite_folder, url, folder):
            results.append(result)
            print(result.line(), flush=True)
    if not args.only or args.only in "x-calls":
        from benchmarks import x_calls

        for result in x_calls.measure():
            results.append(result)
            print(result.line(), flush=True)
    return 1 if any(not r.met for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
