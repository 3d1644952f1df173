"""A demo desk made of real headlines, for the screenshots and for trying the window.

    python tools/demo_desk.py /tmp/demo-desk      # then: desk --data-dir /tmp/demo-desk
Everyone's password is "demo-password". Publishing goes to the training timeline.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADLINES = ROOT.parent / "shared" / "seed" / "headlines-ar.txt"
PASSWORD = "demo-password"
STAFF = [
    ("huda", "هدى العتيبي", "supervisor", "f"),
    ("khalid", "خالد الشهري", "supervisor", "m"),
    ("sara", "سارة القحطاني", "officer", "f"),
]


class DemoPublisher:
    """The training timeline, except for the posts told to fail or to end uncertain."""

    fail_ids: set[int] = set()
    uncertain_ids: set[int] = set()
    as_x = False  # the uncertain post went to X, before the office turned to training

    def __init__(self, desk):
        from desk.publish.training import TrainingPublisher

        self.inner = TrainingPublisher(desk.store, (desk.institution() or {}).get("handle", "training"))
        self.kind = "x" if DemoPublisher.as_x else "training"

    def send(self, post, progress=None):
        from desk.core.errors import PublishError, PublishUncertain

        if post.post_id in self.fail_ids:
            raise PublishError("x.duplicate")
        if post.post_id in self.uncertain_ids:
            raise PublishUncertain("x.uncertain_timeout", seconds=30)
        return self.inner.send(post, progress)

    def read_metrics(self, x_post_ids, now=None, on_batch=None):
        """The demo's stand-in for X's figures: steady numbers made from each post's id, so
        the Reports page and the report have something to show. Never X's."""
        import hashlib

        from desk.core.reach import Reading, ReachResult

        readings = []
        for x_id in x_post_ids:
            seed = int(hashlib.sha256(str(x_id).encode()).hexdigest()[:8], 16)
            seen = 800 + seed % 9000
            readings.append(Reading(str(x_id), likes=seen // 40, reposts=seen // 150, replies=seed % 17,
                                    quotes=seed % 5, bookmarks=seed % 11, impressions=seen,
                                    url_clicks=seed % 40, profile_clicks=seed % 23))
        return readings, ReachResult(read=len(readings), requests=1 + len(readings) // 100,
                                     ids=[r.x_post_id for r in readings])

    def __getattr__(self, name):
        return getattr(self.inner, name)


class PastClock:
    """The store's clock while the demo's past is written: the office's work of the last
    weeks, each post on its own day, reviewed and published some minutes or hours later."""

    def __init__(self):
        import random

        self.moment = datetime.now(timezone.utc)
        self.random = random.Random(1448)

    def day(self, days_ago: float, hour: int) -> None:
        base = datetime.now(timezone.utc).replace(hour=hour, minute=0, second=0, microsecond=0)
        self.moment = base - timedelta(days=days_ago) + timedelta(minutes=self.random.randint(0, 50))

    def wait(self, low: int, high: int) -> None:
        self.moment += timedelta(minutes=self.random.randint(low, high))

    def __call__(self) -> str:
        self.moment += timedelta(seconds=20)
        return self.moment.isoformat(timespec="milliseconds")


def make_logo(path: Path) -> Path:
    """A plain round emblem standing in for an institution's logo."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (256, 256), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 248, 248), fill=(0, 108, 53))
    draw.ellipse((56, 56, 200, 200), outline="white", width=14)
    draw.rectangle((120, 40, 136, 216), fill="white")
    image.save(path)
    return path


def headlines() -> list[str]:
    return [line.strip() for line in HEADLINES.read_text(encoding="utf-8").splitlines() if line.strip()]


def build(folder: Path):
    """Make the demo desk in ``folder`` (empty or new); returns the open Desk."""
    from desk.service import Desk

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)  # it holds password hashes, as every desk's folder does
    desk = Desk(folder, publisher_factory=DemoPublisher)
    desk.init("المركز الإعلامي", "Media Centre", "MediaCentre", "admin", "نورة الدوسري", PASSWORD,
              logo=make_logo(folder / "demo-logo.png"), admin_gender="f")
    admin = desk.sign_in("admin", PASSWORD)
    for username, name, role, gender in STAFF:
        admin.add_staff(username, name, role, PASSWORD, gender)
    sara, huda, khalid = (desk.sign_in(u, PASSWORD) for u in ("sara", "huda", "khalid"))
    lines = headlines()
    extras = ["", " #السعودية", " https://example.org/news", " @MediaCentre", ""]

    def post(i: int) -> int:
        return sara.draft(lines[i % len(lines)] + extras[i % len(extras)])

    def thread(texts: list[str], digits: str) -> int:
        from desk.core.thread_text import number_parts

        return sara.draft_parts([(text, []) for text in number_parts(texts, digits)])

    from desk.store import chain

    clock = PastClock()
    real_clock, chain.now_utc = chain.now_utc, clock
    try:
        published = _past(sara, huda, khalid, post, thread, lines, clock)
    finally:
        chain.now_utc = real_clock
    huda.withdraw(published[3], "نُشر الخبر قبل موعد الإعلان الرسمي")
    from desk.core.figures import month_of

    this_month = month_of(datetime.now().date())
    for month in (this_month.previous(), this_month):  # the demo's stand-in for X's figures
        huda.refresh_reach(month)
    for i in (31, 32):
        pid = post(i)
        sara.submit(pid)
        huda.approve(pid)
    soon = datetime.now(timezone.utc) + timedelta(days=1, hours=2)
    for i, hours in ((33, 0), (34, 5)):
        pid = post(i)
        sara.submit(pid)
        huda.approve(pid)
        huda.schedule(pid, soon + timedelta(hours=hours))
    failed = post(35)
    sara.submit(failed)
    khalid.approve(failed)
    DemoPublisher.fail_ids.add(failed)
    try:
        khalid.publish(failed)
    except Exception:
        pass
    missed = post(36)
    sara.submit(missed)
    khalid.approve(missed)
    huda.schedule(missed, datetime.now(timezone.utc) + timedelta(minutes=2))
    desk.publish_due(datetime.now(timezone.utc) + timedelta(hours=3))
    unsure = post(45)  # X took it but never answered: it may have gone out
    sara.submit(unsure)
    huda.approve(unsure)
    DemoPublisher.uncertain_ids.add(unsure)
    DemoPublisher.as_x = True  # a training timeline never lags, so it would settle at once
    try:
        huda.publish(unsure)
    except Exception:
        pass
    finally:
        DemoPublisher.as_x = False
    sara.submit(thread(lines[51:54], "latin"))  # a thread of three parts waiting for review
    for i in (37, 38, 39):  # waiting for review, one of them returned once and changed since
        pid = post(i)
        sara.submit(pid)
    returned = sara.draft(lines[0])
    sara.submit(returned)
    huda.return_(returned, "أضيفي رابط الخبر وصححي كلمة «اجزاء»")
    text = lines[0].replace("اجزاء", "أجزاء") + " https://example.org/weather"
    sara.edit(returned, text)
    sara.submit(returned)
    own = khalid.draft(lines[44 % len(lines)])  # a supervisor's own post: he may not approve it
    khalid.submit(own)
    for i in (41, 42):  # the officer's own drafts
        post(i)
    back = post(43)
    sara.submit(back)
    khalid.return_(back, "العنوان طويل؛ اختصريه من فضلك")
    return desk


RETURNED = {4: "أضيفي مصدر الخبر في آخره", 11: "صححي التاريخ في السطر الأول", 19: "أضيفي مصدر الخبر في آخره",
            25: "العنوان طويل؛ اختصريه من فضلك"}


def _past(sara, huda, khalid, post, thread, lines, clock) -> list[int]:
    """The weeks behind the demo office: thirty posts over some forty days, two a day on
    some days, none on others, each reviewed and published a while after it was written."""
    published = []
    days = [40, 38, 37, 35, 34, 34, 31, 30, 28, 27, 27, 24, 23, 21, 20, 20, 17, 16, 14, 13, 13, 10, 9, 8, 7, 6, 6,
            3, 2, 1]
    for i, days_ago in enumerate(days):  # the bulk of the log: published to the training timeline
        clock.day(days_ago, 6 + (i * 5) % 9)
        pid = post(i)
        clock.wait(5, 40)
        sara.submit(pid)
        clock.wait(10, 50 + 30 * (i % 7))
        if i in RETURNED:  # sent back once with a reason, corrected and sent again
            (khalid if i % 2 else huda).return_(pid, RETURNED[i])
            clock.wait(15, 45)
            sara.edit(pid, lines[i % len(lines)] + " (بعد التصحيح)")
            sara.submit(pid)
            clock.wait(10, 30)
        (huda if i % 2 else khalid).approve(pid)
        clock.wait(2, 25 + 60 * (i % 4))
        published.append(huda.publish(pid).id)
    clock.day(12, 9)
    statement = thread(lines[46:51], "arabic")  # a statement of five parts, out as one thread
    clock.wait(20, 30)
    sara.submit(statement)
    clock.wait(60, 90)
    khalid.approve(statement)
    clock.wait(10, 20)
    huda.publish(statement)
    clock.day(5, 11)
    rejected = post(30)
    sara.submit(rejected)
    clock.wait(30, 60)
    khalid.reject(rejected, "الخبر لا يخص المؤسسة")
    return published


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        description="Make a demo desk of real headlines (everyone's password is "
                    f"{PASSWORD!r}; publishing goes to the training timeline).")
    parser.add_argument("folder", nargs="?", default="/tmp/demo-desk", type=Path,
                        help="a new or empty folder for the desk (default: /tmp/demo-desk)")
    target = parser.parse_args(argv).folder
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        parser.error(f"{target} is not an empty folder")
    build(target)
    print(f"demo desk in {target}; sign in as admin, huda, khalid or sara with {PASSWORD!r}")
    print(f"open it with: .venv/bin/desk --data-dir {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
