"""Posting Desk: `python main.py` opens the window; with a sub-command it is the `desk` command."""

import sys

from desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
