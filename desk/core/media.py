"""Image checks before an image is accepted: kind, size, decodable, alt text; and what
one post may carry together (X: up to 4 images, or 1 animated GIF, or 1 video)."""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from desk.core.errors import InvalidInput

MAX_IMAGES = 4
MAX_ALT = 1000
MB = 1024 * 1024
# Pillow's format name -> (file extension, largest size X takes)
KINDS = {
    "PNG": ("png", 5 * MB),
    "JPEG": ("jpg", 5 * MB),
    "WEBP": ("webp", 5 * MB),
    "GIF": ("gif", 15 * MB),
}
# X's upload pages give bytes only (above); no post needs a side past 8192 pixels, and
# a picture that large in memory is already 256 MB as RGBA.
MAX_SIDE = 8192
MAX_PIXELS = MAX_SIDE * MAX_SIDE
MIME = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp", "gif": "image/gif", "mp4": "video/mp4",
        "srt": "text/srt"}
STILL = frozenset({"png", "jpg", "webp"})


@dataclass(frozen=True)
class CheckedImage:
    data: bytes
    sha256: str
    ext: str
    alt: str
    width: int
    height: int


def check_alt(alt: str | None) -> str:
    alt = (alt or "").strip()
    if len(alt) > MAX_ALT:
        raise InvalidInput("media.alt_too_long", length=len(alt), limit=MAX_ALT)
    if alt:
        from desk.core.text import check_characters

        check_characters(alt)
    return alt


def check_image(data: bytes, name: str, alt: str | None = "") -> CheckedImage:
    """Read the header, refuse what X would refuse, and only then decode the whole image."""
    from PIL import Image, UnidentifiedImageError  # on use: Pillow costs start-up time

    # Pillow raises DecompressionBombError past twice this, before reading the size out to
    # us; set above our own limit so the person is told the picture's size, and still a guard.
    Image.MAX_IMAGE_PIXELS = 4 * MAX_PIXELS
    alt = check_alt(alt)
    try:
        with warnings.catch_warnings():  # past MAX_IMAGE_PIXELS Pillow only warns; we refuse below
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:  # lazy: reads the header only
                kind = probe.format
                width, height = probe.size
        if kind not in KINDS:
            raise InvalidInput("media.kind", name=name, kind=kind or "?")
        if len(data) > KINDS[kind][1]:
            raise InvalidInput("media.too_large", name=name, kind=kind, size_mb=f"{len(data) / MB:.1f}",
                               limit_mb=KINDS[kind][1] // MB)
        if width > MAX_SIDE or height > MAX_SIDE:
            raise InvalidInput("media.too_many_pixels", name=name, width=width, height=height, max_side=MAX_SIDE)
        with Image.open(io.BytesIO(data)) as image:
            image.load()  # a truncated file fails here, not at X
    except InvalidInput:
        raise
    except Image.DecompressionBombError:
        raise InvalidInput("media.bomb", name=name, max_side=MAX_SIDE) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise InvalidInput("media.not_image", name=name) from None
    ext, limit = KINDS[kind]
    if len(data) > limit:
        raise InvalidInput(
            "media.too_large", name=name, kind=kind, size_mb=f"{len(data) / MB:.1f}", limit_mb=limit // MB
        )
    return CheckedImage(data, hashlib.sha256(data).hexdigest(), ext, alt, width, height)


def check_count(count: int) -> None:
    if count > MAX_IMAGES:
        raise InvalidInput("media.too_many", limit=MAX_IMAGES)


def check_set(exts: list[str]) -> None:
    """What X takes in one post: up to 4 images, or 1 GIF, or 1 video with at most one caption
    file (upload best practices). Every GIF goes as an animated GIF, so it stands alone."""
    moving = [e for e in exts if e in ("gif", "mp4")]
    captions = exts.count("srt")
    if moving and len(exts) - captions > 1:
        raise InvalidInput("media.alone", kind="GIF" if moving[0] == "gif" else ("video", "فيديو"))
    if captions and moving != ["mp4"]:
        raise InvalidInput("media.caption_without_video")
    if captions > 1:
        raise InvalidInput("media.one_caption")
    check_count(len(exts) - captions)


def attached(media) -> list:
    """The files a post carries on X: a caption goes with its video, not as media of its own."""
    return [item for item in media if item.ext != "srt"]


def file_sha256(path) -> str:
    """A file's sha256 read in pieces: a 512 MB video is never in memory whole."""
    sha = hashlib.sha256()
    with open(path, "rb") as source:
        while piece := source.read(1024 * 1024):
            sha.update(piece)
    return sha.hexdigest()
