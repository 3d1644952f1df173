"""A due post that cannot be sent is never passed over quietly: publish-due names it and why,
and exits non-zero, on every run, until a supervisor acts."""

from __future__ import annotations

import io
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.conftest import PASSWORDS  # noqa: E402
from tests.integration.cli_helpers import DeskCli  # noqa: E402

pytestmark = pytest.mark.both_stores


def _png(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, "PNG")
    return out.getvalue()


def test_a_due_post_whose_image_changed_makes_publish_due_exit_non_zero_every_run(office_folder, desk_factory):
    desk = desk_factory(office_folder)
    omar, sara = desk.sign_in("omar", PASSWORDS["omar"]), desk.sign_in("sara", PASSWORDS["sara"])
    post_id = omar.draft("خبر مجدول مع صورة", [(("a.png", _png("red")), "صورة حمراء")])
    omar.submit(post_id)
    sara.approve(post_id)
    sara.schedule(post_id, (datetime.now(timezone.utc) + timedelta(seconds=1)).isoformat())
    item = desk.store.posts.get(post_id).media[0]
    desk.store.media.path(item.sha256, item.ext).write_bytes(_png("blue"))  # changed after approval
    time.sleep(1.2)

    cli = DeskCli(office_folder)
    for _ in range(2):  # the second run is passed over the same way, and says so again
        ran = cli.run("publish-due")
        assert ran.code == 4, str(ran)
        assert f"{post_id}\tblocked\t" in ran.out
        assert f"Post {post_id} is due but was not sent" in ran.err and "changed" in ran.err
    with desk.store.read():
        assert desk.store.posts.get(post_id).state.value == "scheduled"
    assert desk.store.training.entries() == []

    arabic = cli.run("publish-due", env={"DESK_LANG": "ar"})
    assert arabic.code == 4 and f"حان موعد المنشور {post_id} ولم يُرسَل" in arabic.err
