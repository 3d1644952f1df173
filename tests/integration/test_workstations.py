"""An office's desk on several workstations: `publish-due` runs on the chosen one only (the
others say which), the choice is an administrator's, and claiming stays exactly-once when
several workstations' publish-due run at once."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

from desk.core.errors import InvalidInput, NotPermitted

PW = {"admin": "adminpass1", "omar": "officerpw1", "sara": "supervisor1", "khalid": "supervisor2"}


def due_post(desk, text: str) -> int:
    omar, sara = desk.sign_in("omar", PW["omar"]), desk.sign_in("sara", PW["sara"])
    post_id = omar.draft(text)
    omar.submit(post_id)
    sara.approve(post_id)
    sara.schedule(post_id, (datetime.now(timezone.utc) + timedelta(seconds=1)).isoformat())
    return post_id


@pytest.mark.both_stores
def test_publish_due_runs_only_on_the_chosen_workstation(office_folder, desk_factory, run_desk, snapshot):
    chosen = run_desk("publishing-workstation", "--here", "--as", "admin", "--password-stdin",
                      stdin="adminpass1\n", env={"DESK_WORKSTATION": "press-room"})
    assert chosen.returncode == 0, chosen.stderr
    assert "now published by this workstation (press-room) only" in chosen.stderr
    desk = desk_factory(office_folder)
    assert desk.publishing_workstation() == "press-room"
    post_id = due_post(desk, "خبر مجدول لمحطة غرفة الصحافة")
    time.sleep(1.2)

    before = snapshot(office_folder)
    for lang, words in (("en", "published by the workstation press-room, not by this one (reception)"),
                        ("ar", "تنشر المحطة press-room المنشورات المجدولة، لا هذه المحطة (reception)")):
        other = run_desk("publish-due", env={"DESK_WORKSTATION": "reception", "DESK_LANG": lang})
        assert other.returncode == 0, other.stderr
        assert words in other.stderr and other.stdout == ""
    assert snapshot(office_folder) == before

    here = run_desk("publish-due", env={"DESK_WORKSTATION": "PRESS-ROOM"})  # host names are case-blind
    assert here.returncode == 0, here.stderr
    assert f"{post_id}\tpublished" in here.stdout

    anywhere = run_desk("publishing-workstation", "--any", "--as", "admin", "--password-stdin",
                        stdin="adminpass1\n")
    assert anywhere.returncode == 0 and "any workstation" in anywhere.stderr
    assert desk.publishing_workstation() == ""
    assert run_desk("publish-due", env={"DESK_WORKSTATION": "reception"}).returncode == 0


@pytest.mark.both_stores
def test_choosing_the_workstation_is_an_administrators_and_a_bad_name_changes_nothing(
        office_folder, desk_factory, run_desk, snapshot):
    desk = desk_factory(office_folder)
    before = snapshot(office_folder)
    refused = run_desk("publishing-workstation", "--here", "--as", "sara", "--password-stdin", stdin="supervisor1\n")
    assert refused.returncode == 3, refused.stderr
    with pytest.raises(NotPermitted):
        desk.sign_in("sara", PW["sara"]).set_setting("publishing_workstation", "x")
    admin = desk.sign_in("admin", PW["admin"])
    for bad in ("two\nlines", "x" * 256):
        with pytest.raises(InvalidInput) as caught:
            admin.set_setting("publishing_workstation", bad)
        assert "one line of at most 255 characters" in caught.value.message("en")
        assert "سطر واحد لا يزيد على 255 حرفًا" in caught.value.message("ar")
    assert snapshot(office_folder) == before
    usage = run_desk("publishing-workstation", "--as", "admin", "--password-stdin", stdin="adminpass1\n")
    assert usage.returncode == 2


@pytest.mark.parametrize("store_kind", ["postgresql"], indirect=True)
def test_several_workstations_publish_due_at_once_and_each_post_goes_out_once(
        office_folder, desk_factory, spawn_desk, tmp_path, raw_sql):
    desk = desk_factory(office_folder)
    posts = [due_post(desk, f"خبر مجدول رقم {n} لعدة محطات") for n in range(3)]
    time.sleep(1.2)
    started = [spawn_desk("publish-due", folder=tmp_path / f"workstation-{n}", env={"DESK_WORKSTATION": f"ws{n}"})
               for n in range(4)]
    outputs = [p.communicate(timeout=120) for p in started]
    assert [p.returncode for p in started] == [0] * 4, outputs
    published = [line for out, _ in outputs for line in out.splitlines() if "\tpublished" in line]
    assert sorted(int(line.split("\t")[0]) for line in published) == posts
    for post_id in posts:
        claims = raw_sql(office_folder, "SELECT COUNT(*) FROM events WHERE post_id = ? AND action = 'claim'", [post_id])
        assert claims == [(1,)]
    assert len(desk.store.training.entries()) == 3
    assert desk.verify().ok
