"""Publishing on the institution's X account: tweepy's Client, OAuth 1.0a user context.

Every failure becomes one of desk.core.errors: ``PublishError`` when nothing went out,
``PublishUncertain`` when a post may have reached X (timeout, dropped connection, an
answer that cannot be read), ``RateLimited`` for 429, ``DuplicateContent`` when X says
the account already published the same text. No message or log line carries a key.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests
import tweepy
from requests.adapters import HTTPAdapter
from requests.utils import get_environ_proxies
from urllib3.exceptions import ConnectTimeoutError, LocationParseError, NewConnectionError
from urllib3.util import parse_url

from desk.core.errors import EXIT_INVALID, PublishError, PublishUncertain, RateLimited
from desk.publish.base import AccountInfo, OutgoingImage, OutgoingPost, Publisher, RemotePost, SentPost

log = logging.getLogger(__name__)

API = "https://api.x.com"  # our own requests; tweepy itself talks to api.twitter.com
API_V1 = "https://api.twitter.com/1.1"
X_HOSTS = frozenset({"api.x.com", "api.twitter.com", "upload.twitter.com", "upload.x.com"})
DEFAULT_TIMEOUT = 20.0
MAX_PAGES = 5  # the reconciler looks back minutes or hours, not the whole timeline
RATE_WINDOW = timedelta(minutes=15)  # X's window, when a 429 comes without its reset time


def _drop_below_warning(record: logging.LogRecord) -> bool:
    return record.levelno >= logging.WARNING


def _quiet_signing_logs() -> None:
    """oauthlib and requests-oauthlib log the signed Authorization header, the base string
    and the keys at DEBUG: keep those records from ever being made."""
    for name in ("oauthlib", "oauthlib.oauth1", "oauthlib.oauth1.rfc5849", "oauthlib.oauth1.rfc5849.signature",
                 "requests_oauthlib", "requests_oauthlib.oauth1_auth", "requests_oauthlib.oauth1_session"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.WARNING)
        logger.addFilter(_drop_below_warning)


_quiet_signing_logs()


class DuplicateContent(PublishError):
    """403 duplicate content: the account already has a post with this text.

    For the retry of an uncertain post this means the first attempt went out."""

    def __init__(self, key: str = "x.duplicate", **params):
        super().__init__(key, **params)


class XAdapter(HTTPAdapter):
    """A timeout on every request (tweepy sets none) and, with an API base, every X
    host's request sent there instead. Requests stay signed for the X address."""

    def __init__(self, timeout: float, api_base: str | None = None):
        super().__init__()
        self.timeout = timeout
        self.base = urlsplit(api_base) if api_base else None

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        if self.base is not None:
            parts = urlsplit(request.url)
            if parts.hostname in X_HOSTS:
                path = self.base.path.rstrip("/") + parts.path
                request.url = urlunsplit((self.base.scheme, self.base.netloc, path, parts.query, ""))
                proxies = get_environ_proxies(request.url)
        return super().send(request, stream=stream, timeout=self.timeout if timeout is None else timeout,
                            verify=verify, cert=cert, proxies=proxies)


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


def _never_connected(exc: BaseException) -> bool:
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


def _parse_time(value) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


class XPublisher(Publisher):
    kind = "x"

    def __init__(self, consumer_key: str, consumer_secret: str, access_token: str, access_token_secret: str,
                 *, api_base: str | None = None, timeout: float = DEFAULT_TIMEOUT, handle: str | None = None):
        keys = (consumer_key, consumer_secret, access_token, access_token_secret)
        if not all(isinstance(k, str) and k.strip() for k in keys):
            raise PublishError("x.keys_missing")
        self._keys = tuple(k.strip() for k in keys)
        if api_base is None:
            api_base = os.environ.get("DESK_X_API_BASE", "").strip() or None
        if api_base:
            check_api_base(api_base)
        self.api_base = api_base
        self.timeout = float(timeout)
        self._client = tweepy.Client(
            consumer_key=self._keys[0], consumer_secret=self._keys[1], access_token=self._keys[2],
            access_token_secret=self._keys[3], return_type=requests.Response)
        adapter = XAdapter(self.timeout, api_base)
        self._client.session.mount("https://", adapter)
        self._client.session.mount("http://", adapter)
        self._handle = handle
        self._account: AccountInfo | None = None

    def __repr__(self) -> str:
        return f"XPublisher(api_base={self.api_base!r}, timeout={self.timeout:g})"

    # -- the Publisher interface ----------------------------------------------
    def send(self, post: OutgoingPost) -> SentPost:
        handle = self._handle or self.account().handle  # known before anything goes out
        media_ids = [self._upload(image) for image in post.images]
        body = self._call("post", lambda: self._client.create_tweet(
            text=post.text, in_reply_to_tweet_id=post.reply_to or None,
            media_ids=media_ids or None, user_auth=True))
        x_id = str((body.get("data") or {}).get("id") or "")
        if not x_id:
            raise PublishUncertain("x.uncertain_response")
        log.info("X accepted post %s as %s", post.post_id, x_id)
        return SentPost(x_post_id=x_id, url=f"https://x.com/{handle}/status/{x_id}")

    def withdraw(self, x_post_id: str) -> None:
        body = self._call("withdraw", lambda: self._client.delete_tweet(str(x_post_id), user_auth=True))
        if not (body.get("data") or {}).get("deleted"):
            raise PublishError("x.post_gone")
        log.info("X deleted post %s", x_post_id)

    def recent_posts(self, since: datetime) -> list[RemotePost]:
        """The account's posts created at or after ``since`` (naive means UTC)."""
        user_id = (self._account or self.account()).user_id
        if since.tzinfo is None:
            since = since.replace(tzinfo=timezone.utc)
        found: list[RemotePost] = []
        token = None
        for _ in range(MAX_PAGES):
            params = dict(start_time=since, max_results=100, tweet_fields=["created_at", "note_tweet"],
                          user_auth=True)
            if token:
                params["pagination_token"] = token
            body = self._call("read", lambda: self._client.get_users_tweets(user_id, **params))
            for item in body.get("data") or []:
                # A long post's full text is in note_tweet; "text" is then cut short.
                text = (item.get("note_tweet") or {}).get("text") or item.get("text", "")
                found.append(RemotePost(str(item.get("id")), text, _parse_time(item.get("created_at"))))
            token = (body.get("meta") or {}).get("next_token")
            if not token:
                break
        return found

    def account(self) -> AccountInfo:
        body = self._call("read", lambda: self._client.get_me(user_fields=["profile_image_url"], user_auth=True))
        data = body.get("data") or {}
        if not data.get("id") or not data.get("username"):
            raise PublishError("x.bad_response")
        self._account = AccountInfo(user_id=str(data["id"]), handle=data["username"], name=data.get("name", ""),
                                    avatar_url=data.get("profile_image_url", ""))
        self._handle = self._account.handle
        return self._account

    def set_profile_image(self, png_bytes: bytes) -> str:
        """Set the account's picture (v1.1); returns the new picture's address if X gives it."""
        body = self._call("profile", lambda: self._signed(
            "POST", API_V1 + "/account/update_profile_image.json",
            files={"image": ("logo.png", png_bytes, "image/png")}), name="logo.png")
        return str(body.get("profile_image_url_https") or "")

    # -- requests ---------------------------------------------------------------
    def _signed(self, method: str, url: str, **kwargs) -> requests.Response:
        """A request tweepy has no method for, through its session and OAuth1 signing."""
        auth = tweepy.OAuth1UserHandler(*self._keys).apply_auth()
        return self._client.session.request(method, url, auth=auth,
                                            headers={"User-Agent": self._client.user_agent}, **kwargs)

    def _upload(self, image: OutgoingImage) -> str:
        name = Path(image.path).name
        try:
            data = Path(image.path).read_bytes()
        except OSError:
            raise PublishError("media.missing", name=name) from None
        form = {"media_category": "tweet_image"}
        if image.mime:
            form["media_type"] = image.mime
        files = {"media": (name, data, image.mime or "application/octet-stream")}
        body = self._call("media", lambda: self._signed("POST", API + "/2/media/upload", data=form, files=files),
                          name=name)
        media = body.get("data") or {}
        media_id = str(media.get("id") or media.get("media_id_string") or "")
        if not media_id:
            raise PublishError("x.bad_response")
        if image.alt:
            payload = {"id": media_id, "metadata": {"alt_text": {"text": image.alt}}}
            self._call("media", lambda: self._signed("POST", API + "/2/media/metadata", json=payload), name=name)
        return media_id

    def _call(self, context: str, request, *, name: str = "") -> dict:
        """Run one request; ``context`` is post, withdraw, media, profile or read."""
        try:
            response = request()
        except tweepy.HTTPException as exc:
            error = self._refusal(exc.response, context, name)
        except requests.RequestException as exc:
            error = self._transport_error(exc, context)
        else:
            if 200 <= response.status_code < 300:
                try:
                    body = response.json()
                    if isinstance(body, dict):
                        return body
                except ValueError:
                    pass
                unreadable = PublishUncertain if context == "post" else PublishError
                error = unreadable("x.uncertain_response" if context == "post" else "x.bad_response")
            else:
                error = self._refusal(response, context, name)
        log.warning("X %s request failed: %s", context, error.key)
        raise error from None  # the cause holds the signed request: keep it out of tracebacks

    def _transport_error(self, exc: requests.RequestException, context: str) -> PublishError:
        seconds = f"{self.timeout:g}"
        if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                            requests.exceptions.MissingSchema)):
            return BadApiBase("x.base_malformed")  # refused before a byte was sent: never uncertain
        if isinstance(exc, (requests.ConnectTimeout, requests.exceptions.SSLError, requests.exceptions.ProxyError)) \
                or _never_connected(exc):
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

    def _refusal(self, response: requests.Response, context: str, name: str) -> PublishError:
        status = response.status_code
        detail, codes = self._detail(response)
        if status == 401:
            return PublishError("x.unauthorized")
        if status == 429:
            return RateLimited(reset_at=_reset_time(response))
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

    def _detail(self, response: requests.Response) -> tuple[str, list]:
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
        for key in self._keys:
            text = text.replace(key, "…")
        if "oauth_" in text.lower():  # a proxy echoing the Authorization header
            text = str(response.status_code)
        return " ".join(text.split())[:200], codes


def _reset_time(response: requests.Response) -> datetime:
    try:
        return datetime.fromtimestamp(int(response.headers["x-rate-limit-reset"]), tz=timezone.utc)
    except (KeyError, ValueError, OverflowError, OSError):
        return datetime.now(timezone.utc) + RATE_WINDOW
