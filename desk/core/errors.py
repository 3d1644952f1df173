"""Errors that carry a plain message for a person, in Arabic and English.

Every refusal below the UI raises one of these. Front ends show
``error.message(lang)`` and, on the command line, exit with ``error.exit_code``.
"""

from __future__ import annotations

from desk.core.messages import render

# Exit codes of the command line (DESIGN.md, "Command line").
EXIT_OTHER = 1
EXIT_USAGE = 2
EXIT_NOT_PERMITTED = 3
EXIT_INVALID = 4
EXIT_X = 5


class DeskError(Exception):
    """A refusal with a message key from desk.core.messages and its parameters."""

    exit_code = EXIT_OTHER

    def __init__(self, key: str, /, **params):
        # key is positional-only: a message may have a {key} field of its own (settings)
        self.key = key
        self.params = params
        super().__init__(render(key, "en", params))

    def message(self, lang: str = "en") -> str:
        return render(self.key, lang, self.params)


class NotPermitted(DeskError):
    """Wrong role, four eyes, someone else's draft."""

    exit_code = EXIT_NOT_PERMITTED


class SignInRefused(DeskError):
    """Wrong password, locked or deactivated name."""

    exit_code = EXIT_NOT_PERMITTED


class InvalidInput(DeskError):
    """Text, image, date or setting that cannot be accepted."""

    exit_code = EXIT_INVALID


class WrongState(DeskError):
    """The post is not in a state that allows the action."""

    exit_code = EXIT_INVALID


class NotFound(DeskError):
    exit_code = EXIT_INVALID


class Conflict(DeskError):
    """Someone else changed the post since it was read."""

    exit_code = EXIT_INVALID


class StoreError(DeskError):
    """The data folder or database cannot be used (locked, read-only, not a database)."""

    exit_code = EXIT_OTHER


class PublishError(DeskError):
    """X refused or could not be reached. ``definite`` means nothing went out."""

    exit_code = EXIT_X
    definite = True


class PublishUncertain(PublishError):
    """The request may have reached X (timeout, dropped connection): never resend blindly."""

    definite = False


class RateLimited(PublishError):
    """X said "not now" and nothing went out: a rate limit, a daily or usage cap, no credits.

    The post keeps its place (approved or scheduled) and nothing is sent before ``reset_at``
    (aware UTC datetime): the limit's reset, or when the desk tries again."""

    def __init__(self, key: str = "x.rate_limited", *, reset_at=None, **params):
        self.reset_at = reset_at
        shown = reset_at.astimezone().strftime("%Y-%m-%d %H:%M") if reset_at else "?"
        super().__init__(key, reset=shown, **params)

    @property
    def person_may_try(self) -> bool:
        """Only credits can come back before the desk's next try (someone buys them): a person
        may publish by hand meanwhile. X lifts the other limits at their own time."""
        return self.key == CREDITS


CREDITS = "x.credits"  # 402: the developer account's credits are used up


class VaultError(DeskError):
    """The OS keyring is missing, insecure, locked, or refused."""

    exit_code = EXIT_OTHER
