"""Finding a post the desk sent among the posts X shows on the account.

X shows every link as a t.co link, escapes &, < and > as HTML entities, and trims
whitespace, so texts are compared after normalising all of that away.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta, timezone
from typing import Iterable

from twitter_text.extract_urls import extract_urls

from desk.publish.base import RemotePost

LINK = "\u27e8link\u27e9"  # what any link becomes: X's t.co link never equals the original
TOLERANCE = timedelta(seconds=10)  # X's clock and ours, and X's second-precision times
_X_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


def normalise(text: str, *, from_x: bool = False) -> str:
    """Text for matching: NFC, links as one placeholder, whitespace runs as one space.

    ``from_x``: the text as X returns it, with &, < and > escaped (only those three,
    so a literal "&amp;" typed in the desk still matches)."""
    if from_x:
        for entity, char in _X_ENTITIES:
            text = text.replace(entity, char)
    text = unicodedata.normalize("NFC", text)
    # Links are found the way X finds them (twitter-text), including bare domains.
    out, pos = [], 0
    for url in extract_urls(text):
        start = text.find(url, pos)
        if start < 0:
            continue
        out += [text[pos:start], f" {LINK} "]
        pos = start + len(url)
    out.append(text[pos:])
    return " ".join("".join(out).split())


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def find_match(text: str, remote_posts: Iterable[RemotePost], window_start: datetime,
               window_end: datetime | None, *, tolerance: timedelta = TOLERANCE) -> RemotePost | None:
    """The earliest remote post with the same normalised text, created within the
    attempt's window (widened by ``tolerance``); None if there is none.

    ``window_end`` None means open-ended. Naive datetimes are taken as UTC; a remote
    post without a creation time cannot be placed in the window and never matches."""
    wanted = normalise(text)
    low = _utc(window_start) - tolerance
    high = _utc(window_end) + tolerance if window_end is not None else None
    found = [
        post for post in remote_posts
        if post.created_at is not None
        and low <= _utc(post.created_at)
        and (high is None or _utc(post.created_at) <= high)
        and normalise(post.text, from_x=True) == wanted
    ]
    return min(found, key=lambda post: _utc(post.created_at), default=None)
