"""What X may refuse of a post the desk itself accepts: a reply where the account was not
summoned (self-serve apps, since 23 February 2026) and a post over 280 characters from an
account without Premium or Verified Organization. Said before it is sent, as cautions."""

from __future__ import annotations

SHORT_LIMIT = 280  # what X publishes for an account without Premium or Verified Organization


def cautions(text: str, reply_to: str | None) -> list[tuple[str, dict]]:
    """(message key, parameters) for each thing X may refuse in this post."""
    from desk.core.text import weighted_length

    found = []
    if reply_to:
        found.append(("reply.warning", {}))
    length = weighted_length(text or "", SHORT_LIMIT)
    if length > SHORT_LIMIT:
        found.append(("long.post_warning", {"length": length}))
    return found
