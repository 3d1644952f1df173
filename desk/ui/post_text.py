"""A post's text as X shows it: one direction for the post, links, #hashtags and @mentions marked."""

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


LRM, RLM = "\u200e", "\u200f"


def marks(line: str, way: str) -> list[tuple[int, str]]:
    """Where a line of a post laid out in direction `way` needs invisible direction marks,
    as (index, mark), in order.

    A link, #hashtag or @mention written against the post's direction gets a mark of its
    own direction on both sides, so "@name" keeps its sign in front and a link its last
    "/" ("MediaCentre@" and "https://@" are what the bare bidi algorithm makes of them).
    The preview and the editor place the same marks, so both show a line alike.
    """
    found = []
    for start, end, _kind in entities(line):
        mark = _mark(line[start:end], way)
        if mark:
            found += [(start, mark), (end, mark)]
    return found


def _mark(piece: str, way: str) -> str:
    own = direction(piece) or "ltr"
    return "" if own == way else (RLM if own == "rtl" else LRM)


def _marked_line(line: str, way: str) -> str:
    parts, position = [], 0
    for start, end, kind in entities(line):
        parts.append(html.escape(line[position:start]))
        piece = line[start:end]
        shown = shown_url(piece) if kind == "url" else piece
        mark = _mark(piece, way)
        parts.append(f'{mark}<span style="color:{LINK}">{html.escape(shown)}</span>{mark}')
        position = end
    parts.append(html.escape(line[position:]))
    return "".join(parts)


def post_html(text: str, fallback_dir: str = "ltr") -> str:
    """The whole post in the direction of its first strong letter, as X lays it out: an
    English line in an Arabic post stays on the right with the rest."""
    way = direction(text) or fallback_dir
    align = "right" if way == "rtl" else "left"
    blocks = []
    for line in text.split("\n"):
        body = _marked_line(line, way) or "&nbsp;"
        blocks.append(f'<p dir="{way}" align="{align}" style="margin:0">{body}</p>')
    return "".join(blocks)


def first_line(text: str, width: int = 90) -> str:
    line = next((part for part in (text or "").splitlines() if part.strip()), "")
    return line if len(line) <= width else line[: width - 1] + "…"


def counted_parts(text: str) -> tuple[int, int]:
    """How many links (23 each) and emoji (2 each) X counts in the text."""
    return len(extract_urls_with_indices(text)), len(extract_emojis_with_indices(text))
