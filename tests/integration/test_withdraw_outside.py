"""A post deleted on X by hand: a supervisor records it as withdrawn outside the desk."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.conftest import PASSWORDS, db_snapshot  # noqa: E402
from tests.integration.cli_helpers import DeskCli  # noqa: E402

from desk.core.errors import InvalidInput, NotPermitted, WrongState  # noqa: E402

pytestmark = pytest.mark.both_stores


def _published(desk, text: str) -> int:
    omar, sara = desk.sign_in("omar", PASSWORDS["omar"]), desk.sign_in("sara", PASSWORDS["sara"])
    post_id = omar.draft(text)
    omar.submit(post_id)
    sara.approve(post_id)
    sara.publish(post_id)  # no account connected here: the training timeline
    return post_id


def test_a_supervisor_records_a_post_deleted_on_x_and_nobody_else_can(office_folder, desk_factory):
    desk = desk_factory(office_folder)
    post_id = _published(desk, "خبر حذف يدويًا من المنصة")
    before = db_snapshot(office_folder)
    with pytest.raises(NotPermitted):
        desk.sign_in("omar", PASSWORDS["omar"]).withdrawn_outside(post_id, "حذف")
    with pytest.raises(InvalidInput):
        desk.sign_in("sara", PASSWORDS["sara"]).withdrawn_outside(post_id, "   ")
    assert db_snapshot(office_folder) == before

    post = desk.sign_in("sara", PASSWORDS["sara"]).withdrawn_outside(post_id, "حذفه فريق التواصل من X مباشرة")
    assert post.state.value == "withdrawn"
    event = desk.store.log.history(post_id)[-1]
    assert event["action"] == "withdraw" and event["actor"] == "sara"
    assert event["detail"]["outside"] is True and "فريق التواصل" in event["detail"]["reason"]
    assert desk.store.training.entries()  # X (here: training) was not asked to delete anything
    with pytest.raises(WrongState):
        desk.sign_in("sara", PASSWORDS["sara"]).withdrawn_outside(post_id, "again")


def test_withdraw_outside_on_the_command_line(office_folder, desk_factory):
    desk = desk_factory(office_folder)
    post_id = _published(desk, "خبر آخر حذف من المنصة")
    cli = DeskCli(office_folder)
    ran = cli.run("withdraw", post_id, "--outside", "--reason", "deleted on x.com by the office", as_user="sara")
    assert ran.code == 0, str(ran)
    with desk.store.read():
        assert desk.store.posts.get(post_id).state.value == "withdrawn"
    assert cli.run("withdraw", post_id, "--outside", "--reason", "x", as_user="sara").code == 4
    row = desk.sign_in("sara", PASSWORDS["sara"]).show(post_id)["row"]
    assert row["withdrawn_by"] == "sara" and row["withdraw_reason"] == "deleted on x.com by the office"
    assert cli.run("verify").code == 0
