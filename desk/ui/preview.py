"""The post as X will show it: round logo, name, @handle, the text laid out in the post's
own direction, images with rounded corners, the time, and the (greyed) row of actions."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QRectF, QSize, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desk.ui import i18n, words
from desk.ui.avatar import round_logo
from desk.ui.post_actions import ActionRow
from desk.ui.post_text import post_html
from desk.ui.style import LINK

AVATAR = 44
IMAGE_WIDTH = 300
RADIUS = 12  # X rounds the block of pictures, not each one
THREAD_LINE = "#cfd9de"  # X's grey line joining the logos of a thread's posts


class PostPreview(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName(self.tr("Preview of the post"))
        self.line_above = self.line_below = False  # the thread line, to the post before and after
        self.avatar = QLabel()
        self.avatar.setFixedSize(AVATAR, AVATAR)
        self.avatar.setAccessibleName(self.tr("Institution logo"))
        self.name = ShortLabel()
        self.name.setStyleSheet("font-weight: bold;")
        self.handle = ShortLabel()
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
        self.time = QLabel()
        self.time.setObjectName("handle")
        self.time.setAccessibleName(self.tr("Time of the post"))
        self.actions = ActionRow()

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
        column.addWidget(self.time)
        column.addWidget(self.actions)
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
                 reply_to: str | None = None, reply_handle: str = "", at: str | None = None) -> None:
        """`at`: when it was (or will be) published, stored UTC; none: as if it went out now."""
        fallback = "rtl" if i18n.current() == "ar" else "ltr"
        self.body.setText(post_html(text or "", fallback))
        self.time.setText(x_time(words.local(at) if at else datetime.now().astimezone()))
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

    def set_thread_line(self, above: bool, below: bool) -> None:
        """In a thread, X joins each post's logo to the next one's with a grey line."""
        self.line_above, self.line_below = above, below
        self.update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not (self.line_above or self.line_below):
            return
        logo = self.avatar.geometry()
        painter = QPainter(self)
        painter.setPen(QPen(QColor(THREAD_LINE), 2))
        x = logo.center().x()
        if self.line_above:
            painter.drawLine(x, 0, x, logo.top() - 4)
        if self.line_below:
            painter.drawLine(x, logo.bottom() + 4, x, self.height())
        painter.end()

    def clear(self) -> None:
        self.body.setText("")
        self.time.setText("")
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
            label = Picture()
            label.setAccessibleName(self.tr("Image %1").replace("%1", str(index + 1)))
            filled = pixmap.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                                   Qt.TransformationMode.SmoothTransformation)
            # the middle of the picture, as X crops it
            middle = filled.copy((filled.width() - width) // 2, (filled.height() - height) // 2, width, height)
            label.setPixmap(rounded(middle, outer_corners(count, index, self.isRightToLeft())))
            if count == 3:
                row, column, span = (0, 0, 2) if index == 0 else (index - 1, 1, 1)
                self.grid.addWidget(label, row, column, span, 1)
            else:
                self.grid.addWidget(label, index // 2, index % 2, 1, 2 if wide else 1)


class ShortLabel(QLabel):
    """A one-line label that gives up width on a narrow preview, ending in "…" as X
    shortens a long @handle."""

    def __init__(self):
        super().__init__()
        self.full = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self.full = text
        self.setToolTip(text)
        self._fit()
        self.updateGeometry()

    def text(self) -> str:  # what it says, however little of it fits
        return self.full

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self.full) + 2, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        super().setText(self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, self.width()))


class Picture(QLabel):
    """One of the post's pictures, shrinking with a narrow preview (a small screen) and
    keeping its shape, as X's pictures do on a phone."""

    SMALLEST = 60

    def __init__(self):
        super().__init__()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def setPixmap(self, pixmap: QPixmap) -> None:
        super().setPixmap(pixmap)
        self.setMaximumWidth(pixmap.width())  # never blown up past its own size
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return self.pixmap().size()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.SMALLEST, self.heightForWidth(self.SMALLEST))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        pixmap = self.pixmap()
        return round(width * pixmap.height() / pixmap.width()) if pixmap.width() else 0

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        width = self.width()
        painter.drawPixmap(0, 0, width, self.heightForWidth(width), self.pixmap())


def x_time(moment: datetime) -> str:
    """As X writes a post's time under it: "8:54 AM · 3 Dec 2026", in the window's language."""
    locale = QLocale()
    clock = locale.toString(QTime(moment.hour, moment.minute), "h:mm AP")
    day = locale.toString(QDate(moment.year, moment.month, moment.day), "d MMM yyyy")
    return f"{clock} · {day}"


def outer_corners(count: int, index: int, right_to_left: bool) -> set[str]:
    """Which corners of picture `index` are corners of the whole block of pictures, which
    X rounds: "tl", "tr", "bl", "br" as drawn (the grid's first column is on the right in Arabic)."""
    if count == 1:
        cells = {"ts", "te", "bs", "be"}
    elif count == 2:
        cells = {"ts", "bs"} if index == 0 else {"te", "be"}
    elif count == 3:
        cells = ({"ts", "bs"}, {"te"}, {"be"})[index]
    else:
        cells = ({"ts"}, {"te"}, {"bs"}, {"be"})[index]
    start, end = ("r", "l") if right_to_left else ("l", "r")
    return {corner[0] + (start if corner[1] == "s" else end) for corner in cells}


def rounded(pixmap: QPixmap, corners: set[str], radius: float = RADIUS) -> QPixmap:
    """The picture with the given corners rounded, the others square."""
    width, height = pixmap.width(), pixmap.height()
    shape = QPainterPath()
    shape.addRoundedRect(QRectF(0, 0, width, height), radius, radius)
    squares = {"tl": (0, 0), "tr": (width - radius, 0), "bl": (0, height - radius),
               "br": (width - radius, height - radius)}
    for corner, (x, y) in squares.items():
        if corner not in corners:
            square = QPainterPath()
            square.addRect(QRectF(x, y, radius, radius))
            shape = shape.united(square)
    result = QPixmap(pixmap.size())
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setClipPath(shape)
    painter.drawPixmap(0, 0, pixmap)
    painter.end()
    return result
