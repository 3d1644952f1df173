"""Splitting a long statement into a thread, joining parts, numbering them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desk.core.text import weighted_length
from desk.core.thread_text import join_parts, number_parts, number_room, split_text, strip_number

URL = "https://www.example.gov.sa/news/2026/12/statement?lang=ar"


def words(text: str) -> list[str]:
    return text.split()


def statement(headlines, count=20, glue="، "):
    return glue.join(headlines[:count])


def test_a_text_that_fits_is_one_part(headlines):
    assert split_text(f"  {headlines[0]}  ") == [headlines[0]]


def test_a_long_arabic_statement_splits_within_the_limit_keeping_every_word(headlines):
    text = statement(headlines, 30)
    parts = split_text(text, reserve=number_room(25))
    assert len(parts) > 1
    assert all(weighted_length(p) <= 280 - number_room(25) for p in parts)
    assert words(" ".join(parts)) == words(text)


def test_the_cut_falls_at_a_sentence_end_rather_than_mid_sentence():
    first = "هل يصل الخبر " * 12 + "إلى الجميع؟"  # about 170 characters, a question
    text = first + " " + "وتتابع الوزارة العمل " * 10
    assert split_text(text)[0] == first
    pause = "هل يصل الخبر " * 12 + "إلى الجميع،"
    assert split_text(pause + " " + "وتتابع الوزارة العمل " * 10)[0] == pause
    both = "جملة أولى تنتهي هنا. " * 6 + "ثم فاصلة، " + "وكلام يطول " * 20
    assert split_text(both)[0].endswith("هنا.")  # a sentence end before a pause


def test_a_paragraph_break_is_the_best_cut(headlines):
    text = " ".join(headlines[:3]) + ".\n\n" + " ".join(headlines[3:12])
    assert split_text(text)[0] == " ".join(headlines[:3]) + "."


def test_links_handles_and_hashtags_are_never_cut(headlines):
    text = " ".join(f"{h} {URL} @MinistryMedia #وزارة_الإعلام" for h in headlines[:10])
    for part in split_text(text):
        for token in part.split():
            if token.startswith(("https://", "@", "#")):
                assert token in (URL, "@MinistryMedia", "#وزارة_الإعلام")


def test_a_word_longer_than_a_part_is_cut_hard():
    parts = split_text("ب" * 700)
    assert [len(p) for p in parts] == [280, 280, 140]


def test_numbering_in_both_digit_sets_replaced_not_doubled(headlines):
    parts = headlines[:5]
    numbered = number_parts(parts)
    assert numbered[0].endswith(" 1/5") and numbered[4].endswith(" 5/5")
    arabic = number_parts(numbered, "arabic")
    assert arabic[1].endswith(" ٢/٥") and "2/5" not in arabic[1]
    reordered = number_parts([arabic[2], arabic[0], arabic[1]])
    assert [p[-3:] for p in reordered] == ["1/3", "2/3", "3/3"]
    assert [strip_number(p) for p in reordered] == [parts[2], parts[0], parts[1]]


def test_a_season_or_a_date_at_the_end_is_not_taken_for_numbering():
    assert strip_number("انطلاق موسم 2025/2026") == "انطلاق موسم 2025/2026"
    assert strip_number("النتيجة 3/2") == "النتيجة 3/2"  # 3 of 2 is no numbering


def test_join_removes_numbering_and_keeps_a_paragraph_break(headlines):
    one, two = number_parts(headlines[:2])
    assert join_parts(one, two) == f"{headlines[0]} {headlines[1]}"
    assert join_parts(headlines[0] + "\n", headlines[1]) == f"{headlines[0]}\n\n{headlines[1]}"


_alphabet = st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهوي") + list("abcXYZ019٣") +
                            list(".،؛؟!,: ") + ["\n", "\n\n", " https://t.co/abc ", " @Media ", " #وسم "])


@settings(max_examples=60, deadline=None)
@given(text=st.lists(_alphabet, min_size=1, max_size=900).map("".join),
       reserve=st.integers(min_value=0, max_value=8))
def test_any_text_splits_into_parts_within_the_limit_with_its_words_in_order(text, reserve):
    parts = split_text(text, reserve=reserve)
    assert all(p and p == p.strip() for p in parts)
    assert all(weighted_length(p) <= 280 - reserve for p in parts)
    joined = "".join(parts).replace(" ", "").replace("\n", "")
    assert joined == text.replace(" ", "").replace("\n", "").strip()


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(st.lists(_alphabet, min_size=1, max_size=60).map("".join).map(str.strip).filter(bool),
                      min_size=1, max_size=25), digits=st.sampled_from(["latin", "arabic"]))
def test_numbering_then_stripping_gives_each_part_back(parts, digits):
    numbered = number_parts(parts, digits)
    assert [strip_number(p) for p in numbered] == [strip_number(p).rstrip() for p in parts]
    assert all(weighted_length(n) - weighted_length(strip_number(n)) <= number_room(len(parts), digits)
               for n in numbered)
