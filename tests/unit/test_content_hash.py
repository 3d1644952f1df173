"""The content hash an approval is bound to: text, media bytes, alt texts, reply target."""

from __future__ import annotations

import hashlib

from desk.core.content import MediaItem, content_hash


def item(data: bytes, alt: str = "", ext: str = "png") -> MediaItem:
    return MediaItem(hashlib.sha256(data).hexdigest(), ext, alt, len(data))


A, B = item(b"image-a", "شعار الوزارة"), item(b"image-b", "صورة الاجتماع")
TEXT = "الوزارة تطلق برنامجًا جديدًا"


def test_same_content_same_hash():
    first = content_hash(TEXT, [A, B], "12345")
    assert first == content_hash(TEXT, (A, B), "12345")
    assert len(first) == 64 and int(first, 16) >= 0


def test_text_changes_the_hash():
    assert content_hash(TEXT) != content_hash(TEXT + ".")
    assert content_hash(TEXT) != content_hash(TEXT + " ")  # even a trailing space


def test_media_bytes_change_the_hash():
    assert content_hash(TEXT, [A]) != content_hash(TEXT, [item(b"image-a!", A.alt)])


def test_alt_text_changes_the_hash():
    assert content_hash(TEXT, [A]) != content_hash(TEXT, [item(b"image-a", "وصف آخر")])


def test_adding_or_removing_an_image_changes_the_hash():
    assert content_hash(TEXT) != content_hash(TEXT, [A])
    assert content_hash(TEXT, [A]) != content_hash(TEXT, [A, B])


def test_image_order_changes_the_hash():
    assert content_hash(TEXT, [A, B]) != content_hash(TEXT, [B, A])


def test_reply_target_changes_the_hash():
    assert content_hash(TEXT) != content_hash(TEXT, reply_to="1")
    assert content_hash(TEXT, reply_to="1") != content_hash(TEXT, reply_to="2")


def test_no_reply_target_is_one_thing():
    assert content_hash(TEXT, reply_to=None) == content_hash(TEXT, reply_to="")


def test_text_and_alt_cannot_be_traded():
    # Moving words between the text and an alt text is a different post.
    assert content_hash("ab", [item(b"x", "c")]) != content_hash("a", [item(b"x", "bc")])


# --- the stored form verify hashes: the same bytes as content_hash ------------------
import json as _json

from hypothesis import given, strategies as _st

from desk.core.content import MediaItem as _Item, content_hash as _content_hash
from desk.store.rows_check import stored_content_hash

_texts = _st.text(alphabet=_st.characters(blacklist_categories=("Cs",)), max_size=60)


@given(text=_texts, alts=_st.lists(_texts, max_size=4), reply_to=_st.one_of(_st.none(), _st.just(""), _texts))
def test_the_stored_form_hashes_as_content_hash(text, alts, reply_to):
    media = [_Item(f"{n:064x}", "png", alt) for n, alt in enumerate(alts)]
    stored = _json.dumps([{"sha256": m.sha256, "ext": m.ext, "alt": m.alt} for m in media], ensure_ascii=False)
    assert stored_content_hash(text, stored, reply_to) == _content_hash(text, media, reply_to)


# --- threads: the hash covers every part, in order --------------------------------
from desk.core.content import Part as _Part, parts_from_json, parts_json

_parts = _st.lists(_st.tuples(_texts, _st.lists(_texts, max_size=2)), min_size=1, max_size=5).map(
    lambda found: tuple(_Part(t, tuple(_Item(f"{n:064x}", "png", a) for n, a in enumerate(alts)))
                        for t, alts in found))


@given(text=_texts, more=_parts)
def test_the_stored_form_of_a_thread_hashes_as_content_hash(text, more):
    assert parts_from_json(parts_json(more)) == more
    assert stored_content_hash(text, "[]", None, parts_json(more)) == _content_hash(text, (), None, more)


@given(text=_texts, more=_parts, data=_st.data())
def test_reordering_or_changing_any_part_changes_the_thread_hash(text, more, data):
    digest = _content_hash(text, (), None, more)
    assert digest != _content_hash(text, (), None, ())  # the parts count
    i = data.draw(_st.integers(min_value=0, max_value=len(more) - 1))
    changed = more[:i] + (_Part(more[i].text + "،", more[i].media),) + more[i + 1:]
    assert _content_hash(text, (), None, changed) != digest
    if len(more) > 1 and more[0] != more[-1]:
        assert _content_hash(text, (), None, more[::-1]) != digest
    if more[0].text:  # a word moved from a part to the first part is another thread
        moved = (_Part("", more[0].media),) + more[1:]
        assert _content_hash(text + more[0].text, (), None, moved) != digest
