"""Render every screen of the desk, in Arabic and in English, to docs/screenshots/*.png.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py
The demo desk is made from ../shared/seed/headlines-ar.txt (tools/demo_desk.py).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
    path = OUT / f"{name}-{lang}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def window_for(desk, username: str) -> MainWindow:
    session = desk.sign_in(username, demo_desk.PASSWORD)
    window = MainWindow(DeskContext(desk, session, NoAccount()))
    window.resize(1280, 800)
    window.show()
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
    admin.resize(1280, 1120)  # the whole page: institution, X account, the desk's rules
    save(admin, "12-settings", lang)
    admin.close()
    desk.close()


def demo_desk_empty(folder: Path):
    from desk.service import Desk

    return Desk(folder)


def demo_desk_filter(state: str):
    from desk.service import LogFilter

    return LogFilter(state=state)


def main() -> int:
    from datetime import timedelta

    from desk.publish import reconcile

    OUT.mkdir(parents=True, exist_ok=True)
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


if __name__ == "__main__":
    sys.exit(main())
