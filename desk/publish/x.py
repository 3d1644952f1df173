"""Publishing on the institution's X account: tweepy's Client, OAuth 1.0a user context.

Every failure becomes one of desk.core.errors: ``PublishError`` when nothing went out,
``PublishUncertain`` when a post may have reached X (timeout, dropped connection, an
answer that cannot be read), ``RateLimited`` for 429, ``DuplicateContent`` when X says
the account already published the same text. No message or log line carries a key.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, timezone
from urllib.parse import urlsplit, urlunsplit

import requests
import tweepy
from requests.adapters import HTTPAdapter
from requests.utils import get_environ_proxies

from desk.core.errors import PublishError, PublishUncertain
from desk.publish.base import AccountInfo, OutgoingPost, Publisher, RemotePost, SentPost
from desk.publish.x_media import upload_media
from desk.publish.x_refusals import check_api_base, refusal, transport_error

log = logging.getLogger(__name__)

API_V1 = "https://api.twitter.com/1.1"
X_HOSTS = frozenset({"api.x.com", "api.twitter.com", "upload.twitter.com", "upload.x.com"})
DEFAULT_TIMEOUT = 20.0
MAX_PAGES = 5  # the reconciler looks back minutes or hours, not the whole timeline


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
    def send(self, post: OutgoingPost, progress=None) -> SentPost:
        handle = self._handle or self.account().handle  # known before anything goes out
        media_ids = upload_media(self, post, progress)  # nothing public yet: a failure here is definite
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

    def _call(self, context: str, request, *, name: str = "") -> dict:
        """Run one request; ``context`` is post, withdraw, media, profile or read."""
        try:
            response = request()
        except tweepy.HTTPException as exc:
            error = refusal(exc.response, context, name, self._keys)
        except requests.RequestException as exc:
            error = transport_error(exc, context, self.timeout)
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
                error = refusal(response, context, name, self._keys)
        log.warning("X %s request failed: %s", context, error.key)
        raise error from None  # the cause holds the signed request: keep it out of tracebacks
