"""The audit chain: editing, deleting, inserting or reordering event rows, or editing a
post row behind the program's back, is caught and the first bad event is named."""

from __future__ import annotations

import json

import pytest

from desk.store import chain

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]  # never touch a real keyring


@pytest.fixture
def history(office, headlines):
    """An office with a little history: drafts, reviews, a publication, staff changes."""
    first = office.approved_post(headlines[0])
    office.sara.publish(first)
    second = office.omar.draft(headlines[1])
    office.omar.submit(second)
    office.khalid.reject(second, "يحتاج إلى مصدر")
    third = office.omar.draft(headlines[2])
    office.admin.add_staff("huda", "هدى", "officer", "password123")
    office.omar.edit(third, headlines[2] + " (محدّث)")
    report = office.desk.verify()
    assert report.ok and report.key == "chain.ok"
    assert report.count == len(events(office)) >= 15
    return office


def events(office) -> list[dict]:
    rows = office.desk.store.db.execute(chain.SELECT_EVENTS + " ORDER BY id").fetchall()
    return [chain.row_to_event(r) for r in rows]


def check(office, key: str, **params):
    report = office.desk.verify()
    assert not report.ok
    assert report.key == key
    for name, value in params.items():
        assert report.params[name] == value, report.params
    return report


def test_untouched_chain_verifies(history):
    report = history.desk.verify()
    assert report.params == {"count": report.count}
    assert report.head_hash == events(history)[-1]["hash"]
    # each event's hash really is sha256(prev_hash + canonical JSON)
    previous = chain.GENESIS
    for event in events(history):
        assert event["prev_hash"] == previous
        assert event["hash"] == chain.event_hash(event)
        previous = event["hash"]


@pytest.mark.parametrize(
    "column, value",
    [("actor", "'khalid'"), ("at", "'2020-01-01T00:00:00.000+00:00'"), ("action", "'approve'"),
     ("to_state", "'published'"), ("detail", "'{\"reason\": \"غير ذلك\"}'"), ("content_hash", "'00'"),
     ("post_id", "NULL")],
)
def test_editing_an_event_row(history, raw_sql, column, value):
    raw_sql(history.folder, f"UPDATE events SET {column} = {value} WHERE id = 6")
    check(history, "chain.bad_hash", event_id=6)


def test_editing_an_event_and_its_hash_breaks_the_next_link(history, raw_sql):
    event = events(history)[4]
    event["actor"] = "khalid"
    raw_sql(history.folder, "UPDATE events SET actor = ?, hash = ? WHERE id = ?",
            ["khalid", chain.event_hash(event), event["id"]])
    check(history, "chain.bad_link", event_id=event["id"] + 1)


def test_deleting_a_middle_event(history, raw_sql):
    raw_sql(history.folder, "DELETE FROM events WHERE id = 7")
    report = check(history, "chain.bad_link", event_id=8)
    assert report.count == 6  # the events before the gap were good


def test_deleting_the_first_event(history, raw_sql):
    raw_sql(history.folder, "DELETE FROM events WHERE id = 1")
    check(history, "chain.bad_link", event_id=2)


def test_inserting_a_forged_event_in_the_middle(history, raw_sql):
    """Even with a correct prev_hash and hash of its own, the next link no longer fits."""
    before = events(history)
    at = 5
    raw_sql(history.folder, "UPDATE events SET id = id + 1000000 WHERE id >= ?", [at])
    raw_sql(history.folder, "UPDATE events SET id = id - 1000000 + 1 WHERE id >= 1000000")
    forged = {
        "id": at, "post_id": 1, "at": before[at - 1]["at"], "actor": "sara", "action": "approve",
        "from_state": "in_review", "to_state": "approved", "content_hash": before[at - 1]["content_hash"],
        "detail": None, "prev_hash": before[at - 2]["hash"],
    }
    forged["hash"] = chain.event_hash(forged)
    raw_sql(history.folder,
            "INSERT INTO events (id, post_id, at, actor, action, from_state, to_state, content_hash, detail,"
            " prev_hash, hash) VALUES (:id, :post_id, :at, :actor, :action, :from_state, :to_state,"
            " :content_hash, :detail, :prev_hash, :hash)", forged)
    check(history, "chain.bad_link", event_id=at + 1)


def test_appending_an_event_by_hand(history, raw_sql):
    last = events(history)[-1]
    raw_sql(history.folder,
            "INSERT INTO events (id, post_id, at, actor, action, prev_hash, hash) VALUES (?, 1, ?, 'sara',"
            " 'approve', ?, ?)", [last["id"] + 1, last["at"], last["hash"], "f" * 64])
    check(history, "chain.bad_hash", event_id=last["id"] + 1)


@pytest.mark.parametrize("a, b", [(5, 6), (3, 9)], ids=["adjacent", "apart"])
def test_reordering_two_events(history, raw_sql, a, b):
    raw_sql(history.folder, "UPDATE events SET id = -1 WHERE id = ?", [a])
    raw_sql(history.folder, "UPDATE events SET id = ? WHERE id = ?", [a, b])
    raw_sql(history.folder, "UPDATE events SET id = ? WHERE id = -1", [b])
    check(history, "chain.bad_link", event_id=a)


def test_the_first_bad_event_is_named(history, raw_sql):
    raw_sql(history.folder, "UPDATE events SET actor = 'x' WHERE id IN (4, 9)")
    report = check(history, "chain.bad_hash", event_id=4)
    assert "Event 4" in render(report)
    assert "4" in render(report, "ar")


def render(report, lang="en"):
    from desk.core.messages import render as render_message

    return render_message(report.key, lang, report.params)


@pytest.mark.parametrize("change", ["state = 'approved'", "state = 'published'", "content_hash = 'abc'"])
def test_editing_a_post_row_behind_the_programs_back(history, raw_sql, change):
    post_id = 2  # rejected
    raw_sql(history.folder, f"UPDATE posts SET {change} WHERE id = ?", [post_id])
    report = check(history, "chain.bad_post", post_id=post_id)
    last = [e for e in events(history) if e["post_id"] == post_id][-1]
    assert report.params["event_id"] == last["id"]
    assert f"Post {post_id}" in render(report)


def test_a_post_without_any_event(history, raw_sql):
    raw_sql(history.folder, "INSERT INTO posts (state, text, author, content_hash, created_at, updated_at)"
                            " VALUES ('approved', 'دخيل', 'omar', 'h', 'now', 'now')")
    check(history, "chain.bad_post", post_id=4, event_id=0)


def test_detail_is_part_of_the_hash(history):
    rejected = [e for e in events(history) if e["action"] == "reject"][0]
    assert rejected["detail"] == {"reason": "يحتاج إلى مصدر"}
    tampered = dict(rejected, detail={"reason": "سبب آخر"})
    assert chain.event_hash(tampered) != rejected["hash"]
    assert json.loads(json.dumps(rejected["detail"], ensure_ascii=False)) == rejected["detail"]
