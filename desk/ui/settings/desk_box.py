"""The desk's rules: approvals needed, allowed lateness, length limit, how far ahead a schedule may go,
idle lock, training, language."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox

from desk.core.messages import render
from desk.ui import i18n


class DeskSettingsBox(QGroupBox):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("The desk"))
        self.approvals = QComboBox()
        self.approvals.addItem(self.tr("One supervisor"), 1)
        self.approvals.addItem(self.tr("Two supervisors"), 2)
        self.lateness = QSpinBox()
        self.lateness.setRange(0, 24 * 60)
        self._counted(self.lateness, lambda n: self.tr(" minutes", "", n))
        self.char_limit = QSpinBox()
        self.char_limit.setRange(280, 25000)
        self._counted(self.char_limit, lambda n: self.tr(" characters", "", n))
        # over 280 only for accounts with Premium or Verified Organization: said where it is set
        self.long_note = QLabel(render("long.warning", i18n.current(), {}))
        self.long_note.setObjectName("muted")
        self.long_note.setWordWrap(True)
        self.schedule_days = QSpinBox()  # X schedules no further than a year; more if the office says so
        self.schedule_days.setRange(1, 10 * 366)
        self.idle = QSpinBox()
        self.idle.setRange(1, 24 * 60)
        self._counted(self.idle, lambda n: self.tr(" minutes", "", n))
        self.training = QCheckBox(self.tr("Publish to the training timeline, not to X"))
        self.language = QComboBox()
        self.language.addItem(self.tr("As the computer's system"), "")
        self.language.addItem("العربية", "ar")
        self.language.addItem("English", "en")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        form = QFormLayout(self)
        rows = (
            (self.tr("Approvals needed"), self.approvals),
            (self.tr("Send a scheduled post at most this late"), self.lateness),
            (self.tr("Character limit"), self.char_limit),
            (self.tr("Days ahead a post may be scheduled, at most"), self.schedule_days),
            (self.tr("Lock the window after"), self.idle),
            (self.tr("Training mode"), self.training),
            (self.tr("Language of the desk"), self.language),
        )
        for label, field in rows:
            field.setAccessibleName(label)
            form.addRow(label, field)
            if field is self.char_limit:
                form.addRow("", self.long_note)
                field.setAccessibleDescription(self.long_note.text())
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self.reload()

    @staticmethod
    def _counted(box, suffix) -> None:
        """A unit after the number in the form the number takes («3 دقائق»، «15 دقيقة»)."""
        box.valueChanged.connect(lambda n: box.setSuffix(suffix(n)))
        box.setSuffix(suffix(box.value()))

    def reload(self) -> None:
        s = self.ctx.settings()
        self.approvals.setCurrentIndex(self.approvals.findData(s["approvals_needed"]))
        self.lateness.setValue(s["lateness_minutes"])
        self.char_limit.setValue(s["char_limit"])
        self.schedule_days.setValue(s["schedule_max_days"])
        self.idle.setValue(s["idle_minutes"])
        self.training.setChecked(bool(s["training_mode"]))
        self.language.setCurrentIndex(max(self.language.findData(s["language"]), 0))

    def values(self) -> dict:
        return {
            "approvals_needed": self.approvals.currentData(),
            "lateness_minutes": self.lateness.value(),
            "char_limit": self.char_limit.value(),
            "schedule_max_days": self.schedule_days.value(),
            "idle_minutes": self.idle.value(),
            "training_mode": self.training.isChecked(),
            "language": self.language.currentData(),
        }

    def save(self) -> None:
        current = self.ctx.settings()
        changed = {k: v for k, v in self.values().items() if current[k] != v}
        for key, value in changed.items():
            if self.ctx.act(self.ctx.session.set_setting, key, value) is None:
                return
        self.say_saved()
        if "language" in changed:
            self.ctx.language_chosen.emit(changed["language"])

    def say_saved(self) -> None:
        self.ctx.notice.emit(self.tr("The desk's settings are saved."), False)
