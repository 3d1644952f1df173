"""Threads: a long statement cut into posts, and the "k/n" number on each part."""

from __future__ import annotations

import re
import unicodedata

from desk.core.text import DEFAULT_LIMIT, weighted_length

# The number isolated left-to-right reads "1/5" in an Arabic line whatever stands next to
# it. X (twitter-text) weighs each isolate 2, so " \u20661/5\u2069" weighs 8: number_room says so.
LRI, PDI = "\u2066", "\u2069"
_TO_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_MAX_PLAIN = 25  # a thread's most parts: a bare "3/40" at the end is the text's own
_NUMBER = re.compile(r"(\s*)(\u2066?)([0-9]+|[٠-٩]+)/([0-9]+|[٠-٩]+)(\u2069?)\s*\Z")

_SENTENCE_END = ".!?؟"
_CLAUSE_END = "؛،;,"
_CLOSERS = "\"')]}»”’"  # 'ends.»' still ends a sentence: look past the closing mark
_GAP = re.compile(r"\s+")
_TAG = re.compile(r"[@#＠＃]\w+")


def number_room(total: int, digits: str = "latin") -> int:
    """The weight the number adds to a part of a thread of `total` parts (the isolates count)."""
    return weighted_length(" " + _label(total, total, digits))


def number_parts(parts: list[str], digits: str = "latin") -> list[str]:
    """Each part with " k/n" at its end; a number from an earlier call is replaced."""
    numbered = []
    for index, part in enumerate(parts, 1):
        body = strip_number(part).rstrip()
        label = _label(index, len(parts), digits)
        numbered.append(f"{body} {label}" if body else label)
    return numbered


def strip_number(text: str) -> str:
    """The text without a trailing "k/n" (either digits, with or without the isolates).

    Without the isolates only 1 <= k <= n <= 25 after a space counts: "2025/2026" stays.
    """
    found = _NUMBER.search(text)
    if not found:
        return text
    space, opening, index, total, closing = found.groups()
    if bool(opening) != bool(closing) or index.isascii() != total.isascii():
        return text
    if not 1 <= int(index) <= int(total):
        return text
    if not opening and (int(total) > _MAX_PLAIN or not (space or found.start() == 0)):
        return text
    return text[:found.start()].rstrip()


def join_parts(first: str, second: str) -> str:
    """Two neighbouring parts made one, their numbers dropped; a line break at the seam stays."""
    first, second = strip_number(first), strip_number(second)
    head, tail = first.rstrip(), second.lstrip()
    if not head or not tail:
        return head or tail
    breaks = (first[len(head):] + second[:len(second) - len(tail)]).count("\n")
    return head + ("\n\n" if breaks > 1 else "\n" if breaks else " ") + tail


def split_text(text: str, limit: int = DEFAULT_LIMIT, reserve: int = 0) -> list[str]:
    """Parts of at most limit - reserve by X's count, cut where a reader would pause.

    Cuts only in whitespace (so never inside a link, @handle or #hashtag): the last
    paragraph break, else sentence end or line break, else clause mark, else space, in the
    second half of what fits. Only a word longer than the room is cut inside.
    """
    room = limit - reserve
    if room < 2:  # an emoji weighs 2: less room than that cannot always hold a character
        raise ValueError("no room left for text")
    text = text.strip()
    parts = []
    while text:
        cut, resume = _next_cut(text, room)
        parts.append(text[:cut])
        text = text[resume:].lstrip()
    return parts


def _label(index: int, total: int, digits: str) -> str:
    if digits not in ("latin", "arabic"):
        raise ValueError(f"digits must be 'latin' or 'arabic', not {digits!r}")
    label = f"{index}/{total}"
    return LRI + (label.translate(_TO_ARABIC) if digits == "arabic" else label) + PDI


def _rank(text: str, start: int, end: int) -> int:
    """How good a cut the whitespace text[start:end] is: 0 best."""
    breaks = text.count("\n", start, end)
    if breaks > 1:
        return 0
    before = start
    while before > 1 and text[before - 1] in _CLOSERS:
        before -= 1
    mark = text[before - 1]
    if breaks or mark in _SENTENCE_END:
        return 1
    return 2 if mark in _CLAUSE_END else 3


def _next_cut(text: str, room: int) -> tuple[int, int]:
    """Where the first part of the text ends, and where the rest starts."""
    # Every word weighs at least 1, so no part holds more than `room` words.
    gaps = []
    for gap in _GAP.finditer(text):
        gaps.append((gap.start(), gap.end()))
        if len(gaps) > room:
            break
    else:
        gaps.append((len(text), len(text)))
    weights: dict[int, int] = {}

    def weight(i: int) -> int:
        if i not in weights:
            weights[i] = weighted_length(text[:gaps[i][0]])
        return weights[i]

    if weight(0) > room:
        cut = _hard_cut(text[:gaps[0][0]], room)
        return cut, cut
    # Prefixes ending at whole words grow in weight: find the longest that fits by halving.
    low, high = 0, len(gaps) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if weight(middle) <= room:
            low = middle
        else:
            high = middle - 1
    longest = low
    if gaps[longest][0] == len(text):
        return len(text), len(text)
    # The best cut of those past half of what fits: a long part, ending at a pause.
    low, high = 0, longest
    while low < high:
        middle = (low + high) // 2
        if 2 * weight(middle) >= weight(longest):
            high = middle
        else:
            low = middle + 1
    best = min(range(low, longest + 1), key=lambda i: (_rank(text, *gaps[i]), -i))
    if weight(best) > room:
        best = longest
    return gaps[best]


def _hard_cut(word: str, room: int) -> int:
    """How much of a word too long for any part goes into this one."""
    low, high = 1, len(word) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if weighted_length(word[:middle]) <= room:
            low = middle
        else:
            high = middle - 1
    cut = low
    # Not inside a link, @handle or #hashtag that starts later in the word.
    from twitter_text.extract_urls import extract_urls_with_indices

    spans = [tuple(url["indices"]) for url in extract_urls_with_indices(word)]
    spans += [tag.span() for tag in _TAG.finditer(word)]
    for start, end in spans:
        if 0 < start < cut < end:
            cut = start
    # Nor between a letter and its marks (Arabic harakat) or inside a joined emoji.
    while cut > 1 and (unicodedata.combining(word[cut]) or word[cut] in "\u200d\ufe0f"
                       or word[cut - 1] == "\u200d"):
        cut -= 1
    while cut > 1 and weighted_length(word[:cut]) > room:
        cut -= 1
    return cut
