"""The last look before publishing: exactly what goes out (every part of a thread), and to
which account."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QLabel, QScrollArea, QVBoxLayout

from desk.ui.media_look import describe
from desk.ui.preview import PostPreview
from desk.ui.thread_preview import ThreadPreview
from desk.ui.words import with_handle


class PublishConfirm(QDialog):
    def __init__(self, ctx, post, pixmaps, kind: str, parent=None):
        """``pixmaps``: the pictures of each part, in order (one list for a single post)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish now?"))
        handle = ctx.handle()
        if kind == "x":
            where = with_handle(self.tr("This post goes out now on X, on the account @%1, for everyone to see."), handle)
        else:
            where = with_handle(self.tr("This post goes to the desk's training timeline (@%1), not to X."), handle)
        out, count = len(post.part_ids), len(post.parts)
        if out:  # a thread stopped part-way goes on from the first part not yet out
            where += "\n" + self.tr("Already there: %1 of the %2 parts. The rest go out now, each a reply to the "
                                     "one before.").replace("%1", str(out)).replace("%2", str(count))
        elif count > 1:
            where += "\n" + self.tr("A thread of %n parts: they go out one after the other, each a reply to the "
                                     "one before.", "", count)
        self.where = QLabel(where)
        self.where.setWordWrap(True)
        self.where.setObjectName("warning" if kind == "x" else "muted")
        self.preview = PostPreview()  # the post, or the thread's first part
        self.thread = ThreadPreview(self.preview)
        self.thread.set_account(ctx.institution_name(), handle, ctx.desk.logo_path())
        pictures = list(pixmaps) + [[]] * (count - len(pixmaps))
        self.thread.set_thread([(part.text, shown) for part, shown in zip(post.parts, pictures)], kind != "x",
                               post.reply_to)
        alts = describe([m for part in post.parts for m in part.media])
        self.alts = QLabel("\n".join(alts))
        self.alts.setWordWrap(True)
        self.alts.setVisible(bool(alts))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = self.buttons.addButton(self.tr("Publish now"), QDialogButtonBox.ButtonRole.AcceptRole)
        # Cancel is the default: Enter alone never publishes
        self.publish_button.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        if count > 1:  # a long thread is taller than the screen: it scrolls, the buttons stay
            box = QScrollArea()
            box.setWidgetResizable(True)
            box.setFrameShape(QFrame.Shape.NoFrame)
            box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            box.setWidget(self.thread)
            box.setMinimumHeight(320)
            layout.addWidget(box, 1)
        else:
            layout.addWidget(self.thread)
        layout.addWidget(self.alts)
        layout.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignBottom)
        self.setMinimumWidth(520)
