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


# --------------------------------------------------------------------------- as X gives texts back
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

from hypothesis import HealthCheck, assume, given, settings, strategies as st  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.fakes.x_answers import snowflake  # noqa: E402
from tests.fakes.x_shown import DIALECTS, post_object  # noqa: E402

from desk.publish.x import _remote_post  # noqa: E402

HANDLE = "MinistryMedia"
WORDS = ["أمطار", "رياح", "نشطة", "على", "منطقة", "الرياض", "تنبيه", "Riyadh", "weather", "alert", "&", "<", ">",
         "&amp;", "<b>", "A&B", "#الرياض", "#طقس", "@citizen_sa", "١٤٤٦هـ", "2025", "—", "،", "!", "؟", "🌧️", "Café",
         "https://ncm.gov.sa/ar/alerts?id=7&lang=ar", "spa.gov.sa/ar", "https://example.org/a", "x.com/ncm"]
FIELDS = ["created_at", "attachments", "entities", "conversation_id"]


@st.composite
def contents(draw):
    """Approved content: text (sometimes long), images, and whom it replies to."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
    gaps = draw(st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", " \t"]), min_size=len(words), max_size=len(words)))
    text = "".join(w + g for w, g in zip(words, gaps)).strip()
    if draw(st.booleans()) and draw(st.booleans()):
        text = "\n".join([text] * draw(st.integers(2, 12)))  # long enough, at times, for a note post
    images = draw(st.integers(0, 4))
    reply = draw(st.sampled_from([None, "self", "other"]))
    return text, images, reply


@st.composite
def as_x_gives_it(draw, content, at):
    """The content as X shows it on the timeline, with some fields that may not come."""
    text, images, reply = content
    dialect = draw(st.sampled_from(sorted(DIALECTS)))
    note = DIALECTS[dialect][2]
    dropped = set(draw(st.lists(st.sampled_from(FIELDS + [note]), unique=True)))
    stamp = at.replace(microsecond=draw(st.integers(0, 999)) * 1000)
    post_id = snowflake(stamp, draw(st.integers(0, 4095)))
    media = [SimpleNamespace(id=str(1860000000000000100 + n), category="tweet_image") for n in range(images)]
    post = SimpleNamespace(id=post_id, text=text, created_at=stamp, reply_to="1790000000000000042" if reply else None,
                           media_ids=[m.id for m in media])
    item = post_object(post, {*FIELDS, note}, dialect, handle=HANDLE, reply_author="citizen_sa" if reply == "other" else "",
                       media=media, conversation="1790000000000000042" if reply else post_id, dropped=dropped)
    return _remote_post(item)


def _core(text: str) -> list[str]:
    """The words no rewriting of X's adds or takes away (no links, no @handles)."""
    return [w for w in normalise(text).split(" ") if w and w != LINK and not w.startswith("@")][:20]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=contents(), data=st.data(), seconds=st.integers(0, 59))
def test_any_approved_content_as_x_gives_it_back_is_found(content, data, seconds):
    text, images, reply = content
    start = T0
    on_x = data.draw(as_x_gives_it(content, T0 + timedelta(seconds=seconds)))
    found = find_match(text, [on_x], start, start + timedelta(seconds=60), images=images, reply=bool(reply))
    assert found == on_x, (on_x.text, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mine=contents(), other=contents(), data=st.data(), seconds=st.integers(0, 59))
def test_another_post_of_the_same_minute_is_not_found(mine, other, data, seconds):
    assume(_core(mine[0]) != _core(other[0]))
    on_x = data.draw(as_x_gives_it(other, T0 + timedelta(seconds=seconds)))
    text, images, reply = mine
    assert find_match(text, [on_x], T0, T0 + timedelta(seconds=60), images=images, reply=bool(reply)) is None


def test_the_media_link_x_appends_is_the_last_token_and_only_for_posts_with_media():
    on_x = RemotePost("1", HEADLINE + " https://t.co/Ab3dEf9hIj", T0, media_keys=("3_99",), x_text=True)
    assert find_match(HEADLINE, [on_x], T0, None, images=1) == on_x
    assert find_match(HEADLINE, [on_x], T0, None, images=0) is None  # X says it has media
    assert find_match(HEADLINE, [on_x], T0, None, images=2) is None  # two images sent, X shows one
    unknown = RemotePost("2", HEADLINE + " https://t.co/Ab3dEf9hIj", T0, x_text=True)  # attachments did not come
    assert find_match(HEADLINE, [unknown], T0, None, images=1) == unknown
    bare = RemotePost("3", HEADLINE, T0, x_text=True)  # X's text of an image post always ends with its link
    assert find_match(HEADLINE, [bare], T0, None, images=1) is None


def test_a_post_without_created_at_is_placed_by_its_snowflake_id():
    inside, outside = snowflake(T0 + timedelta(seconds=5), 1), snowflake(T0 - timedelta(hours=1), 2)
    posts = [RemotePost(outside, HEADLINE, None), RemotePost(inside, HEADLINE, None)]
    assert find_match(HEADLINE, posts, T0, T0 + timedelta(seconds=30)).x_post_id == inside
    assert find_match(HEADLINE, [RemotePost("training-3", HEADLINE, None)], T0, None) is None


def test_a_reply_is_told_from_a_post_by_x_conversation_id():
    shown = RemotePost("5", "@citizen_sa " + HEADLINE, T0, x_text=True, reply=True)
    assert find_match(HEADLINE, [shown], T0, None, reply=True) == shown
    assert find_match("@citizen_sa " + HEADLINE, [shown], T0, None, reply=False) is None
    typed = RemotePost("6", "@citizen_sa " + HEADLINE, T0, x_text=True, reply=False)
    assert find_match("@citizen_sa " + HEADLINE, [typed], T0, None) == typed
