"""Reading X's figures for the month's posts, which X charges for: the plan is said first
(posts, requests, the estimate, what is left of the month's budget), a refused plan never
reaches X, and the read itself runs off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from desk.core.reach import dollars
from desk.ui import adapters, words
from desk.ui.tasks import run_task


def money(cents: float) -> str:
    return words.ltr(dollars(cents))


class ReachRead(QObject):
    finished = Signal(str, bool)  # what happened, for the page's notice line; is it an error
    busy = Signal(bool)
    read = Signal()  # X's figures changed: the page reads the month again

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.running = False  # from the question to the answer (or X's)
        self.reading = False  # X is being asked
        self.dialog: QMessageBox | None = None
        self.plan = None

    def ask(self, parent_widget, period) -> None:
        """Work out what the read would cost (a database read, off the GUI thread), then ask."""
        if self.running:
            return
        self.running = True
        run_task(adapters.in_worker(self.ctx.session, lambda s: s.reach_plan(period)),
                 lambda plan: self._planned(parent_widget, period, plan), self._failed, owner=self)

    def _planned(self, parent_widget, period, plan) -> None:
        self.plan = plan
        refused = plan.refusal()
        if refused is not None:  # nothing to read, or over the budget: X is never asked
            self._end()
            self.finished.emit(self.ctx.message(refused), True)
            return
        self.dialog = self.confirm_dialog(plan, parent_widget)
        self.dialog.finished.connect(lambda result: self._answered(result, period, plan.cost_cents))
        self.dialog.open()

    def _answered(self, result: int, period, agreed: float) -> None:
        self.dialog = None
        if result != QMessageBox.StandardButton.Yes:
            self._end()
            return
        self.reading = True
        self.busy.emit(True)
        # what the person agreed to is the ceiling: posts out since the dialog opened make it refuse
        self.ctx.in_background(lambda s: s.refresh_reach(period, most_cents=agreed), self._done, self._failed,
                               owner=self)

    def _done(self, result) -> None:
        self._end()
        self.finished.emit(self.result_text(result), result.stopped is not None)
        self.read.emit()

    def _failed(self, error) -> None:
        self._end()
        self.finished.emit(self.ctx.message(error), True)

    def _end(self) -> None:
        self.running = False
        if self.reading:
            self.reading = False
            self.busy.emit(False)

    def confirm_dialog(self, plan, parent) -> QMessageBox:
        """Yes / No, No the default: what is read, what it costs, what is left of the budget."""
        dialog = QMessageBox(parent)
        dialog.setIcon(QMessageBox.Icon.Question)
        dialog.setWindowTitle(self.tr("Read X's figures"))
        dialog.setText(self.tr("Read the figures of %n posts from X?", "", plan.posts))
        lines = [
            self.tr("Requests to X: %1").replace("%1", words.ltr(str(plan.requests))),
            self.tr("Estimated cost: %1 (X charges for each post it returns)").replace("%1", money(plan.cost_cents)),
            self.tr("Left of this month's budget: %1 of %2").replace("%1", money(plan.left_cents)).replace(
                "%2", money(plan.budget_cents)),
        ]
        dialog.setInformativeText("\n".join(lines))
        dialog.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        dialog.setDefaultButton(QMessageBox.StandardButton.No)
        dialog.button(QMessageBox.StandardButton.Yes).setText(self.tr("Read and pay"))
        return dialog

    def result_text(self, result) -> str:
        said = [self.tr("The figures of %n posts were read from X.", "", result.read)]
        if result.read:
            said.append(self.tr("Cost of this read: %1.").replace("%1", money(result.cost_cents)))
        if result.missing:
            said.append(self.tr("%n posts are no longer on X.", "", result.missing))
        if result.stopped is not None:
            said.append(self.tr("X refused part-way; what was read before is kept. %1").replace(
                "%1", self.ctx.message(result.stopped)))
        return " ".join(said)
