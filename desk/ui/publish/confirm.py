"""The last look before publishing: exactly what goes out, and to which account."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from desk.ui.media_look import describe
from desk.ui.preview import PostPreview
from desk.ui.words import with_handle


class PublishConfirm(QDialog):
    def __init__(self, ctx, post, pixmaps, kind: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish now?"))
        handle = ctx.handle()
        if kind == "x":
            where = with_handle(self.tr("This post goes out now on X, on the account @%1, for everyone to see."), handle)
        else:
            where = with_handle(self.tr("This post goes to the desk's training timeline (@%1), not to X."), handle)
        self.where = QLabel(where)
        self.where.setWordWrap(True)
        self.where.setObjectName("warning" if kind == "x" else "muted")
        self.preview = PostPreview()
        self.preview.set_account(ctx.institution_name(), handle, ctx.desk.logo_path())
        self.preview.set_post(post.text, pixmaps, kind != "x", post.reply_to)
        alts = describe(post.media)
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
        layout.addWidget(self.preview)
        layout.addWidget(self.alts)
        layout.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignBottom)
        self.setMinimumWidth(520)
