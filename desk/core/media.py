"""Image checks before an image is accepted: kind, size, decodable, alt text."""

from __future__ import annotations

import hashlib
import io
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
MIME = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp", "gif": "image/gif"}


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
    """Decode the whole image with Pillow; refuse anything X would refuse."""
    from PIL import Image, UnidentifiedImageError  # on use: Pillow costs start-up time

    alt = check_alt(alt)
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            width, height = probe.size
        if kind not in KINDS:
            raise InvalidInput("media.kind", name=name, kind=kind or "?")
        with Image.open(io.BytesIO(data)) as image:
            image.load()  # a truncated file fails here, not at X
    except InvalidInput:
        raise
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
