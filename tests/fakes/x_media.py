"""The fake X's media endpoints: one-request image upload and alt text."""

from __future__ import annotations

from tests.fakes.x_answers import IMAGE_MAGIC, Media, _invalid


class MediaRoutes:
    MEDIA_ROUTES = [("POST", "/2/media/upload", "_upload"), ("POST", "/2/media/metadata", "_metadata")]

    def _upload(self, path):
        fake, form = self.fake, self._form()
        data = form.get("media", b"")
        mime = "image/webp" if data[8:12] == b"WEBP" else next((m for b, m in IMAGE_MAGIC if data.startswith(b)), None)
        if form.get("media_category") != b"tweet_image":
            return 400, _invalid("media_category must be tweet_image.")
        if not mime:
            return 400, _invalid("media type unrecognized.")
        if len(data) > 5 * 1024 * 1024:
            return 400, _invalid("File size exceeds 5242880 bytes.")
        with fake._lock:
            fake._next_id += 1
            media_id = str(fake._next_id)
            fake.media[media_id] = Media(media_id, data, mime, "tweet_image")
        return 200, {"data": {"id": media_id, "media_key": f"3_{media_id}", "size": len(data),
                              "expires_after_secs": 86400, "image": {"image_type": mime}}}

    def _metadata(self, path):
        fake, data = self.fake, self._json()
        alt = ((data.get("metadata") or {}).get("alt_text") or {}).get("text")
        with fake._lock:
            media = fake.media.get(str(data.get("id")))
            if media is None or not isinstance(alt, str) or len(alt) > 1000:
                return 400, _invalid("The media id or its alt text is invalid.")
            media.alt = alt
        return 200, {"data": {"id": media.id, "associated_metadata": {"alt_text": {"text": alt}}}}

