"""Take a picture of every screen of the desk, in Arabic and in English, on a real X
server at the two screen sizes an office has (1366×768 and 1024×700), into
docs/screenshots/NAME-LANG-WIDTH.png.

    python tools/screenshots.py                 # starts Xvfb (apt-get install xvfb) per size
    python tools/screenshots.py --size 1366x768 # one size only
Each picture is the whole screen, as a person at that screen sees it: the window sized
by the desk itself, and a dialog over it. The demo desk is made from
../shared/seed/headlines-ar.txt (tools/demo_desk.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import demo_desk  # noqa: E402
from desk.ui import tasks  # noqa: E402
from desk.ui.account_link import AccountLink  # noqa: E402
from desk.ui.app import DeskApplication  # noqa: E402
from desk.ui.context import DeskContext  # noqa: E402
from desk.ui.first_run import FirstRunDialog  # noqa: E402
from desk.ui.main_window import MainWindow  # noqa: E402
from desk.ui.sign_in import SignInDialog  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZES = ("1366x768", "1024x700")
WIDTH = os.environ.get("DESK_SHOT_WIDTH", "")  # the suffix of this run's pictures


class NoAccount(AccountLink):
    """The demo has no X account: the desk works on its training timeline."""

    def status(self, lang: str) -> dict:
        return {"connected": False, "handle": "", "name": "", "avatar_url": "", "backend": "", "problem": ""}


def settle(seconds: float = 0.3) -> None:
    """Let layouts, timers and background tasks finish before a picture is taken."""
    app = QApplication.instance()
    end = time.monotonic() + seconds
    while time.monotonic() < end or not tasks.tracker().idle():
        app.processEvents()
        time.sleep(0.01)


def save(widget, name: str, lang: str) -> None:
    settle()
    screen = widget.screen()
    path = OUT / f"{name}-{lang}-{WIDTH or screen.size().width()}.png"
    if QApplication.platformName() == "xcb":
        settle(0.4)  # the X server has drawn what Qt sent
        screen.grabWindow(0).save(str(path))  # the whole screen, as a person sees it
    else:
        widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def window_for(desk, username: str) -> MainWindow:
    session = desk.sign_in(username, demo_desk.PASSWORD)
    window = MainWindow(DeskContext(desk, session, NoAccount()))
    window.show()  # at the size the desk chooses for this screen
    return window


def select_post(post_list, post_id: int) -> None:
    from PySide6.QtCore import Qt

    for item in post_list.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive):
        if item.data(0, Qt.ItemDataRole.UserRole) == post_id:
            post_list.setCurrentItem(item)
            return


def shoot(lang: str, base: Path) -> None:
    app = QApplication.instance()
    app.set_language(lang)
    empty = demo_desk_empty(base / "empty")
    first = FirstRunDialog(empty)
    first.name_ar.setText("المركز الإعلامي")
    first.name_en.setText("Media Centre")
    first.handle.setText("MediaCentre")
    first.admin.setText("admin")
    first.admin_name.setText("نورة الدوسري")
    first.admin_gender.setCurrentIndex(first.admin_gender.findData("f"))
    first.show()
    save(first, "01-first-run", lang)
    first.close()

    desk = demo_desk.build(base / "desk")
    sign_in = SignInDialog(desk)
    sign_in.username.setText("huda")
    sign_in.password.setText("wrong-password")
    sign_in.show()
    sign_in.try_sign_in()
    save(sign_in, "02-sign-in", lang)
    sign_in.close()

    sara = window_for(desk, "sara")
    compose = sara.page["compose"]
    compose.new_draft()
    compose.editor.set_text("افتتاح معرض الكتاب الدولي في الرياض يوم الخميس ☀\n"
                            "Riyadh International Book Fair opens on Thursday.\n"
                            "التفاصيل: https://example.org/book-fair #معرض_الكتاب @MediaCentre")
    compose.images.add_files([str(base / "desk" / "demo-logo.png")])
    compose.images.cards[0].alt.setText("شعار المركز الإعلامي")
    compose.reply.field.setText("https://x.com/ExampleNews/status/1890000000000000001")
    compose.update_preview()
    save(sara, "03-compose", lang)
    compose.reply.field.clear()
    compose.editor.set_text(" ".join(demo_desk.headlines()[:7]) + " https://example.org/a ☀☀")
    compose.update_preview()
    save(sara, "04-compose-over-limit", lang)
    compose.new_draft()  # a long statement split at its sentence ends into a numbered thread
    compose.editor.set_text(". ".join(demo_desk.headlines()[:24]) + ".")
    compose.parts.split(compose.parts.boxes[0])
    compose.number_parts()
    compose.update_preview()
    save(sara, "16-thread", lang)
    compose.new_draft()
    sara.close()

    khalid = window_for(desk, "khalid")
    khalid.places.go("review")
    review = khalid.page["review"]
    changed = max(r["post_id"] for r in khalid.ctx.session.log(demo_desk_filter("in_review")) if r["author"] == "sara")
    select_post(review.list, changed)
    save(khalid, "05-review-changes", lang)
    own = [r["post_id"] for r in khalid.ctx.session.log(demo_desk_filter("in_review")) if r["author"] == "khalid"][0]
    select_post(review.list, own)
    save(khalid, "06-review-own-post", lang)
    select_post(review.list, thread_of(khalid, "in_review"))
    save(khalid, "17-review-thread", lang)
    khalid.close()

    huda = window_for(desk, "huda")
    huda.ctx.session.pause()
    huda.ctx.touch()
    huda.places.go("approved")
    approved = huda.page["approved"]
    failed = huda.ctx.session.log(demo_desk_filter("failed"))[0]["post_id"]
    select_post(approved.list, failed)
    save(huda, "07-approved-and-scheduled", lang)
    huda.ctx.session.resume()
    huda.ctx.touch()
    unsure = huda.ctx.session.log(demo_desk_filter("uncertain"))[0]["post_id"]
    select_post(approved.list, unsure)
    approved.check_x()
    save(huda, "15-check-x-now", lang)
    ready = huda.ctx.session.log(demo_desk_filter("approved"))[0]["post_id"]
    select_post(approved.list, ready)
    approved.ask_publish()
    settle()
    save(approved.dialog, "08-publish-confirm", lang)
    approved.dialog.reject()
    approved.ask_schedule()
    save(approved.dialog, "09-schedule", lang)
    approved.dialog.reject()
    huda.places.go("log")
    log = huda.page["log"]
    published_row = next(i for i, r in enumerate(log.model.rows) if r["state"] == "published")
    log.select_row(published_row)
    save(huda, "10-log", lang)
    statement = thread_of(huda, "published")
    log.select_row(next(i for i, r in enumerate(log.model.rows) if r["post_id"] == statement))
    save(huda, "18-log-thread", lang)
    huda.places.go("reports")  # last month, a whole one: the demo's past weeks
    reports = huda.page["reports"]
    settle()
    reports.month_bar.previous_button.click()
    settle()
    save(huda, "19-reports", lang)
    reports.scroll.verticalScrollBar().setValue(reports.scroll.verticalScrollBar().maximum())
    save(huda, "20-reports-x-figures", lang)
    if WIDTH in ("", "1366"):  # the report file is the same at every screen size
        report_picture(huda, reports.figures.period, lang, base)
    huda.places.go("training")
    save(huda, "14-training-timeline", lang)
    huda.lock()
    save(huda, "13-locked", lang)
    huda.close()

    admin = window_for(desk, "admin")
    admin.places.go("staff")
    admin.page["staff"].select("sara")
    save(admin, "11-staff", lang)
    admin.places.go("settings")
    save(admin, "12-settings", lang)
    admin.close()
    desk.close()


def report_picture(window, period, lang: str, base: Path) -> None:
    """The first two pages of the month's PDF report, side by side in one picture."""
    import subprocess

    pdf = window.ctx.session.write_report(period, base / f"report-{lang}.pdf", lang=lang)
    pages = base / f"report-{lang}"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(pages)], check=True)
    from PySide6.QtGui import QImage, QPainter

    shots = [QImage(str(p)) for p in sorted(base.glob(f"report-{lang}-*.png"))]
    joined = QImage(sum(i.width() for i in shots) + 12 * (len(shots) - 1), max(i.height() for i in shots),
                    QImage.Format.Format_RGB32)
    joined.fill(0xDDDDDD)
    painter = QPainter(joined)
    x = 0
    for shot in (reversed(shots) if lang == "ar" else shots):  # page 1 on the reading start side
        painter.drawImage(x, 0, shot)
        x += shot.width() + 12
    painter.end()
    path = OUT / f"21-report-pdf-{lang}.png"
    joined.save(str(path))
    print(path.relative_to(ROOT))


def thread_of(window, state: str) -> int:
    """The demo's thread in ``state``."""
    session = window.ctx.session
    return next(r["post_id"] for r in session.log(demo_desk_filter(state)) if session.post(r["post_id"]).is_thread)


def demo_desk_empty(folder: Path):
    from desk.service import Desk

    return Desk(folder)


def demo_desk_filter(state: str):
    from desk.service import LogFilter

    return LogFilter(state=state)


def shoot_all() -> int:
    from datetime import timedelta

    from desk.publish import reconcile

    # the demo's unconfirmed post stays "not on the timeline yet" while the pictures are taken
    reconcile.TIMELINE_LAG = timedelta(hours=1)
    app = DeskApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    with tempfile.TemporaryDirectory() as scratch:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch)
        for lang in ("ar", "en"):
            shoot(lang, Path(scratch) / lang)
    tasks.wait_all()
    app.processEvents()
    return 0


def on_xvfb(size: str) -> int:
    """This script again, on an X server of its own with a screen of ``size``."""
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        sys.exit("Xvfb is needed for the pictures: apt-get install xvfb")
    read, write = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as told:
        display = told.readline().strip()  # Xvfb writes its display number once it is ready
    try:
        env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb",
               "DESK_SHOT_WIDTH": size.split("x")[0]}
        return subprocess.run([sys.executable, __file__, "--here"], env=env).returncode
    finally:
        server.terminate()
        server.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=SIZES, action="append", help="one screen size (default: both)")
    parser.add_argument("--here", action="store_true", help="on the display this process has")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.here:
        return shoot_all()
    for size in args.size or SIZES:
        if on_xvfb(size):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
