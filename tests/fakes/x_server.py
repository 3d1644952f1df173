"""A fake X API on 127.0.0.1: a real HTTP server that checks OAuth 1.0a signatures.

    with running_fake_x() as fake:
        publisher = XPublisher(**fake.keys, api_base=fake.base_url, timeout=1)
        fake.fail_next("429", on="POST /2/tweets")

It keeps what it accepted (``fake.posts``, ``fake.images_of(post)``) and can be told,
for the next matching request or always, to answer 400, 401, 403 (duplicate or not
permitted), 429 (the 15-minute window; "429-24h" and "429-app-24h" the account's and the
app's 24-hour caps; "429-usage-cap" a usage cap with room left in the window), 402 (credits
used up), 500 or 503, to stall, or to do what was asked and never answer.

It refuses what X refuses (x_rules.py): fields the spec does not list, more than 4 images,
over 280 weighted characters unless ``premium=True`` (then 25,000), a reply to a post whose
author did not mention or quote the account (``fake.add_outside_post``), the text of a post
deleted less than ``duplicate_window`` seconds ago, a timeline's max_results out of 5..100.

The post lookup (``GET /2/tweets?ids=``, x_lookup.py) shows the figures set by
``fake.set_metrics(post_id, likes=..., impressions=...)`` and refuses private metrics as X
does: only for the account's own posts younger than 30 days by the fake's clock.

X's lag: with ``lag=N`` (or ``fake.lag = N``) a post is stored N seconds after the
request arrived, by the fake's own clock (``clock=``, a callable giving an aware
datetime; the real time by default), and ``created_at`` is that moment, X's time. Until
then the post is on no timeline and X does not call a second copy a duplicate: the worst
case, so nothing the desk does may lean on X's duplicate refusal inside the lag. A
stalled request (``stall``) and a cut connection (``drop``) store the post too, as a
request that reached X does.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import threading
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from tests.fakes.x_answers import (
    ANSWERS, NO_PAGE, UNAUTHORIZED, V1_TIER, V1_UNAUTHORIZED, Media, Post, _problem, snowflake,
)
from tests.fakes.x_lookup import FIGURES, LookupRoutes
from tests.fakes.x_media import MediaRoutes
from tests.fakes.x_posts import PostRoutes
from tests.fakes.x_rules import Refused

# A signature is accepted for the server's own address or for X's hosts: a client
# behind DESK_X_API_BASE signs the X address it means, as a proxy in front of X needs.
X_BASES = ("https://api.x.com", "https://api.twitter.com", "https://upload.twitter.com", "https://upload.x.com")
FAULTS = {"400", "401", "403", "403-duplicate", "429", "429-24h", "429-app-24h", "429-usage-cap", "402", "500",
          "503", "stall", "drop"}


def pct(value: str) -> str:
    """RFC 5849 3.6: percent-encode everything but unreserved characters, as UTF-8."""
    return quote(value, safe="-._~")


def signature(method: str, base_uri: str, params: list[tuple[str, str]], consumer_secret: str,
              token_secret: str) -> str:
    """HMAC-SHA1 over the signature base string (RFC 5849 3.4.1 and 3.4.2)."""
    normalised = "&".join(f"{k}={v}" for k, v in sorted((pct(k), pct(v)) for k, v in params))
    base = "&".join((method.upper(), pct(base_uri), pct(normalised)))
    key = f"{pct(consumer_secret)}&{pct(token_secret)}".encode()
    return base64.b64encode(hmac.new(key, base.encode(), hashlib.sha1).digest()).decode()


def parse_oauth_header(header: str) -> dict[str, str]:
    if not header.startswith("OAuth "):
        return {}
    pairs = (part.strip().partition("=") for part in header[6:].split(","))
    return {unquote(name): unquote(value.strip('"')) for name, _, value in pairs}


@dataclass
class Fault:
    kind: str
    on: str | None  # "POST /2/tweets"; None: any request
    seconds: float  # for "stall"
    reset: int | None  # for "429": epoch seconds
    always: bool
    after: int = 0  # matching requests to let through first (a thread's third part, say)


class FakeX:
    def __init__(self, *, consumer_key="fake-consumer-key", consumer_secret="fake-consumer-secret",
                 access_token="1580000000000000001-fake-token", access_token_secret="fake-token-secret",
                 user_id="1580000000000000001", username="desk_institution", name="المؤسسة",
                 refuse_profile_image=False, lag: float = 0.0, clock=None, premium: bool = False,
                 duplicate_window: float = 24 * 3600):
        self.keys = dict(consumer_key=consumer_key, consumer_secret=consumer_secret,
                         access_token=access_token, access_token_secret=access_token_secret)
        self.user = {"id": user_id, "username": username, "name": name,
                     "profile_image_url": f"https://pbs.twimg.com/profile_images/{user_id}/logo_normal.png"}
        self.refuse_profile_image = refuse_profile_image
        self.lag = float(lag)  # seconds between a request and its post being stored
        self.premium = premium  # Premium or Verified Organization: posts up to 25,000 characters
        self.duplicate_window = float(duplicate_window)  # seconds X remembers a deleted post's text
        self.clock = clock or (lambda: datetime.now(timezone.utc))  # X's clock
        self.posts: list[Post] = []  # accepted and not deleted (stored or still pending)
        self.deleted: list[Post] = []
        self.others: list[Post] = []  # other accounts' posts (add_post with an author)
        self.media: dict[str, Media] = {}
        self.processing_steps = 2  # STATUS requests before a GIF or video is processed (0: at finalize)
        self.check_after_secs = 0  # what X asks the client to wait between STATUS requests
        self.profile_images: list[bytes] = []
        self.requests: list[str] = []  # "METHOD /path" of every request, signed or not
        self.bad_signatures = 0
        self.posts_served = 0  # posts the timeline and the lookup returned (what pay-per-use charges for)
        self.lookups = 0  # GET /2/tweets requests that reached the lookup (refused ones too)
        self.metrics: dict[str, dict] = {}  # X post id -> FIGURES (set_metrics); a post never set has zeros
        self._faults: list[Fault] = []
        self._nonces: set[str] = set()
        self._next_id = 1860000000000000000
        self._sequence = 0  # a post's id is a snowflake of its created_at (x_answers.snowflake)
        self.fields_dialect = "post"  # "post": post.fields as the spec names it; "tweet": tweet.fields
        self.dropped_fields: set[str] = set()  # left out of every timeline post, asked for or not (drift)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        return "http://%s:%d" % self._server.server_address[:2]

    def fail_next(self, kind: str, *, on: str | None = None, seconds: float = 5.0, reset: int | None = None,
                  always: bool = False, after: int = 0) -> None:
        """Answer the next request matching ``on`` ("POST /2/tweets"; None: any) with ``kind``;
        with ``after``, the one that follows that many matching requests answered as usual."""
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}; one of {sorted(FAULTS)}")
        with self._lock:
            self._faults.append(Fault(kind, on, seconds, reset, always, after))

    def fail_always(self, kind: str, **options) -> None:
        self.fail_next(kind, always=True, **options)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def add_post(self, text: str, created_at: datetime | None = None, *, author: str = "",
                 reply_to: str | None = None) -> Post:
        """A post that reached X by another way (the web, an earlier attempt), or, with
        ``author``, someone else's post (on no timeline of the account) that does not summon
        it: X refuses the account's reply to it (``add_outside_post`` makes one that does)."""
        with self._lock:
            return self._store_post(text, reply_to, [], created_at, author)

    def set_metrics(self, x_post_id: str, *, likes=0, reposts=0, replies=0, quotes=0, bookmarks=0, impressions=0,
                    url_clicks=0, profile_clicks=0) -> None:
        """The figures the lookup shows for a post; organic ones equal these (nothing is promoted)."""
        figures = dict(likes=likes, reposts=reposts, replies=replies, quotes=quotes, bookmarks=bookmarks,
                       impressions=impressions, url_clicks=url_clicks, profile_clicks=profile_clicks)
        with self._lock:
            if not any(p.id == x_post_id for p in (*self.posts, *self.deleted, *self.others)):
                raise ValueError(f"no post {x_post_id!r} on the fake X")
            self.metrics[x_post_id] = {name: int(figures[name]) for name in FIGURES}

    def add_outside_post(self, text: str, **options):
        """Another account's post, summoning the account when it mentions or quotes it."""
        from tests.fakes.x_rules import add_outside_post

        return add_outside_post(self, text, **options)

    def visible(self) -> list[Post]:
        """The posts X has stored by now (its clock): what a timeline or a duplicate check sees."""
        now = self.clock()
        with self._lock:
            return [p for p in self.posts if p.created_at <= now]

    def images_of(self, post: Post) -> list[Media]:
        return [self.media[media_id] for media_id in post.media_ids]

    def start(self) -> "FakeX":
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.05,), name="fake-x", daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # ends any stall at once
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def _take_fault(self, request_line: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.on in (None, request_line):
                    if fault.after:
                        fault.after -= 1
                        continue
                    if not fault.always:
                        self._faults.remove(fault)
                    return fault
        return None

    def _store_post(self, text, reply_to, media_ids, created_at=None, author="") -> Post:
        self._sequence += 1
        if created_at is None:
            created_at = self.clock() + timedelta(seconds=self.lag)
        post = Post(snowflake(created_at, self._sequence), text, created_at, reply_to, list(media_ids), author)
        (self.others if author else self.posts).append(post)
        return post

    def check_signature(self, method: str, path: str, query: str, headers, body: bytes) -> bool:
        oauth = parse_oauth_header(headers.get("Authorization", ""))
        stamp = oauth.get("oauth_timestamp", "")
        if (oauth.get("oauth_consumer_key") != self.keys["consumer_key"]
                or oauth.get("oauth_token") != self.keys["access_token"]
                or oauth.get("oauth_signature_method") != "HMAC-SHA1" or not oauth.get("oauth_nonce")
                or not stamp.isdigit() or abs(time.time() - int(stamp)) > 300):
            return False
        params = [(k, v) for k, v in oauth.items() if k not in ("oauth_signature", "realm")]
        params += parse_qsl(query, keep_blank_values=True)
        if headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            params += parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        for base in (self.base_url, *X_BASES):
            expected = signature(method, base + path, params, self.keys["consumer_secret"],
                                 self.keys["access_token_secret"])
            if hmac.compare_digest(expected, oauth.get("oauth_signature", "")):
                with self._lock:
                    if oauth["oauth_nonce"] in self._nonces:  # a replayed request
                        return False
                    self._nonces.add(oauth["oauth_nonce"])
                return True
        return False


class _Handler(PostRoutes, MediaRoutes, LookupRoutes, BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fake: FakeX

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self):
        try:
            self._handle(self.command)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (timeout): nothing to answer

    do_POST = do_DELETE = do_GET

    def _reply(self, status: int, payload: dict, headers: dict | None = None) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        for name, value in {"Content-Type": "application/json; charset=utf-8",
                            "Content-Length": str(len(body)), **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _drop(self) -> None:
        self.close_connection = True
        with suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _handle(self, method: str) -> None:
        fake, parts = self.fake, urlsplit(self.path)
        path, v1 = parts.path, parts.path.startswith("/1.1/")
        self.body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.query = dict(parse_qsl(parts.query, keep_blank_values=True))
        with fake._lock:
            fake.requests.append(f"{method} {path}")
        fault = fake._take_fault(f"{method} {path}")
        if fault and fault.kind == "stall":
            if fake._stopping.wait(fault.seconds):
                return self._drop()
            fault = None  # then answer as usual: the client may have given up by now
        if not fake.check_signature(method, path, parts.query, self.headers, self.body):
            with fake._lock:
                fake.bad_signatures += 1
            return self._reply(401, V1_UNAUTHORIZED if v1 else UNAUTHORIZED)
        if fault and fault.kind != "drop":
            return self._fault_reply(fault, v1)
        routes = [*self.POST_ROUTES, *self.MEDIA_ROUTES, *self.LOOKUP_ROUTES,
                  ("POST", "/1.1/account/update_profile_image.json", "_profile_image")]
        for want, prefix, name in routes:
            if method == want and (path.startswith(prefix) if prefix.endswith("/") else path == prefix):
                try:
                    status, payload = getattr(self, name)(path)
                except Refused as refused:  # what X refuses before it stores or reads anything
                    status, payload = refused.answer
                return self._drop() if fault else self._reply(status, payload)  # "drop": done, never answered
        self._reply(404, NO_PAGE)

    def _fault_reply(self, fault: Fault, v1: bool) -> None:
        if fault.kind.startswith("429") or fault.kind == "402":
            return self._reply(*quota_answer(fault))
        status, payload = ANSWERS[fault.kind]
        if v1 and fault.kind in ("401", "403"):  # v1.1 speaks its older error shape
            payload = V1_UNAUTHORIZED if status == 401 else V1_TIER
        self._reply(status, payload)

    def _json(self) -> dict:
        with suppress(ValueError):
            return json.loads(self.body or b"{}")
        return {}

    def _form(self) -> dict[str, bytes]:
        """Multipart fields by name."""
        head = f"Content-Type: {self.headers.get('Content-Type', '')}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + self.body)
        if not message.is_multipart():
            return {}
        return {part.get_param("name", header="content-disposition"): part.get_payload(decode=True) or b""
                for part in message.iter_parts()}

    def _profile_image(self, path):
        fake, user = self.fake, self.fake.user
        if fake.refuse_profile_image:  # as on X's lower access tiers
            return 403, V1_TIER
        if self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            image = base64.b64decode(dict(parse_qsl(self.body.decode())).get("image", ""))  # v1.1's base64 form
        else:
            image = self._form().get("image", b"")
        if not image.startswith((b"\x89PNG", b"\xff\xd8\xff")):
            return 400, {"errors": [{"code": 316, "message": "The image could not be processed."}]}
        with fake._lock:
            fake.profile_images.append(image)
        return 200, {"id_str": user["id"], "screen_name": user["username"], "name": user["name"],
                     "profile_image_url_https": user["profile_image_url"]}



def quota_answer(fault: Fault) -> tuple[int, dict, dict]:
    """X's "not now": the 15-minute limit, the account's or the app's 24-hour cap (its own headers
    beside the 15-minute ones, which still show room), a usage cap (said in the body, the rate
    headers showing room), or no credits left (402)."""
    now = int(time.time())
    rate = {"x-rate-limit-limit": "100", "x-rate-limit-remaining": "99", "x-rate-limit-reset": str(now + 900)}
    day = {"limit": "10000", "remaining": "9990", "reset": str(now + 20 * 3600)}
    if fault.kind == "429":
        reset = str(fault.reset or now + 900)
        return 429, _problem(429, "Too Many Requests"), {**rate, "x-rate-limit-remaining": "0",
                                                        "x-rate-limit-reset": reset}
    if fault.kind in ("429-24h", "429-app-24h"):
        spent, room = ("user", "app") if fault.kind == "429-24h" else ("app", "user")
        headers = {**rate, **{f"x-{room}-limit-24hour-{k}": v for k, v in day.items()},
                   f"x-{spent}-limit-24hour-limit": "17", f"x-{spent}-limit-24hour-remaining": "0",
                   f"x-{spent}-limit-24hour-reset": str(fault.reset or now + 6 * 3600)}
        return 429, _problem(429, "Too Many Requests"), headers
    if fault.kind == "429-usage-cap":
        body = {"account_id": "1580000000000000042", "product_name": "standard-basic", "title": "UsageCapExceeded",
                "period": "Monthly", "scope": "Product", "detail": "Usage cap exceeded: Monthly product cap",
                "type": "https://api.twitter.com/2/problems/usage-capped"}
        return 429, body, rate
    body = {"title": "CreditsDepleted", "type": "https://api.twitter.com/2/problems/credits",
            "detail": "Your enrolled account [1580000000000000042] does not have any credits to fulfill this "
                      "request."}
    return 402, body, {}


@contextmanager
def running_fake_x(**options):
    """The fake X server, started on a free port and stopped afterwards."""
    fake = FakeX(**options).start()
    try:
        yield fake
    finally:
        fake.stop()
