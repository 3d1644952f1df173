"""Threads on the command line: `desk draft --part T --part T ...` (each --image and --alt
going with the --part before it), `desk edit ID --part ...` giving every part again,
`desk show` listing the parts, and publish-due calling a thread X stopped part-way a failure.
Every refusal is an exit code and plain words in English and Arabic, with nothing changed."""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.fakes.x_server import running_fake_x  # noqa: E402
from tests.integration.cli_helpers import DeskCli  # noqa: E402

pytestmark = pytest.mark.both_stores


def statement(headlines, count: int) -> list[str]:
    return [f"{headlines[i % len(headlines)]} ({i + 1}/{count})" for i in range(count)]


def png(path: Path, colour) -> Path:
    Image.new("RGB", (32, 24), colour).save(path, "PNG")
    return path


def part_args(texts: list[str], pictures: dict | None = None) -> list:
    """--part T [--image F --alt A]... for each text; ``pictures``: part number -> [(file, alt)]."""
    args = []
    for number, text in enumerate(texts, start=1):
        args += ["--part", text]
        for path, alt in (pictures or {}).get(number, []):
            args += ["--image", path, "--alt", alt]
    return args


@pytest.fixture
def cli(office_folder):
    return DeskCli(office_folder)


@pytest.fixture
def desk(office_folder, desk_factory):
    return desk_factory(office_folder)


def read_post(desk, post_id: int):
    with desk.store.read():
        return desk.store.posts.get(post_id)


# ------------------------------------------------------------------ draft, show, log
def test_a_thread_drafted_with_parts_keeps_each_image_with_its_part(cli, desk, headlines, tmp_path):
    texts = statement(headlines, 4)
    first, third = png(tmp_path / "a.png", "red"), png(tmp_path / "c.png", "blue")
    ran = cli.ok("draft", *part_args(texts, {1: [(first, "صورة الجزء الأول")], 3: [(third, "صورة الجزء الثالث")]}),
                 as_user="omar")
    post_id = int(ran.out.strip())
    post = read_post(desk, post_id)
    assert post.is_thread and [p.text for p in post.parts] == texts
    assert [[m.alt for m in p.media] for p in post.parts] == [["صورة الجزء الأول"], [], ["صورة الجزء الثالث"], []]
    assert desk.verify().ok

    shown = cli.show(post_id)
    assert [(p["part"], p["text"], p["x_post_id"]) for p in shown["parts"]] == [
        (n, text, None) for n, text in enumerate(texts, start=1)]
    assert [len(p["media"]) for p in shown["parts"]] == [1, 0, 1, 0]
    assert shown["parts"][2]["media"][0]["alt"] == "صورة الجزء الثالث"
    assert shown["row"]["parts"] == 4
    assert cli.log_row(post_id)["parts"] == 4
    line = next(l for l in cli.ok("log", as_user="sara").out.splitlines() if l.startswith(f"{post_id}\t"))
    assert line.endswith(f"(thread: 4 parts) {texts[0]}")  # one row: the first part, its parts counted

    text = cli.ok("show", post_id, as_user="sara").out
    assert "Thread of 4 parts" in text
    for number, part in enumerate(texts, start=1):
        assert f"[Part {number} of 4]" in text and part in text
    assert text.index("[Part 2 of 4]") < text.index(texts[1]) < text.index("[Part 3 of 4]")
    arabic = cli.ok("show", post_id, as_user="sara", env={"DESK_LANG": "ar"}).out
    assert "[الجزء 3 من 4]" in arabic and "سلسلة، عدد أجزائها: 4" in arabic


def test_a_single_post_is_one_part_in_show_and_the_log(cli, desk, headlines):
    post_id = int(cli.ok("draft", "--text", headlines[0], as_user="omar").out)
    shown = cli.show(post_id)
    assert [p["text"] for p in shown["parts"]] == [headlines[0]] and shown["row"]["parts"] == 1
    assert cli.log_row(post_id)["parts"] == 1
    assert "thread" not in cli.ok("log", as_user="sara").out
    text = cli.ok("show", post_id, as_user="sara").out
    assert "Part 1" not in text and "Thread" not in text and headlines[0] in text


def test_show_names_each_parts_x_id_once_it_is_out(cli, desk, headlines):
    texts = statement(headlines, 3)
    post_id = int(cli.ok("draft", *part_args(texts), as_user="omar").out)
    cli.ok("submit", post_id, as_user="omar")
    cli.ok("approve", post_id, as_user="sara")
    published = cli.ok("publish", post_id, as_user="sara")
    post = read_post(desk, post_id)
    assert post.state.value == "published" and len(post.part_ids) == 3
    assert post.x_url in published.out  # the thread's address is its first part's
    shown = cli.show(post_id)
    assert [p["x_post_id"] for p in shown["parts"]] == list(post.part_ids)
    assert shown["row"]["x_post_id"] == post.part_ids[0] and shown["row"]["parts"] == 3
    text = cli.ok("show", post_id, as_user="sara").out
    for number, x_id in enumerate(post.part_ids, start=1):
        assert f"[Part {number} of 3  on X: {x_id}]" in text
    assert desk.verify().ok


def test_a_reply_thread_is_a_reply_in_its_first_part_only(cli, desk, headlines):
    post_id = int(cli.ok("draft", *part_args(statement(headlines, 2)), "--reply-to", "1890000000000000001",
                         as_user="omar").out)
    post = read_post(desk, post_id)
    assert post.reply_to == "1890000000000000001" and post.is_thread


# ------------------------------------------------------------------ edit
def test_edit_with_parts_replaces_every_part_and_voids_the_approval(cli, desk, headlines, tmp_path):
    texts = statement(headlines, 4)
    picture = png(tmp_path / "b.png", "green")
    post_id = int(cli.ok("draft", *part_args(texts, {2: [(picture, "صورة")]}), as_user="omar").out)
    cli.ok("submit", post_id, as_user="omar")
    cli.ok("approve", post_id, as_user="sara")
    assert read_post(desk, post_id).state.value == "approved"

    again = ["بيان معدّل: الجزء الأول", "بيان معدّل: الجزء الثاني", "بيان معدّل: الجزء الثالث"]
    edited = cli.ok("edit", post_id, *part_args(again, {3: [(picture, "صورة في الجزء الأخير")]}), as_user="omar")
    assert f"Post {post_id}: draft" in edited.err
    post = read_post(desk, post_id)
    assert [p.text for p in post.parts] == again and post.approved_hash is None
    assert [[m.alt for m in p.media] for p in post.parts] == [[], [], ["صورة في الجزء الأخير"]]
    assert [p["text"] for p in cli.show(post_id)["parts"]] == again
    assert desk.verify().ok


def test_edit_with_text_changes_the_first_part_and_keeps_the_rest(cli, desk, headlines):
    texts = statement(headlines, 3)
    post_id = int(cli.ok("draft", *part_args(texts), as_user="omar").out)
    cli.ok("edit", post_id, "--text", "مطلع جديد للبيان", as_user="omar")
    assert [p.text for p in read_post(desk, post_id).parts] == ["مطلع جديد للبيان", *texts[1:]]


# ------------------------------------------------------------------ refusals: nothing changed
REFUSALS = [
    # (name, args(texts, picture, bad), exit code, English words, Arabic words)
    ("one part", lambda t, p, b: ["draft", "--part", t[0]], 4,
     "A thread has 2 to 25 parts", "تتكون السلسلة من جزأين إلى 25 جزءًا"),
    ("26 parts", lambda t, p, b: ["draft", *part_args([f"جزء {n}" for n in range(26)])], 4,
     "26 given", "وعدد ما أُدخل: 26"),
    ("an image before any part", lambda t, p, b: ["draft", "--image", p, "--alt", "صورة", *part_args(t)], 4,
     "give a --part first", "ابدأ بـ--part"),
    ("more alts than images", lambda t, p, b: ["draft", "--part", t[0], "--part", t[1], "--image", p,
                                                "--alt", "أ", "--alt", "ب"], 4,
     "Part 2: give one --alt for each --image", "الجزء 2: أضف --alt واحدًا لكل --image"),
    ("an empty part", lambda t, p, b: ["draft", "--part", t[0], "--part", "   ", "--part", t[1]], 4,
     "Part 2 of the thread: The post has no text", "الجزء 2 من السلسلة"),
    ("not an image in part 3", lambda t, p, b: ["draft", *part_args(t[:2]), "--part", t[2], "--image", b], 4,
     "Part 3 of the thread", "الجزء 3 من السلسلة"),
    ("five images in a part", lambda t, p, b: ["draft", "--part", t[0], "--part", t[1], *(["--image", p] * 5)], 4,
     "Part 2 of the thread", "الجزء 2 من السلسلة"),
    ("part with text", lambda t, p, b: ["draft", "--text", t[0], "--part", t[1]], 2, "not allowed with", None),
]


@pytest.mark.parametrize("name, build, code, english, arabic", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_bad_parts_are_refused_in_both_languages_and_nothing_changes(cli, snapshot, headlines, tmp_path,
                                                                     name, build, code, english, arabic):
    texts = statement(headlines, 3)
    picture = png(tmp_path / "ok.png", "red")
    bad = tmp_path / "not-a-picture.png"
    bad.write_text("this is not a picture")
    args = build(texts, picture, bad)
    before = snapshot(cli.data_dir)
    for lang, words in (("en", english), ("ar", arabic)):
        ran = cli.run(*args, as_user="omar", env={"DESK_LANG": lang})
        assert ran.code == code, str(ran)
        if words:
            assert words in ran.err, str(ran)
        assert "Traceback" not in ran.err
    assert snapshot(cli.data_dir) == before


def test_edit_refusals_change_nothing(cli, desk, snapshot, headlines, tmp_path):
    texts = statement(headlines, 3)
    post_id = int(cli.ok("draft", *part_args(texts), as_user="omar").out)
    picture = png(tmp_path / "ok.png", "red")
    before = snapshot(cli.data_dir)
    images = cli.run("edit", post_id, "--text", "نص", "--image", picture, as_user="omar")
    assert images.code == 4 and "On edit, --image goes with --part" in images.err, str(images)
    arabic = cli.run("edit", post_id, "--text", "نص", "--image", picture, as_user="omar", env={"DESK_LANG": "ar"})
    assert arabic.code == 4 and "يُستخدم --image مع --part" in arabic.err, str(arabic)
    one = cli.run("edit", post_id, "--part", "جزء وحيد", as_user="omar")
    assert one.code == 4 and "A thread has 2 to 25 parts" in one.err, str(one)
    empty = cli.run("edit", post_id, "--part", texts[0], "--part", "", as_user="omar")
    assert empty.code == 4 and "Part 2 of the thread: The post has no text" in empty.err, str(empty)
    not_hers = cli.run("edit", post_id, *part_args(texts[:2]), as_user="sara")
    assert not_hers.code == 3, str(not_hers)
    assert snapshot(cli.data_dir) == before
    assert [p.text for p in read_post(desk, post_id).parts] == texts


# ------------------------------------------------------------------ publish-due
@pytest.fixture
def fake_x(real_keyring, monkeypatch):
    with running_fake_x(username="MinistryMedia") as fake:
        monkeypatch.setenv("DESK_X_API_BASE", fake.base_url)
        monkeypatch.setenv("DESK_X_TIMEOUT", "5")
        yield fake


@pytest.fixture
def connected(office, fake_x):
    """The office with the fake account's keys in the keyring, set by the administrator."""
    office.desk.account.set_keys(office.session("admin"), **fake_x.keys)
    yield office
    office.desk.account.vault().forget()


@pytest.mark.keyring
def test_publish_due_calls_a_thread_stopped_part_way_a_failure(connected, fake_x, headlines):
    office = connected
    texts = statement(headlines, 4)
    post_id = office.omar.draft_parts([(t, []) for t in texts])
    office.omar.submit(post_id)
    office.sara.approve(post_id)
    office.sara.schedule(post_id, (datetime.now(timezone.utc) + timedelta(seconds=1)).isoformat())
    time.sleep(1.2)
    fake_x.fail_next("400", on="POST /2/tweets", after=2)  # X refuses part 3 outright
    cli = DeskCli(office.folder, api_base=fake_x.base_url, env={"DESK_X_TIMEOUT": "5"})
    ran = cli.run("publish-due", env={"DESK_LANG": "ar"})
    assert ran.code == 5, str(ran)  # the task scheduler sees trouble
    assert f"{post_id}\tpartly\t" in ran.out and "الجزء 3 من 4" in ran.out, str(ran)
    assert len(fake_x.posts) == 2
    with office.desk.store.read():
        post = office.desk.store.posts.get(post_id)
    assert post.state.value == "partly_published" and len(post.part_ids) == 2
    shown = DeskCli(office.folder).show(post_id)
    assert [p["x_post_id"] for p in shown["parts"]] == [*post.part_ids, None, None]
    assert office.desk.verify().ok
    again = cli.run("publish-due")  # a part X refused waits for a person: nothing is due
    assert again.code == 0 and "No post is due" in again.err, str(again)
