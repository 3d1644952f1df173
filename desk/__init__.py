"""Posting Desk: the communications office's desk for the institution's X account."""

__version__ = "0.1.0"
