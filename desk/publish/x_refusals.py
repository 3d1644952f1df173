"""What X's refusals and a request's failures mean for a post.

A definite refusal is a ``PublishError`` (nothing went out), a request that may have
reached X is ``PublishUncertain``, 429 is ``RateLimited``. No message carries a key.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import ConnectTimeoutError, LocationParseError, NewConnectionError
from urllib3.util import parse_url

from desk.core.errors import EXIT_INVALID, PublishError, PublishUncertain, RateLimited

RATE_WINDOW = timedelta(minutes=15)  # X's window, when a 429 comes without its reset time


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
        return RateLimited(reset_at=reset_time(response))
    if status == 403:
        if context == "profile":
            return PublishError("x.profile_image_tier")
        if "duplicate" in detail.lower() or 187 in codes:
            return DuplicateContent()
        return PublishError("x.forbidden", detail=detail)
    if status >= 500:
        # 503 is X turning the request away; after 500, 502 or 504 the post may be stored.
        if context == "post" and status != 503:
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



def reset_time(response: requests.Response) -> datetime:
    try:
        return datetime.fromtimestamp(int(response.headers["x-rate-limit-reset"]), tz=timezone.utc)
    except (KeyError, ValueError, OverflowError, OSError):
        return datetime.now(timezone.utc) + RATE_WINDOW
