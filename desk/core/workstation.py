"""Which workstation of an office's desk publishes scheduled posts (plain rules, no I/O)."""

from __future__ import annotations

from desk.core.errors import DeskError, InvalidInput

MAX_NAME = 255


class NotThisWorkstation(DeskError):
    """Scheduled posts are published by another workstation: nothing to do here, not a failure."""

    exit_code = 0


def check_name(name: str) -> str:
    name = (name or "").strip()
    if len(name) > MAX_NAME or "\n" in name or "\r" in name:
        raise InvalidInput("workstation.bad_name")
    return name


def same(a: str, b: str) -> bool:
    """Host names are case-blind (RFC 4343)."""
    return a.strip().casefold() == b.strip().casefold()


def require_publishing_here(chosen: str, here: str) -> None:
    """"" chosen: any workstation publishes; else only the chosen one."""
    if chosen and not same(chosen, here):
        raise NotThisWorkstation("workstation.published_elsewhere", chosen=chosen, here=here)
