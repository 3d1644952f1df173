"""What X's refusals and a request's failures mean for a post.

A definite refusal is a ``PublishError`` (nothing went out), a request that may have
reached X is ``PublishUncertain``, X's "not now" (429 for a rate limit, a 24-hour cap or a
usage cap, 402 for credits used up) is ``RateLimited``. No message carries a key.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import ConnectTimeoutError, LocationParseError, NewConnectionError
from urllib3.util import parse_url

from desk.core.errors import CREDITS, EXIT_INVALID, PublishError, PublishUncertain, RateLimited
from desk.core.msg_quota import PERIODS
from desk.core.x_limits import SHORT_LIMIT

RATE_WINDOW = timedelta(minutes=15)  # X's window, when a 429 comes without its reset time
# X says neither when a monthly usage cap resets nor when credits are bought: try again after this.
TRY_AGAIN = timedelta(hours=1)
# X's words for a reply it does not allow (self-serve apps, since 23 February 2026)
REPLY_REFUSED = ("reply to this conversation is not allowed", "not been mentioned or otherwise engaged")


class DuplicateContent(PublishError):
    """403 duplicate content: the account already has a post with this text.

    For the retry of an uncertain post this means the first attempt went out."""

    def __init__(self, key: str = "x.duplicate", **params):
        super().__init__(key, **params)


class BadApiBase(PublishError):
    """DESK_X_API_BASE cannot be used. Found when the publisher is made, before any post is
    claimed; exit 4: a setting to correct, which no retry later would fix (5 says "try again")."""

    exit_code = EXIT_INVALID


def check_api_base(api_base: str) -> None:
    """Refuse an address requests would refuse only once a post was on its way (which left
    the post uncertain): scheme, host, port from 1 to 65535, no spaces, a parseable URL."""
    try:
        parts = urlsplit(api_base)
        port = parts.port  # ValueError when not a number or out of range
    except ValueError:
        port = None
        parts = None
        host_port = api_base.split("//", 1)[-1].split("/", 1)[0]
        if ":" in host_port and "[" not in host_port:
            raise BadApiBase("x.base_port") from None
        raise BadApiBase("x.base_malformed") from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadApiBase("x.bad_base")
    if port == 0 or parts.netloc.endswith(":"):
        raise BadApiBase("x.base_port")
    if not parts.hostname or any(ch.isspace() or ord(ch) < 32 for ch in api_base):
        raise BadApiBase("x.base_malformed")
    try:
        requests.Request("GET", api_base).prepare()
        parse_url(api_base)
    except (requests.RequestException, LocationParseError, ValueError):
        raise BadApiBase("x.base_malformed") from None


def never_connected(exc: BaseException) -> bool:
    """True when the connection was never made (refused, no route, DNS): nothing was sent."""
    todo, seen = [exc], set()
    while todo:
        err = todo.pop()
        if id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, (NewConnectionError, ConnectTimeoutError, ConnectionRefusedError)):
            return True
        todo += [a for a in getattr(err, "args", ()) if isinstance(a, BaseException)]
        if isinstance(getattr(err, "reason", None), BaseException):
            todo.append(err.reason)
    return False


def transport_error(exc: requests.RequestException, context: str, timeout: float) -> PublishError:
    """What a request that got no answer means: never connected (nothing sent), or uncertain."""
    seconds = f"{timeout:g}"
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                        requests.exceptions.MissingSchema)):
        return BadApiBase("x.base_malformed")  # refused before a byte was sent: never uncertain
    if isinstance(exc, (requests.ConnectTimeout, requests.exceptions.SSLError, requests.exceptions.ProxyError)) \
            or never_connected(exc):
        return PublishError("x.unreachable")
    if context == "post":
        if isinstance(exc, requests.Timeout):
            return PublishUncertain("x.uncertain_timeout", seconds=seconds)
        return PublishUncertain("x.uncertain_dropped")
    if context == "withdraw":
        return PublishUncertain("x.withdraw_uncertain")
    if isinstance(exc, requests.Timeout):
        return PublishError("x.timeout", seconds=seconds)
    return PublishError("x.connection_lost")

def refusal(response: requests.Response, context: str, name: str, keys: tuple[str, ...]) -> PublishError:
    """X's answer other than 2xx, as one of desk.core.errors; ``context`` as in XPublisher._call."""
    status = response.status_code
    detail, codes = x_detail(response, keys)
    if status == 401:
        return PublishError("x.unauthorized")
    if status == 429:
        return quota_refusal(response)
    if status == 402:  # credits used up; the body says CreditsDepleted
        return RateLimited(CREDITS, reset_at=_now() + TRY_AGAIN)
    if status == 403:
        if context == "profile":
            return PublishError("x.profile_image_tier")
        if "duplicate" in detail.lower() or 187 in codes:
            return DuplicateContent()
        return PublishError("x.forbidden", detail=detail)
    if status >= 500:
        # Any of them may come after X stored the post; 503 too ("overloaded" says nothing of
        # what became of a request that got in).
        if context == "post":
            return PublishUncertain("x.uncertain_error", status=status)
        return PublishError("x.unavailable", status=status)
    if context in ("media", "profile") and status in (400, 413, 415, 422):
        return PublishError("x.image_refused", name=name, detail=detail)
    if status == 404:
        return PublishError("x.post_gone") if context == "withdraw" else PublishError("x.not_found", detail=detail)
    if status == 400:
        return PublishError("x.bad_request", detail=detail)
    return PublishError("x.unexpected", status=status)

def x_detail(response: requests.Response, keys: tuple[str, ...]) -> tuple[str, list]:
    """X's own words about a refusal, short and without anything secret."""
    texts, codes = [], []
    try:
        body = response.json()
    except ValueError:
        body = {}
    if isinstance(body, dict):
        for err in body.get("errors") or []:
            if isinstance(err, dict):
                texts.append(str(err.get("message", "")))
                codes.append(err.get("code"))
        if body.get("detail") and not texts:
            texts.append(str(body["detail"]))
    text = " ".join(t for t in texts if t) or str(response.reason or response.status_code)
    for key in keys:
        text = text.replace(key, "…")
    if "oauth_" in text.lower():  # a proxy echoing the Authorization header
        text = str(response.status_code)
    return " ".join(text.split())[:200], codes



def _now() -> datetime:
    return datetime.now(timezone.utc)


def _epoch(headers, name: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(headers[name]), tz=timezone.utc)
    except (KeyError, ValueError, OverflowError, OSError):
        return None


def reset_time(response: requests.Response) -> datetime:
    return _epoch(response.headers, "x-rate-limit-reset") or _now() + RATE_WINDOW


def quota_refusal(response: requests.Response) -> RateLimited:
    """Which of X's limits a 429 is: a usage cap (said in the body, while the rate headers may
    still show room), the account's or the app's 24-hour cap, or the 15-minute rate limit.
    Where several windows are spent, the one that lifts last is the one that counts."""
    try:
        body = response.json()
    except ValueError:
        body = {}
    body = body if isinstance(body, dict) else {}
    if body.get("title") == "UsageCapExceeded" or str(body.get("type", "")).endswith("/usage-capped"):
        period = str(body.get("period") or "").lower()
        reset_at = _next_midnight() if period == "daily" else _now() + TRY_AGAIN
        return RateLimited("x.usage_cap", reset_at=reset_at, period=PERIODS.get(period, PERIODS["monthly"]))
    headers, spent = response.headers, []
    for prefix, key in (("x-user-limit-24hour", "x.daily_user"), ("x-app-limit-24hour", "x.daily_app")):
        reset_at = _epoch(headers, prefix + "-reset")
        if headers.get(prefix + "-remaining", "").strip() == "0" and reset_at:
            spent.append((reset_at, key, headers.get(prefix + "-limit", "").strip() or "?"))
    rate_reset = _epoch(headers, "x-rate-limit-reset")
    if not spent or (headers.get("x-rate-limit-remaining", "").strip() == "0" and rate_reset
                     and rate_reset > max(spent)[0]):
        return RateLimited("x.rate_limited", reset_at=rate_reset or _now() + RATE_WINDOW)
    reset_at, key, limit = max(spent)
    return RateLimited(key, reset_at=reset_at, limit=limit)


def _next_midnight() -> datetime:
    today = _now().replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=1)


def about_post(error: PublishError, post) -> PublishError:
    """A refusal of ``POST /2/tweets`` said with what the post is: a reply X does not allow
    (it answers 403 with its own words), or a long post from an account X keeps to 280."""
    if type(error) is not PublishError or error.key not in ("x.forbidden", "x.bad_request"):
        return error
    from desk.core.text import weighted_length

    detail = str(error.params.get("detail", ""))
    if post.reply_to and any(words in detail.lower() for words in REPLY_REFUSED):
        return PublishError("x.reply_refused", detail=detail)
    length = weighted_length(post.text, SHORT_LIMIT)
    if length > SHORT_LIMIT:
        return PublishError("x.long_refused", detail=detail, length=length)
    return error
