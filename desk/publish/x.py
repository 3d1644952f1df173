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
from desk.publish.x_refusals import about_post, check_api_base, refusal, transport_error

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
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def _token_of(access_token: str, user_id: str) -> bool:
    """X's user access tokens begin with the user's id and a dash: one that names another id
    belongs to another account than the one on record (a token of another shape says nothing)."""
    prefix, dash, _ = access_token.partition("-")
    return not (dash and prefix.isdigit()) or prefix == user_id


# The spec (openapi.json 2.167, GET /2/users/{id}/tweets) names the parameter post.fields
# and the long text note_post; X's reference pages and changelog say tweet.fields and
# note_tweet. Either may be the one X takes on a given day.
FIELD_NAMES = (("post.fields", "note_post"), ("tweet.fields", "note_tweet"))


class _NamesRefused(Exception):
    def __init__(self, response):
        super().__init__("fields refused")
        self.response = response


def _names_refused(response, fields_name: str) -> bool:
    """X's 400 says which parameter it did not take (errors[].parameters, or the message)."""
    try:
        errors = response.json().get("errors") or []
    except (ValueError, AttributeError):
        return False
    for error in errors if isinstance(errors, list) else []:
        if not isinstance(error, dict):
            continue
        named = error.get("parameters") if isinstance(error.get("parameters"), dict) else {}
        message = str(error.get("message") or "")
        if fields_name in named or f"[{fields_name}]" in message or f"`{fields_name}`" in message:
            return True
    return False


def _remote_post(item: dict) -> RemotePost:
    """One timeline post, coping with fields that did not come (or come by another name)."""
    note = item.get("note_post") or item.get("note_tweet")
    note_text = note.get("text") if isinstance(note, dict) else None
    attachments = item.get("attachments")
    keys = attachments.get("media_keys") if isinstance(attachments, dict) else None
    media_keys = tuple(str(k) for k in keys) if isinstance(keys, list) else None
    entities = (note if note_text else item).get("entities")
    urls = entities.get("urls") if isinstance(entities, dict) else None
    media_link = ""
    for url in urls if isinstance(urls, list) else []:
        if isinstance(url, dict) and (url.get("media_key") or str(url.get("display_url") or "").startswith(
                ("pic.x.com/", "pic.twitter.com/"))):
            media_link = str(url.get("url") or "")
    post_id, conversation = str(item.get("id") or ""), item.get("conversation_id")
    return RemotePost(post_id, str(note_text or item.get("text") or ""),
                      _parse_time(item.get("created_at")), media_keys=media_keys, media_link=media_link,
                      x_text=not note_text, reply=str(conversation) != post_id if conversation else None)


class XPublisher(Publisher):
    kind = "x"

    def __init__(self, consumer_key: str, consumer_secret: str, access_token: str, access_token_secret: str,
                 *, api_base: str | None = None, timeout: float = DEFAULT_TIMEOUT, handle: str | None = None,
                 known: AccountInfo | None = None):
        """``known``: the account as X described it when the keys were set (the desk's log),
        so reading the timeline needs no /2/users/me call; trusted only while the access
        token names that same user id."""
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
        self._account: AccountInfo | None = known if known and _token_of(self._keys[2], known.user_id) else None
        self._field_names = FIELD_NAMES[0]  # the timeline's field names X last took

    def handle(self) -> str:
        """The account's @handle: as the desk knows it, else asked of X (once)."""
        if not self._handle:
            self._handle = (self._account or self.account()).handle
        return self._handle

    def post_url(self, x_post_id: str) -> str:
        return f"https://x.com/{self.handle()}/status/{x_post_id}"

    def __repr__(self) -> str:
        return f"XPublisher(api_base={self.api_base!r}, timeout={self.timeout:g})"

    # -- the Publisher interface ----------------------------------------------
    def send(self, post: OutgoingPost, progress=None) -> SentPost:
        self.handle()  # known before anything goes out
        media_ids = upload_media(self, post, progress)  # nothing public yet: a failure here is definite
        try:
            body = self._call("post", lambda: self._client.create_tweet(
                text=post.text, in_reply_to_tweet_id=post.reply_to or None,
                media_ids=media_ids or None, user_auth=True))
        except PublishUncertain as error:
            # X's media keys name these ids: the reconciler can tell this attempt by them
            error.params["media_ids"] = tuple(media_ids)
            raise
        except PublishError as error:  # a reply X does not allow, a long post: said as such
            raise about_post(error, post) from None
        x_id = str((body.get("data") or {}).get("id") or "")
        if not x_id:
            raise PublishUncertain("x.uncertain_response")
        log.info("X accepted post %s as %s", post.post_id, x_id)
        return SentPost(x_post_id=x_id, url=self.post_url(x_id))

    def withdraw(self, x_post_id: str) -> None:
        body = self._call("withdraw", lambda: self._client.delete_tweet(str(x_post_id), user_auth=True))
        if not (body.get("data") or {}).get("deleted"):
            raise PublishError("x.post_gone")
        log.info("X deleted post %s", x_post_id)

    def recent_posts(self, since: datetime) -> list[RemotePost]:
        """The account's posts created at or after ``since`` (naive means UTC).

        The fields are asked for by the spec's names first, by the older ones when X
        refuses those or leaves out the creation time asked for; the names X took are
        kept for this publisher's next read."""
        user_id = (self._account or self.account()).user_id
        if since.tzinfo is None:
            since = since.replace(tzinfo=timezone.utc)
        names = sorted(FIELD_NAMES, key=lambda pair: pair != self._field_names)
        refused, fallback = None, None
        for pair in names:
            try:
                found = self._read_timeline(user_id, since, *pair)
            except _NamesRefused as error:
                refused = error.response
                continue
            if not found or any(post.created_at is not None for post in found):
                self._field_names = pair
                return found
            fallback = fallback or found  # X said nothing of what was asked: try the other names
        if fallback is not None:
            return fallback
        error = refusal(refused, "read", "", self._keys)
        log.warning("X read request failed: %s", error.key)
        raise error

    def _read_timeline(self, user_id: str, since: datetime, fields_name: str, note: str) -> list[RemotePost]:
        found: list[RemotePost] = []
        token = None
        for _ in range(MAX_PAGES):
            params = {"start_time": since.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                      "max_results": 100, fields_name: ",".join(("attachments", "conversation_id", "created_at", "entities", note))}
            if token:
                params["pagination_token"] = token
            body = self._call("read", lambda: self._ask_timeline(user_id, params, fields_name))
            found += [_remote_post(item) for item in body.get("data") or [] if isinstance(item, dict)]
            token = (body.get("meta") or {}).get("next_token")
            if not token:
                break
        return found

    def _ask_timeline(self, user_id: str, params: dict, fields_name: str):
        try:
            return self._client.request("GET", f"/2/users/{user_id}/tweets", params=params, user_auth=True)
        except tweepy.BadRequest as exc:
            if _names_refused(exc.response, fields_name):
                raise _NamesRefused(exc.response) from None
            raise

    def read_metrics(self, x_post_ids: list[str], now: datetime | None = None, on_batch=None):
        """X's figures for the account's own posts: (readings, ReachResult); desk.publish.x_reach."""
        from desk.publish.x_reach import read_metrics

        return read_metrics(self, x_post_ids, now, on_batch)

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
