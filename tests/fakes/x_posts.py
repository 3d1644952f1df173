"""The fake X's post endpoints: create, delete, the account and its timeline."""

from __future__ import annotations

from datetime import datetime

from tests.fakes.x_answers import DUPLICATE, NO_PAGE, _invalid
from tests.fakes.x_rules import check_create, check_timeline
from tests.fakes.x_shown import DIALECTS, EXPANSIONS, TIMELINE_QUERY, cut, media_key, post_object, shown
from tests.fakes.x_media import check_post_media


class PostRoutes:
    POST_ROUTES = [("POST", "/2/tweets", "_create"), ("DELETE", "/2/tweets/", "_delete"),
                   ("GET", "/2/users/me", "_me"), ("GET", "/2/users/", "_timeline")]

    # each returns (status, payload)
    def _create(self, path):
        check_create(self.fake, self.body)  # X's refusals before anything is stored (x_rules)
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
            full = shown(post, fake.user["username"], self._reply_author(post))[0]
        history = DIALECTS[fake.fields_dialect][3]
        return 201, {"data": {"id": post.id, "text": cut(full, text), history: [post.id]}}

    def _reply_author(self, post) -> str:
        """Whom X names in front of a reply: the replied-to post's author, unless that is the
        account itself (a thread) or a post the fake never heard of. Call with the lock held."""
        fake = self.fake
        target = next((p for p in (*fake.posts, *fake.deleted, *fake.others) if p.id == post.reply_to), None)
        if target is None or not target.author or target.author == fake.user["username"]:
            return ""
        return target.author

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

    def _conversation(self, post) -> str:
        """The id of the thread's first post (call with the lock held)."""
        known = {p.id: p for p in (*self.fake.posts, *self.fake.deleted, *self.fake.others)}
        seen = set()
        while post.reply_to and post.id not in seen:
            seen.add(post.id)
            if post.reply_to not in known:
                return post.reply_to
            post = known[post.reply_to]
        return post.id

    def _timeline(self, path):
        check_timeline(self)  # max_results out of range is a 400 (x_rules)
        fake, q = self.fake, self.query
        if path != f"/2/users/{fake.user['id']}/tweets":
            return 404, NO_PAGE
        fields_param, known, _, _ = DIALECTS[fake.fields_dialect]
        allowed = (*TIMELINE_QUERY, fields_param)
        for name in q:
            if name not in allowed:  # X refuses a parameter it does not know
                return 400, _refused(name, q[name], f"The query parameter [{name}] is not one of "
                                     f"[id,{','.join(allowed)}]")
        fields = set(filter(None, q.get(fields_param, "").split(",")))
        expansions = set(filter(None, q.get("expansions", "").split(",")))
        for name, values, enum in ((fields_param, fields, known), ("expansions", expansions, EXPANSIONS)):
            if values - enum:
                bad = ",".join(sorted(values - enum))
                return 400, _refused(name, bad, f"The `{name}` query parameter value [{bad}] is not one of "
                                     f"[{','.join(sorted(enum))}]")
        start = datetime.fromisoformat(q["start_time"].replace("Z", "+00:00")) if q.get("start_time") else None
        limit = max(5, min(100, int(q.get("max_results") or 10)))
        offset = int(q.get("pagination_token") or 0)
        now = fake.clock()
        with fake._lock:
            found = [p for p in sorted(fake.posts, key=lambda p: (p.created_at, int(p.id)), reverse=True)
                     if p.created_at <= now and (start is None or p.created_at >= start)]
            page = found[offset:offset + limit]
            data = [post_object(p, fields, fake.fields_dialect, handle=fake.user["username"],
                                reply_author=self._reply_author(p), media=fake.images_of(p),
                                conversation=self._conversation(p),
                                dropped=fake.dropped_fields)
                    for p in page]
            media = [m for p in page for m in fake.images_of(p)]
            fake.posts_served += len(page)
        meta = {"result_count": len(page), **({"newest_id": page[0].id, "oldest_id": page[-1].id} if page else {})}
        if offset + limit < len(found):
            meta["next_token"] = str(offset + limit)
        body = {"data": data, "meta": meta} if data else {"meta": meta}
        if "attachments.media_keys" in expansions and media:
            kinds = {"3": "photo", "16": "animated_gif", "13": "video"}
            body["includes"] = {"media": [{"media_key": media_key(m), "type": kinds[media_key(m).split("_")[0]]}
                                          for m in media]}
        return 200, body


def _refused(name: str, value: str, message: str) -> dict:
    """X's 400 for a query it does not accept: which parameter, and what it takes."""
    body = _invalid(message)
    body["errors"][0]["parameters"] = {name: [value]}
    return body
