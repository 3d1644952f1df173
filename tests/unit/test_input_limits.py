"""Bad input refused by the core rules: invisible or huge texts, names, reasons, ids, times."""

from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.core.errors import InvalidInput
from desk.core.messages import render
from desk.core.staff_rules import MAX_NAME, check_name
from desk.core.text import MAX_CHARS, MAX_REASON, MAX_WEIGHTED, check_draft_text, check_reason, is_blank
from desk.session import check_post_id, parse_time

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c",
             "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\u2060", "\u00ad"]
SPACES = [" ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u3000", "\u202f", "\u205f", "\u1680"]


def refused(key, call, *args, **kw):
    with pytest.raises(InvalidInput) as caught:
        call(*args, **kw)
    assert caught.value.key == key, caught.value.key
    for lang in ("en", "ar"):  # both words exist and every field is filled
        words = caught.value.message(lang)
        assert words and "{" not in words
    return caught.value


# ------------------------------------------------------------------ item 8: invisible text
@pytest.mark.parametrize("char", INVISIBLE)
def test_each_invisible_character_alone_is_no_text(char):
    refused("text.invisible", check_draft_text, char * 3)
    refused("text.invisible", check_draft_text, f" {char}\n{char} ")


@given(st.lists(st.sampled_from(INVISIBLE + SPACES), min_size=1, max_size=40))
def test_any_mix_of_invisible_characters_and_spaces_is_refused(chars):
    text = "".join(chars)
    with pytest.raises(InvalidInput) as caught:
        check_draft_text(text)
    assert caught.value.key in ("text.empty", "text.invisible")


@given(st.lists(st.sampled_from(INVISIBLE + SPACES), max_size=10),
       st.text(alphabet=st.characters(whitelist_categories=("Lo", "Lu", "Ll", "Nd", "So")), min_size=1, max_size=20),
       st.lists(st.sampled_from(INVISIBLE + SPACES), max_size=10))
def test_a_visible_letter_among_invisible_characters_is_text(before, visible, after):
    text = "".join(before) + visible + "".join(after)
    assert not is_blank(text)
    assert check_draft_text(text) == text


@pytest.mark.parametrize("text", [
    "می\u200cخواهم",  # ZWNJ between letters (Persian-style joining inside Arabic script)
    "\u200fالخبر\u200f: 3\u200e%\u200e",  # direction marks around numbers
    "\u2067وزارة الإعلام\u2069 @MinistryMedia",
    "لا\u200dإله",
])
def test_arabic_with_joiners_and_marks_between_letters_is_kept(text):
    assert check_draft_text(text) == text


# ------------------------------------------------------------------ item 9: huge text refused cheaply
def test_text_far_past_xs_longest_post_is_refused():
    refused("text.far_too_long", check_draft_text, "ب" * (MAX_WEIGHTED + 1))
    assert check_draft_text("ب" * MAX_WEIGHTED)  # X's long posts: still a draft
    error = refused("text.far_too_long", check_draft_text, "漢" * (MAX_WEIGHTED // 2 + 1))  # CJK weighs 2
    assert str(MAX_WEIGHTED) in error.message("en")


def test_ten_megabytes_are_refused_before_anything_walks_them():
    huge = "x" * (10 * 1024 * 1024)
    started = time.perf_counter()
    error = refused("text.far_too_long", check_draft_text, huge)
    assert time.perf_counter() - started < 0.05  # the length test only, not the weighting
    assert error.params["length"] == len(huge)
    assert len(huge) > MAX_CHARS


# ------------------------------------------------------------------ item 12: names and reasons
@pytest.mark.parametrize("name", ["", "   ", "\u200b\u200c", "\u2067\u2069 \ufeff", "\u3000\u00a0"])
def test_empty_or_invisible_name_is_refused(name):
    with pytest.raises(InvalidInput) as caught:
        check_name(name)
    assert caught.value.key in ("staff.name_required", "staff.name_invisible")


def test_name_of_ten_thousand_characters_is_refused():
    error = refused("staff.name_too_long", check_name, "ع" * 10_000)
    assert "10000" in error.message("en") and str(MAX_NAME) in error.message("ar")
    assert check_name("ع" * MAX_NAME) == "ع" * MAX_NAME


@pytest.mark.parametrize("name", ["سارة\nالقحطاني", "sara\tq", "sara\x1b[31m", "sara\x7f"])
def test_control_characters_in_a_name_are_refused(name):
    refused("text.bad_character", check_name, name)


@pytest.mark.parametrize("reason", ["نص غير دقيق\x1b[2J", "bad\x07bell", "tab\there", "cr\rhere", "del\x7f",
                                    "c1\x85next", "sep\u2028line"])
def test_control_characters_in_a_reason_are_refused(reason):
    error = refused("reason.bad_character", check_reason, reason)
    assert error.params["position"] >= 1


def test_reason_keeps_line_breaks_and_has_a_maximum():
    assert check_reason("السطر الأول\nالسطر الثاني") == "السطر الأول\nالسطر الثاني"
    refused("reason.too_long", check_reason, "س" * (MAX_REASON + 1))
    assert check_reason("\u200b \u200f") is None  # shows nothing: "give a reason" follows


def test_rejecting_with_control_characters_is_refused_by_the_rules():
    from desk.core import lifecycle
    from desk.core.roles import Role
    from desk.core.states import State

    post = lifecycle.PostFacts(post_id=1, state=State.IN_REVIEW, author="omar", text="خبر", content_hash="h",
                               writers=frozenset({"omar"}))
    supervisor = lifecycle.Actor("sara", frozenset({Role.SUPERVISOR}))
    refused("reason.bad_character", lifecycle.decide, "reject", post, supervisor, reason="x\x1b[0m")
    ok = lifecycle.decide("reject", post, supervisor, reason="غير دقيق\nراجع المصدر")
    assert ok.detail == {"reason": "غير دقيق\nراجع المصدر"}


# ------------------------------------------------------------------ item 11: ids and times
@pytest.mark.parametrize("value", [2**63, 99999999999999999999, 0, -1, "abc", "1e3", None, True])
def test_post_numbers_sqlite_cannot_hold_are_invalid_input(value):
    refused("post.bad_id", check_post_id, value)


def test_largest_post_number_passes():
    assert check_post_id(2**63 - 1) == 2**63 - 1
    assert check_post_id("17") == 17


@pytest.mark.parametrize("value", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00+14:00", "0001-01-01T00:00",
                                   "9999-12-31T23:59:59"])
def test_times_off_the_calendar_are_invalid_input(value):
    try:
        moment = parse_time(value)
    except InvalidInput as error:
        assert error.key == "schedule.out_of_range"
        assert value in error.message("en") and value in error.message("ar")
    else:  # a naive time near the edge may still fit in the workstation's zone
        assert moment.tzinfo is timezone.utc and isinstance(moment, datetime)


def test_extreme_offsets_are_refused_whatever_the_local_zone():
    refused("schedule.out_of_range", parse_time, "9999-12-31T23:59:59-23:59")
    refused("schedule.out_of_range", parse_time, "0001-01-01T00:00+14:00")


def test_messages_read_in_both_languages():
    for key in ("text.invisible", "text.far_too_long", "reason.bad_character", "schedule.too_far",
                "media.too_many_pixels", "media.file_missing", "post.bad_id"):
        en = render(key, "en", {"length": 1, "limit": 2, "position": 3, "at": "x", "days": 365, "name": "a.png",
                                "width": 1, "height": 2, "max_side": 3, "post_id": 4, "value": "v"})
        ar = render(key, "ar", {"length": 1, "limit": 2, "position": 3, "at": "x", "days": 365, "name": "a.png",
                                "width": 1, "height": 2, "max_side": 3, "post_id": 4, "value": "v"})
        assert en != ar and "{" not in en + ar
