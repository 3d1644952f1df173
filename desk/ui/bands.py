"""The bands under the header: red "Server out of reach", amber "Training mode", red
"Publishing blocked" (an account on record whose keys the keyring will not give), grey
"Publishing paused", and on an office's desk why this workstation publishes nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Bands(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for name in ("offline", "training", "blocked", "paused", "workstation"):
            band = QLabel()
            band.setObjectName(f"band_{name}")
            band.setWordWrap(True)
            band.hide()
            setattr(self, name, band)
            column.addWidget(band)
        self.offline.setText(self.tr("The desk's database server cannot be reached. What you type stays on this "
                                     "workstation: save it again once the server answers."))
        self.reload()

    def set_offline(self, offline: bool) -> None:
        self.offline.setVisible(offline)

    def reload(self) -> None:
        ctx = self.ctx
        self.set_offline(ctx.offline)
        if ctx.offline:
            return  # the other bands stay as last read
        if ctx.desk.training_chosen():
            why = self.tr("Training mode: posts go to the desk's training timeline, not to X.")
        else:
            why = self.tr("Training mode: no X account is connected, so posts go to the desk's training "
                          "timeline, not to X.")
        self.training.setText(why)
        self.training.setVisible(ctx.training())
        blocked = "" if ctx.keys_elsewhere() else ctx.publishing_blocked()  # the workstation band says it
        self.blocked.setText(blocked)
        self.blocked.setVisible(bool(blocked))
        self.paused.setText(self.tr("Publishing paused: nothing is published, not even scheduled posts, "
                                    "until a supervisor resumes."))
        self.paused.setVisible(bool(ctx.settings()["paused"]))
        note = ctx.workstation_note()
        self.workstation.setText(note)
        self.workstation.setVisible(bool(note))
