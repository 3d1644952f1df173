"""What the fake X answers with: X's error bodies, its link rewriting, what it keeps."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from twitter_text.extract_urls import extract_urls

IMAGE_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF8", "image/gif"))


def _problem(status: int, title: str, detail: str | None = None) -> dict:
    return {"title": title, "detail": detail or title, "type": "about:blank", "status": status}


def _invalid(message: str) -> dict:
    return {"errors": [{"message": message}], "title": "Invalid Request",
            "detail": "One or more parameters to your request was invalid.",
            "type": "https://api.twitter.com/2/problems/invalid-request"}


DUPLICATE = _problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.")
FORBIDDEN = _problem(403, "Forbidden", "You are not permitted to perform this action.")
UNAUTHORIZED = _problem(401, "Unauthorized")
V1_UNAUTHORIZED = {"errors": [{"code": 32, "message": "Could not authenticate you."}]}
V1_TIER = {"errors": [{"code": 453, "message": "You currently have access to a subset of X API V2 endpoints and "
                       "limited v1.1 endpoints (e.g. media post, oauth) only. If you need access to this endpoint, "
                       "you may need a different access level."}]}
NO_PAGE = {"errors": [{"message": "Sorry, that page does not exist", "code": 34}]}
ANSWERS = {"400": (400, _invalid("media type unrecognized.")), "401": (401, UNAUTHORIZED),
           "403": (403, FORBIDDEN), "403-duplicate": (403, DUPLICATE),
           "500": (500, _problem(500, "Internal Server Error")), "503": (503, _problem(503, "Service Unavailable"))}


def short_link(url: str) -> str:
    return "https://t.co/" + hashlib.sha1(url.encode()).hexdigest()[:10]


def tco(text: str) -> str:
    """X shows every link as t.co: rewrite each as a stable short link."""
    for url in sorted(set(extract_urls(text)), key=len, reverse=True):
        text = text.replace(url, short_link(url))
    return text


def escaped(text: str) -> str:
    """X's ``text`` carries &, < and > as HTML entities (and only those)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class Media:
    id: str
    data: bytes
    mime: str
    category: str
    alt: str | None = None
    total_bytes: int = 0  # a chunked upload: announced at initialize
    segments: dict[int, bytes] = field(default_factory=dict)  # a chunked upload's parts until finalize
    state: str = "succeeded"  # X's processing_info.state: pending, in_progress, succeeded, failed
    checks: int = 0  # STATUS requests answered since finalize
    subtitles: list[dict] = field(default_factory=list)  # POST /2/media/subtitles, for a video


@dataclass
class Post:
    id: str
    text: str  # as it was sent
    created_at: datetime
    reply_to: str | None = None
    media_ids: list[str] = field(default_factory=list)
    author: str = ""  # the handle of whoever wrote it; "" for the account itself
    summons: bool = False  # another account's post that mentions the account or quotes it


SNOWFLAKE_EPOCH_MS = 1288834974657  # X's ids carry their creation time (fundamentals/x-ids.mdx)


def snowflake(created_at: datetime, sequence: int) -> str:
    """An id as X makes them: milliseconds since X's epoch, then worker and sequence bits."""
    ms = int(created_at.timestamp() * 1000) - SNOWFLAKE_EPOCH_MS
    return str((ms << 22) | (sequence & 0x3FFFFF))
