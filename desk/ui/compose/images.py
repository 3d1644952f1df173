"""The post's images: thumbnails, an alt-text box each, remove; by picker or drag and drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desk.core.content import MediaItem
from desk.core.errors import DeskError
from desk.core.media import MAX_ALT, MAX_IMAGES
from desk.service import read_image
from desk.ui import i18n

THUMB = 96


class ImageCard(QFrame):
    removed = Signal(object)
    changed = Signal()

    def __init__(self, source, pixmap: QPixmap, alt: str, number: int, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.source = source  # a file path (str) or a MediaItem the post already holds
        self.pixmap = pixmap
        self.thumb = QLabel()
        self.thumb.setFixedSize(THUMB, THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setPixmap(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))
        self.alt = QLineEdit(alt)
        self.alt.setMaxLength(MAX_ALT)
        self.alt.setPlaceholderText(self.tr("Describe the image for people who cannot see it"))
        self.alt.setAccessibleName(self.tr("Description of image %1").replace("%1", str(number)))
        self.thumb.setAccessibleName(self.tr("Image %1").replace("%1", str(number)))
        self.alt.textChanged.connect(self.changed)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setAccessibleName(self.tr("Remove image %1").replace("%1", str(number)))
        self.remove.clicked.connect(lambda: self.removed.emit(self))
        column = QVBoxLayout()
        column.addWidget(self.alt)
        column.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeading)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 6, 6, 6)
        row.addWidget(self.thumb)
        row.addLayout(column, 1)

    def state(self) -> dict:
        if isinstance(self.source, MediaItem):
            m = self.source
            return {"sha256": m.sha256, "ext": m.ext, "size": m.size, "alt": self.alt.text()}
        return {"path": self.source, "alt": self.alt.text()}


class ImageStrip(QWidget):
    changed = Signal()
    refused = Signal(str)  # why an image was not taken, in the person's words

    def __init__(self, media_path, parent=None):
        super().__init__(parent)
        self.media_path = media_path  # MediaItem -> Path of the stored file
        self.cards: list[ImageCard] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)

    def count(self) -> int:
        return len(self.cards)

    def add_files(self, paths: list[str]) -> None:
        for path in paths:
            if self.count() >= MAX_IMAGES:
                self.refused.emit(self.tr("A post carries at most %1 images.").replace("%1", str(MAX_IMAGES)))
                return
            try:
                read_image(path)  # decoded and checked now, not at publishing time
            except DeskError as error:
                self.refused.emit(error.message(i18n.current()))
                continue
            self._add(path, QPixmap(path), "")
        self.changed.emit()

    def add_media(self, item: MediaItem) -> None:
        self._add(item, QPixmap(str(self.media_path(item))), item.alt)

    def _add(self, source, pixmap: QPixmap, alt: str) -> None:
        card = ImageCard(source, pixmap, alt, self.count() + 1)
        card.removed.connect(self._remove)
        card.changed.connect(self.changed)
        self.cards.append(card)
        self.column.addWidget(card)

    def _remove(self, card: ImageCard) -> None:
        self.cards.remove(card)
        card.deleteLater()
        self.changed.emit()

    def clear(self) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        self.changed.emit()

    def images(self) -> list[tuple]:
        """What Session.draft/edit take: (path or MediaItem, alt) in order."""
        return [(card.source, card.alt.text()) for card in self.cards]

    def pixmaps(self) -> list[QPixmap]:
        return [card.pixmap for card in self.cards]

    def states(self) -> list[dict]:
        return [card.state() for card in self.cards]

    def restore(self, states: list[dict]) -> None:
        self.clear()
        for state in states:
            if state.get("sha256"):
                self.add_media(MediaItem(state["sha256"], state["ext"], state.get("alt", ""), state.get("size", 0)))
            elif state.get("path") and Path(state["path"]).exists():
                self._add(state["path"], QPixmap(state["path"]), state.get("alt", ""))
        self.changed.emit()
