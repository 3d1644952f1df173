"""How the fake X shows a post it stored: the text as X rewrites it, and the fields asked for.

X's ``text`` is not the text sent (x-api/fundamentals/data-dictionary/reference.mdx, the
sample Posts): every link is a t.co link, a post with media ends with one more t.co link
(``display_url`` pic.x.com/…, the last token of ``text``), &, < and > come back as
entities, a reply to someone else starts with their @handle. A long post's ``text`` is
cut to about 270 characters; the whole text is in the note field.

Field names: the spec (openapi.json 2.167, GET /2/users/{id}/tweets) names the parameter
``post.fields`` and the long text ``note_post``; X's reference pages and its changelog
still say ``tweet.fields`` and ``note_tweet``. The fake speaks one of the two
(``FakeX.fields_dialect``) and refuses the other as X refuses an unknown parameter.
"""

from __future__ import annotations

from twitter_text import parse_tweet
from twitter_text.extract_urls import extract_urls

from tests.fakes.x_answers import escaped, short_link

LONG_CUT = 270  # where X cuts a long post's text (seen on the real service: 270 characters)

# The spec's enum for post.fields (openapi.json 2.167) and the older names for tweet.fields.
POST_FIELDS = frozenset({
    "article", "article_title", "attachments", "card_uri", "community_id", "context_annotations",
    "conversation_id", "created_at", "display_text_range", "edit_controls", "entities", "geo", "id",
    "lang", "matched_media_notes", "media_metadata", "non_public_metrics", "note_post",
    "note_request_suggestions", "organic_metrics", "paid_partnership", "possibly_sensitive",
    "promoted_metrics", "public_metrics", "reply_settings", "scopes", "source", "suggested_source_links",
    "suggested_source_links_with_counts", "text", "withheld"})
TWEET_FIELDS = (POST_FIELDS - {"note_post", "article_title"}) | {
    "author_id", "edit_history_tweet_ids", "in_reply_to_user_id", "note_tweet", "referenced_tweets"}
DIALECTS = {  # parameter, its values, the long text's field, the edit history's field
    "post": ("post.fields", POST_FIELDS, "note_post", "edit_history_post_ids"),
    "tweet": ("tweet.fields", TWEET_FIELDS, "note_tweet", "edit_history_tweet_ids"),
}
EXPANSIONS = frozenset({"article.cover_media", "article.media_entities", "attachments.media_keys",
                        "attachments.media_source_tweet", "attachments.poll_ids", "author_id",
                        "edit_history_post_ids", "entities.mentions.username", "geo.place_id",
                        "in_reply_to_user_id", "referenced_posts", "referenced_tweets.id", "username"})
TIMELINE_QUERY = ("max_results", "pagination_token", "start_time", "end_time", "since_id", "until_id",
                  "exclude", "expansions", "user.fields", "media.fields", "poll.fields", "place.fields")


def media_key(media) -> str:
    """X's media key: the media's kind (3 photo, 16 GIF, 13 video), then its id."""
    kind = {"tweet_gif": "16", "tweet_video": "13", "amplify_video": "13"}.get(media.category, "3")
    return f"{kind}_{media.id}"


def shown(post, handle: str, reply_author: str, first_key: str = "") -> tuple[str, list[dict], list[dict]]:
    """The whole text as X keeps it, its url entities and its mention entities."""
    text, urls, mentions = "", [], []
    if reply_author:
        mentions.append({"start": 0, "end": len(reply_author) + 1, "username": reply_author})
        text = f"@{reply_author} "
    pos, body = 0, post.text
    for url in extract_urls(body):  # in order of appearance
        start = body.find(url, pos)
        if start < 0:
            continue
        text += escaped(body[pos:start])
        link = short_link(url)
        urls.append({"start": len(text), "end": len(text) + len(link), "url": link,
                     "expanded_url": url if "://" in url else "http://" + url, "display_url": url.split("://")[-1][:26]})
        text += link
        pos = start + len(url)
    text += escaped(body[pos:])
    if post.media_ids:
        link = short_link(f"media:{post.id}")
        text = f"{text} {link}" if text.strip() else link
        urls.append({"start": len(text) - len(link), "end": len(text), "url": link,
                     "expanded_url": f"https://x.com/{handle}/status/{post.id}/photo/1",
                     "display_url": "pic.x.com/" + link.rsplit("/", 1)[-1], "media_key": first_key or f"3_{post.media_ids[0]}"})
    return text, urls, mentions


def cut(full: str, sent: str) -> str:
    """``text`` of a long post (over 280 by X's count of what was sent): its first LONG_CUT
    characters; the rest is in the note field."""
    return full[:LONG_CUT].rstrip() if parse_tweet(sent).weightedLength > 280 else full


def post_object(post, fields: set[str], dialect: str, *, handle: str, reply_author: str, media: list,
                conversation: str, dropped: set[str]) -> dict:
    """A Post object of the timeline with the fields asked for (less any the fake drops)."""
    _, _, note_field, history_field = DIALECTS[dialect]
    full, urls, mentions = shown(post, handle, reply_author, media_key(media[0]) if media else "")
    text = cut(full, post.text)
    item = {"id": post.id, "text": text, history_field: [post.id]}
    if "created_at" in fields:
        item["created_at"] = post.created_at.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if "conversation_id" in fields:  # the thread's first post: its own id for a post that replies to none
        item["conversation_id"] = conversation
    if "attachments" in fields and media:
        item["attachments"] = {"media_keys": [media_key(m) for m in media]}
    if "entities" in fields:
        short = [u for u in urls if u["end"] <= len(item["text"])]
        entities = {k: v for k, v in (("urls", short), ("mentions", mentions)) if v}
        if entities:
            item["entities"] = entities
    if note_field in fields and text != full:
        item[note_field] = {"text": full, "entities": {"urls": urls} if urls else {}}
    return {k: v for k, v in item.items() if k not in dropped}
