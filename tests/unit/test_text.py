"""Post text: X's weighted length, the limit, and characters that cannot be published."""

from __future__ import annotations

import pytest

from desk.core.errors import InvalidInput
from desk.core.text import (
    DEFAULT_LIMIT, check_characters, check_draft_text, check_publishable, check_reply_target, overflow_start,
    weighted_length,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", 0),
        ("a", 1),
        ("a" * 280, 280),
        ("م", 1),  # Arabic letters weigh 1
        ("السلام عليكم", 12),
        ("漢", 2),  # CJK weighs 2
        ("😀", 2),  # emoji weigh 2
        ("https://example.com/a/very/long/path/" + "x" * 100, 23),  # any link weighs 23
        ("see https://a.co", 4 + 23),
    ],
)
def test_weighted_length_follows_x(text, expected):
    assert weighted_length(text) == expected


def test_arabic_headline_of_280_letters_fits_and_281_does_not():
    check_publishable("ب" * 280, DEFAULT_LIMIT)
    with pytest.raises(InvalidInput) as refused:
        check_publishable("ب" * 281, DEFAULT_LIMIT)
    assert refused.value.key == "text.too_long"
    assert refused.value.params == {"length": 281, "limit": 280}


def test_cjk_counts_double_against_the_limit():
    check_publishable("漢" * 140, 280)
    with pytest.raises(InvalidInput, match="282"):
        check_publishable("漢" * 141, 280)


def test_premium_limit_is_a_setting():
    long_text = "ك" * 1000
    with pytest.raises(InvalidInput):
        check_publishable(long_text, 280)
    check_publishable(long_text, 25_000)
    assert weighted_length(long_text, 25_000) == 1000


@pytest.mark.parametrize("text", ["", "   ", "\n\t  \n"])
def test_empty_text_is_refused(text):
    with pytest.raises(InvalidInput) as refused:
        check_draft_text(text)
    assert refused.value.key == "text.empty"
    with pytest.raises(InvalidInput):
        check_publishable(text, 280)


def test_a_draft_may_be_over_the_limit():
    text = "ع" * 400
    assert check_draft_text(text) == text
    with pytest.raises(InvalidInput) as refused:
        check_publishable(text, 280)
    assert refused.value.key == "text.too_long"


@pytest.mark.parametrize(
    "text, position",
    [
        ("abc\x00def", 4),  # NUL
        ("\ud800", 1),  # lone high surrogate
        ("خبر \udfff", 5),  # lone low surrogate
        ("bell\x07", 5),  # other control characters
        ("x\uffff", 2),  # a non-character
    ],
)
def test_unpublishable_characters_are_refused_with_their_position(text, position):
    with pytest.raises(InvalidInput) as refused:
        check_draft_text(text)
    assert refused.value.key == "text.bad_character"
    assert refused.value.params["position"] == position


@pytest.mark.parametrize("text", ["سطر\nسطر", "tab\there", "crlf\r\n", "emoji 😀", "زوج\u200dمن"])
def test_ordinary_characters_pass(text):
    check_characters(text)
    assert check_draft_text(text) == text


def test_refusals_speak_both_languages():
    with pytest.raises(InvalidInput) as refused:
        check_publishable("ب" * 300, 280)
    assert "300" in refused.value.message("en") and "280" in refused.value.message("en")
    arabic = refused.value.message("ar")
    assert "300" in arabic and "حرف" in arabic
    assert refused.value.exit_code == 4


@pytest.mark.parametrize("value, expected", [(None, None), ("", None), ("1234567890", "1234567890"), (" 42 ", "42")])
def test_reply_target_accepts_a_post_number(value, expected):
    assert check_reply_target(value) == expected


@pytest.mark.parametrize("value", ["abc", "12a", "١٢٣", "1" * 26, "-5"])
def test_reply_target_refuses_anything_else(value):
    with pytest.raises(InvalidInput) as refused:
        check_reply_target(value)
    assert refused.value.key == "text.reply_target"


@pytest.mark.parametrize(
    "text, start",
    [
        ("ب" * 280, None),  # exactly the limit: nothing over it
        ("ب" * 281, 280),
        ("ب" * 270 + " https://example.org/a " + "ج" * 5, 271),  # the link crosses the limit: over it whole
        ("ب" * 250 + " https://example.org/a " + "ج" * 10, 257 + len("https://example.org/a")),  # 250+1+23+1+5 fit
        ("漢" * 141, 140),  # CJK weighs 2
        ("x" * 279 + "😀" + "y", 279),  # an emoji of 2 at 279 ends at 281
        ("a" * 278 + "👩\u200d👩\u200d👧" + "b", 283),  # one emoji of five code points weighs 2
        ("\u0627\u0654" * 281, 560),  # alef + hamza above counts as one letter (NFC), both stay under
        ("ب" * 279 + "\n\n" + "ج", 280),
        ("a\r\n" * 150, 420),  # a line end of two characters counts as one, as X counts it
    ],
)
def test_overflow_starts_at_the_first_character_past_the_limit(text, start):
    assert overflow_start(text) == start
    if start is not None:
        assert weighted_length(text[:start]) <= DEFAULT_LIMIT < weighted_length(text)


def test_overflow_follows_the_limit_setting():
    assert overflow_start("ك" * 1000, 25_000) is None
    assert overflow_start("ك" * 1000, 500) == 500
    assert overflow_start("") is None


def test_arabic_messages_give_seconds_and_minutes_their_number_forms():
    from desk.core.messages import arabic_count, render

    assert [arabic_count(n, "minutes") for n in (1, 2, 3, 11, 100, 103)] == [
        "دقيقة واحدة", "دقيقتين", "3 دقائق", "11 دقيقة", "100 دقيقة", "103 دقائق"]
    assert "انتظرنا 5 ثوانٍ." in render("store.locked", "ar", {"seconds": 5})
    assert "خلال ثانيتين." in render("x.timeout", "ar", {"seconds": "2"})
    assert "خلال 0.5 ثانية." in render("x.timeout", "ar", {"seconds": "0.5"})
    assert "15 minutes" in render("signin.refused", "en", {"minutes": 15})
