"""A long statement as a thread: split at sentence ends, join, number "k/n".

Cuts fall only at whitespace, so a link, an @handle or a #hashtag is never cut (none holds
a space); among the cuts that fit, a paragraph break is best, then a line break, then a
sentence end (. ! ? ؟), then a pause (؛ ، ; , :), then any space. A word longer than a
whole part is cut hard, as a last resort.

The number "3/5" needs no direction marks in an Arabic line: the Unicode bidi algorithm
keeps digits joined by a slash as one number (rule W4), in Latin and Arabic-Indic digits.
"""

from __future__ import annotations

import re

from desk.core.text import DEFAULT_LIMIT, weighted_length

ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_TO_ARABIC = str.maketrans("0123456789", ARABIC_DIGITS)
_SENTENCE_ENDS = ".!?؟…"
_PAUSES = "؛،;,:"
_CLOSERS = "\"'»”’)]}"  # a sentence may end inside quotes or brackets
_NUMBER = re.compile(r"\s+([0-9]{1,2}|[٠-٩]{1,2})/([0-9]{1,2}|[٠-٩]{1,2})\s*$")
_WHITESPACE = re.compile(r"\s+")


def number_mark(k: int, n: int, digits: str = "latin") -> str:
    mark = f"{k}/{n}"
    return mark.translate(_TO_ARABIC) if digits == "arabic" else mark


def number_room(total: int, digits: str = "latin") -> int:
    """What numbering adds to the longest part in X's count (" 12/12")."""
    return weighted_length(" " + number_mark(total, total, digits))


def strip_number(text: str) -> str:
    """The text without a trailing "k/n" numbering (k ≤ n ≤ 25, one digit set)."""
    found = _NUMBER.search(text)
    if not found:
        return text
    k, n = found.group(1), found.group(2)
    if (k[0] in ARABIC_DIGITS) != (n[0] in ARABIC_DIGITS):
        return text
    as_int = [int(x.translate(str.maketrans(ARABIC_DIGITS, "0123456789"))) for x in (k, n)]
    if not 1 <= as_int[0] <= as_int[1] <= 25:
        return text  # "2024/2025" is a season, not a numbering
    return text[:found.start()]


def number_parts(parts: list[str], digits: str = "latin") -> list[str]:
    """Each part with " k/n" at its end; numbering already there is replaced, never doubled."""
    total = len(parts)
    return [f"{strip_number(p).rstrip()} {number_mark(i, total, digits)}" for i, p in enumerate(parts, start=1)]


def join_parts(first: str, second: str) -> str:
    """Two neighbouring parts as one: a paragraph break between them is kept."""
    first, second = strip_number(first), strip_number(second)
    between = "\n\n" if first.endswith("\n") or second.startswith("\n") else " "
    return f"{first.rstrip()}{between}{second.strip()}".strip()


def _rank(text: str, start: int, end: int) -> int:
    """How good a cut at the whitespace text[start:end] is: 0 best."""
    gap = text[start:end]
    if "\n\n" in gap or gap.count("\n") > 1:
        return 0
    if "\n" in gap:
        return 1
    before = text[:start].rstrip(_CLOSERS)
    if before and before[-1] in _SENTENCE_ENDS:
        return 2
    if before and before[-1] in _PAUSES:
        return 3
    return 4


def _fits(text: str, room: int, limit: int) -> bool:
    return weighted_length(text, limit) <= room


def _hard_cut(text: str, room: int, limit: int) -> int:
    """The longest prefix that fits, by characters (a word longer than a whole part)."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(text[:middle], room, limit):
            low = middle
        else:
            high = middle - 1
    return low


def _cut(text: str, room: int, limit: int) -> tuple[str, str]:
    """The first part of ``text`` that fits ``room``, at the best place, and the rest."""
    gaps = [(m.start(), m.end()) for m in _WHITESPACE.finditer(text) if m.start() > 0]
    low, high = 0, len(gaps)  # gaps[:low] fit: the prefix grows with the gap's place
    while low < high:
        middle = (low + high) // 2
        if _fits(text[:gaps[middle][0]], room, limit):
            low = middle + 1
        else:
            high = middle
    fitting = gaps[:low]
    if not fitting:
        end = _hard_cut(text, room, limit)
        return text[:end], text[end:]
    # The best kind of cut past the first third of what fits; a short part only if no other
    last = fitting[-1][0]
    late = [g for g in fitting if g[0] >= last // 3] or fitting
    best = min(_rank(text, *g) for g in late)
    start, end = [g for g in late if _rank(text, *g) == best][-1]
    return text[:start], text[end:]


def split_text(text: str, limit: int = DEFAULT_LIMIT, reserve: int = 0) -> list[str]:
    """``text`` as parts of at most ``limit - reserve`` in X's count each, none empty."""
    room = max(1, limit - reserve)
    rest = text.strip()
    parts = []
    while rest and not _fits(rest, room, limit):
        part, rest = _cut(rest, room, limit)
        part, rest = part.strip(), rest.strip()
        if part:
            parts.append(part)
    if rest:
        parts.append(rest)
    return parts
