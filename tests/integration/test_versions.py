"""Every content a post has had is kept, so a reviewer sees what changed since the last review."""

import pytest

pytestmark = pytest.mark.both_stores


def test_the_last_reviewed_version_is_the_content_at_the_latest_decision(desk_factory, headlines):
    desk = desk_factory()
    desk.init("مكتب", "Office", "office", "admin", "Admin", "adminpass1")
    admin = desk.sign_in("admin", "adminpass1")
    admin.add_staff("omar", "عمر", "officer", "officerpw1")
    admin.add_staff("sara", "سارة", "supervisor", "superpw111")
    omar, sara = desk.sign_in("omar", "officerpw1"), desk.sign_in("sara", "superpw111")
    first, second = headlines[0], headlines[1]

    post_id = omar.draft(first)
    omar.submit(post_id)
    assert sara.last_reviewed(post_id) is None
    sara.return_(post_id, "أضف المصدر")
    omar.edit(post_id, second)
    omar.submit(post_id)

    seen = sara.last_reviewed(post_id)
    assert seen["text"] == first
    assert desk.store.posts.get(post_id).text == second
    sara.approve(post_id)
    assert sara.last_reviewed(post_id)["text"] == second
