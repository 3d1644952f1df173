"""The post's images: thumbnails, an alt-text box each, remove; by picker or drag and drop.

Each picture is decoded (and, when new, checked) off the GUI thread: its card appears at
once with an empty thumbnail, which fills in when the picture is read, or the card goes
again with the reason when it is refused.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desk.core.content import MediaItem
from desk.core.errors import DeskError, InvalidInput
from desk.core.media import MAX_ALT, MAX_IMAGES
from desk.service import read_image
from desk.ui import i18n
from desk.ui.tasks import run_task

THUMB = 96
LARGEST = 1600  # the preview never shows more; a bigger picture is scaled off the GUI thread


def load_picture(path: str, check: bool):
    """Off the GUI thread: check a new picture as the desk will, then read it for the screen."""
    if check:
        read_image(path)  # decoded and checked now, not at publishing time
    image = QImage(path)
    if not image.isNull() and max(image.width(), image.height()) > LARGEST:
        image = image.scaled(LARGEST, LARGEST, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


class ImageCard(QFrame):
    removed = Signal(object)
    changed = Signal()

    def __init__(self, source, alt: str, number: int, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.source = source  # a file path (str) or a MediaItem the post already holds
        self.pixmap = QPixmap()  # null until the picture has been read
        self.loading = True
        self.thumb = QLabel()
        self.thumb.setFixedSize(THUMB, THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
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

    def set_picture(self, image: QImage) -> None:
        self.loading = False
        self.pixmap = QPixmap.fromImage(image)
        if not self.pixmap.isNull():
            self.thumb.setPixmap(self.pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                    Qt.TransformationMode.SmoothTransformation))

    def set_read_only(self, read_only: bool) -> None:
        self.alt.setReadOnly(read_only)
        self.remove.setEnabled(not read_only)

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
            self._add(path, "", check=True)
        self.changed.emit()

    def add_media(self, item: MediaItem) -> None:
        self._add(item, item.alt, path=str(self.media_path(item)))

    def loading(self) -> bool:
        """Some picture is still being read off the GUI thread."""
        return any(card.loading for card in self.cards)

    def _add(self, source, alt: str, check: bool = False, path: str | None = None) -> None:
        card = ImageCard(source, alt, self.count() + 1)
        card.removed.connect(self._remove)
        card.changed.connect(self.changed)
        self.cards.append(card)
        self.column.addWidget(card)
        path = path or source

        def read(image):
            card.set_picture(image)
            self.changed.emit()

        def refused(error):
            card.loading = False
            if not check:
                return  # a picture the post already holds stays with it, even unread
            if card in self.cards:
                self._remove(card)
            if not isinstance(error, DeskError):
                error = InvalidInput("media.not_image", name=Path(path).name)
            self.refused.emit(error.message(i18n.current()))

        run_task(lambda: load_picture(path, check), read, refused, owner=card)

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
        return [card.pixmap for card in self.cards if not card.pixmap.isNull()]

    def states(self) -> list[dict]:
        return [card.state() for card in self.cards]

    def restore(self, states: list[dict]) -> None:
        self.clear()
        for state in states:
            if state.get("sha256"):
                self.add_media(MediaItem(state["sha256"], state["ext"], state.get("alt", ""), state.get("size", 0)))
            elif state.get("path") and Path(state["path"]).exists():
                self._add(state["path"], state.get("alt", ""))
        self.changed.emit()
