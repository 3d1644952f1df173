"""The fake X's post endpoints: create, delete, the account and its timeline."""

from __future__ import annotations

from datetime import datetime

from tests.fakes.x_answers import DUPLICATE, NO_PAGE, _invalid, tco
from tests.fakes.x_media import check_post_media


class PostRoutes:
    POST_ROUTES = [("POST", "/2/tweets", "_create"), ("DELETE", "/2/tweets/", "_delete"),
                   ("GET", "/2/users/me", "_me"), ("GET", "/2/users/", "_timeline")]

    # each returns (status, payload)
    def _create(self, path):
        fake, data = self.fake, self._json()
        if refused := check_post_media(fake, data):
            return refused
        text = data.get("text", "")
        media_ids = (data.get("media") or {}).get("media_ids") or []
        reply_to = (data.get("reply") or {}).get("in_reply_to_tweet_id")
        if not text and not media_ids:
            return 400, _invalid("Post text or media is required.")
        with fake._lock:
            if any(m not in fake.media for m in media_ids):
                return 400, _invalid("Your media IDs are invalid.")
            now = fake.clock()  # a post still inside X's lag is not yet a duplicate
            if text and any(p.text == text and p.created_at <= now for p in fake.posts):
                return 403, DUPLICATE
            post = fake._store_post(text, reply_to, media_ids)
        return 201, {"data": {"id": post.id, "text": tco(text), "edit_history_tweet_ids": [post.id]}}

    def _delete(self, path):
        fake, post_id = self.fake, path.rsplit("/", 1)[-1]
        with fake._lock:
            for post in fake.posts:
                if post.id == post_id:
                    fake.posts.remove(post)
                    fake.deleted.append(post)
                    return 200, {"data": {"deleted": True}}
        return 404, {"title": "Not Found Error", "detail": f"Could not find tweet with id: [{post_id}].",
                     "type": "https://api.twitter.com/2/problems/resource-not-found", "status": 404}

    def _me(self, path):
        user, fields = self.fake.user, self.query.get("user.fields", "").split(",")
        return 200, {"data": {k: v for k, v in user.items() if k in ("id", "name", "username") or k in fields}}

    def _timeline(self, path):
        fake, q = self.fake, self.query
        if path != f"/2/users/{fake.user['id']}/tweets":
            return 404, NO_PAGE
        start = datetime.fromisoformat(q["start_time"]) if q.get("start_time") else None
        limit = max(5, min(100, int(q.get("max_results") or 10)))
        offset = int(q.get("pagination_token") or 0)
        now = fake.clock()
        with fake._lock:
            found = [p for p in sorted(fake.posts, key=lambda p: p.created_at, reverse=True)
                     if p.created_at <= now and (start is None or p.created_at >= start)]
        page, with_time = found[offset:offset + limit], "created_at" in q.get("tweet.fields", "").split(",")
        data = [{"id": p.id, "text": tco(p.text), "edit_history_tweet_ids": [p.id],
                 **({"created_at": p.created_at.strftime("%Y-%m-%dT%H:%M:%S.000Z")} if with_time else {})}
                for p in page]
        meta = {"result_count": len(page), **({"newest_id": page[0].id, "oldest_id": page[-1].id} if page else {})}
        if offset + limit < len(found):
            meta["next_token"] = str(offset + limit)
        return 200, ({"data": data, "meta": meta} if data else {"meta": meta})

