"""Post text: X's weighted length and characters that cannot be published."""

from __future__ import annotations

import copy

from desk.core.errors import InvalidInput

DEFAULT_LIMIT = 280


def _options(limit: int) -> dict:
    from twitter_text.config import config as _twitter_config

    options = copy.deepcopy(_twitter_config["defaults"])
    options["max_weighted_tweet_length"] = limit
    return options


_OPTIONS_CACHE: dict[int, dict] = {}


def weighted_length(text: str, limit: int = DEFAULT_LIMIT) -> int:
    """X's count: most Latin and Arabic letters 1, CJK and emoji 2, any link 23."""
    from twitter_text import parse_tweet  # imported on use: it costs a quarter second at start

    if limit not in _OPTIONS_CACHE:
        _OPTIONS_CACHE[limit] = _options(limit)
    return parse_tweet(text, _OPTIONS_CACHE[limit]).weightedLength


def check_characters(text: str) -> None:
    """Refuse NUL, other control characters and lone surrogates: X and SQLite mangle them."""
    for position, char in enumerate(text):
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF or code == 0 or (code < 0x20 and char not in "\n\t\r") or code in (0xFFFE, 0xFFFF):
            raise InvalidInput("text.bad_character", position=position + 1)


def check_draft_text(text: str) -> str:
    """What any draft must satisfy; a draft may still be over the length limit."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("text.empty")
    check_characters(text)
    return text


def check_publishable(text: str, limit: int) -> None:
    """What a post must satisfy to be submitted, approved or published."""
    check_draft_text(text)
    length = weighted_length(text, limit)
    if length > limit:
        raise InvalidInput("text.too_long", length=length, limit=limit)


def check_reply_target(reply_to: str | None) -> str | None:
    if reply_to in (None, ""):
        return None
    reply_to = str(reply_to).strip()
    if not reply_to.isdigit() or not reply_to.isascii() or len(reply_to) > 25:
        raise InvalidInput("text.reply_target")
    return reply_to
