"""Finding a post the desk sent among the posts X shows on the account.

X's ``text`` is not the text sent (x-api/fundamentals/data-dictionary/reference.mdx):
every link is a t.co link; a post with media gets one more t.co link at the end (shown
as pic.x.com/…); &, < and > come back as &amp;, &lt; and &gt;; a reply to someone else
starts with their @handle; a long post's ``text`` is cut short, its whole text in the
note field. Texts are compared after undoing all of that; where X says more (its media
keys, the entity naming the media link) that is checked too.

A post is placed in time by X's ``created_at``, or, when that field did not come, by its
id: X's ids are snowflakes that carry their creation time in milliseconds
(fundamentals/x-ids.mdx).

What is promised: a post the desk sent, as X shows it, is found when X's time for it lies
in the window the caller gives (the reconciler adds X's lag) widened by ``TOLERANCE``,
and the caller passes every post of that window (the reader pages far enough). Fields
that do not come weaken the check, never the finding: without ``attachments`` and
``entities`` the media link is taken to be the last link; without the note field a long
post is known by its first 200-odd characters; without ``conversation_id`` a reply to
@someone and a post typed "@someone …" look alike. Two posts X shows alike in all that
came (the same words, the same media count, in the same window) cannot be told apart.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta, timezone
from typing import Iterable

from twitter_text.extract_urls import extract_urls

from desk.publish.base import RemotePost

LINK = "\u27e8link\u27e9"  # what any link becomes: X's t.co link never equals the original
TOLERANCE = timedelta(seconds=10)  # X's clock and ours, and X's second-precision times
_X_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))
_MENTION = re.compile(r"[@\uff20]\w{1,15}")  # a handle as X writes it in front of a reply
SNOWFLAKE_EPOCH_MS = 1288834974657  # X's epoch for the time in its ids
_FIRST_SNOWFLAKE = 1 << 42  # ids below this are too small to carry a time (before 2010's snowflakes)
LONG = 280  # X's weighted limit for a post whose text comes whole in ``text``
CUT_AT_LEAST = 200  # a cut text is about 270 characters: a shorter one is a whole post


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


def placed_at(post: RemotePost) -> datetime | None:
    """When X made the post: its ``created_at``, else the time in its snowflake id."""
    if post.created_at is not None:
        return _utc(post.created_at)
    if post.x_post_id.isdigit() and int(post.x_post_id) >= _FIRST_SNOWFLAKE:
        ms = (int(post.x_post_id) >> 22) + SNOWFLAKE_EPOCH_MS
        return datetime.fromtimestamp(ms / 1000, timezone.utc)
    return None


def _has_media(post: RemotePost) -> bool | None:
    """What X said about media on the post: True, False, or None (it said nothing)."""
    if post.media_keys or post.media_link:
        return True
    return False if post.media_keys is not None else None


def _forms(post: RemotePost, images: int, reply: bool) -> list[list[str]]:
    """The remote text's words as the desk may have written them: without X's media link
    at the end, and, for a reply, without the @handles X put in front."""
    text = post.text
    if images and post.media_link and post.media_link in text:
        at = text.rindex(post.media_link)
        text = text[:at] + text[at + len(post.media_link):]
        tails = [_words(text)]
    else:
        words = _words(text)
        if not images:
            tails = [words]
        elif post.x_text:  # X's text of a post with media always ends with the media's link
            tails = [words[:-1]] if words and words[-1] == LINK else []
        else:  # a note's text or the training timeline's: with or without it
            tails = [words] + ([words[:-1]] if words and words[-1] == LINK else [])
    forms = []
    for tail in tails:
        forms.append(tail)
        if reply:
            lead = 0
            while lead < len(tail) and _MENTION.fullmatch(tail[lead]):
                lead += 1
                forms.append(tail[lead:])
    return forms


def _words(text: str) -> list[str]:
    return [word for word in normalise(text, from_x=True).split(" ") if word]


def _is_long(text: str) -> bool:
    from desk.core.text import weighted_length

    return weighted_length(text, 25_000) > LONG


def same_post(text: str, post: RemotePost, *, images: int = 0, reply: bool = False,
              media_ids: tuple[str, ...] | None = None) -> bool:
    """Whether the remote post is this text as X shows it (time aside).

    ``images``: how many files the desk sent with it; ``reply``: whether it was a reply;
    ``media_ids``: the ids X gave those files in this attempt, when known. X's media keys
    are "<type>_<media id>", so where both are known they must name the same files."""
    if post.reply is not None and post.reply != reply:
        return False  # X's conversation_id says it is (or is not) a reply
    media = _has_media(post)
    if images == 0 and media:
        return False  # X says it has media: not a post sent without any
    if images and media is False:
        return False
    if images and post.media_keys and len(post.media_keys) != images:
        return False
    if media_ids and post.media_keys and {key.partition("_")[2] for key in post.media_keys} != set(media_ids):
        return False  # another post's files: the same words, not this attempt
    words = [word for word in normalise(text).split(" ") if word]
    if any(form == words for form in _forms(post, images, reply)):
        return True
    if not post.x_text or len(post.text) < CUT_AT_LEAST or not _is_long(text):
        return False
    # A long post whose note field did not come: X's text is its beginning (no media link:
    # that would come after the cut), the last word possibly cut in two.
    for form in _forms(post, 0, reply):
        kept = form[:-1]
        if kept and len(kept) < len(words) and words[:len(kept)] == kept:
            return True
    return False


def find_match(text: str, remote_posts: Iterable[RemotePost], window_start: datetime,
               window_end: datetime | None, *, images: int = 0, reply: bool = False,
               media_ids: tuple[str, ...] | None = None, tolerance: timedelta = TOLERANCE) -> RemotePost | None:
    """The earliest remote post that is this text as X shows it (``same_post``), created
    within the attempt's window (widened by ``tolerance``); None if there is none.

    ``window_end`` None means open-ended. Naive datetimes are taken as UTC; a remote
    post that cannot be placed in time (no created_at, no snowflake id) never matches."""
    low = _utc(window_start) - tolerance
    high = _utc(window_end) + tolerance if window_end is not None else None
    found = []
    for post in remote_posts:
        at = placed_at(post)
        if at is None or at < low or (high is not None and at > high):
            continue
        if same_post(text, post, images=images, reply=reply, media_ids=media_ids):
            found.append((at, post))
    return min(found, key=lambda pair: pair[0], default=(None, None))[1]
