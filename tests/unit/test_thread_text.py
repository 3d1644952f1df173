"""A long statement as a thread: split within X's limit, joined back, numbered "k/n"."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desk.core.text import weighted_length
from desk.core.thread_text import LRI, PDI, join_parts, number_parts, number_room, split_text, strip_number

# The autouse data-folder fixture is function-scoped; these tests never touch it.
props = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

LINK = "https://www.spa.gov.sa/news/2026/12/" + "statement-" * 15  # 186 characters, weighs 23


def statement(headlines, count, glue=". "):
    return glue.join(headlines[:count]) + "."


# --------------------------------------------------------------------------- splitting
def test_a_text_that_fits_is_one_part(headlines):
    assert split_text(f"\n  {headlines[0]}  \n") == [headlines[0]]


@pytest.mark.parametrize("glue", [". ", "، ", "؟\n", " "])
def test_a_long_arabic_statement_splits_within_the_limit_keeping_its_words(headlines, glue):
    text = statement(headlines, 25, glue)
    for reserve in (0, number_room(25), number_room(25, "arabic")):
        parts = split_text(text, reserve=reserve)
        assert len(parts) > 2
        assert all(0 < weighted_length(part) <= 280 - reserve for part in parts)
        assert " ".join(parts).split() == text.split()


def test_a_question_or_a_clause_ends_the_part_rather_than_mid_sentence():
    question = "هل تصل رسالة الوزارة إلى كل بيت " * 6 + "في المملكة؟"  # weighs about 210
    rest = "وتتابع الجهات المعنية العمل " * 10
    assert split_text(question + " " + rest)[0] == question
    clause = question[:-1] + "،"
    assert split_text(clause + " " + rest)[0] == clause
    semicolon = question[:-1] + "؛"
    assert split_text(semicolon + " " + rest)[0] == semicolon


def test_a_sentence_end_beats_a_later_comma_and_a_paragraph_beats_both(headlines):
    sentence = "انتهت الجلسة الأولى للمؤتمر. " * 6  # ends "." at about 174
    text = sentence + "وبدأت الثانية، " * 5 + "وتستمر الجلسات " * 10
    assert split_text(text)[0] == sentence.strip()
    paragraph = " ".join(headlines[:3])
    text = paragraph + "\n\n" + statement(headlines[3:], 8)
    assert split_text(text)[0] == paragraph


def test_a_line_break_is_a_cut_like_a_sentence_end():
    line = "الخبر الأول في سطر وحده " * 8  # about 190, no full stop
    text = line.strip() + "\n" + "تفاصيل الخبر الثاني " * 10
    assert split_text(text)[0] == line.strip()


def test_links_handles_and_hashtags_are_never_cut(headlines):
    text = " ".join(f"{h} {LINK} @SPAregions #واس_عاجل" for h in headlines[:12])
    parts = split_text(text)
    assert len(parts) > 3
    for part in parts:
        assert weighted_length(part) <= 280
        for word in part.split():
            if word.startswith(("https", "@", "#")):
                assert word in (LINK, "@SPAregions", "#واس_عاجل")


def test_a_word_longer_than_a_part_is_cut_hard_and_nothing_is_lost():
    assert [len(part) for part in split_text("ب" * 700)] == [280, 280, 140]
    # never between a letter and its harakah
    parts = split_text("بَ" * 200)
    assert "".join(parts) == "بَ" * 200 and not any(unicodedata.combining(part[0]) for part in parts)
    # a link inside the over-long word starts the next part whole
    word = "ب" * 260 + "،" + LINK
    assert split_text(word) == ["ب" * 260 + "،", LINK]


def test_no_room_or_unknown_digits_is_refused():
    with pytest.raises(ValueError):
        split_text("نص", limit=10, reserve=9)
    with pytest.raises(ValueError):
        number_parts(["نص"], digits="roman")


# --------------------------------------------------------------------------- numbering
def test_numbering_at_the_end_in_latin_or_arabic_digits_kept_left_to_right(headlines):
    parts = headlines[:3]
    assert number_parts(parts) == [f"{parts[0]} {LRI}1/3{PDI}", f"{parts[1]} {LRI}2/3{PDI}",
                                   f"{parts[2]} {LRI}3/3{PDI}"]
    assert number_parts(parts, "arabic")[1] == f"{parts[1]} {LRI}٢/٣{PDI}"


def test_number_room_is_what_numbering_adds_in_xs_count(headlines):
    assert number_room(9) == number_room(9, "arabic") == 1 + 2 + 3 + 2  # space, isolates weigh 2, "9/9"
    assert number_room(25) == 10
    parts = number_parts(headlines[:12], "arabic")
    assert all(weighted_length(p) - weighted_length(h) <= number_room(12) for p, h in zip(parts, headlines))


def test_numbering_again_replaces_the_old_number_in_either_digit_set(headlines):
    once = number_parts(headlines[:4])
    assert number_parts(once) == once
    arabic = number_parts(once, "arabic")
    assert arabic[3] == f"{headlines[3]} {LRI}٤/٤{PDI}" and "4/4" not in arabic[3]
    assert number_parts(arabic) == once
    plain = [f"{h} {k}/4" for k, h in enumerate(headlines[:4], 1)]  # typed by hand
    assert number_parts(plain) == once


def test_parts_renumbered_after_a_reorder_get_their_new_number(headlines):
    numbered = number_parts(headlines[:3], "arabic")
    again = number_parts([numbered[2], numbered[0], numbered[1]], "arabic")
    assert again == [f"{headlines[2]} {LRI}١/٣{PDI}", f"{headlines[0]} {LRI}٢/٣{PDI}",
                     f"{headlines[1]} {LRI}٣/٣{PDI}"]
    assert [strip_number(p) for p in again] == [headlines[2], headlines[0], headlines[1]]


@pytest.mark.parametrize("text, kept", [
    (f"نص {LRI}2/5{PDI}", "نص"),
    (f"نص {LRI}١٢/٢٥{PDI}", "نص"),
    ("نص 2/5", "نص"),
    ("نص ٢/٥ ", "نص"),
    (f"{LRI}1/2{PDI}", ""),
    ("انطلاق موسم 2025/2026", None),  # a season, not a number
    ("النتيجة 3/2", None),  # 3 of 2 is no numbering
    ("الهدف1/2", None),  # no space before it
    ("نص 1/٥", None),  # two digit sets
    (f"نص {LRI}1/5", None),  # an isolate opened and never closed
    ("نص بلا رقم", None),
])
def test_strip_number(text, kept):
    assert strip_number(text) == (text if kept is None else kept)


# --------------------------------------------------------------------------- joining
def test_join_drops_the_numbers_and_keeps_a_line_break(headlines):
    one, two = number_parts(headlines[:2], "arabic")
    assert join_parts(one, two) == f"{headlines[0]} {headlines[1]}"
    assert join_parts(headlines[0] + "\n", headlines[1]) == f"{headlines[0]}\n{headlines[1]}"
    assert join_parts(headlines[0] + "\n\n", "\n" + headlines[1]) == f"{headlines[0]}\n\n{headlines[1]}"
    assert join_parts(f"{LRI}1/2{PDI}", two) == headlines[1]


def test_split_then_join_gives_the_statement_back(headlines):
    text = statement(headlines, 20)
    parts = number_parts(split_text(text, reserve=number_room(25)))
    joined = parts[0]
    for part in parts[1:]:
        joined = join_parts(joined, part)
    assert joined == text


# --------------------------------------------------------------------------- properties
ARABIC = st.characters(min_codepoint=0x0621, max_codepoint=0x064A)
LATIN = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789٣٧")
WORD = st.tuples(st.text(st.one_of(ARABIC, LATIN), min_size=1, max_size=12),
                 st.sampled_from(["", "", "", ".", "!", "?", "؟", "؛", "،", ",", "»", ".»"])).map("".join)
URL = st.one_of(st.sampled_from(["https://t.co/abc", "spa.gov.sa/w123", LINK]),
                st.text(st.sampled_from("abcxyz0189-_"), max_size=60).map("https://example.org/".__add__))
TOKEN = st.one_of(WORD, WORD, WORD, WORD, URL, WORD.map("@".__add__), WORD.map("#".__add__), st.just("😀"))
SPACE = st.sampled_from([" ", " ", " ", " ", "  ", "\n", "\n\n", " \n "])
TEXT = st.lists(st.tuples(TOKEN, SPACE).map("".join), min_size=10, max_size=150).map("".join)
LIMIT = st.one_of(st.integers(min_value=40, max_value=120), st.integers(min_value=40, max_value=280))


@props
@given(TEXT, LIMIT, st.integers(min_value=0, max_value=10))
def test_any_text_splits_into_parts_within_the_limit_with_its_words_in_order(text, limit, reserve):
    parts = split_text(text, limit, reserve)
    assert all(part and part == part.strip() for part in parts)
    assert all(weighted_length(part) <= limit - reserve for part in parts)
    assert " ".join(parts).split() == text.split()


@props
@given(st.lists(st.one_of(TOKEN, st.text(ARABIC, min_size=50, max_size=400)), min_size=1, max_size=20)
       .map(" ".join), LIMIT)
def test_words_too_long_for_a_part_are_cut_but_nothing_is_lost(text, limit):
    parts = split_text(text, limit)
    assert all(part and part == part.strip() and weighted_length(part) <= limit for part in parts)
    assert "".join("".join(parts).split()) == "".join(text.split())


@props
@given(TEXT, LIMIT, st.sampled_from(["latin", "arabic"]), st.randoms())
def test_numbered_parts_fit_and_strip_back_even_after_a_reorder(text, limit, digits, random):
    parts = split_text(text, limit, reserve=number_room(99, digits))
    assume(all(strip_number(part) == part for part in parts))  # none ends in its own "k/n"
    numbered = number_parts(parts, digits)
    assert all(weighted_length(part) <= limit for part in numbered)
    assert [strip_number(part) for part in numbered] == parts
    order = list(range(len(parts)))
    random.shuffle(order)
    again = number_parts([numbered[i] for i in order], digits)
    assert again == number_parts([parts[i] for i in order], digits)
