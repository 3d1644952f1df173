"""What a post may carry beside images: an MP4 video, one SubRip caption, a GIF alone."""

import hashlib
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.fakes.media_samples import SRT_AR, SRT_EN, box, mp4_bytes, write_mp4  # noqa: E402

from desk.attachments import check_attachment, guess_language, kind_of  # noqa: E402
from desk.core import messages  # noqa: E402
from desk.core.errors import InvalidInput  # noqa: E402
from desk.core.media import check_set, file_sha256  # noqa: E402
from desk.core.msg_media import MESSAGES  # noqa: E402
from desk.core.video import MAX_VIDEO, check_caption, check_video  # noqa: E402

GOOD = mp4_bytes(2048)


def refused(key, check, *args):
    with pytest.raises(InvalidInput) as caught:
        check(*args)
    assert caught.value.key == key
    return caught.value


def test_an_mp4_is_hashed_as_read(tmp_path):
    path = write_mp4(tmp_path / "v", 3 * 1024 * 1024 + 17)
    checked = check_video(path, "v", "وصف")
    assert checked.sha256 == hashlib.sha256(path.read_bytes()).hexdigest() == file_sha256(path)
    assert (checked.ext, checked.size, checked.alt) == ("mp4", path.stat().st_size, "وصف")


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=1, max_value=len(GOOD) - 1))
def test_any_cut_short_mp4_is_refused(tmp_path_factory, cut):
    path = tmp_path_factory.mktemp("v") / "v.mp4"
    path.write_bytes(GOOD[:cut])
    with pytest.raises(InvalidInput) as caught:
        check_video(path, "v.mp4")
    assert caught.value.key in ("media.video_broken", "media.video_kind")


@settings(max_examples=30, deadline=None)
@given(extra=st.binary(min_size=1, max_size=64))
def test_bytes_after_the_last_box_are_refused(tmp_path_factory, extra):
    path = tmp_path_factory.mktemp("v") / "v.mp4"
    path.write_bytes(GOOD + extra)
    with pytest.raises(InvalidInput):
        check_video(path, "v.mp4")


def test_unfit_videos(tmp_path):
    cases = {
        "media.video_kind": box(b"ftyp", b"qt  \0\0\2\0qt  ") + box(b"moov", b"") + box(b"mdat", b"x"),
        "media.video_broken": box(b"ftyp", b"isom\0\0\0\0isom") + box(b"mdat", b"x" * 100),  # no moov
    }
    for key, data in cases.items():
        (tmp_path / "v").write_bytes(data)
        refused(key, check_video, tmp_path / "v", "v")
    big = tmp_path / "big.mp4"
    with open(big, "wb") as out:  # sparse: the size is refused before anything is read
        out.write(GOOD[:64])
        out.truncate(MAX_VIDEO + 1)
    error = refused("media.video_too_large", check_video, big, "big.mp4")
    assert "512" in error.message("ar") and "512" in error.message("en")


def test_the_kind_is_read_from_the_bytes_not_the_name(tmp_path):
    (tmp_path / "clip.png").write_bytes(GOOD)
    (tmp_path / "notes.mp4").write_bytes(SRT_EN)
    assert kind_of(str(tmp_path / "clip.png")) == "mp4" and kind_of(str(tmp_path / "notes.mp4")) == "srt"
    (tmp_path / "x.srt").write_bytes(b"\x00\x01 no kind at all")
    refused("media.not_media", check_attachment, str(tmp_path / "x.srt"))


def test_captions():
    assert check_caption(SRT_AR, "a.srt", "ar").alt == "ar"
    assert check_caption(b"\xef\xbb\xbf" + SRT_EN, "e.srt", "EN").alt == "en"
    assert guess_language(SRT_AR) == "ar" and guess_language(SRT_EN) == "en"
    refused("media.caption_language", check_caption, SRT_AR, "a.srt", "fr")
    refused("media.caption_language", check_caption, SRT_AR, "a.srt", "")
    refused("media.caption_encoding", check_caption, SRT_AR.decode().encode("cp1256"), "a.srt", "ar")
    refused("media.caption_broken", check_caption, b"1\n00:00:02,000 --> 00:00:01,000\nback\n", "a.srt", "en")
    refused("media.caption_broken", check_caption, b"1\nno time\ntext\n", "a.srt", "en")
    error = refused("media.caption_broken", check_caption, SRT_EN + b"\r\n2\r\n00:00:03,000\r\nx\r\n", "a.srt", "en")
    assert error.params["cue"] == 2
    refused("media.caption_too_large", check_caption, SRT_EN * 40000, "a.srt", "en")


@pytest.mark.parametrize("exts, key", [
    (["png"] * 4, None), (["png"] * 5, "media.too_many"), (["gif"], None), (["gif", "png"], "media.alone"),
    (["mp4"], None), (["mp4", "srt"], None), (["srt", "mp4"], None), (["mp4", "png"], "media.alone"),
    (["mp4", "mp4"], "media.alone"), (["gif", "srt"], "media.caption_without_video"),
    (["srt"], "media.caption_without_video"), (["mp4", "srt", "srt"], "media.one_caption"),
])
def test_what_one_post_carries(exts, key):
    if key is None:
        check_set(exts)
    else:
        refused(key, check_set, exts)


def test_every_new_message_in_both_languages():
    for key, (english, arabic) in MESSAGES.items():
        assert messages.CATALOG[key] == (english, arabic)
        assert english != arabic and any("\u0600" <= c <= "\u06ff" for c in arabic), key
