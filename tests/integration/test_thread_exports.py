"""A thread in the log and in every export: one row, its parts counted ("parts", after the
designed columns), the first part's x_post_id and x_url; the JSON export lists every part's
text, images and X id, and verifies with them, so a changed part is caught.

Published through the fake X (tests/fakes/x_server.py), so each part has a real X address."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.conftest import PASSWORDS  # noqa: E402
from tests.fakes.x_server import running_fake_x  # noqa: E402

from desk.core.errors import DeskError  # noqa: E402
from desk.export.rows import COLUMNS, EXTRA_COLUMNS  # noqa: E402
from desk.export.verify_desk import verify_export_file  # noqa: E402
from desk.export.verify_file import verify_export  # noqa: E402
from desk.publish.x import XPublisher  # noqa: E402

pytestmark = pytest.mark.both_stores

DESIGNED = ["post_id", "state", "text", "author", "author_name", "created_at", "submitted_at", "approver",
            "approver_name", "approved_at", "published_by", "published_at", "x_post_id", "x_url",
            "withdrawn_by", "withdrawn_at", "withdraw_reason", "media_count"]


def statement(headlines, count: int, start: int = 0) -> list[str]:
    return [f"{headlines[(start + i) % len(headlines)]} ({i + 1}/{count})" for i in range(count)]


@pytest.fixture
def made(qapp, office_folder, desk_factory, headlines, images, tmp_path):
    """On the fake X: a published five-part thread (images in parts 1 and 3), a thread X
    stopped at part 3 of 4, a draft thread, and a single post; exported in every format
    (the PDF through the desk's own application, made first)."""
    with running_fake_x(username="MinistryMedia") as fake:
        desk = desk_factory(office_folder, publisher_factory=lambda d: XPublisher(
            **fake.keys, api_base=fake.base_url, timeout=2))
        omar, sara = desk.sign_in("omar", PASSWORDS["omar"]), desk.sign_in("sara", PASSWORDS["sara"])

        def approved(parts) -> int:
            post_id = omar.draft_parts(parts)
            omar.submit(post_id)
            sara.approve(post_id)
            return post_id

        texts = statement(headlines, 5)
        pictures = {0: [(("a.png", images.png(color=(200, 40, 40))), "صورة الجزء الأول")],
                    2: [(("c.png", images.png(color=(40, 40, 200))), "صورة الجزء الثالث")]}
        whole = approved([(t, pictures.get(n, [])) for n, t in enumerate(texts)])
        sara.publish(whole)
        partly_texts = statement(headlines, 4, start=5)
        partly = approved([(t, []) for t in partly_texts])
        fake.fail_next("400", on="POST /2/tweets", after=2)
        with pytest.raises(DeskError):
            sara.publish(partly)
        draft = omar.draft_parts([(t, []) for t in statement(headlines, 3, start=9)])
        single = approved([(headlines[12 % len(headlines)], [])])
        sara.publish(single)
        out = {fmt: tmp_path / f"log.{fmt}" for fmt in ("csv", "xlsx", "json", "pdf")}
        for fmt, path in out.items():
            sara.export(path, fmt)
        posts = {name: desk.store.posts.get(post_id) for name, post_id in
                 (("whole", whole), ("partly", partly), ("draft", draft), ("single", single))}
        yield {"desk": desk, "sara": sara, "out": out, "posts": posts, "texts": texts,
               "partly_texts": partly_texts, "folder": office_folder, "tmp": tmp_path}


def test_the_log_counts_a_threads_parts(made):
    posts, sara = made["posts"], made["sara"]
    assert posts["whole"].state.value == "published" and len(posts["whole"].part_ids) == 5
    assert posts["partly"].state.value == "partly_published" and len(posts["partly"].part_ids) == 2
    rows = {r["post_id"]: r for r in sara.log()}
    assert len(rows) == 4
    assert {name: rows[post.id]["parts"] for name, post in posts.items()} == {
        "whole": 5, "partly": 4, "draft": 3, "single": 1}
    whole = rows[posts["whole"].id]
    assert whole["text"] == made["texts"][0] and whole["x_post_id"] == posts["whole"].part_ids[0]
    assert whole["x_url"] == f"https://x.com/MinistryMedia/status/{posts['whole'].part_ids[0]}"
    assert sara.show(posts["whole"].id)["row"]["parts"] == 5


def test_csv_is_one_row_per_thread_with_its_parts_and_first_address(made):
    with open(made["out"]["csv"], encoding="utf-8-sig", newline="") as stream:
        table = list(csv.reader(stream))
    assert table[0][: len(DESIGNED)] == DESIGNED  # the designed columns keep their places
    assert table[0] == COLUMNS + EXTRA_COLUMNS and COLUMNS[len(DESIGNED):] == ["parts"]
    rows = {int(r[0]): dict(zip(table[0], r)) for r in table[1:]}
    assert len(rows) == 4
    whole = made["posts"]["whole"]
    row = rows[whole.id]
    assert row["parts"] == "5" and row["text"] == made["texts"][0] and row["media_count"] == "1"
    assert row["x_post_id"] == whole.part_ids[0] and row["x_url"].endswith(f"/status/{whole.part_ids[0]}")
    assert rows[made["posts"]["single"].id]["parts"] == "1"
    assert rows[made["posts"]["partly"].id]["parts"] == "4"
    assert all(made["texts"][n] not in made["out"]["csv"].read_text(encoding="utf-8-sig") for n in (1, 4))


def test_xlsx_is_one_row_per_thread_with_its_parts(made):
    import openpyxl

    sheet = openpyxl.load_workbook(made["out"]["xlsx"]).worksheets[0]
    table = list(sheet.iter_rows(values_only=True))
    assert list(table[0]) == COLUMNS + EXTRA_COLUMNS
    rows = {r[0]: dict(zip(table[0], r)) for r in table[1:]}
    assert len(rows) == 4
    whole = made["posts"]["whole"]
    assert rows[whole.id]["parts"] == 5 and rows[whole.id]["text"] == made["texts"][0]
    assert rows[whole.id]["x_url"] == f"https://x.com/MinistryMedia/status/{whole.part_ids[0]}"
    assert rows[made["posts"]["single"].id]["parts"] == 1


def test_json_lists_every_part_and_verifies(made):
    data = json.loads(made["out"]["json"].read_text(encoding="utf-8"))
    rows = {r["post_id"]: r for r in data["rows"]}
    assert len(rows) == 4
    whole = made["posts"]["whole"]
    row = rows[whole.id]
    assert row["parts"] == 5 and row["x_url"].endswith(f"/status/{whole.part_ids[0]}")
    assert [p["text"] for p in row["thread"]] == made["texts"]
    assert [p["x_post_id"] for p in row["thread"]] == list(whole.part_ids)
    assert [[m["alt"] for m in p["media"]] for p in row["thread"]] == [
        ["صورة الجزء الأول"], [], ["صورة الجزء الثالث"], [], []]
    assert row["thread"][2]["media"][0]["sha256"] == whole.parts[2].media[0].sha256
    partly = rows[made["posts"]["partly"].id]
    assert [p["x_post_id"] for p in partly["thread"]] == [*made["posts"]["partly"].part_ids, None, None]
    assert rows[made["posts"]["single"].id]["thread"] is None
    assert all(p["x_post_id"] is None for p in rows[made["posts"]["draft"].id]["thread"])
    alone = verify_export(made["out"]["json"])
    assert alone.ok and alone.message_key == "export.verify.ok_alone", alone
    held = verify_export_file(made["out"]["json"], made["folder"])
    assert held.ok and held.message_key == "export.verify.ok_desk", held


# ------------------------------------------------------------------ a changed part is caught
def canon(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def reseal(d: dict) -> None:
    """The document hash recomputed, as someone who read the format's rule would."""
    doc = d["document"]
    header = {k: v for k, v in d.items() if k not in ("rows", "events", "document")}
    lines = [header, "rows", *d["rows"], "events", *d["events"], "document",
             {k: v for k, v in doc.items() if k != "sha256"}]
    doc["sha256"] = hashlib.sha256("".join(canon(x) + "\n" for x in lines).encode()).hexdigest()


def _swap(parts: list, a: int, b: int) -> None:
    parts[a], parts[b] = parts[b], parts[a]


# (name, which post's row, the column the check names, change(row))
TAMPERS = [
    ("a later part's text", "whole", "text", lambda r: r["thread"][3].update(text="نص آخر للجزء الرابع")),
    ("a later part's image description", "whole", "text", lambda r: r["thread"][2]["media"][0].update(alt="وصف آخر")),
    ("parts reordered", "whole", "text", lambda r: _swap(r["thread"], 1, 3)),
    ("a part removed", "draft", "text", lambda r: r["thread"].pop()),
    ("the parts dropped", "whole", "text", lambda r: r.update(thread=None)),
    ("the first part unlike the row", "whole", "thread", lambda r: r["thread"][0].update(text="مطلع آخر")),
    ("a part's X id", "whole", "thread", lambda r: r["thread"][4].update(x_post_id="1860000000000000099")),
    ("a part not out said to be out", "partly", "thread",
     lambda r: r["thread"][2].update(x_post_id="1860000000000000098")),
    ("the parts count", "whole", "parts", lambda r: r.update(parts=4)),
    ("a single post said to be a thread", "single", "parts", lambda r: r.update(parts=2)),
]


@pytest.mark.parametrize("name, which, field, change", TAMPERS, ids=[t[0] for t in TAMPERS])
@pytest.mark.parametrize("sealed", [False, True], ids=["as is", "resealed"])
def test_a_changed_part_in_a_json_export_is_caught(made, name, which, field, change, sealed):
    d = json.loads(made["out"]["json"].read_text(encoding="utf-8"))
    post_id = made["posts"][which].id
    change(next(r for r in d["rows"] if r["post_id"] == post_id))
    if sealed:
        reseal(d)
    forged = made["tmp"] / "forged.json"
    forged.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    for result in (verify_export(forged), verify_export_file(forged, made["folder"])):
        # rows are checked first: the changed row is named by its column, sealed or not
        assert not result.ok and result.message_key == "export.verify.row_mismatch", result
        assert result.params["field"] == field and result.params["post_id"] == post_id, result


# ------------------------------------------------------------------ the PDF
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_text(path: Path) -> str:
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return BIDI_MARKS.sub("", unicodedata.normalize("NFKC", raw))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_the_pdf_shows_a_thread_as_one_row_with_its_parts(made):
    text = pdf_text(made["out"]["pdf"])
    whole, partly = made["posts"]["whole"], made["posts"]["partly"]
    assert "4 posts" in text  # four rows, one per post however many parts
    assert text.count("thread: 5 parts") == 1 and text.count("thread: 4 parts") == 1
    assert text.count("thread: 3 parts") == 1 and "thread: 1 parts" not in text
    assert f"X {whole.part_ids[0]}" in text  # the thread's address is its first part's
    assert all(f"X {x_id}" not in text for x_id in whole.part_ids[1:])
    assert made["texts"][0].split(" (")[0] in text.replace("\n", " ")
    assert f"X {partly.part_ids[0]}" in text  # stopped part-way: its first parts are on X
    arabic = made["tmp"] / "log-ar.pdf"
    made["sara"].export(arabic, "pdf", lang="ar")
    words = pdf_text(arabic)
    # pdftotext moves the colon and comma of a right-to-left line: read the numbers only
    assert sorted(re.findall(r"عدد الأجزاء\s*:?\s*(\d+)", words)) == ["3", "4", "5"]
