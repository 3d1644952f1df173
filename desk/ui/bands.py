"""The bands under the header: amber "Training mode", red "Publishing blocked" (an account
on record whose keys the keyring will not give), grey "Publishing paused"."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Bands(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.training = QLabel()
        self.training.setObjectName("band_training")
        self.training.setWordWrap(True)
        self.blocked = QLabel()
        self.blocked.setObjectName("band_blocked")
        self.blocked.setWordWrap(True)
        self.paused = QLabel()
        self.paused.setObjectName("band_paused")
        self.paused.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.training)
        column.addWidget(self.blocked)
        column.addWidget(self.paused)
        self.reload()

    def reload(self) -> None:
        ctx = self.ctx
        if ctx.desk.training_chosen():
            why = self.tr("Training mode: posts go to the desk's training timeline, not to X.")
        else:
            why = self.tr("Training mode: no X account is connected, so posts go to the desk's training "
                          "timeline, not to X.")
        self.training.setText(why)
        self.training.setVisible(ctx.training())
        blocked = ctx.publishing_blocked()
        self.blocked.setText(blocked)
        self.blocked.setVisible(bool(blocked))
        self.paused.setText(self.tr("Publishing paused: nothing is published, not even scheduled posts, "
                                    "until a supervisor resumes."))
        self.paused.setVisible(bool(ctx.settings()["paused"]))
