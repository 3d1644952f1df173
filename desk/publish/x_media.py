"""Media for a post: images in one request; GIFs and videos in chunks, then X's processing.

Nothing here puts anything on the account: whatever goes wrong before ``POST /2/tweets``
(a refusal, no answer, a broken file, a cancel) is a ``PublishError``, a definite
"nothing went out", never an uncertain one. Files are read chunk by chunk, never whole.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from desk.core.errors import DeskError, PublishError, PublishUncertain
from desk.publish.base import OutgoingImage, OutgoingPost
from desk.publish.progress import Progress

log = logging.getLogger(__name__)

API = "https://api.x.com"  # our own requests; tweepy itself talks to api.twitter.com
CHUNK = 4 * 1024 * 1024  # X takes at most 5 MB in one append
MAX_SEGMENTS = 1000  # segment_index 0..999
CHUNKED = {"image/gif": "tweet_gif", "video/mp4": "tweet_video"}
SUBTITLE_CATEGORY = {"tweet_video": "TweetVideo"}
LANGUAGES = {"ar": ("AR", "العربية"), "en": ("EN", "English")}
MAX_WAIT = 15 * 60.0  # seconds of X's processing the desk waits for before it gives up
MAX_CHECKS = 300
DEFAULT_CHECK_AFTER = 1


def upload_media(publisher, post: OutgoingPost, progress: Progress | None = None) -> list[str]:
    """Every file of the post, in order; their media ids. Ends ready for the post request."""
    progress = progress or Progress()
    try:
        progress.start(sum(_size(item.path) + (_size(item.caption) if item.caption else 0) for item in post.images))
        ids = []
        for item in post.images:
            progress.check()
            if item.mime in CHUNKED:
                try:
                    ids.append(upload_chunked(publisher, item, progress))
                except PublishError as error:
                    if error.key != "x.image_refused":
                        raise
                    raise PublishError("media.file_refused", **error.params) from None  # a GIF or video, not "image"
            else:
                ids.append(upload_image(publisher, item))
                progress.sent(_size(item.path))
        progress.begin_post()
        return ids
    except PublishUncertain as error:  # a media request left unanswered is still no post
        raise PublishError(error.key, **error.params) from None
    except DeskError:
        raise
    except Exception as error:  # a bug or a file gone mid-way: still before the post
        log.warning("media upload stopped: %s", type(error).__name__)
        raise PublishError("media.upload_failed") from None


def _size(path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        raise PublishError("media.missing", name=Path(path).name) from None


def upload_image(publisher, image: OutgoingImage) -> str:
    """One image in one request (``POST /2/media/upload``), then its alt text; the media id.
    MediaUploadRequest lists media, media_category, additional_owners and nothing else."""
    name = Path(image.path).name
    try:
        data = Path(image.path).read_bytes()  # at most 5 MB
    except OSError:
        raise PublishError("media.missing", name=name) from None
    _same(data, image.sha256, name)
    files = {"media": (name, data, image.mime or "application/octet-stream")}
    body = publisher._call("media", lambda: publisher._signed("POST", API + "/2/media/upload",
                                                              data={"media_category": "tweet_image"}, files=files),
                           name=name)
    media_id = _media_id(body)
    _alt(publisher, media_id, image.alt, name)
    return media_id


def upload_chunked(publisher, item: OutgoingImage, progress: Progress, *, chunk: int | None = None) -> str:
    """initialize, append each chunk, finalize, wait for processing; then alt text and captions."""
    chunk = chunk or CHUNK
    path, name = Path(item.path), Path(item.path).name
    category = CHUNKED[item.mime]
    total = _size(path)
    if -(-total // chunk) > MAX_SEGMENTS:
        raise PublishError("media.too_many_chunks", name=name)
    body = publisher._call("media", lambda: publisher._signed(
        "POST", API + "/2/media/upload/initialize",
        json={"media_type": item.mime, "media_category": category, "total_bytes": total}), name=name)
    media_id = _media_id(body)
    try:
        source = open(path, "rb")
    except OSError:
        raise PublishError("media.missing", name=name) from None
    sha = hashlib.sha256()
    with source:
        index = 0
        while data := source.read(chunk):
            sha.update(data)
            progress.check()
            part = {"media": (name, data, "application/octet-stream")}
            publisher._call("media", lambda: _empty_ok(publisher._signed(
                "POST", f"{API}/2/media/upload/{media_id}/append", data={"segment_index": str(index)},
                files=part)), name=name)
            index += 1
            progress.sent(len(data))
    if item.sha256 and sha.hexdigest() != item.sha256:  # changed on disk since the check: X never uses it
        raise PublishError("media.changed_while_sending", name=name)
    progress.check()
    body = publisher._call("media", lambda: publisher._signed(
        "POST", f"{API}/2/media/upload/{media_id}/finalize"), name=name)
    wait_processed(publisher, media_id, (body.get("data") or {}).get("processing_info"), progress, name)
    _alt(publisher, media_id, item.alt, name)
    if item.caption:
        add_caption(publisher, media_id, category, item, progress)
    return media_id


def wait_processed(publisher, media_id: str, info, progress: Progress, name: str) -> None:
    """Ask STATUS as often as X says (check_after_secs) until it is done, within a limit."""
    waited, checks = 0.0, 0
    while isinstance(info, dict) and info.get("state") in ("pending", "in_progress"):
        wait = info.get("check_after_secs")
        wait = DEFAULT_CHECK_AFTER if not isinstance(wait, (int, float)) or wait < 0 else min(float(wait), 60.0)
        waited, checks = waited + wait, checks + 1
        if waited > MAX_WAIT or checks > MAX_CHECKS:
            raise PublishError("media.processing_slow", name=name, minutes=int(MAX_WAIT // 60))
        progress.wait(wait)
        body = publisher._call("media", lambda: publisher._signed(
            "GET", API + "/2/media/upload", params={"command": "STATUS", "media_id": media_id}), name=name)
        info = (body.get("data") or {}).get("processing_info")
        if isinstance(info, dict) and isinstance(info.get("progress_percent"), int):
            progress.processing(info["progress_percent"])
    if isinstance(info, dict) and info.get("state") not in (None, "succeeded"):
        raise PublishError("media.processing_failed", name=name)
    progress.processing(100)


def add_caption(publisher, video_id: str, category: str, item: OutgoingImage, progress: Progress) -> None:
    """The SubRip file as media_category ``subtitles``, then tied to the video with its language."""
    name = Path(item.caption).name
    progress.check()
    try:
        data = Path(item.caption).read_bytes()  # a caption file is small (checked at attach)
    except OSError:
        raise PublishError("media.missing", name=name) from None
    _same(data, item.caption_sha256, name)
    files = {"media": (name, data, "text/srt")}
    body = publisher._call("media", lambda: publisher._signed(
        "POST", API + "/2/media/upload", data={"media_category": "subtitles"}, files=files), name=name)
    caption_id = _media_id(body)
    progress.sent(len(data))
    code, shown = LANGUAGES[item.caption_lang]
    payload = {"id": video_id, "media_category": SUBTITLE_CATEGORY[category],
               "subtitles": {"id": caption_id, "language_code": code, "display_name": shown}}
    publisher._call("media", lambda: publisher._signed("POST", API + "/2/media/subtitles", json=payload), name=name)


def _same(data: bytes, sha256: str, name: str) -> None:
    if sha256 and hashlib.sha256(data).hexdigest() != sha256:
        raise PublishError("media.changed_while_sending", name=name)


def _alt(publisher, media_id: str, alt: str, name: str) -> None:
    if alt:
        payload = {"id": media_id, "metadata": {"alt_text": {"text": alt}}}
        publisher._call("media", lambda: publisher._signed("POST", API + "/2/media/metadata", json=payload), name=name)


def _media_id(body: dict) -> str:
    media = body.get("data") or {}
    media_id = str(media.get("id") or media.get("media_id_string") or "")
    if not media_id:
        raise PublishError("x.bad_response")
    return media_id


def _empty_ok(response):
    """An append may answer 2xx with no body: that is a yes."""
    if 200 <= response.status_code < 300 and not response.content.strip():
        response._content = b"{}"
    return response
