"""Matching a sent post against the account's timeline as X returns it."""

from datetime import datetime, timedelta, timezone

from desk.publish.base import RemotePost
from desk.publish.matching import LINK, find_match, normalise

T0 = datetime(2025, 3, 1, 9, 0, 0, tzinfo=timezone.utc)
HEADLINE = "أمطار ورياح نشطة على عدة اجزاء من مناطق المملكة"


def remote(text, at=T0, post_id="1"):
    return RemotePost(x_post_id=post_id, text=text, created_at=at)


def test_links_become_one_placeholder_either_way():
    mine = normalise(f"{HEADLINE} https://www.spa.gov.sa/w2231234?lang=ar")
    on_x = normalise(f"{HEADLINE} https://t.co/Ab3dEf9hIj", from_x=True)
    assert mine == on_x == f"{HEADLINE} {LINK}"


def test_bare_domains_are_links_too_as_x_sees_them():
    assert normalise("التفاصيل على spa.gov.sa/ar اليوم") == f"التفاصيل على {LINK} اليوم"


def test_whitespace_runs_and_ends_are_normalised():
    assert normalise("  سطر أول\r\n\n  سطر\tثان  ") == "سطر أول سطر ثان"


def test_nfc_makes_composed_and_decomposed_equal():
    decomposed, composed = "Cafe\u0301", "Caf\u00e9"
    assert normalise(decomposed) == normalise(composed)
    assert normalise("إ") == normalise("\u0627\u0655")  # alef + hamza below composes to إ


def test_x_entities_are_undone_only_for_text_from_x():
    assert normalise("A &amp; B &lt;3", from_x=True) == "A & B <3"
    # A literal "&amp;" typed in the desk comes back from X as "&amp;amp;".
    assert normalise("&amp;") == normalise("&amp;amp;", from_x=True)


def test_find_match_needs_same_text_within_window():
    posts = [remote("نص آخر", T0, "1"), remote(HEADLINE + " https://t.co/x1", T0 + timedelta(seconds=3), "2")]
    found = find_match(HEADLINE + " https://example.org/a", posts, T0, T0 + timedelta(seconds=20))
    assert found is not None and found.x_post_id == "2"


def test_find_match_tolerates_a_few_seconds_of_clock_difference():
    start, end = T0, T0 + timedelta(seconds=30)
    assert find_match(HEADLINE, [remote(HEADLINE, start - timedelta(seconds=4))], start, end)
    assert find_match(HEADLINE, [remote(HEADLINE, end + timedelta(seconds=4))], start, end)


def test_find_match_ignores_posts_outside_the_window():
    start, end = T0, T0 + timedelta(seconds=30)
    assert find_match(HEADLINE, [remote(HEADLINE, start - timedelta(minutes=5))], start, end) is None
    assert find_match(HEADLINE, [remote(HEADLINE, end + timedelta(minutes=5))], start, end) is None


def test_find_match_ignores_different_text_and_unplaced_posts():
    start, end = T0, T0 + timedelta(seconds=30)
    assert find_match(HEADLINE, [remote(HEADLINE + "!", T0)], start, end) is None
    assert find_match(HEADLINE, [RemotePost("9", HEADLINE, None)], start, end) is None
    assert find_match(HEADLINE, [], start, end) is None


def test_find_match_picks_the_earliest_and_accepts_an_open_end():
    posts = [remote(HEADLINE, T0 + timedelta(hours=2), "late"), remote(HEADLINE, T0 + timedelta(seconds=1), "early")]
    assert find_match(HEADLINE, posts, T0, None).x_post_id == "early"


def test_naive_times_are_taken_as_utc():
    naive_start = T0.replace(tzinfo=None)
    post = remote(HEADLINE, T0 + timedelta(seconds=2))
    assert find_match(HEADLINE, [post], naive_start, naive_start + timedelta(seconds=10)) == post
    riyadh = timezone(timedelta(hours=3))
    assert find_match(HEADLINE, [post], T0.astimezone(riyadh), None) == post
