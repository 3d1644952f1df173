"""No accepted input leaves the desk unable to export or verify; a refused one changes nothing.

Hypothesis writes texts (the seed headlines mixed with random Unicode, direction marks,
emoji, combining marks, invisible characters, control characters, now and then a huge
one), staff names, reasons and images, and hands them to the desk as the window would.
"""

from __future__ import annotations

import io
import itertools
import json
import struct
import time
import unicodedata
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.core.errors import DeskError

pytestmark = [pytest.mark.usefixtures("no_keyring", "qapp"), pytest.mark.slow, pytest.mark.both_stores]

MARKS = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u202b", "\u202c", "\u2067", "\u2069",
         "\ufeff", "\u2060", "\u064b", "\u0651", "\u0301", "\ufe0f", "\x00", "\x1b", "\x07", "\n", "\t", " "]
EMOJI = ["😀", "👩🏽‍💻", "🇸🇦", "❤️", "🏳️‍🌈"]
UNICODE = st.characters(blacklist_categories=("Cs",))  # lone surrogates never reach the desk from Qt or argv
FORMATS = ("pdf", "xlsx", "csv", "json")
_serial = itertools.count(1)


@st.composite
def texts(draw, headlines):
    pieces = draw(st.lists(st.one_of(
        st.sampled_from(headlines),
        st.text(UNICODE, max_size=30),
        st.sampled_from(MARKS),
        st.sampled_from(EMOJI),
    ), max_size=6))
    text = "".join(pieces)
    if draw(st.integers(0, 9)) == 0:  # now and then far past or just under X's longest post
        text = (text or "خبر ") * draw(st.sampled_from([300, 2_000, 40_000]))
    return text


def big_png_header(side=12_000) -> bytes:
    """A PNG that says it is side × side pixels; the desk must refuse it from the header."""
    body = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    ihdr = struct.pack(">I", len(body)) + b"IHDR" + body + struct.pack(">I", zlib.crc32(b"IHDR" + body))
    return b"\x89PNG\r\n\x1a\n" + ihdr


def small_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (32, 20), (10, 120, 60)).save(out, "PNG")
    return out.getvalue()


IMAGES = st.sampled_from([None, "small", "big", "garbage"])


def image_of(kind):
    if kind is None:
        return []
    data = {"small": small_png, "big": big_png_header, "garbage": lambda: b"not a picture"}[kind]()
    return [((f"{kind}.png", data), "وصف الصورة")]


def attempt(office, act) -> bool:
    """Run one act; True when accepted. A refusal must leave every table as it was."""
    before = office.snapshot()
    try:
        act()
    except DeskError as error:
        assert error.message("ar") and error.message("en")
        assert office.snapshot() == before, f"refused ({error.key}) yet the database changed"
        return False
    return True


VISIBLE_FORMAT = set("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u08e2\U000110bd\U000110cd")


def shows_something(text: str) -> bool:
    """Told apart from the desk's own rule: format characters show nothing, except the
    Arabic number signs and the end-of-ayah mark, which are drawn."""
    return any(not c.isspace() and unicodedata.category(c) not in ("Cc", "Zs")
               and (unicodedata.category(c) != "Cf" or c in VISIBLE_FORMAT) for c in text)


def exports_and_verifies(office, folder):
    for fmt in FORMATS:
        out = folder / f"log-{next(_serial)}.{fmt}"
        started = time.perf_counter()
        count = office.sara.export(out, fmt, lang="ar" if fmt == "pdf" else "en")
        assert time.perf_counter() - started < 15, f"{fmt} export took too long"
        assert out.stat().st_size > 0 and count >= 0
        if fmt == "json":
            json.loads(out.read_text(encoding="utf-8"))
        out.unlink()
    report = office.desk.verify()
    assert report.ok, report


def test_no_accepted_input_leaves_the_desk_unable_to_export_or_verify(office, headlines, tmp_path):
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(text=texts(headlines), image=IMAGES, reason=st.one_of(texts(headlines), st.sampled_from(MARKS)),
           name=st.one_of(texts(headlines), st.text(UNICODE, max_size=120)), edit=texts(headlines))
    def run(text, image, reason, name, edit):
        post = {}

        def draft():
            post["id"] = office.omar.draft(text, image_of(image))

        # what is accepted keeps the rules: a text that shows something and that X could take
        if attempt(office, draft):
            assert shows_something(text) and len(text) <= 32_767
            if image == "big":
                pytest.fail("a 12000 × 12000 image was accepted")
            if attempt(office, lambda: office.omar.edit(post["id"], edit, None)):
                assert shows_something(edit) and len(edit) <= 32_767
            if attempt(office, lambda: office.omar.submit(post["id"])):
                if attempt(office, lambda: office.sara.reject(post["id"], reason)):
                    kept = reason.strip()
                    assert shows_something(kept) and len(kept) <= 2_000
                    assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in kept)
        username = f"user{next(_serial)}"
        if attempt(office, lambda: office.admin.add_staff(username, name, "officer", "longpass12")):
            kept = name.strip()
            assert shows_something(kept) and len(kept) <= 100
            assert not any(unicodedata.category(c) == "Cc" for c in kept)
        exports_and_verifies(office, tmp_path)

    run()
