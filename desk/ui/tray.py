"""A notification when drafts wait for review (supervisors) or a post fails to publish."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QSystemTrayIcon


class Notifier:
    def __init__(self, window, icon, wants_review: bool):
        self.window = window
        self.wants_review = wants_review
        self.review = None
        self.problems = None
        self.last_message = ""
        self.tray = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, window)
            self.tray.setToolTip(QApplication.applicationDisplayName())
            self.tray.activated.connect(lambda _: (window.showNormal(), window.raise_(), window.activateWindow()))
            self.tray.show()

    def update(self, review: int, problems: int, review_text: str, problems_text: str) -> None:
        """Tell only about increases: the first reading sets the baseline."""
        if self.wants_review and self.review is not None and review > self.review:
            self.say(review_text)
        if self.problems is not None and problems > self.problems:
            self.say(problems_text)
        self.review, self.problems = review, problems

    def say(self, text: str) -> None:
        self.last_message = text
        if self.tray is not None:
            self.tray.showMessage(QApplication.applicationDisplayName(), text)
        else:
            self.window.statusBar().showMessage(text, 15000)

    def hide(self) -> None:
        if self.tray is not None:
            self.tray.hide()
