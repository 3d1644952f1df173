"""The CSV writer, read back by the csv module and by LibreOffice."""

from __future__ import annotations

import csv
import errno
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_export_samples import FORMULA, headlines, meta, sample  # noqa: E402

from desk.core.errors import InvalidInput, StoreError  # noqa: E402
from desk.export import csv_writer  # noqa: E402
from desk.export.rows import COLUMNS, EXTRA_COLUMNS, ExportCancelled  # noqa: E402
from desk.export.writer import write_export  # noqa: E402


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_rows_read_back_with_arabic_two_approvers_and_withdrawn(tmp_path):
    rows, _ = sample()
    out = tmp_path / "log.csv"
    assert write_export("csv", iter(rows), None, meta(), out) == len(rows)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    back = read(out)
    assert list(back[0].keys()) == COLUMNS + EXTRA_COLUMNS
    assert back[0]["text"] == headlines()[0]
    assert back[0]["approver"] == "omar; salma"
    assert back[0]["approver_name"] == "عمر الزهراني; سلمى العتيبي"
    assert back[1]["state"] == "withdrawn"
    assert back[1]["withdraw_reason"] == "خطأ في التاريخ المذكور"
    # Named columns stay machine-readable: UTC ISO times, plain numbers.
    assert back[0]["published_at"] == rows[0]["published_at"]
    assert back[0]["media_count"] == "0"
    assert back[0]["created_at_local"] == "2026-11-02 09:00"
    assert back[0]["created_at_hijri"] == "1448-05-22 هـ"


def test_formula_looking_cells_are_defused(tmp_path):
    rows, _ = sample()
    out = tmp_path / "log.csv"
    write_export("csv", iter(rows), None, meta(), out)
    back = read(out)
    assert back[2]["text"] == "'" + FORMULA
    assert back[5]["text"].startswith("'- a list, with \"quotes\"\nand a second line")
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert csv_writer.safe_cell(start + "x") == "'" + start + "x"
    assert csv_writer.safe_cell("plain") == "plain"
    assert csv_writer.safe_cell(None) == ""
    assert csv_writer.safe_cell(-3) == "-3"  # numbers are data, not text that a sheet could run


def test_no_rows_gives_the_header(tmp_path):
    out = tmp_path / "empty.csv"
    assert write_export("csv", iter([]), None, meta(), out) == 0
    with open(out, encoding="utf-8-sig", newline="") as stream:
        assert list(csv.reader(stream)) == [COLUMNS + EXTRA_COLUMNS]


def many(count: int):
    rows, _ = sample()
    for n in range(count):
        row = dict(rows[n % len(rows)])
        row["post_id"] = n + 1
        yield row


def test_cancel_leaves_nothing_and_keeps_an_older_file(tmp_path):
    out = tmp_path / "log.csv"
    out.write_text("older export")
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(ExportCancelled) as raised:
        write_export("csv", many(5000), None, meta(), out, cancelled=cancelled)
    assert raised.value.key == "export.cancelled"
    assert out.read_text() == "older export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv"]


def test_progress_is_reported(tmp_path):
    seen = []
    write_export("csv", many(1200), None, meta(), tmp_path / "log.csv", progress=seen.append)
    assert seen == [500, 1000, 1200]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(InvalidInput) as raised:
        write_export("csv", many(3), None, meta(), tmp_path / "nowhere" / "log.csv")
    assert raised.value.key == "export.no_folder"
    assert "nowhere" in raised.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_folder_given_as_target(tmp_path):
    with pytest.raises(InvalidInput) as raised:
        write_export("csv", many(3), None, meta(), tmp_path)
    assert raised.value.key == "export.is_folder"


# Run in a child process so that, as root, it runs without the capabilities that let
# root write anywhere (the suite's unprivileged prefix).
READ_ONLY_CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from test_export_csv import many, meta
from desk.core.errors import InvalidInput
from desk.export.writer import write_export
try:
    write_export("csv", many(3), None, meta(), Path(sys.argv[2]) / "log.csv")
    print("written")
except InvalidInput as refused:
    print(refused.key)
"""


def test_read_only_folder(tmp_path, unprivileged):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        child = subprocess.run([*unprivileged, sys.executable, "-c", READ_ONLY_CHILD, str(Path(__file__).parent), str(folder)],
                               capture_output=True, text=True, timeout=120)
        assert child.returncode == 0, child.stderr
        assert child.stdout.strip() == "export.not_writable"
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_permission_refused_when_creating(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("desk.export.rows.tempfile.mkstemp", refuse)
    with pytest.raises(InvalidInput) as raised:
        write_export("csv", many(3), None, meta(), tmp_path / "log.csv")
    assert raised.value.key == "export.not_writable"
    assert list(tmp_path.iterdir()) == []


def test_disk_full_leaves_nothing(tmp_path, monkeypatch):
    real_open = open

    class Full:
        def __init__(self, stream):
            self.stream = stream
            self.written = 0

        def write(self, text):
            self.written += len(text)
            if self.written > 2000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.stream.write(text)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

    monkeypatch.setattr(csv_writer, "open", lambda *a, **k: Full(real_open(*a, **k)), raising=False)
    with pytest.raises(StoreError) as raised:
        write_export("csv", many(100), None, meta(), tmp_path / "log.csv")
    assert raised.value.key == "export.disk_full"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_110000_rows_in_constant_memory(tmp_path):
    out = tmp_path / "big.csv"
    tracemalloc.start()
    try:
        count = write_export("csv", many(110_000), None, meta(), out)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 110_000
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
    with open(out, encoding="utf-8-sig", newline="") as stream:
        assert sum(1 for _ in csv.reader(stream)) == 110_001


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (Debian: libreoffice-calc-nogui)")
def test_libreoffice_opens_it_with_arabic_intact(tmp_path):
    import openpyxl

    rows, _ = sample()
    src = tmp_path / "log.csv"
    write_export("csv", iter(rows), None, meta(), src)
    outdir = tmp_path / "converted"
    # 44 = comma, 34 = double quote, 76 = UTF-8 (what the import dialog picks for this file), 1 = first line.
    command = [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
               "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(outdir), str(src)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    sheet = openpyxl.load_workbook(outdir / "log.xlsx").active
    table = list(sheet.iter_rows(values_only=True))
    assert list(table[0][: len(COLUMNS)]) == COLUMNS
    assert table[1][2] == headlines()[0]
    assert table[1][8] == "عمر الزهراني; سلمى العتيبي"
    formula = sheet.cell(row=4, column=3)
    assert formula.data_type == "s" and formula.value.endswith(FORMULA)  # text, never run
    assert len(table) == len(rows) + 1
