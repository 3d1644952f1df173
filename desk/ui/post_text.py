"""A post's text as X shows it: paragraph directions, links, #hashtags and @mentions marked."""

from __future__ import annotations

import html
import re
import unicodedata

from twitter_text import extract_emojis_with_indices, extract_urls_with_indices

from desk.ui.style import LINK

HASHTAG = re.compile(r"(?<![\w&#＃])[#＃](?=\w*[^\W\d])\w+")
MENTION = re.compile(r"(?<![\w@＠])[@＠][A-Za-z0-9_]{1,15}\b")
SHOWN_URL = 25  # X shows a link without its scheme, cut after about this many characters


def direction(text: str) -> str:
    """'rtl' or 'ltr' from the first letter with a strong direction; '' when none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return ""


def shown_url(url: str) -> str:
    shown = re.sub(r"^https?://", "", url)
    shown = re.sub(r"^www\.", "", shown)
    return shown if len(shown) <= SHOWN_URL else shown[: SHOWN_URL - 1] + "…"


def entities(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of links, hashtags and mentions, in order, never overlapping."""
    found = [(u["indices"][0], u["indices"][1], "url") for u in extract_urls_with_indices(text)]
    found += [(m.start(), m.end(), "hashtag") for m in HASHTAG.finditer(text)]
    found += [(m.start(), m.end(), "mention") for m in MENTION.finditer(text)]
    found.sort()
    kept, last_end = [], 0
    for start, end, kind in found:
        if start >= last_end:
            kept.append((start, end, kind))
            last_end = end
    return kept


def _marked_line(line: str) -> str:
    parts, position = [], 0
    for start, end, kind in entities(line):
        parts.append(html.escape(line[position:start]))
        piece = line[start:end]
        shown = shown_url(piece) if kind == "url" else piece
        # a mark of the entity's own direction on both sides keeps "@name" and "#وسم" whole,
        # their sign in front, on lines of either direction
        mark = "\u200f" if direction(piece) == "rtl" else "\u200e"
        parts.append(f'{mark}<span style="color:{LINK}">{html.escape(shown)}</span>{mark}')
        position = end
    parts.append(html.escape(line[position:]))
    return "".join(parts)


def post_html(text: str, fallback_dir: str = "ltr") -> str:
    """Each paragraph gets the direction of its own first strong letter."""
    blocks = []
    for line in text.split("\n"):
        way = direction(line) or fallback_dir
        align = "right" if way == "rtl" else "left"
        body = _marked_line(line) or "&nbsp;"
        blocks.append(f'<p dir="{way}" align="{align}" style="margin:0">{body}</p>')
    return "".join(blocks)


def first_line(text: str, width: int = 90) -> str:
    line = next((part for part in (text or "").splitlines() if part.strip()), "")
    return line if len(line) <= width else line[: width - 1] + "…"


def counted_parts(text: str) -> tuple[int, int]:
    """How many links (23 each) and emoji (2 each) X counts in the text."""
    return len(extract_urls_with_indices(text)), len(extract_emojis_with_indices(text))
