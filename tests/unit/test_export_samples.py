"""Sample rows and a matching audit chain for the export tests, plus tests of dates.py.

The chain is built here with the hashing rule written out again, so the tests do not
lean on the code they check.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from desk.export.dates import hijri_date_text, hijri_iso, hijri_text, local_text, naive_local
from desk.export.rows import COLUMNS, ExportMeta

REPO = Path(__file__).resolve().parents[2]
HEADLINES = REPO.parent / "shared" / "seed" / "headlines-ar.txt"
RIYADH = timezone(timedelta(hours=3))
FORMULA = "=SUM(A1)"


def headlines() -> list[str]:
    if HEADLINES.is_file():
        lines = [line.strip() for line in HEADLINES.read_text(encoding="utf-8").splitlines() if line.strip()]
        if lines:
            return lines
    return ["أمطار ورياح نشطة على عدة اجزاء من مناطق المملكة", "اليمن.. أزمة سببها الحوثي"]


def meta(lang: str = "ar", **changes) -> ExportMeta:
    values = dict(
        institution_name_ar="وزارة الإعلام",
        institution_name_en="Ministry of Media",
        handle="MediaMinistry",
        logo_path=None,
        lang=lang,
        period_from=date(2026, 11, 1),
        period_to=date(2026, 11, 30),
        filter_text="",
        exported_by="salma",
        exported_by_name="سلمى العتيبي",
        exported_at=datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc),
        training=False,
        tz=RIYADH,
    )
    values.update(changes)
    return ExportMeta(**values)


def _hash(text: str) -> str:
    body = json.dumps({"media": [], "reply_to": None, "text": text}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


STAFF = {"huda": "هدى الشمري", "omar": "عمر الزهراني", "salma": "سلمى العتيبي", "khalid": "Khalid Alharbi"}


class Chain:
    """Appends events with the chain rule: hash = sha256(prev_hash + canonical JSON)."""

    def __init__(self):
        self.events: list[dict] = []

    def add(self, **fields) -> dict:
        prev = self.events[-1]["hash"] if self.events else "0" * 64
        event = {"id": len(self.events) + 1, "post_id": None, "at": None, "actor": None, "action": "",
                 "from_state": None, "to_state": None, "content_hash": None, "detail": None, "prev_hash": prev}
        event.update(fields)
        body = json.dumps(event, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        event["hash"] = hashlib.sha256((prev + body).encode("utf-8")).hexdigest()
        self.events.append(event)
        return event


def sample(count: int = 8):
    """(rows, events): Arabic headlines, two approvers, withdrawn posts, a formula-looking text."""
    texts = headlines()
    chain = Chain()
    rows = []
    start = datetime(2026, 11, 2, 6, 0, tzinfo=timezone.utc)
    for n in range(count):
        post_id = n + 1
        text = FORMULA if n == 2 else ("- a list, with \"quotes\"\nand a second line" if n == 5 else texts[n % len(texts)])
        h = _hash(text)
        t0 = start + timedelta(days=n, hours=n)

        def at(minutes):
            return (t0 + timedelta(minutes=minutes)).isoformat()

        author = "huda" if n % 2 == 0 else "khalid"
        chain.add(post_id=post_id, at=at(0), actor=author, action="create", to_state="draft", content_hash=h)
        if n == 7:  # still a draft
            rows.append(_row(post_id, "draft", text, author, at(0), h))
            continue
        chain.add(post_id=post_id, at=at(5), actor=author, action="submit", from_state="draft", to_state="in_review", content_hash=h)
        approvers = ["omar", "salma"] if n % 3 == 0 else ["omar"]
        for i, who in enumerate(approvers):
            final = i == len(approvers) - 1
            chain.add(post_id=post_id, at=at(10 + i), actor=who, action="approve", from_state="in_review",
                      to_state="approved" if final else "in_review", content_hash=h, detail={"approvals": i + 1})
        chain.add(post_id=post_id, at=at(20), actor="omar", action="claim", from_state="approved", to_state="publishing", content_hash=h)
        sent = chain.add(post_id=post_id, at=at(21), actor=None, action="sent", from_state="publishing",
                         to_state="published", content_hash=h, detail={"x_post_id": str(1860000000000000000 + n)})
        row = _row(post_id, "published", text, author, at(0), h)
        row.update(submitted_at=at(5), approver="; ".join(approvers), approver_name="; ".join(STAFF[a] for a in approvers),
                   approved_at=at(10 + len(approvers) - 1), published_by="omar", published_at=sent["at"],
                   x_post_id=str(1860000000000000000 + n), x_url=f"https://x.com/MediaMinistry/status/{1860000000000000000 + n}")
        if n in (1, 4):
            reason = "خطأ في التاريخ المذكور" if n == 1 else "wrong figure"
            w = chain.add(post_id=post_id, at=at(60), actor="salma", action="withdraw", from_state="published",
                          to_state="withdrawn", content_hash=h, detail={"reason": reason})
            row.update(state="withdrawn", withdrawn_by="salma", withdrawn_at=w["at"], withdraw_reason=reason)
        rows.append(row)
        chain.add(post_id=None, at=at(90), actor="admin", action="staff_change", detail={"who": "x"})
    return rows, chain.events


def _row(post_id, state, text, author, created, h) -> dict:
    row = {name: None for name in COLUMNS}
    row.update(post_id=post_id, state=state, text=text, author=author, author_name=STAFF[author],
               created_at=created, media_count=0, content_hash=h, reply_to=None)
    return row


# --- dates -----------------------------------------------------------------
def test_local_time_in_the_given_zone():
    assert local_text("2026-11-26T09:30:00+00:00", RIYADH) == "2026-11-26 12:30"
    assert naive_local("2026-11-26T22:30:00+00:00", RIYADH) == datetime(2026, 11, 27, 1, 30)
    assert local_text(None) == ""


def test_hijri_of_the_local_day():
    # 26 November 2026 is 16 Jumada al-Akhirah 1448 (Umm al-Qura).
    assert hijri_iso("2026-11-26T09:30:00+00:00", RIYADH) == "1448-06-16"
    # 22:30 UTC is already the next day in Riyadh.
    assert hijri_iso("2026-11-26T22:30:00+00:00", RIYADH) == "1448-06-17"
    assert hijri_text("2026-11-26T09:30:00+00:00", "ar", RIYADH) == "16 جمادى الآخرة 1448 هـ"
    assert hijri_text("2026-11-26T09:30:00+00:00", "en", RIYADH) == "16 Jumada al-Akhirah 1448 AH"


def test_hijri_outside_the_tables_is_blank():
    assert hijri_date_text(date(1900, 1, 1)) == ""
    assert hijri_iso("") == ""


def test_sample_chain_is_consistent():
    rows, events = sample()
    assert [e["id"] for e in events] == list(range(1, len(events) + 1))
    assert {r["post_id"] for r in rows} == set(range(1, 9))
