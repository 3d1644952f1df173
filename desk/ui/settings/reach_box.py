"""Reading X's figures: how often on the schedule (off by default), X's price for a post
read, and the month's budget no read may go beyond."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox


class ReachSettingsBox(QGroupBox):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("X's figures"))
        self.every = QSpinBox()
        self.every.setRange(0, 30)
        self.every.setSpecialValueText(self.tr("Only when someone asks"))
        self.every.valueChanged.connect(self._every_suffix)
        self.price = QDoubleSpinBox()  # dollars a post, to a thousandth of a cent
        self.price.setDecimals(5)
        self.price.setRange(0, 1)
        self.price.setSingleStep(0.001)
        self.price.setPrefix("$")
        self.budget = QDoubleSpinBox()
        self.budget.setDecimals(2)
        self.budget.setRange(0, 100_000)
        self.budget.setPrefix("$")
        self.note = QLabel(self.tr(
            "X charges for every post a read returns. A read over what is left of the month's budget is "
            "refused before it asks X anything. When X changes its prices, change the price here."))
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        form = QFormLayout(self)
        for label, field in ((self.tr("Read the last 30 days' X figures on a schedule"), self.every),
                             (self.tr("X's price for a post read"), self.price),
                             (self.tr("Budget a month"), self.budget)):
            field.setAccessibleName(label)
            form.addRow(label, field)
        form.addRow("", self.note)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self.reload()

    def _every_suffix(self, n: int) -> None:
        """«كل 7 أيام» / "every 7 days"; 0 shows the special text alone."""
        self.every.setPrefix(self.tr("every ") if n else "")
        self.every.setSuffix(self.tr(" days", "", n) if n else "")

    def reload(self) -> None:
        s = self.ctx.settings()
        self.every.setValue(s["reach_every_days"])
        self._every_suffix(self.every.value())
        self.price.setValue(s["reach_price_millicents"] / 100_000)
        self.budget.setValue(s["reach_budget_cents"] / 100)

    def values(self) -> dict:
        return {"reach_every_days": self.every.value(),
                "reach_price_millicents": round(self.price.value() * 100_000),
                "reach_budget_cents": round(self.budget.value() * 100)}

    def save(self) -> None:
        current = self.ctx.settings()
        for key, value in self.values().items():
            if current[key] != value and self.ctx.act(self.ctx.session.set_setting, key, value) is None:
                return
        self.ctx.notice.emit(self.tr("The settings of X's figures are saved."), False)
