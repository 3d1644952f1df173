"""The command line, through the real `desk` console script: the issue's whole
"Done when" scenario, and an exit code and a clear message for every bad input, with
the database unchanged after each refusal."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import datetime, timedelta, timezone

import pytest

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]  # never touch a real keyring

ADMIN_PW, OMAR_PW, SARA_PW, KHALID_PW = "adminpass1", "officerpw1", "supervisor1", "supervisor2"
PW = {"admin": ADMIN_PW, "omar": OMAR_PW, "sara": SARA_PW, "khalid": KHALID_PW}

try:  # the export's column names (desk/export/rows.py); written out here if that file is missing
    from desk.export.rows import COLUMNS
except ImportError:  # pragma: no cover
    COLUMNS = ["post_id", "state", "text", "author", "author_name", "created_at", "submitted_at", "approver",
               "approver_name", "approved_at", "published_by", "published_at", "x_post_id", "x_url",
               "withdrawn_by", "withdrawn_at", "withdraw_reason", "media_count"]

DESIGN_COLUMNS = ["post_id", "state", "text", "author", "author_name", "created_at", "submitted_at", "approver",
                  "approver_name", "approved_at", "published_by", "published_at", "x_post_id", "x_url",
                  "withdrawn_by", "withdrawn_at", "withdraw_reason", "media_count"]


def ok(result):
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


# =========================================================================== the "Done when" scenario
@pytest.fixture
def new_desk(data_dir, store_kind, pg_databases):
    """The data folder for a desk `desk init` makes: on PostgreSQL, in an empty database of its own."""
    if store_kind == "postgresql":
        pg_databases.url_for(data_dir)
    return data_dir


@pytest.mark.slow
def test_done_when_scenario(run_desk, new_desk, headlines, raw_sql):
    data_dir = new_desk
    headline = headlines[0]
    out = ok(run_desk("init", "--name-ar", "وزارة الإعلام", "--name-en", "Ministry of Media", "--handle", "MinistryMedia",
                      "--admin", "admin", "--password-stdin", stdin=ADMIN_PW + "\n"))
    assert "وزارة الإعلام" in out.stdout
    for user, name, role in (("omar", "عمر الحربي", "officer"), ("sara", "سارة القحطاني", "supervisor"),
                             ("khalid", "خالد العتيبي", "supervisor")):
        ok(run_desk("staff", "add", user, "--name", name, "--role", role, "--as", "admin", "--password-stdin",
                    stdin=f"{ADMIN_PW}\n{PW[user]}\n"))
    listing = ok(run_desk("staff", "list", "--as", "omar", "--password-stdin", stdin=OMAR_PW + "\n")).stdout
    assert "سارة القحطاني" in listing and "khalid" in listing

    # the first supervisor drafts an Arabic headline and submits it
    post_id = int(ok(run_desk("draft", "--as", "sara", "--text", headline, "--password-stdin",
                              stdin=SARA_PW + "\n")).stdout.strip())
    ok(run_desk("submit", post_id, "--as", "sara", "--password-stdin", stdin=SARA_PW + "\n"))

    # approving one's own draft: exit 3, plain words, nothing changed
    own = run_desk("approve", post_id, "--as", "sara", "--password-stdin", stdin=SARA_PW + "\n")
    assert own.returncode == 3, own.stderr
    assert "wrote or edited" in own.stderr
    # the officer may not approve at all
    officer = run_desk("approve", post_id, "--as", "omar", "--password-stdin", stdin=OMAR_PW + "\n")
    assert officer.returncode == 3 and "supervisor" in officer.stderr

    # the second supervisor approves; the post is published to training
    ok(run_desk("approve", post_id, "--as", "khalid", "--password-stdin", stdin=KHALID_PW + "\n"))
    ok(run_desk("publish", post_id, "--as", "sara", "--password-stdin", stdin=SARA_PW + "\n"))

    # the log shows author and approver, and prints Arabic as Arabic
    log = ok(run_desk("log", "--as", "omar", "--password-stdin", stdin=OMAR_PW + "\n")).stdout
    line = next(l for l in log.splitlines() if l.startswith(f"{post_id}\t"))
    fields = line.split("\t")
    assert "sara" in fields and "khalid" in fields
    assert headline[:30] in line
    arabic = ok(run_desk("log", "--as", "omar", "--password-stdin", stdin=OMAR_PW + "\n", env={"DESK_LANG": "ar"}))
    assert "تم النشر" in arabic.stdout  # the state, not the noun «منشور»

    rows = json.loads(ok(run_desk("log", "--json", "--as", "omar", "--password-stdin", stdin=OMAR_PW + "\n")).stdout)
    assert COLUMNS[: len(DESIGN_COLUMNS)] == DESIGN_COLUMNS
    assert len(rows) == 1 and list(rows[0])[: len(DESIGN_COLUMNS)] == DESIGN_COLUMNS
    row = rows[0]
    assert (row["post_id"], row["state"], row["text"]) == (post_id, "published", headline)
    assert (row["author"], row["author_name"]) == ("sara", "سارة القحطاني")
    assert (row["approver"], row["approver_name"]) == ("khalid", "خالد العتيبي")
    assert row["published_by"] == "sara" and row["published_at"] and row["x_post_id"]

    shown = json.loads(ok(run_desk("show", post_id, "--json", "--as", "omar", "--password-stdin",
                                   stdin=OMAR_PW + "\n")).stdout)
    assert shown["state"] == "published"
    actions = [(e["action"], e["actor"]) for e in shown["history"]]
    assert actions == [("create", "sara"), ("submit", "sara"), ("approve", "khalid"), ("claim", "sara"),
                       ("sent", "sara")]
    text_view = ok(run_desk("show", post_id, "--as", "omar", "--password-stdin", stdin=OMAR_PW + "\n")).stdout
    assert headline in text_view

    verified = ok(run_desk("verify"))
    assert "intact" in verified.stdout

    # one event row changed with the sqlite3 shell (on a server, by SQL): exit 1, naming the event
    approve_id = next(e["id"] for e in shown["history"] if e["action"] == "approve")
    if not (data_dir / "desk.sqlite3").exists():
        raw_sql(data_dir, f"UPDATE events SET actor = 'omar' WHERE id = {approve_id}")
        tampered = run_desk("verify")
        assert tampered.returncode == 1 and f"Event {approve_id}" in tampered.stdout
        return
    shell = subprocess.run(["sqlite3", str(data_dir / "desk.sqlite3"),
                            f"UPDATE events SET actor = 'omar' WHERE id = {approve_id};"],
                           capture_output=True, text=True)
    if shell.returncode == 127 or (shell.returncode and "not found" in shell.stderr):  # pragma: no cover
        pytest.skip("the sqlite3 shell is not installed")
    assert shell.returncode == 0, shell.stderr
    tampered = run_desk("verify")
    assert tampered.returncode == 1
    assert f"Event {approve_id}" in tampered.stdout


def test_version_and_usage_errors(run_desk):
    version = ok(run_desk("--version"))
    assert version.stdout.startswith("desk ")
    assert run_desk("bogus-command").returncode == 2
    assert run_desk("approve").returncode == 2  # no id
    assert run_desk("approve", "1").returncode == 2  # no --as
    assert run_desk("approve", "one", "--as", "sara").returncode == 2


# =========================================================================== bad input
@pytest.fixture
def cli(office_folder, run_desk, snapshot, desk_factory):
    """Run desk as a given person against this test's copy of the office. Steps that only
    set the scene (a draft, a submission) go through the service in this process: faster."""
    desk = desk_factory(office_folder)
    sessions = {}

    class Cli:
        folder = office_folder

        def session(self, user):
            if user not in sessions:
                sessions[user] = desk.sign_in(user, PW[user])
            return sessions[user]

        def run(self, *args, user=None, password=None, env=None, prefix=(), stdin=None):
            if user:
                args = (*args, "--as", user, "--password-stdin")
                stdin = (password if password is not None else PW[user]) + "\n"
            return run_desk(*args, stdin=stdin, env=env, prefix=prefix)

        def ok(self, *args, **kw):
            return ok(self.run(*args, **kw))

        def draft(self, text="خبر للتجربة", user="omar") -> int:
            return self.session(user).draft(text)

        def in_review(self, text="خبر للمراجعة") -> int:
            post_id = self.draft(text)
            self.session("omar").submit(post_id)
            return post_id

        def refused(self, code, words, *args, **kw):
            """Run; expect the exit code and the words on stderr; expect no change at all."""
            before = snapshot(office_folder)
            result = self.run(*args, **kw)
            assert result.returncode == code, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
            assert words in result.stderr, result.stderr
            assert "Traceback" not in result.stderr
            assert snapshot(office_folder) == before
            return result

    return Cli()


def test_empty_text(cli):
    cli.refused(4, "no text", "draft", "--text", "", user="omar")
    cli.refused(4, "no text", "draft", "--text", "  \n ", user="omar")


def test_over_long_text_is_saved_but_cannot_be_submitted(cli):
    post_id = int(cli.ok("draft", "--text", "ب" * 281, user="omar").stdout)  # saved as a draft
    assert cli.session("omar").post(post_id).text == "ب" * 281
    result = cli.refused(4, "281", "submit", post_id, user="omar")
    assert "280" in result.stderr
    assert cli.session("omar").post(post_id).state.value == "draft"


def test_nul_in_a_text_file(cli, tmp_path):
    path = tmp_path / "post.txt"
    path.write_text("خبر\x00عاجل", encoding="utf-8")
    cli.refused(4, "cannot be published", "draft", "--text-file", path, user="omar")


def test_lone_surrogate_in_a_text_file(cli, tmp_path):
    path = tmp_path / "post.txt"
    path.write_bytes("خبر ".encode() + b"\xed\xa0\x80")  # a surrogate encoded as if it were UTF-8
    cli.refused(4, "cannot be read", "draft", "--text-file", path, user="omar")


def test_lone_surrogate_on_the_command_line(cli):
    # argv bytes that are not UTF-8 reach Python as lone surrogates (surrogateescape)
    result = cli.refused(4, "cannot be published", "draft", "--text", "خبر ".encode() + b"\xed\xa0\x80", user="omar")
    assert "position 5" in result.stderr


def test_lone_surrogate_and_nul_through_the_service(office):
    from desk.core.errors import InvalidInput

    before = office.snapshot()
    for text in ("خبر \ud800", "خبر\x00", "\udfff"):
        with pytest.raises(InvalidInput) as refused:
            office.omar.draft(text)
        assert refused.value.key == "text.bad_character"
    post_id = office.omar.draft("خبر سليم")
    with pytest.raises(InvalidInput):
        office.omar.edit(post_id, "خبر \udc80")
    assert office.omar.post(post_id).text == "خبر سليم"
    assert len(office.snapshot()["posts"]) == len(before["posts"]) + 1


def test_not_an_image(cli, tmp_path):
    path = tmp_path / "photo.png"
    path.write_text("this is not a picture")
    cli.refused(4, "not an image", "draft", "--text", "خبر مع صورة", "--image", path, "--alt", "صورة", user="omar")


def test_truncated_image(cli, tmp_path, images):
    path = tmp_path / "cut.jpg"
    data = images.noise("JPEG", 200, 200)
    path.write_bytes(data[: len(data) // 2])
    cli.refused(4, "not an image", "draft", "--text", "خبر", "--image", path, "--alt", "", user="omar")


def test_image_too_large(cli, tmp_path, images):
    path = tmp_path / "big.png"
    path.write_bytes(images.noise("PNG", 1400, 1400))
    cli.refused(4, "at most 5 MB", "draft", "--text", "خبر", "--image", path, "--alt", "", user="omar")


def test_fifth_image(cli, tmp_path, images):
    args = []
    for n in range(5):
        path = tmp_path / f"p{n}.png"
        path.write_bytes(images.png(color=(n * 50, 0, 0)))
        args += ["--image", path, "--alt", f"صورة {n}"]
    cli.refused(4, "at most 4 images", "draft", "--text", "خبر", *args, user="omar")
    post_id = int(cli.ok("draft", "--text", "خبر", *args[:-4], user="omar").stdout)  # four are fine
    assert len(cli.session("omar").post(post_id).media) == 4


def test_alt_text_too_long(cli, tmp_path, images):
    path = tmp_path / "p.png"
    path.write_bytes(images.png())
    cli.refused(4, "1001", "draft", "--text", "خبر", "--image", path, "--alt", "و" * 1001, user="omar")


def test_wrong_state(cli):
    draft = cli.draft()
    cli.refused(4, "cannot approve it now", "approve", draft, user="sara")
    rejected = cli.in_review()
    cli.session("sara").reject(rejected, "غير دقيق")
    cli.refused(4, "cannot publish it now", "publish", rejected, user="sara")


def test_wrong_role(cli):
    post_id = cli.in_review()
    cli.refused(3, "supervisor", "approve", post_id, user="omar")
    cli.refused(3, "supervisor", "approve", post_id, user="admin")
    cli.refused(3, "supervisor", "pause", user="omar")
    # staff add reads the new person's password after the signing-in one
    cli.refused(3, "administrator", "staff", "add", "huda", "--name", "هدى", "--role", "officer", user="sara",
                password=f"{SARA_PW}\nnewpassword1")
    cli.refused(3, "supervisor", "draft", "--text", "خبر", user="admin")


def test_approving_ones_own_post(cli):
    post_id = cli.draft(user="sara")
    cli.session("sara").submit(post_id)
    cli.refused(3, "wrote or edited", "approve", post_id, user="sara")
    cli.refused(3, "wrote or edited", "reject", post_id, "--reason", "لا", user="sara")


def test_editing_someone_elses_draft(cli):
    post_id = cli.draft()
    cli.refused(3, "Only the author (omar)", "edit", post_id, "--text", "تعديل", user="sara")
    cli.refused(3, "Only the author (omar)", "submit", post_id, user="sara")


def test_deactivated_name(cli):
    cli.session("admin").deactivate("khalid")
    cli.refused(3, "deactivated", "draft", "--text", "خبر", user="khalid")


def test_locked_name(cli, desk_factory):
    from desk.core.errors import SignInRefused

    desk = desk_factory(cli.folder)
    for _ in range(5):
        with pytest.raises(SignInRefused):
            desk.sign_in("omar", "not the password")
    desk.close()
    cli.refused(3, "locked", "draft", "--text", "خبر", user="omar")  # even the right password


def test_wrong_password(cli, snapshot):
    before = snapshot(cli.folder)
    result = cli.run("draft", "--text", "خبر", user="omar", password="not it")
    assert result.returncode == 3 and "Wrong username or password" in result.stderr
    after = snapshot(cli.folder)
    assert after["events"] == before["events"] and after["posts"] == before["posts"]
    unknown = cli.run("draft", "--text", "خبر", user="nobody", password="whatever1")
    assert unknown.returncode == 3 and unknown.stderr == result.stderr  # the same words: names don't leak


def test_unknown_post_id(cli):
    cli.refused(4, "no post 999", "approve", 999, user="sara")
    cli.refused(4, "no post 999", "show", 999, user="sara")
    cli.refused(4, "no post 999", "edit", 999, "--text", "x", user="omar")


def test_schedule_in_the_past_and_bad_time(cli):
    post_id = cli.in_review()
    cli.session("sara").approve(post_id)
    past = (datetime.now(timezone.utc) - timedelta(hours=1)).isoformat()
    cli.refused(4, "has passed", "schedule", post_id, "--at", past, user="sara")
    cli.refused(4, "is not a date", "schedule", post_id, "--at", "next tuesday", user="sara")


def test_reject_needs_a_reason(cli):
    post_id = cli.in_review()
    cli.refused(4, "reason", "reject", post_id, "--reason", "  ", user="sara")


@pytest.mark.sqlite_only  # the folder that holds the database file
def test_read_only_data_folder(cli, unprivileged, office_folder):
    office_folder.chmod(0o500)
    try:
        cli.refused(1, "is read-only", "draft", "--text", "خبر", user="omar", prefix=unprivileged)
    finally:
        office_folder.chmod(0o700)


@pytest.mark.sqlite_only  # SQLite's file lock
def test_locked_database(cli, office_folder):
    holder = sqlite3.connect(office_folder / "desk.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = cli.refused(1, "busy", "draft", "--text", "خبر", user="omar", env={"DESK_BUSY_TIMEOUT": "0.5"})
        arabic = cli.run("draft", "--text", "خبر", user="omar", env={"DESK_BUSY_TIMEOUT": "0.5", "DESK_LANG": "ar"})
        assert arabic.returncode == 1 and "مشغولة" in arabic.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.stdout == ""
    cli.ok("draft", "--text", "خبر", user="omar")  # once released, it works


def test_not_a_database_file(run_desk, data_dir):
    data_dir.mkdir(mode=0o700)
    junk = b"PK\x03\x04 this is a zip, not a database" * 50
    (data_dir / "desk.sqlite3").write_bytes(junk)
    for args, stdin in ((("verify",), None), (("draft", "--text", "خبر", "--as", "omar", "--password-stdin"), "x\n")):
        result = run_desk(*args, stdin=stdin)
        assert result.returncode == 1, result.stderr
        assert "is not a Posting Desk database" in result.stderr + result.stdout
        assert "Traceback" not in result.stderr
    assert (data_dir / "desk.sqlite3").read_bytes() == junk


def test_init_twice_is_refused(cli):
    cli.refused(4, "already belongs", "init", "--name-ar", "أخرى", "--name-en", "Other", "--handle", "Other",
                "--admin", "boss", "--password-stdin", stdin="bosspassword1\n")


def test_no_institution_yet(run_desk):
    result = run_desk("draft", "--text", "خبر", "--as", "omar", "--password-stdin", stdin="x\n")
    assert result.returncode == 1 and "desk init" in result.stderr


def test_staff_add_keeps_the_gender_given(cli):
    cli.ok("staff", "add", "mona", "--name", "منى", "--role", "officer", "--gender", "f", user="admin",
           password=f"{PW['admin']}\nnewpassword1")
    cli.ok("staff", "add", "fahd", "--name", "فهد", "--role", "officer", user="admin",
           password=f"{PW['admin']}\nnewpassword1")
    staff = cli.session("admin").store.staff
    assert staff.require("mona").gender == "f"
    assert staff.require("fahd").gender == ""  # not given: sentences use the masculine form
    refused = cli.run("staff", "add", "x1", "--name", "س", "--role", "officer", "--gender", "q", user="admin")
    assert refused.returncode == 2 and "--gender" in refused.stderr
    cli.ok("staff", "gender", "fahd", "m", user="admin", password=PW["admin"])
    cli.ok("staff", "gender", "mona", "none", user="admin", password=PW["admin"])
    staff = cli.session("admin").store.staff
    assert staff.require("fahd").gender == "m" and staff.require("mona").gender == ""
