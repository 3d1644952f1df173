"""Image files left by refused drafts are swept away; a file any post or post version
refers to, or one a draft is still on its way to commit, never is.

A draft whose own files are refused keeps none of them (every file is checked before any
is kept); files are left behind when the store refuses the change after they were
written, as an edit of a version another desk has changed since."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time

import pytest

from desk.core.errors import DeskError
from desk.store.media import GRACE_SECONDS

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]

OLD = GRACE_SECONDS + 60


def media_file(office, data: bytes):
    return next(office.folder.joinpath("media").glob(hashlib.sha256(data).hexdigest() + ".*"))


def age(path, seconds=OLD):
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_refused_drafts_image_is_gone_after_the_next_sign_in(office, images):
    good = images.png(color=(1, 2, 3))
    with pytest.raises(DeskError):  # a refused file: nothing kept at all
        office.omar.draft("خبر بصورتين", [(("a.png", good), "صورة"), (("b.png", b"not an image"), "صورة")])
    assert not list(office.folder.joinpath("media").glob(hashlib.sha256(good).hexdigest() + ".*"))
    post_id = office.omar.draft("خبر")
    with pytest.raises(DeskError):  # the image is written, then the store refuses the stale version
        office.omar.edit(post_id, "خبر بصورة", [(("a.png", good), "صورة")], expected_version=99)
    leftover = media_file(office, good)
    assert leftover.exists()
    office.desk.sign_in("sara", "supervisor1")
    assert leftover.exists()  # still fresh: another draft might be about to use it
    age(leftover)
    office.desk.sign_in("sara", "supervisor1")
    assert not leftover.exists()


def test_files_a_post_or_a_version_refers_to_are_kept(office, images):
    kept, dropped = images.png(color=(4, 5, 6)), images.png(color=(7, 8, 9))
    post_id = office.omar.draft("خبر بصورة", [(("a.png", kept), "صورة")])
    other = office.omar.draft("خبر تغيرت صورته", [(("b.png", dropped), "صورة")])
    office.omar.edit(other, "خبر تغيرت صورته", images=[])  # only its old version names the file now
    for data in (kept, dropped):
        age(media_file(office, data))
    office.desk.sign_in("sara", "supervisor1")
    assert media_file(office, kept).exists() and media_file(office, dropped).exists()
    assert office.omar.post(post_id).media  # and the post still shows it


def test_a_file_reused_by_a_draft_in_progress_is_kept(office, images):
    """A draft reusing an old orphan's bytes touches it before its transaction."""
    from desk.core.media import check_image

    data = images.png(color=(10, 11, 12))
    post_id = office.omar.draft("خبر")
    with pytest.raises(DeskError):
        office.omar.edit(post_id, "خبر بصورة", [(("a.png", data), "صورة")], expected_version=99)
    orphan = media_file(office, data)
    age(orphan)
    office.desk.store.media.save(check_image(data, "a.png", "صورة"))  # a draft's first step
    office.desk.sign_in("sara", "supervisor1")
    assert orphan.exists()


WRITER = """
import sys, time
from desk.core.media import check_image
from desk.service import Desk
desk = Desk(sys.argv[1])
omar = desk.sign_in("omar", "officerpw1")
data = open(sys.argv[2], "rb").read()
desk.store.media.save(check_image(data, "c.png", "صورة"))  # written, not yet committed
print("written", flush=True)
sys.stdin.readline()
print(omar.draft("خبر من مكتب آخر", [(("c.png", data), "صورة")]), flush=True)
desk.close()
"""


def test_a_file_written_by_a_concurrent_draft_is_not_removed(office, images, tmp_path):
    data = images.png(color=(13, 14, 15))
    source = tmp_path / "c.png"
    source.write_bytes(data)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(office.folder), str(source)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "written"
        office.desk.sign_in("sara", "supervisor1")  # sweeps while the other draft is on its way
        assert media_file(office, data).exists()
        writer.stdin.write("\n")
        writer.stdin.flush()
        post_id = int(writer.stdout.readline())
        assert writer.wait(timeout=30) == 0
    finally:
        if writer.poll() is None:
            writer.kill()
    item = office.sara.post(post_id).media[0]
    assert office.sara.media_path(item).read_bytes() == data


def test_the_files_of_a_threads_later_parts_are_kept(office, images):
    """A thread's parts after the first keep their files in the post's parts (and in each
    version's): the sweep must not take them, or the thread could not be published."""
    now, then = images.png(color=(10, 11, 12)), images.png(color=(13, 14, 15))
    post_id = office.omar.draft_parts([("بيان الوزارة 1/2", []), ("صورة من المؤتمر 2/2", [(("a.png", then), "صورة")])])
    office.omar.edit_parts(post_id, [("بيان الوزارة 1/2", []), ("صورة من المؤتمر 2/2", [(("b.png", now), "صورة")])])
    for data in (now, then):  # one in the thread as it is, one only in its first version
        age(media_file(office, data))
    office.desk.sign_in("sara", "supervisor1")
    assert media_file(office, now).exists() and media_file(office, then).exists()
    office.omar.submit(post_id)
    office.sara.approve(post_id)
    office.sara.publish(post_id)  # training: every part's file is read and sent
    assert office.desk.store.posts.get(post_id).state.value == "published"


def test_the_sweep_runs_only_under_the_write_lock(office):
    with pytest.raises(RuntimeError):
        office.desk.store.media.sweep(office.desk.store.db)
