"""The post as X will show it: round logo, name, @handle, marked text, images."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desk.ui import i18n
from desk.ui.avatar import round_logo
from desk.ui.post_text import post_html
from desk.ui.style import LINK

AVATAR = 44
IMAGE_WIDTH = 300


class PostPreview(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName(self.tr("Preview of the post"))
        self.avatar = QLabel()
        self.avatar.setFixedSize(AVATAR, AVATAR)
        self.avatar.setAccessibleName(self.tr("Institution logo"))
        self.name = QLabel()
        self.name.setStyleSheet("font-weight: bold;")
        self.handle = QLabel()
        self.handle.setObjectName("handle")
        self.tag = QLabel()
        self.tag.setObjectName("warning")
        self.tag.hide()
        self.replying = QLabel()
        self.replying.setObjectName("handle")
        self.replying.setTextFormat(Qt.TextFormat.RichText)
        self.replying.hide()
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.body.setAccessibleName(self.tr("Text of the post"))
        self.images = QWidget()
        self.grid = QGridLayout(self.images)
        self.grid.setContentsMargins(0, 4, 0, 0)
        self.grid.setSpacing(3)

        names = QHBoxLayout()
        names.addWidget(self.name)
        names.addWidget(self.handle)
        names.addStretch()
        names.addWidget(self.tag)
        column = QVBoxLayout()
        column.addLayout(names)
        column.addWidget(self.replying)
        column.addWidget(self.body)
        column.addWidget(self.images)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 12, 12, 12)
        row.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)

    def set_account(self, name: str, handle: str, logo_path) -> None:
        self.name.setText(name)
        self.handle.setText(f"@{handle}")
        # "@handle" is Latin: keep the @ on its left even inside a right-to-left line
        self.handle.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.avatar.setPixmap(round_logo(logo_path, AVATAR))

    def set_post(self, text: str, pixmaps: list[QPixmap] = (), training: bool = False,
                 reply_to: str | None = None, reply_handle: str = "") -> None:
        fallback = "rtl" if i18n.current() == "ar" else "ltr"
        self.body.setText(post_html(text or "", fallback))
        self._set_reply(reply_to, reply_handle)
        self.tag.setText(self.tr("Training"))
        self.tag.setVisible(training)
        self._set_images(list(pixmaps))

    def _set_reply(self, reply_to: str | None, handle: str) -> None:
        """As X writes it above a reply; the handle only when the link gave it."""
        if handle:  # the mark keeps the @ on the handle's left in a right-to-left line
            target = f"\u200e@{html.escape(handle)}"
        else:
            target = self.tr("post %1 on X").replace("%1", html.escape(reply_to or ""))
        self.replying.setText(self.tr("Replying to %1").replace(
            "%1", f'<span style="color: {LINK};">{target}</span>'))
        self.replying.setVisible(bool(reply_to))

    def clear(self) -> None:
        self.body.setText("")
        self.replying.hide()
        self.tag.hide()
        self._set_images([])

    def _set_images(self, pixmaps: list[QPixmap]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        count = len(pixmaps)
        self.images.setVisible(bool(count))
        for index, pixmap in enumerate(pixmaps):
            wide = count == 1 or (count == 3 and index == 0)
            width = IMAGE_WIDTH if count == 1 else IMAGE_WIDTH // 2
            height = 170 if count <= 2 else 84
            if count == 3 and index == 0:
                height = 170
            label = QLabel()
            label.setAccessibleName(self.tr("Image %1").replace("%1", str(index + 1)))
            filled = pixmap.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                                   Qt.TransformationMode.SmoothTransformation)
            # the middle of the picture, as X crops it
            label.setPixmap(filled.copy((filled.width() - width) // 2, (filled.height() - height) // 2, width, height))
            if count == 3:
                row, column, span = (0, 0, 2) if index == 0 else (index - 1, 1, 1)
                self.grid.addWidget(label, row, column, span, 1)
            else:
                self.grid.addWidget(label, index // 2, index % 2, 1, 2 if wide else 1)
