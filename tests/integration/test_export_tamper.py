"""Every field of a JSON export is covered: edits anywhere are caught by `desk verify --export`,
on the file alone where the file can tell, and always against the desk it came from."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cli_helpers import DeskCli, desk_executable  # noqa: E402

from desk.export.verify_desk import verify_export_file  # noqa: E402
from desk.export.verify_file import verify_export  # noqa: E402
from desk.store import LogFilter  # noqa: E402

pytestmark = pytest.mark.both_stores


# The format's rules written out again, as an attacker who read the docstring would.
def canon(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def rehash(event: dict) -> None:
    if set(event) - {"id", "prev_hash", "hash"}:
        body = {k: v for k, v in event.items() if k != "hash"}
        event["hash"] = hashlib.sha256((event["prev_hash"] + canon(body)).encode()).hexdigest()


def relink(events: list, start: int) -> None:
    for n in range(max(start, 1), len(events)):
        events[n]["prev_hash"] = events[n - 1]["hash"]
        rehash(events[n])


def reseal(d: dict) -> None:
    """Recompute the document section so the file is consistent in itself."""
    events, doc = d["events"], d["document"]
    ends = [{"id": e["id"], "hash": e["hash"]} for e in (events[0], events[-1])] if events else [None, None]
    doc.update(rows=len(d["rows"]), events=len(events), first_event=ends[0], last_event=ends[1])
    header = {k: v for k, v in d.items() if k not in ("rows", "events", "document")}
    lines = [header, "rows", *d["rows"], "events", *events, "document", {k: v for k, v in doc.items() if k != "sha256"}]
    doc["sha256"] = hashlib.sha256("".join(canon(x) + "\n" for x in lines).encode()).hexdigest()


def stub(event: dict) -> dict:
    return {"id": event["id"], "prev_hash": event["prev_hash"], "hash": event["hash"]}


def row_of(d, post_id):
    return next(r for r in d["rows"] if r["post_id"] == post_id)


@pytest.fixture
def made(office, tmp_path):
    """Posts in several states, a handover, a full and a filtered export of them."""
    published = office.approved_post("أمطار ورياح نشطة على عدة أجزاء من المملكة")
    office.sara.publish(published)
    review = office.omar.draft("مسودة قيد المراجعة")
    office.omar.submit(review)
    draft = office.omar.draft("مسودة أولى")
    office.admin.handover("omar", "khalid")  # the draft is khalid's now
    two = office.approved_post("خبر ثانٍ منشور", approver="khalid")
    office.khalid.publish(two)
    office.sara.withdraw(two, "سحب للتصحيح")
    due = office.approved_post("خبر مجدول")
    now = datetime.now(timezone.utc)
    office.sara.schedule(due, now + timedelta(minutes=5))
    office.desk.publish_due(now + timedelta(minutes=10))  # sent by the desk on sara's schedule
    full, filtered = tmp_path / "all.json", tmp_path / "published.json"
    office.sara.export(full, "json")
    office.sara.export(filtered, "json", LogFilter(state="published"))
    return {"folder": office.folder, "full": full, "filtered": filtered, "ids": (published, review, draft, two, due)}


def load(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def save(path, d):
    Path(path).write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")


def test_untouched_exports_pass_alone_and_against_the_desk(made):
    for name in ("full", "filtered"):
        alone = verify_export(made[name])
        assert alone.ok and alone.message_key == "export.verify.ok_alone", alone
        held = verify_export_file(made[name], made["folder"])
        assert held.ok and held.message_key == "export.verify.ok_desk", held
    d = load(made["full"])
    published, review, draft, two, due = made["ids"]
    assert row_of(d, draft)["author"] == "khalid"
    assert row_of(d, published)["published_by"] == "sara" and row_of(d, two)["approver"] == "khalid"
    assert row_of(d, two)["withdrawn_by"] == "sara" and row_of(d, due)["published_by"] == "sara"
    assert d["filter"]["fields"] == {}
    f = load(made["filtered"])
    assert f["filter"]["fields"] == {"state": "published"} and len(f["rows"]) == 2
    assert any(set(e) == {"id", "prev_hash", "hash"} for e in f["events"])  # the other posts, as stubs


def test_the_export_event_names_the_file(made, raw_sql):
    from desk.export.verify_desk import file_sha256

    rows = raw_sql(made["folder"], "SELECT detail FROM events WHERE action = 'export' ORDER BY id")
    details = [json.loads(r[0]) for r in rows]
    assert [x["sha256"] for x in details] == [file_sha256(made["full"]), file_sha256(made["filtered"])]
    last = load(made["full"])["events"][-1]
    assert details[0]["covers"]["last_id"] == last["id"] and details[0]["covers"]["last_hash"] == last["hash"]


def _swap_for_stubs(d, post_id):
    d["events"] = [stub(e) if e.get("post_id") == post_id else e for e in d["events"]]
    d["rows"] = [r for r in d["rows"] if r["post_id"] != post_id]


def _invent_stub(d):
    n = next(i for i, e in enumerate(d["events"]) if set(e) == {"id", "prev_hash", "hash"} and i > 0)
    d["events"][n]["hash"] = "ab" * 32
    relink(d["events"], n + 1)


def _edit_detail(d):
    event = next(e for e in d["events"] if isinstance(e.get("detail"), dict) and "approvals" in e["detail"])
    event["detail"]["approvals"] = 2


def _reorder(d):
    d["events"][2], d["events"][3] = d["events"][3], d["events"][2]


def _add_row(d, ids):
    d["rows"].append(dict(row_of(d, ids[0]), post_id=999))


# (name, which export, edit(d, ids), reseal, caught on its own by, caught against the desk by)
EDITS = [
    ("author", "full", lambda d, ids: row_of(d, ids[0]).update(author="khalid"), False,
     "row_mismatch:author", "row_mismatch:author"),
    ("author resealed", "full", lambda d, ids: row_of(d, ids[0]).update(author="khalid"), True,
     "row_mismatch:author", "row_mismatch:author"),
    ("published_by", "full", lambda d, ids: row_of(d, ids[0]).update(published_by="khalid"), True,
     "row_mismatch:published_by", "row_mismatch:published_by"),
    ("x_post_id", "full", lambda d, ids: row_of(d, ids[0]).update(x_post_id="1860000000000000001"), True,
     "row_mismatch:x_post_id", "row_mismatch:x_post_id"),
    ("text", "full", lambda d, ids: row_of(d, ids[0]).update(text="نص آخر"), True,
     "row_mismatch:text", "row_mismatch:text"),
    ("media_count", "full", lambda d, ids: row_of(d, ids[0]).update(media_count=2), True,
     "row_mismatch:media_count", "row_mismatch:media_count"),
    ("approver", "full", lambda d, ids: row_of(d, ids[3]).update(approver="khalid; sara"), True,
     "row_mismatch:approver", "row_mismatch:approver"),
    ("exported_by", "full", lambda d, ids: d.update(exported_by="khalid"), False, "document_changed", "document_changed"),
    ("exported_by resealed", "full", lambda d, ids: d.update(exported_by="khalid"), True, None, "not_exported"),
    ("exported_at", "full", lambda d, ids: d.update(exported_at="2020-01-01T00:00:00+00:00"), False,
     "document_changed", "document_changed"),
    ("filter", "filtered", lambda d, ids: d["filter"].update(text="state=approved"), False,
     "document_changed", "document_changed"),
    ("filter resealed", "filtered", lambda d, ids: d["filter"].update(text="all posts"), True, None, "not_exported"),
    ("institution", "full", lambda d, ids: d["institution"].update(name_en="Another Ministry"), False,
     "document_changed", "document_changed"),
    ("rows dropped", "full", lambda d, ids: d.update(rows=d["rows"][1:]), True, "events_without_row",
     "events_without_row"),
    ("events as stubs, row dropped", "full", lambda d, ids: _swap_for_stubs(d, ids[1]), False,
     "document_changed", "document_changed"),
    ("events as stubs, row dropped, resealed", "full", lambda d, ids: _swap_for_stubs(d, ids[1]), True,
     None, "not_exported"),
    ("invented stub, chain re-hashed", "filtered", lambda d, ids: _invent_stub(d), True, None, "desk_differs"),
    ("event detail edited", "full", lambda d, ids: _edit_detail(d), True, "event_changed", "event_changed"),
    ("events reordered", "full", lambda d, ids: _reorder(d), True, "gap", "gap"),
    ("row added", "full", _add_row, True, "row_without_events", "row_without_events"),
    ("row added from outside the filter", "filtered",
     lambda d, ids: d["rows"].append(dict(row_of(d, ids[0]), post_id=ids[1], state="in_review")), True,
     "row_without_events", "row_without_events"),
]


@pytest.mark.parametrize("name, which, change, sealed, alone_key, desk_key", EDITS, ids=[e[0] for e in EDITS])
def test_each_edit_is_caught(made, tmp_path, name, which, change, sealed, alone_key, desk_key):
    d = load(made[which])
    change(d, made["ids"])
    if sealed:
        reseal(d)
    forged = tmp_path / "forged.json"
    save(forged, d)
    alone = verify_export(forged)
    if alone_key is None:  # a consistent rewrite: a file alone cannot tell
        assert alone.ok, alone
    else:
        assert_caught(alone, alone_key)
    held = verify_export_file(forged, made["folder"])
    assert_caught(held, desk_key)
    assert held.readable  # exit 1, not 4


def assert_caught(result, expected: str) -> None:
    key, _, field = expected.partition(":")
    assert not result.ok and result.message_key == f"export.verify.{key}", result
    if field:
        assert result.params["field"] == field, result


def test_filter_is_applied_again(made, tmp_path):
    # A row of the right post, with its events, under a filter it does not pass.
    d = load(made["full"])
    d["filter"]["fields"] = {"state": "published"}
    reseal(d)
    forged = tmp_path / "forged.json"
    save(forged, d)
    result = verify_export(forged)
    assert result.message_key == "export.verify.outside_filter" and result.params["field"] == "state"


def test_command_line_says_which_check_it_made(made, tmp_path):
    cli = DeskCli(made["folder"])
    held = cli.run("verify", "--export", made["full"])
    assert held.code == 0 and "matches export event" in held.out, str(held)
    nowhere = tmp_path / "no-desk-here"
    alone = cli.run("--data-dir", nowhere, "verify", "--export", made["filtered"], env={"DESK_DATABASE_URL": ""})
    assert alone.code == 0 and "checked on its own" in alone.out, str(alone)
    assert not nowhere.exists()  # no desk made where there was none
    d = load(made["full"])
    _swap_for_stubs(d, made["ids"][1])
    reseal(d)
    forged = tmp_path / "forged.json"
    save(forged, d)
    caught = cli.run("verify", "--export", forged)
    assert caught.code == 1 and "names this file" in caught.out, str(caught)
    assert cli.run("verify", "--export", tmp_path / "missing.json").code == 4
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert cli.run("verify", "--export", broken).code == 4
    folder = cli.run("verify", "--export", tmp_path)
    assert folder.code == 4 and "is a folder" in folder.out, str(folder)


def test_an_unreadable_export_is_exit_4_not_tampered(made, tmp_path, unprivileged):
    locked = tmp_path / "locked.json"
    shutil.copyfile(made["full"], locked)
    locked.chmod(0o000)
    cli = DeskCli(made["folder"])
    done = subprocess.run([*unprivileged, desk_executable(), "verify", "--export", str(locked)],
                          capture_output=True, text=True, env=cli.environ(), timeout=120)
    assert done.returncode == 4, (done.stdout, done.stderr)
    assert "cannot be read" in done.stdout and "Permission denied" in done.stdout


def test_another_institutions_desk_is_not_held_against(made, tmp_path, desk_factory):
    other = tmp_path / "other-desk"
    desk = desk_factory(other)
    desk.init("جهة أخرى", "Another Body", "AnotherBody", "admin", "مدير النظام", "adminpass1")
    desk.close()
    result = verify_export_file(made["full"], other, desk.database)
    assert result.ok and result.message_key == "export.verify.ok_other_desk", result
    assert str(other) in result.params["folder"]


@pytest.mark.sqlite_only  # a copy of the folder's database file
def test_a_read_only_copy_of_the_desk_is_enough(made, tmp_path):
    import shutil

    copy = tmp_path / "auditor-copy"
    shutil.copytree(made["folder"], copy)
    for path in [copy, *copy.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        result = verify_export_file(made["full"], copy)
        assert result.ok and result.message_key == "export.verify.ok_desk", result
    finally:
        for path in [copy, *copy.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
