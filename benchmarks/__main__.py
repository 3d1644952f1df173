"""python -m benchmarks [--posts N]: the figures DESIGN.md holds us to, each with its target.

Times are measured here, in this run, against a baseline measured in the same run
where the target is a ratio. Nothing here is asserted in the test suite.
"""

from __future__ import annotations

import argparse
import sys

from benchmarks import measures
from benchmarks.make_db import cached


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--posts", type=int, default=110_000, help="size of the office database (default 110,000)")
    parser.add_argument("--only", help="run the measures whose name contains this word")
    args = parser.parse_args(argv)
    print(f"building or reusing the office database of {args.posts:,} posts ...", flush=True)
    folder = cached(args.posts)
    failed = 0
    for name, measure in measures.ALL:
        if args.only and args.only not in name:
            continue
        result = measure(folder)
        failed += not result.met
        print(result.line(), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
