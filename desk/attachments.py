"""A file attached to a post: told apart by its first bytes (never by its name), checked,
then kept in the data folder under its content hash.

An image or a GIF is read whole (at most 15 MB) and decoded; a video is copied in
pieces into the media folder and checked and hashed on that copy, so the bytes kept are
the bytes hashed; a caption file is SubRip text with its language ("ar" or "en").
"""

from __future__ import annotations

from pathlib import Path

from desk.core.content import MediaItem
from desk.core.errors import InvalidInput
from desk.core.media import check_alt, check_image, check_set
from desk.core.video import LANGUAGES, MAX_CAPTION, check_caption, check_video, is_mp4_head, looks_like_caption

HEAD = 64


def _named(source) -> tuple[str, Path | None, bytes | None]:
    if isinstance(source, tuple):
        name, data = source
        return name, None, data
    path = Path(source)
    return path.name, path, None


def _head(path: Path | None, data: bytes | None, name: str) -> bytes:
    if data is not None:
        return data[:HEAD]
    try:
        with open(path, "rb") as source:
            return source.read(HEAD)
    except OSError:
        raise InvalidInput("media.missing", name=name) from None


def kind_of(source) -> str:
    """"mp4", "srt", "gif" or "image" (for an item the post holds: its extension)."""
    if isinstance(source, MediaItem):
        return source.ext
    name, path, data = _named(source)
    head = _head(path, data, name)
    if is_mp4_head(head):
        return "mp4"
    if head.startswith(b"GIF8"):
        return "gif"
    if looks_like_caption(head):
        return "srt"
    return "image"


def guess_language(data: bytes) -> str:
    """Arabic when the captions hold Arabic letters, else English: the person may change it."""
    text = data.decode("utf-8", "replace")
    return "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"


def _read_small(path: Path | None, data: bytes | None, name: str, limit: int) -> bytes:
    if data is not None:
        return data
    try:
        with open(path, "rb") as source:
            return source.read(limit + 1)  # one byte past the limit is enough to refuse
    except OSError:
        raise InvalidInput("media.missing", name=name) from None


def check_attachment(source, alt: str = ""):
    """Check a new file as the desk will when the draft is saved; nothing is kept."""
    name, path, data = _named(source)
    kind = kind_of(source)
    if kind == "mp4":
        if path is None:
            raise InvalidInput("media.video_kind", name=name)
        return check_video(path, name, alt)
    if kind == "srt":
        data = _read_small(path, data, name, MAX_CAPTION)
        return check_caption(data, name, alt if alt in LANGUAGES else guess_language(data))
    if data is None:
        try:
            data = path.read_bytes()
        except OSError:
            raise InvalidInput("media.missing", name=name) from None
    return _as_media(lambda: check_image(data, name, alt), name)


def _as_media(check, name: str):
    """A file that is no image is not called "not an image": it may have been meant as any kind."""
    try:
        return check()
    except InvalidInput as error:
        if error.key == "media.not_image":
            raise InvalidInput("media.not_media", name=name) from None
        raise


def check_kinds(sources) -> list[str]:
    """The post's set of files (X: 4 images, or 1 GIF, or 1 video and its caption), and each
    one's description or caption language, before any file is read whole or kept."""
    exts = []
    for source, alt in sources:
        kind = kind_of(source)
        if kind == "srt":
            _language(alt, source.sha256[:12] if isinstance(source, MediaItem) else _named(source)[0])
        else:
            check_alt(alt)
        exts.append({"image": "png"}.get(kind, kind))
    check_set(exts)
    return exts


def accept_all(store, sources) -> list[MediaItem]:
    """Every file checked before any is kept; the video, checked on its own copy, is kept
    first, then the small files: a refused file leaves nothing behind."""
    exts = check_kinds(sources)
    small = {i: _check_small(*sources[i]) for i in range(len(sources)) if exts[i] != "mp4"}
    items = {i: _keep_video(store, *sources[i]) for i in range(len(sources)) if exts[i] == "mp4"}
    for i, checked in small.items():
        if isinstance(checked, MediaItem):
            items[i] = checked
        else:
            store.media.save(checked)
            items[i] = MediaItem(checked.sha256, checked.ext, checked.alt, len(checked.data))
    return [items[i] for i in range(len(sources))]


def accept(store, source, alt: str) -> MediaItem:
    """One file for a draft: checked, kept, and described as the post will hold it."""
    return accept_all(store, [(source, alt)])[0]


def _check_small(source, alt: str):
    """An image, a GIF or a caption, checked and read (nothing kept yet); a file the post
    already holds: the item with its alt text (or language) checked."""
    if isinstance(source, MediaItem):
        if source.ext == "srt":
            return MediaItem(source.sha256, source.ext, _language(alt, source.sha256[:12]), source.size)
        return MediaItem(source.sha256, source.ext, check_alt(alt), source.size)
    name, path, data = _named(source)
    if kind_of(source) == "srt":
        return check_caption(_read_small(path, data, name, MAX_CAPTION), name, alt)
    from desk.service import read_image

    return _as_media(lambda: read_image(source, alt), name)


def _keep_video(store, source, alt: str) -> MediaItem:
    if isinstance(source, MediaItem):
        return MediaItem(source.sha256, source.ext, check_alt(alt), source.size)
    name, path, _data = _named(source)
    if path is None:
        raise InvalidInput("media.video_kind", name=name)
    checked = store.media.save_video(path, lambda copy: check_video(copy, name, alt))
    return MediaItem(checked.sha256, checked.ext, checked.alt, checked.size)


def _language(alt: str, name: str) -> str:
    language = (alt or "").strip().lower()
    if language not in LANGUAGES:
        raise InvalidInput("media.caption_language", name=name)
    return language
