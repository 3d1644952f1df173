"""The training timeline: what went out while the desk was in training, as X would show it.

A thread's parts are rows of their own, each a reply to the one before (as on X); they
are shown together, oldest first, joined by the thread line.
"""

from __future__ import annotations

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desk.ui.media_look import video_frame
from desk.ui.preview import PostPreview
from desk.ui.thread_preview import ThreadPreview

SHOWN = 50


class TrainingPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = QLabel(self.tr("Training timeline"))
        self.title.setObjectName("page_title")
        self.intro = QLabel(self.tr("Posts published while the desk is in training come here instead of X. "
                                    "Nobody outside the office sees them."))
        self.intro.setObjectName("muted")
        self.intro.setWordWrap(True)
        self.inner = QWidget()
        self.column = QVBoxLayout(self.inner)
        self.column.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.inner)
        scroll.setAccessibleName(self.tr("Training timeline"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        self.cards: list[PostPreview] = []  # one a timeline row
        self.shown: list[ThreadPreview] = []  # one a post or a thread
        self.reload()

    def reload(self) -> None:
        for shown in self.shown:
            shown.deleteLater()
        self.cards, self.shown = [], []
        ctx = self.ctx
        for chain in threads(ctx.session.training_timeline(limit=SHOWN)):
            shown = ThreadPreview()
            shown.set_account(ctx.institution_name(), ctx.handle(), ctx.desk.logo_path())
            shown.set_thread([(entry["text"], self._pictures(entry)) for entry in chain],
                             reply_to=chain[0].get("reply_to"), at=chain[0]["created_at"])
            shown.setMaximumWidth(640)
            self.column.insertWidget(self.column.count() - 1, shown)
            self.shown.append(shown)
            self.cards += shown.posts
        self.intro.setText(self.tr("Posts published while the desk is in training come here instead of X. "
                                   "Nobody outside the office sees them.") if self.cards else
                           self.tr("Nothing has been published to the training timeline yet. While the desk is in "
                                   "training, posts published from the Approved and scheduled page come here."))

    def _pictures(self, entry: dict) -> list[QPixmap]:
        desk = self.ctx.desk
        return [video_frame() if item["file"].endswith(".mp4") else QPixmap(str(desk.media_file(item["file"])))
                for item in entry["media"]]


def threads(entries: list[dict]) -> list[list[dict]]:
    """The timeline's rows (newest first) as posts and threads: a row that replies to the
    row before it of the same post continues that one's thread. Newest thread first, each
    thread's parts oldest first."""
    by_id = {entry["id"]: entry for entry in entries}
    follows = {}
    for entry in entries:
        # a part replies to the row before it by that row's address on the timeline, "training-12"
        kind, _, number = (entry.get("reply_to") or "").rpartition("-")
        before = by_id.get(int(number)) if kind and number.isdigit() else None
        if before is not None and before["post_id"] == entry["post_id"]:
            follows[before["id"]] = entry
    continuing = {entry["id"] for entry in follows.values()}
    chains = []
    for entry in entries:
        if entry["id"] in continuing:
            continue
        chain = [entry]
        while chain[-1]["id"] in follows:
            chain.append(follows[chain[-1]["id"]])
        chains.append(chain)
    chains.sort(key=lambda chain: chain[-1]["id"], reverse=True)
    return chains
