"""The fake X's media endpoints, as strict as X's schema and upload pages.

One request (``POST /2/media/upload``): images and subtitle files only; GIFs and videos
go through initialize, append (segment by segment), finalize, then STATUS until X has
processed them. Processing takes ``fake.processing_steps`` STATUS requests (0: done at
finalize) and X asks to wait ``fake.check_after_secs`` between them, so tests stay fast.
"""

from __future__ import annotations

import json
import re

from tests.fakes.x_answers import IMAGE_MAGIC, Media, _invalid

MB = 1024 * 1024
# InitializeMediaUploadRequest.media_type (openapi.json): the values X knows at all
MEDIA_TYPES = {"video/mp4", "video/webm", "video/mp2t", "video/quicktime", "text/srt", "text/vtt", "image/jpeg",
               "image/gif", "image/bmp", "image/png", "image/webp", "image/pjpeg", "image/tiff",
               "model/gltf-binary", "model/vnd.usdz+zip"}
INIT_CATEGORIES = {"amplify_video", "tweet_gif", "tweet_image", "tweet_video", "dm_gif", "dm_image", "dm_video",
                   "subtitles"}
ONE_SHOT_CATEGORIES = {"tweet_image", "tweet_video", "tweet_gif", "dm_image", "dm_video", "dm_gif", "subtitles"}
# Only images and subtitles in one request: GIF and video need the chunked path (upload pages).
ONE_SHOT_TAKES = {"tweet_image", "subtitles"}
ONE_SHOT_FIELDS = {"additional_owners", "media", "media_category"}  # MediaUploadRequest, additionalProperties false
INIT_FIELDS = {"additional_owners", "media_category", "media_type", "shared", "total_bytes"}
APPEND_FIELDS = {"media", "segment_index"}
# The sizes X's upload pages give per category; a chunk at most 5 MB, segments 0..999.
LIMITS = {"tweet_image": 5 * MB, "tweet_gif": 15 * MB, "tweet_video": 512 * MB, "amplify_video": 512 * MB}
CHUNK_LIMIT = 5 * MB
MAX_TOTAL = 17179869184  # InitializeMediaUploadRequest.total_bytes maximum
KINDS = {"tweet_image": "image/", "tweet_gif": "image/gif", "tweet_video": "video/", "amplify_video": "video/",
         "subtitles": "text/"}
MEDIA_ID = re.compile(r"^[0-9]{1,19}$")
SRT_TIME = re.compile(rb"^\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}", re.M)


def image_type(data: bytes) -> str | None:
    if data[8:12] == b"WEBP":
        return "image/webp"
    return next((m for b, m in IMAGE_MAGIC if data.startswith(b)), None)


def processed_well(media: Media) -> bool:
    """What X's processing finds: a GIF that is a GIF, a video that is an MP4, an image."""
    if media.category == "tweet_gif":
        return media.data.startswith((b"GIF87a", b"GIF89a"))
    if media.category in ("tweet_video", "amplify_video"):
        return media.data[4:8] == b"ftyp"
    if media.category == "subtitles":
        return bool(SRT_TIME.search(media.data))
    return image_type(media.data) is not None


def _info(media: Media, fake) -> dict:
    info = {"state": media.state}
    if media.state in ("pending", "in_progress"):
        info["check_after_secs"] = fake.check_after_secs
    if media.state != "pending":
        steps = max(1, fake.processing_steps)
        info["progress_percent"] = 100 if media.state == "succeeded" else min(99, media.checks * 100 // steps)
    return info


def check_post_media(fake, data: dict):
    """POST /2/tweets: media X has not finished processing, or a mix X does not take
    (upload best practices: up to 4 images, or 1 animated GIF, or 1 video). None: fine."""
    media_ids = (data.get("media") or {}).get("media_ids") or []
    with fake._lock:
        found = [fake.media.get(str(m)) for m in media_ids]
    if any(m is None for m in found):
        return 400, _invalid("Your media IDs are invalid.")
    if any(m.state != "succeeded" for m in found):
        return 400, _invalid("Your media IDs are invalid: the media has not finished processing.")
    moving = [m for m in found if m.category in ("tweet_gif", "tweet_video", "amplify_video")]
    if any(m.category not in ("tweet_image", "tweet_gif", "tweet_video", "amplify_video") for m in found):
        return 400, _invalid("Your media IDs are invalid: this media cannot be attached to a post.")
    if len(found) > 4 or len(moving) > 1 or (moving and len(found) > 1):
        return 400, _invalid("Your media IDs are invalid: a post carries up to 4 images, or 1 GIF, or 1 video.")
    return None


class MediaRoutes:
    MEDIA_ROUTES = [("POST", "/2/media/upload", "_upload"), ("POST", "/2/media/metadata", "_metadata"),
                    ("POST", "/2/media/upload/", "_chunked"), ("GET", "/2/media/upload", "_status"),
                    ("POST", "/2/media/subtitles", "_subtitles")]

    def _new_media(self, **fields) -> Media:
        fake = self.fake
        with fake._lock:
            fake._next_id += 1
            media = Media(str(fake._next_id), **fields)
            fake.media[media.id] = media
        return media

    def _upload(self, path):
        form = self._form()
        if set(form) - ONE_SHOT_FIELDS:
            return 400, _invalid(f"Unknown fields: {', '.join(sorted(set(form) - ONE_SHOT_FIELDS))}.")
        data, category = form.get("media", b""), form.get("media_category", b"").decode()
        if category not in ONE_SHOT_CATEGORIES:
            return 400, _invalid("media_category is not one of the allowed values.")
        if category not in ONE_SHOT_TAKES:
            return 400, _invalid(f"{category} needs the chunked upload (initialize, append, finalize).")
        if category == "subtitles":
            if not SRT_TIME.search(data):
                return 400, _invalid("media type unrecognized.")
            media = self._new_media(data=data, mime="text/srt", category=category)
            return 200, {"data": {"id": media.id, "media_key": f"3_{media.id}", "size": len(data),
                                  "expires_after_secs": 86400}}
        mime = image_type(data)
        if not mime:
            return 400, _invalid("media type unrecognized.")
        if len(data) > LIMITS["tweet_image"]:
            return 400, _invalid("File size exceeds 5242880 bytes.")
        media = self._new_media(data=data, mime=mime, category=category)
        return 200, {"data": {"id": media.id, "media_key": f"3_{media.id}", "size": len(data),
                              "expires_after_secs": 86400, "image": {"image_type": mime}}}

    def _chunked(self, path):
        if path == "/2/media/upload/initialize":
            return self._initialize()
        parts = path.split("/")  # ["", "2", "media", "upload", id, step]
        if len(parts) != 6 or not MEDIA_ID.match(parts[4]) or parts[5] not in ("append", "finalize"):
            return 404, {"errors": [{"message": "Sorry, that page does not exist", "code": 34}]}
        return self._append(parts[4]) if parts[5] == "append" else self._finalize(parts[4])

    def _initialize(self):
        try:
            data = json.loads(self.body or b"")
        except ValueError:
            return 400, _invalid("The request body is not valid JSON.")
        if not isinstance(data, dict) or set(data) - INIT_FIELDS:
            return 400, _invalid(f"Unknown fields: {', '.join(sorted(set(data or {}) - INIT_FIELDS))}.")
        mime, category, total = data.get("media_type"), data.get("media_category"), data.get("total_bytes")
        if mime not in MEDIA_TYPES:
            return 400, _invalid("media_type is not one of the allowed values.")
        if category not in INIT_CATEGORIES:
            return 400, _invalid("media_category is not one of the allowed values.")
        if not isinstance(total, int) or isinstance(total, bool) or not 0 <= total <= MAX_TOTAL:
            return 400, _invalid("total_bytes must be an integer between 0 and 17179869184.")
        if not mime.startswith(KINDS.get(category, "-")):
            return 400, _invalid(f"media_type {mime} does not belong to {category}.")
        if category in LIMITS and total > LIMITS[category]:
            return 400, _invalid(f"File size exceeds {LIMITS[category]} bytes.")
        media = self._new_media(data=b"", mime=mime, category=category, total_bytes=total, state="uploading")
        return 200, {"data": {"id": media.id, "media_key": f"7_{media.id}", "expires_after_secs": 86400}}

    def _append(self, media_id):
        fake = self.fake
        if self.headers.get("Content-Type", "").startswith("application/json"):
            return 400, _invalid("This test server takes the chunk as multipart/form-data only.")
        form = self._form()
        if set(form) - APPEND_FIELDS or "media" not in form or "segment_index" not in form:
            return 400, _invalid("An append carries media and segment_index, and nothing else.")
        index = form["segment_index"].decode()
        if not index.isdigit() or not 0 <= int(index) <= 999:
            return 400, _invalid("segment_index must be between 0 and 999.")
        if len(form["media"]) > CHUNK_LIMIT:
            return 400, _invalid("The chunk exceeds 5242880 bytes.")
        with fake._lock:
            media = fake.media.get(media_id)
            if media is None or media.state != "uploading":
                return 400, _invalid("The media id is not an upload in progress.")
            media.segments[int(index)] = form["media"]
            if sum(len(s) for s in media.segments.values()) > media.total_bytes:
                return 400, _invalid("The segments exceed total_bytes.")
        return 200, {"data": {"expires_at": 0}}

    def _finalize(self, media_id):
        fake = self.fake
        with fake._lock:
            media = fake.media.get(media_id)
            if media is None or media.state != "uploading":
                return 400, _invalid("The media id is not an upload in progress.")
            if sorted(media.segments) != list(range(len(media.segments))):
                return 400, _invalid("Segments are missing.")
            data = b"".join(media.segments[i] for i in range(len(media.segments)))
            if len(data) != media.total_bytes:
                return 400, _invalid(f"File size mismatch: {len(data)} bytes received, {media.total_bytes} announced.")
            media.data, media.segments = data, {}
            media.state = "pending"
            if media.category == "tweet_image" or fake.processing_steps == 0:
                media.state = "succeeded" if processed_well(media) else "failed"
            body = {"id": media.id, "media_key": f"7_{media.id}", "size": len(data), "expires_after_secs": 86400}
            if media.category != "tweet_image":
                body["processing_info"] = _info(media, fake)
        return 200, {"data": body}

    def _status(self, path):
        fake, q = self.fake, self.query
        if set(q) - {"media_id", "command"} or q.get("command", "STATUS") != "STATUS":
            return 400, _invalid("STATUS takes media_id and command=STATUS.")
        if not MEDIA_ID.match(q.get("media_id", "")):
            return 400, _invalid("media_id is invalid.")
        with fake._lock:
            media = fake.media.get(q["media_id"])
            if media is None or media.state == "uploading":
                return 400, _invalid("The media id is not known or not finalized.")
            if media.state in ("pending", "in_progress"):
                media.checks += 1
                media.state = "in_progress"
                if media.checks >= fake.processing_steps:
                    media.state = "succeeded" if processed_well(media) else "failed"
            body = {"id": media.id, "media_key": f"7_{media.id}", "size": len(media.data),
                    "expires_after_secs": 86400}
            if media.category != "tweet_image":
                body["processing_info"] = _info(media, fake)
        return 200, {"data": body}

    def _subtitles(self, path):
        fake, data = self.fake, self._json()
        track = data.get("subtitles") if isinstance(data.get("subtitles"), dict) else {}
        code = track.get("language_code")
        if data.get("media_category") not in ("AmplifyVideo", "TweetVideo"):
            return 400, _invalid("media_category must be AmplifyVideo or TweetVideo.")
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{2}", code):
            return 400, _invalid("language_code must be two capital letters.")
        with fake._lock:
            video, srt = fake.media.get(str(data.get("id"))), fake.media.get(str(track.get("id")))
            if video is None or video.category not in ("tweet_video", "amplify_video") or video.state != "succeeded":
                return 400, _invalid("The media id is not a processed video.")
            if srt is None or srt.category != "subtitles":
                return 400, _invalid("The subtitles id is not an uploaded subtitles file.")
            entry = {"id": srt.id, "language_code": code, "display_name": track.get("display_name", "")}
            video.subtitles.append(entry)
        return 200, {"data": {"id": video.id, "media_category": data["media_category"],
                              "associated_subtitles": {"subtitles": list(video.subtitles)}}}

    def _metadata(self, path):
        fake, data = self.fake, self._json()
        alt = ((data.get("metadata") or {}).get("alt_text") or {}).get("text")
        with fake._lock:
            media = fake.media.get(str(data.get("id")))
            if media is None or not isinstance(alt, str) or len(alt) > 1000:
                return 400, _invalid("The media id or its alt text is invalid.")
            media.alt = alt
        return 200, {"data": {"id": media.id, "associated_metadata": {"alt_text": {"text": alt}}}}
