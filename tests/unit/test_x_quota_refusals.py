"""Which of X's limits a 429 is, read from its headers and body as X sends them."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone

import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.publish.x_refusals import TRY_AGAIN, quota_refusal


def answer(headers: dict, body: dict | None = None) -> requests.Response:
    response = requests.Response()
    response.status_code = 429
    response.headers.update(headers)
    response._content = json.dumps(body or {"title": "Too Many Requests", "status": 429}).encode()
    return response


def at(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, timezone.utc)


NOW = int(time.time())
WINDOW = {"x-rate-limit-limit": "100", "x-rate-limit-remaining": "0", "x-rate-limit-reset": str(NOW + 600)}


def test_the_15_minute_window():
    error = quota_refusal(answer(WINDOW))
    assert error.key == "x.rate_limited" and error.reset_at == at(NOW + 600)


def test_no_reset_header_waits_15_minutes():
    error = quota_refusal(answer({"x-rate-limit-remaining": "0", "x-rate-limit-reset": "soon"}))
    assert error.key == "x.rate_limited"
    assert timedelta(minutes=14) < error.reset_at - datetime.now(timezone.utc) <= timedelta(minutes=15)


def test_a_usage_cap_is_said_in_the_body_while_the_window_has_room():
    body = {"title": "UsageCapExceeded", "period": "Monthly", "scope": "Product",
            "type": "https://api.twitter.com/2/problems/usage-capped"}
    error = quota_refusal(answer({**WINDOW, "x-rate-limit-remaining": "99"}, body))
    assert error.key == "x.usage_cap" and error.params["period"] == ("month", "الشهر")
    assert timedelta(minutes=59) < error.reset_at - datetime.now(timezone.utc) <= TRY_AGAIN
    daily = quota_refusal(answer(WINDOW, {**body, "period": "Daily"}))
    assert daily.reset_at.hour == daily.reset_at.minute == 0 and daily.reset_at > datetime.now(timezone.utc)
    assert daily.params["period"] == ("day", "اليوم")


SECONDS = st.integers(60, 48 * 3600)


@settings(max_examples=200, deadline=None)
@given(st.booleans(), st.booleans(), st.booleans(), SECONDS, SECONDS, SECONDS)
def test_the_limit_that_lifts_last_is_the_one_named(user_spent, app_spent, window_spent, user_in, app_in, window_in):
    headers = {"x-rate-limit-remaining": "0" if window_spent else "5", "x-rate-limit-reset": str(NOW + window_in),
               "x-user-limit-24hour-limit": "17", "x-user-limit-24hour-remaining": "0" if user_spent else "3",
               "x-user-limit-24hour-reset": str(NOW + user_in),
               "x-app-limit-24hour-limit": "10000", "x-app-limit-24hour-remaining": "0" if app_spent else "9",
               "x-app-limit-24hour-reset": str(NOW + app_in)}
    error = quota_refusal(answer(headers))
    spent = [(NOW + user_in, "x.daily_user")] * user_spent + [(NOW + app_in, "x.daily_app")] * app_spent
    if window_spent or not spent:
        spent.append((NOW + window_in, "x.rate_limited"))
    latest = max(moment for moment, _ in spent)
    assert error.reset_at == at(latest)
    assert error.key in {key for moment, key in spent if moment == latest}
    assert error.definite and error.message("en") != error.message("ar")
    if error.key == "x.daily_user":
        assert error.params["limit"] == "17"
