"""Images: decoded with Pillow before acceptance; kinds, sizes, count and alt text."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from desk.core.errors import InvalidInput
from desk.core.media import MAX_ALT, MB, check_alt, check_count, check_image

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]  # never touch a real keyring

KINDS = [("PNG", "png"), ("JPEG", "jpg"), ("WEBP", "webp"), ("GIF", "gif")]


@pytest.mark.parametrize("kind, ext", KINDS)
def test_each_kind_x_takes_is_accepted(images, kind, ext):
    data = images.make(kind, size=(20, 10))
    checked = check_image(data, f"photo.{ext}", "وصف الصورة")
    assert (checked.ext, checked.width, checked.height) == (ext, 20, 10)
    assert checked.alt == "وصف الصورة" and checked.data == data
    import hashlib

    assert checked.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    "data",
    [b"", b"hello, this is text", b"%PDF-1.7\n1 0 obj\n", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40],
    ids=["empty", "text", "pdf", "png-signature-only"],
)
def test_not_an_image(data):
    with pytest.raises(InvalidInput) as refused:
        check_image(data, "report.png")
    assert refused.value.key == "media.not_image"
    assert "report.png" in refused.value.message("en") and "report.png" in refused.value.message("ar")
    assert refused.value.exit_code == 4


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "GIF", "WEBP"])
def test_truncated_image_is_refused(images, kind):
    whole = images.noise(kind, 64, 64)
    check_image(whole, "whole")
    with pytest.raises(InvalidInput) as refused:
        check_image(whole[: len(whole) // 2], "half")
    assert refused.value.key == "media.not_image"


@pytest.mark.parametrize("kind", ["BMP", "TIFF"])
def test_a_kind_x_does_not_take(kind):
    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, kind)
    with pytest.raises(InvalidInput) as refused:
        check_image(out.getvalue(), "scan")
    assert refused.value.key == "media.kind"
    assert kind in refused.value.message("en")


@pytest.fixture(scope="module")
def png_over_5mb(images):
    data = images.noise("PNG", 1400, 1400)
    assert 5 * MB < len(data) < 15 * MB
    return data


@pytest.fixture(scope="module")
def gif_between_5_and_15mb(images):
    data = images.noise("GIF", 3000, 2000)
    assert 5 * MB < len(data) < 15 * MB
    return data


def test_png_over_5mb_is_too_large(png_over_5mb):
    with pytest.raises(InvalidInput) as refused:
        check_image(png_over_5mb, "big.png")
    assert refused.value.key == "media.too_large"
    assert refused.value.params["limit_mb"] == 5


def test_jpeg_over_5mb_is_too_large(images):
    data = images.noise("JPEG", 2000, 2000)
    assert len(data) > 5 * MB
    with pytest.raises(InvalidInput) as refused:
        check_image(data, "big.jpg")
    assert refused.value.key == "media.too_large"


def test_gif_may_be_up_to_15mb(gif_between_5_and_15mb):
    checked = check_image(gif_between_5_and_15mb, "anim.gif")
    assert checked.ext == "gif"


def test_gif_over_15mb_is_too_large(images):
    data = images.noise("GIF", 4500, 3000)
    assert len(data) > 15 * MB
    with pytest.raises(InvalidInput) as refused:
        check_image(data, "huge.gif")
    assert refused.value.key == "media.too_large"
    assert refused.value.params["limit_mb"] == 15


def test_size_limit_is_by_kind_not_by_name(gif_between_5_and_15mb, png_over_5mb):
    # A GIF named .png is still a GIF; a PNG named .gif is still a PNG.
    assert check_image(gif_between_5_and_15mb, "disguised.png").ext == "gif"
    with pytest.raises(InvalidInput):
        check_image(png_over_5mb, "disguised.gif")


def test_alt_text_limit():
    assert check_alt("ص" * MAX_ALT) == "ص" * MAX_ALT
    with pytest.raises(InvalidInput) as refused:
        check_alt("ص" * (MAX_ALT + 1))
    assert refused.value.key == "media.alt_too_long"
    assert refused.value.params == {"length": 1001, "limit": 1000}


def test_alt_text_too_long_refuses_the_image(images):
    with pytest.raises(InvalidInput) as refused:
        check_image(images.png(), "a.png", "x" * 1001)
    assert refused.value.key == "media.alt_too_long"


def test_alt_text_with_a_nul_is_refused(images):
    with pytest.raises(InvalidInput) as refused:
        check_image(images.png(), "a.png", "وصف\x00")
    assert refused.value.key == "text.bad_character"


def test_alt_text_is_trimmed_and_optional(images):
    assert check_image(images.png(), "a.png", "  شعار  ").alt == "شعار"
    assert check_image(images.png(), "a.png", None).alt == ""


def test_count_limit():
    check_count(4)
    with pytest.raises(InvalidInput) as refused:
        check_count(5)
    assert refused.value.key == "media.too_many"


# --------------------------------------------------------------------------- through the desk
def test_four_images_stored_content_addressed(office, images):
    sources = [((f"p{i}.png", images.png(color=(i * 40, 10, 10))), f"صورة {i}") for i in range(4)]
    post_id = office.omar.draft("أربع صور", sources)
    post = office.omar.post(post_id)
    assert [m.alt for m in post.media] == [f"صورة {i}" for i in range(4)]
    for item in post.media:
        path = office.folder / "media" / f"{item.sha256}.{item.ext}"
        assert path.is_file() and (path.stat().st_mode & 0o777) == 0o600
        import hashlib

        assert hashlib.sha256(path.read_bytes()).hexdigest() == item.sha256


def test_fifth_image_refused_and_nothing_saved(office, images):
    sources = [((f"p{i}.png", images.png(color=(i * 40, 10, 10))), "") for i in range(5)]
    before = office.snapshot()
    with pytest.raises(InvalidInput) as refused:
        office.omar.draft("خمس صور", sources)
    assert refused.value.key == "media.too_many"
    assert office.snapshot() == before
    assert list((office.folder / "media").iterdir()) == []


@pytest.mark.parametrize("bad", ["not-image", "truncated", "alt"])
def test_bad_image_refuses_the_draft(office, images, bad):
    data = images.noise("PNG", 64, 64)
    source, alt = ("x.png", data), "وصف"
    if bad == "not-image":
        source = ("x.png", b"GIF89a but not really")
    elif bad == "truncated":
        source = ("x.png", data[:-200])
    else:
        alt = "و" * 1001
    before = office.snapshot()
    with pytest.raises(InvalidInput):
        office.omar.draft("خبر مع صورة", [(source, alt)])
    assert office.snapshot() == before


def test_image_from_a_missing_file(office, tmp_path):
    with pytest.raises(InvalidInput) as refused:
        office.omar.draft("خبر", [(tmp_path / "nowhere.png", "")])
    assert refused.value.key == "media.missing"
