"""Build the ten-year office database through the real store (posts.create / posts.act).

~110,000 posts and ~1,000,000 events: each post is drafted, edited, submitted,
returned, edited, submitted, approved, claimed and sent (9 events). The result is
cached under benchmarks/data/ by size, since building it takes minutes.
"""

from __future__ import annotations

import shutil
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from desk.core.lifecycle import SYSTEM, Actor
from desk.core.roles import Role
from desk.core.staff_rules import hash_password
from desk.store import Store, chain

HERE = Path(__file__).resolve().parent
SEED = HERE.parent.parent / "shared" / "seed" / "headlines-ar.txt"
FALLBACK = ["أمطار ورياح نشطة على عدة اجزاء من مناطق المملكة", "مؤتمر الاتصال الرقمي: القيمة والتفاعل"]
BATCH = 500


def headlines() -> list[str]:
    if SEED.exists():
        return [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    return FALLBACK


class OfficeClock:
    """The store's clock while the office is built: post n is written on its own day of the
    ten years (30 a day), each of its events a few minutes after the one before, so a month
    of the log holds a month's work, as the monthly figures will find it."""

    def __init__(self, posts: int):
        self.start = datetime.now(timezone.utc) - timedelta(days=max(1, posts // 30) + 1)
        self.spacing = timedelta(days=1) / 30
        self.moment = self.start

    def post(self, n: int) -> None:
        self.moment = self.start + n * self.spacing

    def __call__(self) -> str:
        self.moment += timedelta(seconds=97)
        return self.moment.isoformat(timespec="milliseconds")


def build(folder: Path, posts: int, progress=print) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    clock = OfficeClock(posts)
    real_clock, chain.now_utc = chain.now_utc, clock
    try:
        return _build(folder, posts, clock, progress)
    finally:
        chain.now_utc = real_clock


def _build(folder: Path, posts: int, clock, progress=print) -> Path:
    store = Store(folder)
    store.db.execute("PRAGMA synchronous = OFF")  # a throw-away benchmark file
    password = hash_password("benchmark-password")
    officer = Actor("officer", frozenset({Role.OFFICER}))
    supervisor = Actor("supervisor", frozenset({Role.SUPERVISOR}))
    with store.transaction():
        store.institution.create("مكتب الاتصال", "Communications Office", "office", None, by="admin")
        store.staff.add("admin", "Admin", frozenset({Role.ADMINISTRATOR}), password, by=None)
        store.staff.add("officer", "عمر", frozenset({Role.OFFICER}), password, by="admin")
        store.staff.add("supervisor", "سارة", frozenset({Role.SUPERVISOR}), password, by="admin")
    settings = store.settings.all()
    lines = headlines()
    started = time.perf_counter()
    for start in range(0, posts, BATCH):
        with store.transaction():
            for n in range(start, min(posts, start + BATCH)):
                clock.post(n)
                text = f"{lines[n % len(lines)]} #{n}"
                post_id = store.posts.create(officer, text, (), None, training=True)
                act = store.posts.act
                act(post_id, "edit", officer, settings=settings, new_content=(text + " .", (), None))
                act(post_id, "submit", officer, settings=settings)
                act(post_id, "return", supervisor, settings=settings, reason="أعد الصياغة")
                act(post_id, "edit", officer, settings=settings, new_content=(text, (), None))
                act(post_id, "submit", officer, settings=settings)
                act(post_id, "approve", supervisor, settings=settings)
                act(post_id, "claim", supervisor, settings=settings)
                act(post_id, "sent", SYSTEM, settings=settings,
                    set_fields={"x_post_id": f"training-{post_id}", "x_url": "", "training": 1},
                    detail={"x_post_id": f"training-{post_id}", "publisher": "training"})
        if progress and (start // BATCH) % 20 == 0:
            progress(f"  {min(posts, start + BATCH):,} posts, {time.perf_counter() - started:.0f} s")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return folder


def cached(posts: int, progress=print) -> Path:
    # v2: sent events name their X id, as the outbox writes them; v3: the events spread over ten years
    folder = HERE / "data" / f"office-v3-{posts}"
    if (folder / "desk.sqlite3").exists() and (folder / "complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    build(folder, posts, progress)
    (folder / "complete").write_text("ok")
    return folder


if __name__ == "__main__":
    print(cached(int(sys.argv[1]) if len(sys.argv) > 1 else 110_000))
