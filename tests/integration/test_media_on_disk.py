"""An image file changed on disk after approval is never sent."""

import io

import pytest
from PIL import Image

from desk.core.errors import WrongState

pytestmark = pytest.mark.both_stores


def _png(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, "PNG")
    return out.getvalue()


def test_a_swapped_image_file_is_refused_before_anything_goes_out(desk_factory):
    desk = desk_factory()
    desk.init("مكتب", "Office", "office", "admin", "Admin", "adminpass1")
    admin = desk.sign_in("admin", "adminpass1")
    admin.add_staff("omar", "عمر", "officer", "officerpw1")
    admin.add_staff("sara", "سارة", "supervisor", "superpw111")
    omar, sara = desk.sign_in("omar", "officerpw1"), desk.sign_in("sara", "superpw111")
    post_id = omar.draft("خبر مع صورة", [(("a.png", _png("red")), "صورة حمراء")])
    omar.submit(post_id)
    sara.approve(post_id)
    item = desk.store.posts.get(post_id).media[0]
    desk.store.media.path(item.sha256, item.ext).write_bytes(_png("blue"))

    with pytest.raises(WrongState) as refused:
        sara.publish(post_id)

    assert refused.value.key == "media.changed"
    assert desk.store.posts.get(post_id).state.value == "approved"
    assert desk.store.training.entries() == []
