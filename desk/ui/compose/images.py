"""The post's files: images, a GIF, or a video with its caption file; a card each with a
thumbnail, a description box (for a caption: its language), remove; by picker or drop.

Each file is checked (a picture also decoded) off the GUI thread: its card appears at
once with an empty thumbnail, which fills in when the file is read, or the card goes
again with the reason when it is refused.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from desk.attachments import check_attachment, guess_language, kind_of
from desk.core.content import MediaItem
from desk.core.errors import DeskError, InvalidInput
from desk.core.media import MAX_ALT, check_set
from desk.ui import i18n
from desk.ui.media_look import language_name, video_frame
from desk.ui.tasks import run_task

THUMB = 96
LARGEST = 1600  # the preview never shows more; a bigger picture is scaled off the GUI thread


def load_picture(path: str, check: bool, kind: str = "image", language: str = ""):
    """Off the GUI thread: check a new file as the desk will, then read a picture for the screen."""
    if check:
        check_attachment(path, language)  # checked now, not at publishing time
    if kind in ("mp4", "srt"):
        return None  # no picture to read: the card shows a video frame or the caption's name
    image = QImage(path)
    if not image.isNull() and max(image.width(), image.height()) > LARGEST:
        image = image.scaled(LARGEST, LARGEST, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


class ImageCard(QFrame):
    removed = Signal(object)
    changed = Signal()

    def __init__(self, source, alt: str, number: int, parent=None, kind: str = "image", name: str = ""):
        super().__init__(parent)
        self.setObjectName("card")
        self.source = source  # a file path (str) or a MediaItem the post already holds
        self.kind = kind  # image, gif, mp4 or srt
        self.pixmap = QPixmap()  # null until the picture has been read
        self.loading = True
        self.thumb = QLabel()
        self.thumb.setFixedSize(THUMB, THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.alt = QLineEdit(alt if kind != "srt" else "")
        self.alt.setMaxLength(MAX_ALT)
        self.language = QComboBox()  # a caption file's language instead of a description
        for code in ("ar", "en"):
            self.language.addItem(language_name(code), code)
        self.language.setAccessibleName(self.tr("Language of the captions"))
        if kind == "srt":
            self.language.setCurrentIndex(max(0, self.language.findData(alt or "ar")))
            self.thumb.setText(self.tr("Captions") + "\n" + name)
            self.thumb.setWordWrap(True)
            self.thumb.setAccessibleName(self.tr("Caption file"))
            self.alt.hide()
        else:
            self.language.hide()
        if kind == "mp4":
            self.alt.setPlaceholderText(self.tr("Describe the video for people who cannot see it"))
            self.alt.setAccessibleName(self.tr("Description of the video"))
            self.thumb.setAccessibleName(self.tr("Video"))
        elif kind != "srt":
            self.alt.setPlaceholderText(self.tr("Describe the image for people who cannot see it"))
            self.alt.setAccessibleName(self.tr("Description of image %1").replace("%1", str(number)))
            self.thumb.setAccessibleName(self.tr("Image %1").replace("%1", str(number)))
        self.alt.textChanged.connect(self.changed)
        self.language.currentIndexChanged.connect(self.changed)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setAccessibleName(self.tr("Remove image %1").replace("%1", str(number)) if kind in ("image", "gif")
                                      else self.tr("Remove %1").replace("%1", self.thumb.accessibleName()))
        self.remove.clicked.connect(lambda: self.removed.emit(self))
        column = QVBoxLayout()
        column.addWidget(self.alt)
        column.addWidget(self.language, 0, Qt.AlignmentFlag.AlignLeading)
        column.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeading)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 6, 6, 6)
        row.addWidget(self.thumb)
        row.addLayout(column, 1)

    def described(self) -> str:
        """The description, or for a caption file its language."""
        return self.language.currentData() if self.kind == "srt" else self.alt.text()

    def set_picture(self, image: QImage | None) -> None:
        self.loading = False
        if self.kind == "srt":
            return
        self.pixmap = video_frame() if self.kind == "mp4" else QPixmap.fromImage(image)
        if not self.pixmap.isNull():
            self.thumb.setPixmap(self.pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                    Qt.TransformationMode.SmoothTransformation))

    def ext(self) -> str:
        """For the post's set rules: png for any still image."""
        return {"image": "png"}.get(self.kind, self.kind)

    def set_read_only(self, read_only: bool) -> None:
        self.alt.setReadOnly(read_only)
        self.language.setEnabled(not read_only)
        self.remove.setEnabled(not read_only)

    def state(self) -> dict:
        if isinstance(self.source, MediaItem):
            m = self.source
            return {"sha256": m.sha256, "ext": m.ext, "size": m.size, "alt": self.described()}
        return {"path": self.source, "alt": self.described()}


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
        """Each file in turn, while the post can still take it (4 images, or 1 GIF, or 1 video
        and its caption): the first one it cannot is refused with the reason."""
        for path in paths:
            try:
                kind = kind_of(path)  # its first bytes only
                check_set([card.ext() for card in self.cards] + [{"image": "png"}.get(kind, kind)])
            except DeskError as error:
                self.refused.emit(error.message(i18n.current()))
                break
            language = ""
            if kind == "srt":
                try:
                    with open(path, "rb") as source:
                        language = guess_language(source.read(64 * 1024))
                except OSError:
                    pass
            self._add(path, language, check=True, kind=kind)
        self.changed.emit()

    def add_media(self, item: MediaItem) -> None:
        self._add(item, item.alt, path=str(self.media_path(item)), kind={"gif": "gif", "mp4": "mp4", "srt": "srt"}
                  .get(item.ext, "image"))

    def loading(self) -> bool:
        """Some picture is still being read off the GUI thread."""
        return any(card.loading for card in self.cards)

    def _add(self, source, alt: str, check: bool = False, path: str | None = None, kind: str = "image") -> None:
        name = Path(path or source).name if kind == "srt" and not isinstance(source, MediaItem) else ""
        card = ImageCard(source, alt, self.count() + 1, kind=kind, name=name)
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
                error = InvalidInput("media.not_media", name=Path(path).name)
            self.refused.emit(error.message(i18n.current()))

        run_task(lambda: load_picture(path, check, kind, alt), read, refused, owner=card)

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
        return [(card.source, card.described()) for card in self.cards]

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
                try:
                    kind = kind_of(state["path"])
                except DeskError:
                    continue
                self._add(state["path"], state.get("alt", ""), kind=kind)
        self.changed.emit()
