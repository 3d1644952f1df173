"""Media for a post: images in one request, with their alt text."""

from __future__ import annotations

from pathlib import Path

from desk.core.errors import PublishError
from desk.publish.base import OutgoingImage

API = "https://api.x.com"  # our own requests; tweepy itself talks to api.twitter.com


def upload_image(publisher, image: OutgoingImage) -> str:
    """One image in one request (``POST /2/media/upload``), then its alt text; the media id."""
    name = Path(image.path).name
    try:
        data = Path(image.path).read_bytes()
    except OSError:
        raise PublishError("media.missing", name=name) from None
    form = {"media_category": "tweet_image"}
    if image.mime:
        form["media_type"] = image.mime
    files = {"media": (name, data, image.mime or "application/octet-stream")}
    body = publisher._call("media", lambda: publisher._signed("POST", API + "/2/media/upload", data=form, files=files),
                      name=name)
    media = body.get("data") or {}
    media_id = str(media.get("id") or media.get("media_id_string") or "")
    if not media_id:
        raise PublishError("x.bad_response")
    if image.alt:
        payload = {"id": media_id, "metadata": {"alt_text": {"text": image.alt}}}
        publisher._call("media", lambda: publisher._signed("POST", API + "/2/media/metadata", json=payload), name=name)
    return media_id
