"""Where a post goes is decided from the chain, not from whether the keyring answers.

No OS keyring here (the null back-end: what a scheduler without a D-Bus session, or a
computer without a secure keyring, gives). An account on record in the chain then means
publishing refuses (exit 5) and nothing changes; training is only for a desk that never
connected an account, forgot it, or chose training mode. The same tests cover the
command line's refusals for ``account set`` with too few keys and a bad DESK_X_API_BASE.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.core.states import State
from desk.store import chain

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]

PW = {"admin": "adminpass1", "omar": "officerpw1", "sara": "supervisor1", "khalid": "supervisor2"}


def record(desk, action: str, **detail) -> None:
    """An account event as Account.set_keys / verify / forget append it (no keyring here)."""
    with desk.store.transaction():
        chain.append(desk.store.db, action=action, actor="admin", detail=detail or None)


def connect_on_record(desk) -> None:
    record(desk, "account_set", handle="MinistryMedia")


# --------------------------------------------------------------------------- the service
def test_no_account_ever_connected_still_publishes_to_training(office):
    post_id = office.approved_post("خبر للتدريب")
    assert office.desk.is_training() is True
    post = office.sara.publish(post_id)
    assert post.state == State.PUBLISHED and post.training


def test_account_on_record_without_a_keyring_refuses_and_changes_nothing(office):
    from desk.vault import PublishingBlocked

    connect_on_record(office.desk)
    post_id = office.approved_post("خبر لا يجوز أن يذهب إلى التدريب")
    before = office.snapshot()
    assert office.desk.is_training() is False
    with pytest.raises(PublishingBlocked) as caught:
        office.sara.publish(post_id)
    assert caught.value.exit_code == 5
    assert "keyring is locked or unreachable" in caught.value.message("en")
    assert "مخزن المفاتيح مقفل" in caught.value.message("ar")
    with pytest.raises(PublishingBlocked):
        office.sara.publisher_kind()  # the window's Publish now asks this first
    assert office.snapshot() == before
    assert office.sara.post(post_id).state == State.APPROVED


def test_forgetting_the_account_makes_training_possible_again(office):
    connect_on_record(office.desk)
    record(office.desk, "account_verify", handle="MinistryMedia")
    assert office.desk.is_training() is False
    record(office.desk, "account_forget")
    assert office.desk.is_training() is True
    post_id = office.approved_post("خبر بعد فصل الحساب")
    assert office.sara.publish(post_id).training


def test_training_chosen_by_an_administrator_is_training_even_with_an_account(office):
    connect_on_record(office.desk)
    office.admin.set_setting("training_mode", True)
    assert office.desk.is_training() is True
    post_id = office.approved_post("خبر في وضع التدريب")
    assert office.sara.publish(post_id).training


def test_a_settings_row_changed_behind_the_desks_back_does_not_divert_to_training(office, raw_sql):
    from desk.vault import PublishingBlocked

    connect_on_record(office.desk)
    raw_sql(office.folder, "INSERT INTO settings (key, value) VALUES ('training_mode', '1')"
                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    assert office.desk.settings()["training_mode"] is True  # the row says training
    assert office.desk.is_training() is False  # the chain does not
    post_id = office.approved_post("خبر لا يُحوَّل إلى التدريب")
    with pytest.raises(PublishingBlocked):
        office.sara.publish(post_id)


def test_publish_due_refuses_before_touching_a_due_or_late_post(office):
    from desk.vault import PublishingBlocked

    connect_on_record(office.desk)
    due = office.approved_post("خبر مجدول حان موعده")
    late = office.approved_post("خبر مجدول فات موعده")
    soon = datetime.now(timezone.utc) + timedelta(minutes=5)
    office.sara.schedule(due, soon)
    office.sara.schedule(late, soon)
    before = office.snapshot()
    # an hour and a half on: one post due, the other past the allowed lateness too
    with pytest.raises(PublishingBlocked):
        office.desk.publish_due(soon + timedelta(minutes=1))
    with pytest.raises(PublishingBlocked):
        office.desk.publish_due(soon + timedelta(minutes=90))
    assert office.snapshot() == before
    assert {office.sara.post(i).state for i in (due, late)} == {State.SCHEDULED}


def test_publish_due_with_nothing_due_does_not_ask_for_keys(office):
    connect_on_record(office.desk)
    assert office.desk.publish_due() == []


ACTIONS = st.lists(st.sampled_from(["account_set", "account_verify", "account_forget", "training_on",
                                    "training_off", "row_training_on", "row_training_off"]), max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=ACTIONS)
def test_training_only_without_an_account_on_record_or_by_choice(office, raw_sql, steps):
    """Any history of account events and training choices (some made behind the desk's
    back in the settings row): training exactly when chosen in both row and chain, or
    when the newest account event is not a connection; otherwise publishing is blocked."""
    from desk.vault import PublishingBlocked

    desk = office.desk
    # each example starts from "never connected, training off"
    record(desk, "account_forget")
    office.admin.set_setting("training_mode", False)
    on_record, chosen_chain, chosen_row = False, False, False
    for step in steps:
        if step.startswith("account_"):
            record(desk, step)
            on_record = step != "account_forget"
        elif step.startswith("training_"):
            office.admin.set_setting("training_mode", step == "training_on")
            chosen_chain = chosen_row = step == "training_on"
        else:
            chosen_row = step == "row_training_on"
            raw_sql(office.folder, "INSERT INTO settings (key, value) VALUES ('training_mode', ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    ["1" if chosen_row else "0"])
    training = (chosen_chain and chosen_row) or not on_record
    assert desk.is_training() is training
    if training:
        assert desk.publisher().kind == "training"
    else:
        with pytest.raises(PublishingBlocked):
            desk.publisher()


# --------------------------------------------------------------------------- the command line
def test_cli_publish_with_an_account_on_record_and_no_keyring_exits_5(office, run_desk):
    connect_on_record(office.desk)
    post_id = office.approved_post("خبر عبر سطر الأوامر")
    before = office.snapshot()
    ran = run_desk("publish", post_id, "--as", "sara", "--password-stdin", stdin=PW["sara"] + "\n")
    assert ran.returncode == 5, ran.stderr
    assert "keyring is locked or unreachable" in ran.stderr and ran.stdout == ""
    assert "published" not in ran.stderr.lower().replace("nothing was published", "")
    assert office.snapshot() == before
    ran = run_desk("publish", post_id, "--as", "sara", "--password-stdin", stdin=PW["sara"] + "\n",
                   env={"DESK_LANG": "ar"})
    assert ran.returncode == 5 and "مخزن المفاتيح مقفل أو لا يمكن الوصول إليه" in ran.stderr


@pytest.mark.parametrize("given_lines", [0, 1, 2, 3])
def test_account_set_with_fewer_than_four_keys_says_how_many(office_folder, run_desk, snapshot, given_lines):
    keys = ["MARKERck9f3a7c1e2d", "MARKERcs4b8e6f0a1c9d", "1580000000000000001-MARKERat7d2e"][:given_lines]
    before = snapshot(office_folder)
    ran = run_desk("account", "set", "--as", "admin", "--password-stdin",
                   stdin="".join(f"{line}\n" for line in [PW["admin"], *keys]))
    assert ran.returncode == 4, ran.stderr
    assert "No password" not in ran.stderr
    assert "needs four keys, one a line" in ran.stderr
    said = {0: "None was given.", 1: "Only 1 was given.", 2: "Only 2 were given.", 3: "Only 3 were given."}
    assert said[given_lines] in ran.stderr
    assert not any(key in ran.stderr for key in keys)
    assert snapshot(office_folder) == before
    arabic = run_desk("account", "set", "--as", "admin", "--password-stdin", env={"DESK_LANG": "ar"},
                      stdin="".join(f"{line}\n" for line in [PW["admin"], *keys]))
    assert arabic.returncode == 4 and "أربعة مفاتيح، كل مفتاح في سطر" in arabic.stderr


# --------------------------------------------------------------------------- DESK_X_API_BASE
@pytest.mark.parametrize("base, key", [
    ("http://127.0.0.1:99999", "x.base_port"), ("http://127.0.0.1:http", "x.base_port"),
    ("http://127.0.0.1:0", "x.base_port"), ("http://127.0.0.1:", "x.base_port"),
    ("http://exa mple.com", "x.base_malformed"), ("http://[::1", "x.base_malformed"),
    ("http://:8080", "x.base_malformed"), ("ftp://127.0.0.1", "x.bad_base"), ("127.0.0.1:8399", "x.bad_base"),
])
def test_a_bad_api_base_is_refused_when_the_publisher_is_made(base, key):
    from desk.publish.x import XPublisher
    from desk.publish.x_refusals import BadApiBase

    keys = dict(consumer_key="ck" * 8, consumer_secret="cs" * 8, access_token="1-" + "at" * 8,
                access_token_secret="ts" * 8)
    with pytest.raises(BadApiBase) as caught:
        XPublisher(**keys, api_base=base)
    assert caught.value.key == key and caught.value.exit_code == 4
    assert XPublisher(**keys, api_base="http://[::1]:8399/x").api_base  # a good one still works


def test_an_address_requests_refuses_while_posting_is_definite_not_uncertain(tmp_path):
    """Should an address get past the check, requests refuses it before sending: that is a
    definite refusal (the post fails and may be sent again), never "may have gone out"."""
    from urllib.parse import urlsplit

    from desk.publish.base import OutgoingPost
    from desk.publish.x import XPublisher
    from desk.publish.x_refusals import BadApiBase

    publisher = XPublisher(consumer_key="ck" * 8, consumer_secret="cs" * 8, access_token="1-" + "at" * 8,
                           access_token_secret="ts" * 8, api_base="http://127.0.0.1:8399", handle="MinistryMedia")
    for adapter in publisher._client.session.adapters.values():
        adapter.base = urlsplit("http://127.0.0.1:99999")  # what the check would have refused
    with pytest.raises(BadApiBase) as caught:
        publisher.send(OutgoingPost(1, "خبر"))
    assert caught.value.definite and caught.value.key == "x.base_malformed"
