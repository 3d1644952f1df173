"""Post text: X's weighted length and characters that cannot be published."""

from __future__ import annotations

import copy
import unicodedata

from desk.core.errors import InvalidInput

DEFAULT_LIMIT = 280
# X's long posts (paid accounts) go to 25,000; anything past that is refused at the door.
MAX_WEIGHTED = 25_000
# Checked before weighting. Past MAX_WEIGHTED characters only a wall of links can still weigh
# less; 32,767 is also what one Excel cell holds, so the XLSX export never cuts a text.
MAX_CHARS = 32_767
MAX_REASON = 2_000

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters with no
# glyph of their own. A text made only of these and whitespace shows nothing.
_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
_BLANK_EXTRA = {"\u2800"}  # braille blank: drawn as nothing


def _ignorable(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _IGNORABLE)


def is_blank(text: str) -> bool:
    """True when the text shows nothing: only whitespace and invisible characters."""
    return all(c.isspace() or c in _BLANK_EXTRA or _ignorable(c) or unicodedata.category(c) == "Zs"
               for c in text)


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
    if len(text) > MAX_CHARS:  # before anything walks the text
        raise InvalidInput("text.far_too_long", length=len(text), limit=MAX_WEIGHTED)
    if is_blank(text):
        raise InvalidInput("text.invisible")
    check_characters(text)
    if len(text) > MAX_WEIGHTED // 6:  # shorter cannot weigh more: a link is 23 for 4 characters or more
        length = weighted_length(text, MAX_WEIGHTED)
        if length > MAX_WEIGHTED:
            raise InvalidInput("text.far_too_long", length=length, limit=MAX_WEIGHTED)
    return text


def check_reason(reason: str | None) -> str | None:
    """A reject reason, return comment or withdraw reason: a line or a paragraph of words."""
    reason = (reason or "").strip()
    if not reason or is_blank(reason):
        return None
    if len(reason) > MAX_REASON:
        raise InvalidInput("reason.too_long", length=len(reason), limit=MAX_REASON)
    for position, char in enumerate(reason):
        if char != "\n" and (unicodedata.category(char) == "Cc" or unicodedata.category(char) == "Cs"
                              or char in "\u2028\u2029"):
            raise InvalidInput("reason.bad_character", position=position + 1)
    return reason


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


def overflow_start(text: str, limit: int = DEFAULT_LIMIT) -> int | None:
    """Index (in the text's own characters) of the first character past the limit by X's
    count, or None when it fits. A link that crosses the limit is past it whole, as on X."""
    from twitter_text import parse_tweet

    if not text:
        return None
    if limit not in _OPTIONS_CACHE:
        _OPTIONS_CACHE[limit] = _options(limit)
    parsed = parse_tweet(text, _OPTIONS_CACHE[limit])
    if parsed.weightedLength <= limit:
        return None
    # twitter-text counts the NFC form, and its end of the valid part in UTF-16 units
    def as_counted(part: str) -> str:
        return unicodedata.normalize("NFC", part.replace("\r\n", "\n").replace("\r", "\n"))

    counted = as_counted(text)
    units = parsed.validRangeEnd - (_utf16(text) - _utf16(counted)) + 1
    kept = _index_of_unit(counted, units)
    if counted == text:
        return kept
    # the longest start of the text whose NFC form is no longer than the valid part
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if len(as_counted(text[:middle])) <= kept:
            low = middle
        else:
            high = middle - 1
    return low


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _index_of_unit(text: str, units: int) -> int:
    """The character index at which `units` UTF-16 code units of the text end."""
    count = 0
    for index, char in enumerate(text):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(text)
