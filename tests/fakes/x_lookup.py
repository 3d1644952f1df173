"""The fake X's post lookup with metrics: GET /2/tweets?ids=...

What X answers, from its docs (x-api/fundamentals/metrics: non-public, organic and promoted
metrics only for the account's own posts created within the last 30 days) and from answers
recorded on the real service:
- a bad query is one 400 that lists every problem: ``ids`` missing ("can not be empty"),
  more than 100 ids, an id that is not 1 to 19 digits, an unknown parameter, a field or
  expansion out of its enum;
- an id X does not have (never was, deleted, still inside X's lag) is a 200 partial error
  (``errors`` beside ``data``; ``errors`` alone when nothing was found);
- a private metric X will not give for a post leaves that post out of ``data`` and adds a
  "Field Authorization Error" for each of the metric's members, naming ``ids`` as the
  parameter and "ids : [id]" in the detail, as X writes it. ``promoted_metrics`` always
  gets these: the account promotes nothing.
"""

from __future__ import annotations

import re
from datetime import timedelta

from tests.fakes.x_answers import _invalid
from tests.fakes.x_shown import DIALECTS, EXPANSIONS, media_key, post_object

MAX_IDS = 100
ID_PATTERN = "^[0-9]{1,19}$"
PRIVATE_DAYS = 30  # X gives non-public and organic metrics for posts younger than this
FIELD_PARAMS = ("media.fields", "poll.fields", "place.fields", "user.fields")  # taken, their values not checked
# each metric group's members, in X's order; from the figures kept by FakeX.set_metrics
GROUPS = {
    "public_metrics": (("retweet_count", "reposts"), ("reply_count", "replies"), ("like_count", "likes"),
                       ("quote_count", "quotes"), ("bookmark_count", "bookmarks"),
                       ("impression_count", "impressions")),
    "non_public_metrics": (("impression_count", "impressions"), ("url_link_clicks", "url_clicks"),
                           ("user_profile_clicks", "profile_clicks")),
    "organic_metrics": (("impression_count", "impressions"), ("like_count", "likes"), ("reply_count", "replies"),
                        ("retweet_count", "reposts"), ("url_link_clicks", "url_clicks"),
                        ("user_profile_clicks", "profile_clicks")),
}
PROMOTED = ("impression_count", "like_count", "reply_count", "retweet_count", "url_link_clicks",
            "user_profile_clicks")
PRIVATE = ("non_public_metrics", "organic_metrics", "promoted_metrics")
FIGURES = ("likes", "reposts", "replies", "quotes", "bookmarks", "impressions", "url_clicks", "profile_clicks")


class LookupRoutes:
    LOOKUP_ROUTES = [("GET", "/2/tweets", "_lookup")]

    def _lookup(self, path):
        fake, q = self.fake, self.query
        with fake._lock:
            fake.lookups += 1
        fields_param, known, _, _ = DIALECTS[fake.fields_dialect]
        problems, ids = _check_query(q, fields_param, known)
        if problems:
            body = _invalid(problems[0]["message"])
            body["errors"] = problems
            return 400, body
        fields = set(filter(None, q.get(fields_param, "").split(",")))
        expansions = set(filter(None, q.get("expansions", "").split(",")))
        private = [group for group in PRIVATE if group in fields]
        now = fake.clock()
        data, errors, media = [], [], []
        with fake._lock:
            stored = {p.id: p for p in (*fake.posts, *fake.others) if p.created_at <= now}
            for post_id in ids:
                post = stored.get(post_id)
                if post is None:
                    errors.append(_not_found(post_id))
                    continue
                refused = [group for group in private if not self._may_see_private(post, group, now)]
                if refused:
                    errors += [_not_authorized(post_id, group, member) for group in refused
                               for member in _members(group)]
                    continue
                data.append(self._shown(post, fields))
                media += fake.images_of(post)
            fake.posts_served += len(data)  # what pay-per-use charges for
        body = {"data": data} if data else {}
        if "attachments.media_keys" in expansions and media:
            kinds = {"3": "photo", "16": "animated_gif", "13": "video"}
            body["includes"] = {"media": [{"media_key": media_key(m), "type": kinds[media_key(m).split("_")[0]]}
                                          for m in media]}
        if errors:
            body["errors"] = errors
        return 200, body

    def _may_see_private(self, post, group: str, now) -> bool:
        """Private figures: only the account's own posts, younger than 30 days by X's clock."""
        if group == "promoted_metrics" or post.author:
            return False
        return now - post.created_at < timedelta(days=PRIVATE_DAYS)

    def _shown(self, post, fields: set[str]) -> dict:
        """The post as the timeline shows it, with the metric groups asked for (lock held)."""
        fake = self.fake
        item = post_object(post, fields, fake.fields_dialect, handle=post.author or fake.user["username"],
                           reply_author=self._reply_author(post), media=fake.images_of(post),
                           conversation=self._conversation(post), dropped=fake.dropped_fields)
        figures = fake.metrics.get(post.id) or dict.fromkeys(FIGURES, 0)
        for group, members in GROUPS.items():
            if group in fields and group not in fake.dropped_fields:
                item[group] = {name: figures[figure] for name, figure in members}
        return item


def _members(group: str) -> tuple[str, ...]:
    return PROMOTED if group == "promoted_metrics" else tuple(name for name, _ in GROUPS[group])


def _check_query(q: dict, fields_param: str, known) -> tuple[list[dict], list[str]]:
    """Every problem X would list for the query, and the distinct ids asked for, in order."""
    problems = []
    raw = q.get("ids", "")
    values = raw.split(",") if raw else []
    if not values:
        problems.append({"parameters": {"ids": []}, "message": "The `ids` query parameter can not be empty"})
    elif len(values) > MAX_IDS:
        problems.append(_problem("ids", raw, f"The number of values in the `ids` query parameter list "
                                             f"[{len(values)}] is not between 1 and {MAX_IDS}"))
    elif (bad := next((v for v in values if not re.fullmatch("[0-9]{1,19}", v)), None)) is not None:
        problems.append(_problem("ids", raw, f"The `ids` query parameter value [{bad}] does not match {ID_PATTERN}"))
    allowed = ("ids", "expansions", fields_param, *FIELD_PARAMS)  # in X's order
    for name in q:
        if name not in allowed:  # X refuses a parameter it does not know
            problems.append(_problem(name, q[name], f"The query parameter [{name}] is not one of "
                                                    f"[{','.join(allowed)}]"))
    for name, enum in ((fields_param, known), ("expansions", EXPANSIONS)):
        asked = set(filter(None, q.get(name, "").split(",")))
        if asked - enum:
            bad = ",".join(sorted(asked - enum))
            problems.append(_problem(name, bad, f"The `{name}` query parameter value [{bad}] is not one of "
                                                f"[{','.join(sorted(enum))}]"))
    return problems, list(dict.fromkeys(values))


def _problem(name: str, value: str, message: str) -> dict:
    return {"parameters": {name: [value]}, "message": message}


def _not_found(post_id: str) -> dict:
    return {"value": post_id, "detail": f"Could not find tweet with ids: [{post_id}].", "title": "Not Found Error",
            "resource_type": "tweet", "parameter": "ids", "resource_id": post_id,
            "type": "https://api.twitter.com/2/problems/resource-not-found"}


def _not_authorized(post_id: str, group: str, member: str) -> dict:
    field = f"{group}.{member}"
    return {"value": post_id, "detail": f"Sorry, you are not authorized to access '{field}' on the Tweet with "
                                        f"ids : [{post_id}].",
            "title": "Field Authorization Error", "resource_type": "tweet", "parameter": "ids",
            "resource_id": post_id, "section": "data", "field": field,
            "type": "https://api.twitter.com/2/problems/not-authorized-for-field"}
