"""The Publisher interface: what the outbox needs from X or from the training timeline.

A publisher raises ``desk.core.errors.PublishError`` when nothing went out (a definite
refusal: 4xx, no network before sending), ``PublishUncertain`` when the request may
have reached X (timeout, dropped connection), and ``RateLimited`` for 429.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class OutgoingImage:
    """A file of the post: an image, a GIF or a video (then maybe with its SubRip caption)."""

    path: Path
    mime: str
    alt: str
    caption: Path | None = None
    caption_lang: str = ""  # "ar" or "en"
    sha256: str = ""  # what the approval covers: the bytes sent are checked against it
    caption_sha256: str = ""


@dataclass(frozen=True)
class OutgoingPost:
    post_id: int
    text: str
    reply_to: str | None = None
    images: tuple[OutgoingImage, ...] = ()


@dataclass(frozen=True)
class SentPost:
    x_post_id: str
    url: str


@dataclass(frozen=True)
class RemotePost:
    """A post read back from the account's timeline, text as X returns it (links as t.co,
    &, < and > escaped, a reply's @handle in front, a media link at the end).

    ``media_keys``: X's ``attachments.media_keys``; None when the answer had none (no media,
    or the field did not come). ``media_link``: the t.co link X appended for the media, when
    the answer's entities name it. ``x_text``: the text is X's ``text`` field, so a post with
    media has X's link at its end and a long post's text may be cut short (no note field came);
    False for a note's whole text and for the training timeline's exact texts."""

    x_post_id: str
    text: str
    created_at: datetime | None
    media_keys: tuple[str, ...] | None = None
    media_link: str = ""
    x_text: bool = False
    reply: bool | None = None  # from X's conversation_id: a reply's differs from its own id


@dataclass(frozen=True)
class AccountInfo:
    user_id: str
    handle: str
    name: str
    avatar_url: str = ""


class Publisher(ABC):
    kind: str = ""  # "x" or "training"

    @abstractmethod
    def send(self, post: OutgoingPost, progress=None) -> SentPost:
        """``progress``: a desk.publish.progress.Progress, told how far the media got; its
        cancel is honoured only before the post request."""

    @abstractmethod
    def withdraw(self, x_post_id: str) -> None: ...

    @abstractmethod
    def recent_posts(self, since: datetime) -> list[RemotePost]: ...

    @abstractmethod
    def account(self) -> AccountInfo: ...

    def post_url(self, x_post_id: str) -> str:
        """The post's address on X ("" where it has none, as on the training timeline)."""
        return ""
