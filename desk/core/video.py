"""Checks for a video (MP4) and its caption file (SubRip) before either is accepted.

A video is read once, in pieces: its boxes are walked (a truncated or padded file does not
add up) and its bytes hashed on the way, so a 512 MB file never sits in memory.
"""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from desk.core.errors import InvalidInput

MB = 1024 * 1024
MAX_VIDEO = 512 * MB  # X's upload pages: a video of at most 512 MB
MAX_CAPTION = 1 * MB  # X gives none; a SubRip file of a 140-second video is a few KB
PIECE = 1024 * 1024
# ftyp brands of MP4 files (ISO base media, MPEG-4, AVC); "qt  " is QuickTime, heic/avif are images
MP4_BRANDS = {b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"dash"}
LANGUAGES = ("ar", "en")
SRT_TIME = re.compile(r"^(\d{2}):([0-5]\d):([0-5]\d)[,.](\d{3}) --> (\d{2}):([0-5]\d):([0-5]\d)[,.](\d{3})(?: .*)?$")


@dataclass(frozen=True)
class CheckedVideo:
    path: Path  # the file that was checked and hashed
    sha256: str
    ext: str
    alt: str
    size: int


@dataclass(frozen=True)
class CheckedCaption:
    data: bytes
    sha256: str
    ext: str
    alt: str  # the caption's language: "ar" or "en"


def is_mp4_head(head: bytes) -> bool:
    return head[4:8] == b"ftyp"


def check_video(path: Path, name: str, alt: str = "") -> CheckedVideo:
    """An MP4 of at most 512 MB whose top-level boxes cover the file exactly, with moov and mdat."""
    from desk.core.media import check_alt

    alt = check_alt(alt)
    try:
        size = path.stat().st_size
        if size > MAX_VIDEO:
            raise InvalidInput("media.video_too_large", name=name, size_mb=f"{size / MB:.1f}", limit_mb=MAX_VIDEO // MB)
        sha, seen = hashlib.sha256(), set()
        with open(path, "rb") as source:
            offset = 0
            while offset < size:
                head = source.read(8)
                sha.update(head)
                if len(head) < 8:
                    raise InvalidInput("media.video_broken", name=name)
                length, kind = struct.unpack(">I4s", head)
                header = 8
                if length == 1:
                    large = source.read(8)
                    sha.update(large)
                    if len(large) < 8:
                        raise InvalidInput("media.video_broken", name=name)
                    length, header = struct.unpack(">Q", large)[0], 16
                elif length == 0:
                    length = size - offset  # the last box runs to the end
                if length < header or offset + length > size:
                    raise InvalidInput("media.video_broken", name=name)
                body = length - header
                if offset == 0:
                    if kind != b"ftyp" or body < 8:
                        raise InvalidInput("media.video_kind", name=name)
                    brands = source.read(body)
                    sha.update(brands)
                    if not ({brands[:4]} | {brands[i:i + 4] for i in range(8, len(brands) - 3, 4)}) & MP4_BRANDS:
                        raise InvalidInput("media.video_kind", name=name)
                else:
                    _hash_through(source, body, sha, name)
                seen.add(kind)
                offset += length
            if source.read(1):
                raise InvalidInput("media.video_broken", name=name)  # grew while being read
        if not {b"moov", b"mdat"} <= seen:
            raise InvalidInput("media.video_broken", name=name)
    except OSError:
        raise InvalidInput("media.missing", name=name) from None
    return CheckedVideo(path, sha.hexdigest(), "mp4", alt, size)


def _hash_through(source, count: int, sha, name: str) -> None:
    while count > 0:
        piece = source.read(min(PIECE, count))
        if not piece:
            raise InvalidInput("media.video_broken", name=name)
        sha.update(piece)
        count -= len(piece)


def looks_like_caption(head: bytes) -> bool:
    """A SubRip file starts with its first cue's number (after a BOM or blank lines)."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(b"\r\n\t ")
    return text[:1].isdigit()


def check_caption(data: bytes, name: str, language: str) -> CheckedCaption:
    """A SubRip file in UTF-8: numbered cues, each a time range that ends after it starts, then text."""
    language = (language or "").strip().lower()
    if language not in LANGUAGES:
        raise InvalidInput("media.caption_language", name=name)
    if len(data) > MAX_CAPTION:
        raise InvalidInput("media.caption_too_large", name=name, limit_kb=MAX_CAPTION // 1024)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise InvalidInput("media.caption_encoding", name=name) from None
    from desk.core.text import check_characters

    blocks = [b for b in re.split(r"\r?\n(?:[ \t]*\r?\n)+", text.strip()) if b.strip()]
    if not blocks:
        raise InvalidInput("media.caption_broken", name=name, cue=1)
    for number, block in enumerate(blocks, 1):
        lines = block.splitlines()
        times = SRT_TIME.match(lines[1].strip()) if len(lines) >= 3 else None
        if not lines[0].strip().isdigit() or times is None:
            raise InvalidInput("media.caption_broken", name=name, cue=number)
        t = [int(v) for v in times.groups()]
        start = ((t[0] * 60 + t[1]) * 60 + t[2]) * 1000 + t[3]
        end = ((t[4] * 60 + t[5]) * 60 + t[6]) * 1000 + t[7]
        if end <= start:
            raise InvalidInput("media.caption_broken", name=name, cue=number)
    try:
        check_characters(text)
    except InvalidInput:
        raise InvalidInput("media.caption_encoding", name=name) from None
    return CheckedCaption(data, hashlib.sha256(data).hexdigest(), "srt", language)
