"""Bad input through the real `desk` command and the session the window uses: invisible
and huge texts, huge images, ids and times off the range, names, reasons, a missing image.
Each refusal: exit 4, plain words, the database unchanged."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desk.core.errors import InvalidInput, WrongState

pytestmark = [pytest.mark.usefixtures("no_keyring"), pytest.mark.both_stores]

PW = {"admin": "adminpass1", "omar": "officerpw1", "sara": "supervisor1", "khalid": "supervisor2"}


@pytest.fixture
def cli(office_folder, run_desk, snapshot, desk_factory):
    desk = desk_factory(office_folder)
    sessions = {}

    class Cli:
        folder = office_folder

        def session(self, user):
            if user not in sessions:
                sessions[user] = desk.sign_in(user, PW[user])
            return sessions[user]

        def run(self, *args, user=None, more=""):
            args = (*args, "--as", user, "--password-stdin") if user else args
            return run_desk(*args, stdin=PW[user] + "\n" + more if user else None)

        def refused(self, words, *args, user=None, more=""):
            before = snapshot(office_folder)
            result = self.run(*args, user=user, more=more)
            assert result.returncode == 4, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
            assert words in result.stderr, result.stderr
            assert "Something went wrong" not in result.stderr and "Traceback" not in result.stderr
            assert snapshot(office_folder) == before
            return result

        def approved(self, text="خبر للنشر") -> int:
            post_id = self.session("omar").draft(text)
            self.session("omar").submit(post_id)
            self.session("sara").approve(post_id)
            return post_id

    return Cli()


# ------------------------------------------------------------------ item 8
def test_invisible_text_is_refused_like_empty_text(cli, tmp_path):
    cli.refused("shows nothing", "draft", "--text", "\u200b\u200c\u200d\u200e\u200f", user="omar")
    path = tmp_path / "post.txt"
    path.write_text("\ufeff\u2067\u2069\u2060 \u061c\n", encoding="utf-8")
    cli.refused("shows nothing", "draft", "--text-file", path, user="omar")
    post_id = cli.session("omar").draft("خبر")
    cli.refused("shows nothing", "edit", post_id, "--text", "\u202b\u202c \u00a0", user="omar")


# ------------------------------------------------------------------ item 9
def test_a_ten_megabyte_text_file_is_refused_at_the_door(cli, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("خبر " * (10 * 1024 * 1024 // 8), encoding="utf-8")  # about 10 MB of UTF-8
    result = cli.refused("far too long", "draft", "--text-file", path, user="omar")
    assert "25000" in result.stderr
    cli.refused("far too long", "draft", "--text", "ب" * 25_001, user="omar")


def test_the_window_path_refuses_huge_text_before_storing_it(office, images):
    before = office.snapshot()
    with pytest.raises(InvalidInput) as refused:
        office.omar.draft("ب" * 30_000, [(("a.png", images.png()), "صورة")])
    assert refused.value.key == "text.far_too_long"
    assert office.snapshot() == before
    media = Path(office.desk.store.media.path("0" * 64, "png")).parent
    assert not media.exists() or not any(media.iterdir())  # no image file written either


# ------------------------------------------------------------------ item 10
def big_png(path: Path, side: int = 12_000) -> Path:
    """A real, decodable grey PNG of side × side pixels, compressed row by row (never whole)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    packer = zlib.compressobj(9)
    row = b"\x00" + b"\x80" * side
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", data) + chunk(b"IEND", b""))
    return path


def test_a_12000_pixel_png_is_refused_by_the_command(cli, tmp_path):
    path = big_png(tmp_path / "huge.png")
    assert path.stat().st_size < 1024 * 1024  # small on disk: only the pixels are huge
    result = cli.refused("12000 × 12000", "draft", "--text", "خبر", "--image", path, "--alt", "", user="omar")
    assert "8192" in result.stderr


PROBE = """
import resource, sys, json
from desk.core.errors import InvalidInput
from desk.core.media import check_image
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    check_image(data, "huge.png", "")
    key = None
except InvalidInput as error:
    key = error.key
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"key": key, "grew_kb": after - before}))
"""


def test_the_big_png_is_refused_before_it_is_decoded(tmp_path):
    """Decoding 12000 × 12000 grey pixels takes 144 MB; the refusal must cost next to nothing."""
    path = big_png(tmp_path / "huge.png")
    run = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert found["key"] == "media.too_many_pixels"
    assert found["grew_kb"] < 40 * 1024, found  # ru_maxrss is in KiB on Linux


def test_a_decompression_bomb_past_the_side_check_is_the_desks_own_refusal(monkeypatch, tmp_path):
    from desk.core import media

    monkeypatch.setattr(media, "MAX_SIDE", 100_000)  # only Pillow's own guard is left
    monkeypatch.setattr(media, "MAX_PIXELS", 1000 * 1000)
    with pytest.raises(InvalidInput) as refused:
        media.check_image(big_png(tmp_path / "b.png", side=3000).read_bytes(), "b.png", "")
    assert refused.value.key == "media.bomb"
    assert "b.png" in refused.value.message("ar")


# ------------------------------------------------------------------ item 11
def test_ids_past_two_to_the_63_are_invalid_input(cli):
    for command in ("show", "submit", "approve", "publish", "unschedule"):
        user = {"show": "sara", "submit": "omar", "approve": "sara", "publish": "sara", "unschedule": "sara"}[command]
        cli.refused("99999999999999999999", command, "99999999999999999999", user=user)
    cli.refused("post number", "reject", str(2**63), "--reason", "سبب", user="sara")
    cli.refused("post number", "edit", str(2**64), "--text", "خبر", user="omar")


@pytest.mark.parametrize("at", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00+14:00"])
def test_times_off_the_calendar_are_invalid_input(cli, at):
    post_id = cli.approved()
    cli.refused("outside the dates", "schedule", post_id, "--at", at, user="sara")


def test_a_schedule_more_than_a_year_ahead_is_refused_unless_the_office_allows_it(cli):
    post_id = cli.approved()
    far = (datetime.now(timezone.utc) + timedelta(days=400)).isoformat(timespec="minutes")
    cli.refused("365", "schedule", post_id, "--at", far, user="sara")
    cli.refused("more than 365 days", "schedule", post_id, "--at", "9999-06-01T00:00+00:00", user="sara")
    admin = cli.session("admin")
    admin.set_setting("schedule_max_days", 500)
    assert cli.run("schedule", post_id, "--at", far, user="sara").returncode == 0
    assert cli.session("sara").post(post_id).state.value == "scheduled"
    with pytest.raises(InvalidInput):
        admin.set_setting("schedule_max_days", 0)


def test_the_windows_schedule_refuses_the_same(office):
    post_id = office.approved_post("خبر مجدول")
    before = office.snapshot()
    for at in ("9999-12-31T23:59:59-23:59", datetime.now(timezone.utc) + timedelta(days=366)):
        with pytest.raises(InvalidInput):
            office.sara.schedule(post_id, at)
    with pytest.raises(InvalidInput) as refused:
        office.sara.schedule(2**70, datetime.now(timezone.utc) + timedelta(days=1))
    assert refused.value.key == "post.bad_id"
    assert office.snapshot() == before


# ------------------------------------------------------------------ item 12
def test_staff_with_an_empty_or_huge_name_is_refused(cli):
    new = "hudapass12\n"  # the new person's password, asked after the administrator's
    cli.refused("full name", "staff", "add", "huda", "--name", "", "--role", "officer", user="admin", more=new)
    cli.refused("shows nothing", "staff", "add", "huda", "--name", "\u200b\u200f", "--role", "officer",
                user="admin", more=new)
    cli.refused("the limit is 100", "staff", "add", "huda", "--name", "ه" * 10_000, "--role", "officer",
                user="admin", more=new)
    assert cli.run("staff", "add", "huda", "--name", "هدى الشمري", "--role", "officer", user="admin",
                   more=new).returncode == 0


def test_a_reject_reason_or_comment_with_control_characters_is_refused(cli):
    session = cli.session("omar")
    post_id = session.draft("خبر")
    session.submit(post_id)
    cli.refused("control character", "reject", post_id, "--reason", "سبب\x1b[2J", user="sara")
    cli.refused("control character", "return", post_id, "--comment", "ملاحظة\x07", user="sara")
    cli.refused("keep it within 2000", "reject", post_id, "--reason", "س" * 2001, user="sara")
    assert cli.run("reject", post_id, "--reason", "غير دقيق\nراجع المصدر", user="sara").returncode == 0


def test_a_missing_image_file_is_said_to_be_missing(office, images, raw_sql):
    post_id = office.omar.draft("خبر مع صورة", [(("photo.png", images.png()), "صورة")])
    office.omar.submit(post_id)
    office.sara.approve(post_id)
    item = office.desk.store.posts.get(post_id).media[0]
    Path(office.desk.store.media.path(item.sha256, item.ext)).unlink()
    if office.desk.store.on_server:  # there the image lives in the database, the folder is a cache
        raw_sql(office.folder, "DELETE FROM media_files WHERE name = ?", [f"{item.sha256}.{item.ext}"])
    with pytest.raises(WrongState) as refused:
        office.sara.publish(post_id)
    assert refused.value.key == "media.file_missing"
    words = refused.value.message("en")
    assert item.sha256 in words and "missing" in words and "backup" in words
    assert "مفقودة" in refused.value.message("ar")
    assert office.desk.store.posts.get(post_id).state.value == "approved"


@pytest.mark.postgresql_only
def test_on_a_server_an_image_gone_from_the_cache_comes_back_from_the_database(office, images):
    data = images.png(color=(9, 99, 199))
    post_id = office.omar.draft("خبر مع صورة من مكتب آخر", [(("photo.png", data), "صورة")])
    office.omar.submit(post_id)
    office.sara.approve(post_id)
    item = office.desk.store.posts.get(post_id).media[0]
    Path(office.desk.store.media.path(item.sha256, item.ext)).unlink()  # as on a workstation that never had it
    office.sara.publish(post_id)
    assert office.desk.store.posts.get(post_id).state.value == "published"
    assert office.desk.store.media.path(item.sha256, item.ext).read_bytes() == data
