"""The training timeline: what went out while the desk was in training, as X would show it."""

from __future__ import annotations

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desk.ui.media_look import video_frame
from desk.ui.preview import PostPreview

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
        self.cards: list[PostPreview] = []
        self.reload()

    def reload(self) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        ctx = self.ctx
        for entry in ctx.session.training_timeline(limit=SHOWN):
            card = PostPreview()
            card.set_account(ctx.institution_name(), ctx.handle(), ctx.desk.logo_path())
            pixmaps = [video_frame() if item["file"].endswith(".mp4") else QPixmap(str(ctx.desk.media_file(item["file"])))
                       for item in entry["media"]]
            card.set_post(entry["text"], pixmaps, reply_to=entry.get("reply_to"), at=entry["created_at"])
            card.setMaximumWidth(640)
            self.column.insertWidget(self.column.count() - 1, card)
            self.cards.append(card)
        self.intro.setText(self.tr("Posts published while the desk is in training come here instead of X. "
                                   "Nobody outside the office sees them.") if self.cards else
                           self.tr("Nothing has been published to the training timeline yet. While the desk is in "
                                   "training, posts published from the Approved and scheduled page come here."))
