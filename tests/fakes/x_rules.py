"""What the fake X refuses before it stores a post or reads a timeline, as X does.

From X's OpenAPI spec (/work/xref/openapi.json): CreatePostsRequest, CreatePostsMedia and
CreatePostsReply allow no field of their own beyond those listed (additionalProperties
false), media_ids holds 1 to 4 ids, a timeline's max_results is 5 to 100. From X's rules:
280 weighted characters (twitter-text) unless the account has Premium or Verified
Organization (then 25,000); a reply only where the original author mentioned the account or
quoted one of its posts (self-serve apps, since 23 February 2026: changelog.mdx); the same
text again is a duplicate, even after the first was deleted, for a while.

Each check raises ``Refused`` with the (status, payload) to answer with; the server answers it.
"""

from __future__ import annotations

import json
from datetime import timedelta

from twitter_text import parse_tweet
from twitter_text.config import config as twitter_config

from tests.fakes.x_answers import DUPLICATE, _invalid, _problem

SHORT, LONG = 280, 25_000
CREATE_FIELDS = {
    "": {"card_uri", "community_id", "direct_message_deep_link", "edit_options", "for_super_followers_only",
         "geo", "made_with_ai", "media", "nullcast", "paid_partnership", "poll", "quote_tweet_id", "reply",
         "reply_settings", "share_with_followers", "text"},
    "media": {"call_to_actions", "description", "embeddable", "media_ids", "preview_media_id",
              "tagged_user_ids", "title"},
    "reply": {"auto_populate_reply_metadata", "exclude_reply_user_ids", "in_reply_to_tweet_id"},
}
MAX_MEDIA = 4
MAX_RESULTS = range(5, 101)
# X's words for a reply it does not allow
REPLY_NOT_ALLOWED = _problem(403, "Forbidden", "Reply to this conversation is not allowed because you have not "
                                               "been mentioned or otherwise engaged by the author of the post you "
                                               "are replying to.")
# X's own words for a long post from an account without Premium were not found in its docs
TOO_LONG_FOR_ACCOUNT = _problem(403, "Forbidden", "Tweet text is too long for this account: more than 280 "
                                                  "characters need X Premium or Verified Organization.")
_OPTIONS = {**twitter_config["defaults"], "max_weighted_tweet_length": LONG}


class Refused(Exception):
    def __init__(self, status: int, payload: dict):
        super().__init__(status)
        self.answer = (status, payload)


def weighted(text: str) -> int:
    return parse_tweet(text, _OPTIONS).weightedLength


def _schema_error(message: str, **parameters) -> dict:
    answer = _invalid(message)
    if parameters:
        answer["errors"][0]["parameters"] = parameters
    return answer


def check_create(fake, body: bytes):
    """The body of POST /2/tweets against the spec, then X's rules for the account."""
    try:
        data = json.loads(body or b"{}")
    except ValueError:
        raise Refused(400, _schema_error("Request body is not valid JSON.")) from None
    if not isinstance(data, dict):
        raise Refused(400, _schema_error("$: object expected"))
    for where, allowed in CREATE_FIELDS.items():
        part = data.get(where, {}) if where else data
        if not isinstance(part, dict):
            raise Refused(400, _schema_error(f"$.{where}: object expected"))
        for name in sorted(set(part) - allowed):
            path = f"$.{where}.{name}" if where else f"$.{name}"
            raise Refused(400, _schema_error(f"{path}: is not defined in the schema and the schema does not "
                                             "allow additional properties"))
    media_ids = (data.get("media") or {}).get("media_ids")
    if media_ids is not None and not (1 <= len(media_ids) <= MAX_MEDIA):
        raise Refused(400, _schema_error(f"$.media.media_ids: there must be between 1 and {MAX_MEDIA} items in "
                                         "the array", **{"media.media_ids": [str(m) for m in media_ids]}))
    text = data.get("text") or ""
    length = weighted(text)
    if length > LONG:
        raise Refused(400, _schema_error("Tweet text is too long."))
    if length > SHORT and not fake.premium:
        raise Refused(403, TOO_LONG_FOR_ACCOUNT)
    target = (data.get("reply") or {}).get("in_reply_to_tweet_id")
    if target and not _may_reply(fake, str(target)):
        raise Refused(403, REPLY_NOT_ALLOWED)
    if text and _remembered(fake, text):
        raise Refused(403, DUPLICATE)


def _may_reply(fake, target: str) -> bool:
    """Replies to the account's own posts (a thread), or to a post that summoned it."""
    with fake._lock:
        if any(p.id == target for p in fake.posts):
            return True
        return any(p.id == target and p.summons for p in fake.others)


def _remembered(fake, text: str) -> bool:
    """A deleted post's text still counts as a duplicate inside the fake's window."""
    since = fake.clock() - timedelta(seconds=fake.duplicate_window)
    with fake._lock:
        return any(p.text == text and p.created_at >= since for p in fake.deleted)


def check_timeline(handler):
    """GET /2/users/:id/tweets: max_results out of 5..100 is a 400, not clamped."""
    given = handler.query.get("max_results")
    if given is None:
        return
    try:
        value = int(given)
    except ValueError:
        value = None
    if value not in MAX_RESULTS:
        raise Refused(400, _schema_error(f"The `max_results` query parameter value [{given}] is not between 5 "
                                         "and 100", max_results=[given]))


def add_outside_post(fake, text: str, *, author: str = "citizen_voice", quotes: str | None = None):
    """Another account's post; it summons the account when it mentions @handle or quotes one of its posts."""
    mention = "@" + fake.user["username"].lower()
    with fake._lock:
        own = {p.id for p in fake.posts} | {p.id for p in fake.deleted}
    post = fake.add_post(text, author=author)
    post.summons = mention in text.lower() or (quotes is not None and quotes in own)
    return post
