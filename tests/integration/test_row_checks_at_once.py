"""The checks an act runs on the one post or person it trusts are sent as one statement
each (tests/integration/test_round_trips.py counts them): each check still refuses,
and names the field the log disagrees with."""

from __future__ import annotations

import pytest

from desk.core.errors import StoreError
from desk.store import LogFilter
from desk.store.rows_check import FIELD_WORDS

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]

POST_EDITS = [
    ("state", "UPDATE posts SET state = 'in_review' WHERE id = {draft}"),
    ("author", "UPDATE posts SET author = 'khalid' WHERE id = {in_review}"),
    ("x_post_id", "UPDATE posts SET x_post_id = '999' WHERE id = {in_review}"),
    ("approval", "UPDATE posts SET approved_hash = content_hash WHERE id = {in_review}"),
]


@pytest.mark.parametrize("field, statement", POST_EDITS, ids=[e[0] for e in POST_EDITS])
def test_approving_a_post_whose_row_the_log_disagrees_with_is_refused(office, raw_sql, field, statement):
    draft = office.omar.draft("مسودة لم تقدم")
    in_review = office.omar.draft("خبر للمراجعة")
    office.omar.submit(in_review)
    office.session("sara")
    raw_sql(office.folder, statement.format(draft=draft, in_review=in_review))
    target = draft if "{draft}" in statement else in_review
    before = office.snapshot()
    with pytest.raises(StoreError) as refused:
        office.sara.approve(target)
    assert refused.value.key == "audit.refused_tampered"
    assert FIELD_WORDS[field][0] in refused.value.message("en")
    assert FIELD_WORDS[field][1] in refused.value.message("ar")
    assert office.snapshot() == before


STAFF_EDITS = [
    ("roles", "UPDATE staff SET roles = 'supervisor,administrator' WHERE username = 'sara'"),
    ("name", "UPDATE staff SET name = 'شخص آخر' WHERE username = 'sara'"),
    ("password", "UPDATE staff SET password_hash = (SELECT password_hash FROM staff WHERE username = 'omar')"
                 " WHERE username = 'sara'"),
]


@pytest.mark.parametrize("field, statement", STAFF_EDITS, ids=[e[0] for e in STAFF_EDITS])
def test_a_count_of_the_log_is_refused_to_a_person_whose_row_was_edited(office, raw_sql, field, statement):
    office.approved_post("خبر منشور")
    assert office.sara.log_count(LogFilter()) == 1
    raw_sql(office.folder, statement)
    with pytest.raises(StoreError) as refused:
        office.sara.log_count(LogFilter())
    assert refused.value.key == "audit.refused_tampered"
    assert FIELD_WORDS[field][0] in refused.value.message("en")



def test_a_post_comes_with_its_images_in_their_order(office, images):
    """The row and its images are read in one statement (a join): order, alt texts and
    a post without images all come back as they were written."""
    first, second = images.png(color=(1, 2, 3)), images.jpeg(color=(9, 8, 7))
    with_images = office.omar.draft("خبر بصورتين", images=[(("b.png", first), "الثانية أولاً"),
                                                           (("a.jpg", second), "ثم الأولى")])
    without = office.omar.draft("خبر بلا صور")
    got = office.desk.store.posts.get(with_images)
    assert [m.alt for m in got.media] == ["الثانية أولاً", "ثم الأولى"]
    assert [m.ext for m in got.media] == ["png", "jpg"] and all(m.size > 0 for m in got.media)
    assert office.desk.store.posts.get(without).media == ()
    assert office.desk.store.posts.media(with_images) == got.media
