"""X's figures for the account's own posts: GET /2/tweets, 100 ids a request.

public_metrics come for any post. non_public_metrics and organic_metrics come only for
the account's own posts of the last 30 days (docs.x.com, x-api/fundamentals/metrics),
and X leaves a post out of ``data`` altogether, with a "Field Authorization Error", when
they are asked for an older one: so they are asked only for posts well inside the 30
days (an X id tells its own creation time), and a post refused them anyway is asked
again for its public figures alone. A post X no longer has comes back as a
"Not Found Error" in ``errors``: it is missing, not a failure.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import tweepy

from desk.core.errors import PublishError, RateLimited
from desk.core.reach import PRIVATE_DAYS, PRIVATE_MARGIN, Reading, ReachResult, batches

log = logging.getLogger(__name__)

PUBLIC = "public_metrics"
PRIVATE = ("non_public_metrics", "organic_metrics")
SNOWFLAKE_EPOCH_MS = 1288834974657


def created_at(x_post_id: str) -> datetime | None:
    """When X made a post, from its id (X's ids are snowflakes: milliseconds in the top bits)."""
    if not str(x_post_id).isdigit():
        return None
    return datetime.fromtimestamp(((int(x_post_id) >> 22) + SNOWFLAKE_EPOCH_MS) / 1000, timezone.utc)


def _private_ok(x_post_id: str, now: datetime) -> bool:
    made = created_at(x_post_id)
    return made is not None and now - made < timedelta(days=PRIVATE_DAYS) - PRIVATE_MARGIN


def _number(found: dict, *names) -> int | None:
    for name in names:
        value = found.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _first(*values):
    """X has moved impressions between its groups: the private figure when given, else the public."""
    return next((v for v in values if v is not None), None)


def _reading(item: dict) -> Reading:
    public = item.get(PUBLIC) if isinstance(item.get(PUBLIC), dict) else {}
    private = item.get("non_public_metrics") if isinstance(item.get("non_public_metrics"), dict) else {}
    return Reading(
        x_post_id=str(item["id"]), likes=_number(public, "like_count") or 0,
        reposts=_number(public, "retweet_count", "repost_count") or 0, replies=_number(public, "reply_count") or 0,
        quotes=_number(public, "quote_count") or 0, bookmarks=_number(public, "bookmark_count"),
        impressions=_first(_number(private, "impression_count"), _number(public, "impression_count")),
        url_clicks=_number(private, "url_link_clicks"), profile_clicks=_number(private, "user_profile_clicks"))


def _reading_refused(error: dict) -> str | None:
    """The id X left out because a field was refused for it (a private figure of an old post)."""
    kind = str(error.get("type") or "")
    if kind.endswith("/not-authorized-for-field") or error.get("title") == "Field Authorization Error":
        return str(error.get("value") or error.get("resource_id") or "")
    return None


def _not_found(error: dict) -> str | None:
    kind = str(error.get("type") or "")
    if kind.endswith(("/resource-not-found", "/not-authorized-for-resource")) or \
            error.get("title") in ("Not Found Error", "Authorization Error"):
        return str(error.get("value") or error.get("resource_id") or "")
    return None


def _ask(publisher, ids: list[str], fields: tuple[str, ...]) -> dict:
    """One request; the field names X takes (post.fields or tweet.fields), as the timeline learnt."""
    from desk.publish.x import FIELD_NAMES

    names = sorted(FIELD_NAMES, key=lambda pair: pair != publisher._field_names)
    last = None
    for pair in names:
        params = {"ids": ",".join(ids), pair[0]: ",".join(fields)}
        try:
            body = publisher._call("read", lambda: _request(publisher, params, pair[0]))
        except _Refused as refused:
            last = refused.error
            continue
        publisher._field_names = pair
        return body
    raise last


class _Refused(Exception):
    def __init__(self, error):
        super().__init__("fields refused")
        self.error = error


def _request(publisher, params: dict, fields_name: str):
    from desk.publish.x import _names_refused
    from desk.publish.x_refusals import refusal

    try:
        return publisher._client.request("GET", "/2/tweets", params=params, user_auth=True)
    except tweepy.BadRequest as exc:
        if _names_refused(exc.response, fields_name):
            raise _Refused(refusal(exc.response, "read", "", publisher._keys)) from None
        raise


def split(x_post_ids: list[str], now: datetime) -> list[tuple[list[str], tuple[str, ...]]]:
    """The ids asked with their private figures (well inside X's 30 days), and the others."""
    recent = [i for i in x_post_ids if _private_ok(i, now)]
    chosen = set(recent)
    return [(recent, (PUBLIC, *PRIVATE)), ([i for i in x_post_ids if i not in chosen], (PUBLIC,))]


def read_metrics(publisher, x_post_ids: list[str], now: datetime | None = None,
                 on_batch=None) -> tuple[list[Reading], ReachResult]:
    """Every id's figures, BATCH a request. X's refusal of the first request raises (nothing
    was read); a refusal later stops the read and is kept in result.stopped, with what was
    read before it. ``on_batch(done, total)`` after each request."""
    now = now or datetime.now(timezone.utc)
    result = ReachResult()
    readings: list[Reading] = []
    plan = [(b, fields) for ids, fields in split(x_post_ids, now) for b in batches(ids)]
    done = 0
    while plan:
        ids, fields = plan.pop(0)
        try:
            body = _ask(publisher, ids, fields)
        except (PublishError, RateLimited) as error:
            if result.requests == 0:
                raise _about_reading(error) from None
            result.stopped = _about_reading(error)
            break
        result.requests += 1
        data = [item for item in body.get("data") or [] if isinstance(item, dict) and item.get("id")]
        readings += [_reading(item) for item in data]
        result.read += len(data)
        again = []
        for error in body.get("errors") or []:
            if not isinstance(error, dict):
                continue
            if (refused := _reading_refused(error)) and refused in ids and len(fields) > 1:
                again.append(refused)
            elif (gone := _not_found(error)) and gone in ids:
                result.missing += 1
        have = {r.x_post_id for r in readings}
        again = list(dict.fromkeys(i for i in again if i not in have))
        if again:
            plan[:0] = [(b, (PUBLIC,)) for b in batches(again)]
        done += len(ids)
        if on_batch is not None:
            on_batch(min(done, len(x_post_ids)), len(x_post_ids))
    result.ids = [r.x_post_id for r in readings]
    log.info("read X's figures of %d posts in %d requests (%d missing)", result.read, result.requests,
             result.missing)
    return readings, result


def _about_reading(error: PublishError) -> PublishError:
    """X's refusal said of reading figures, not of a post waiting to go out."""
    if isinstance(error, RateLimited):
        return PublishError("reach.x_credits" if error.key.endswith("credits") else "reach.x_limit",
                            reset=error.params.get("reset", "?"))
    return error


__all__ = ["created_at", "read_metrics"]
