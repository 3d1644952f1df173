"""Words over an empty list that say what to do, hidden while the list has rows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QLabel):
    def __init__(self, view: QAbstractItemView, text: str = "", empty=None):
        """``empty`` says whether the list counts as empty (a list of groups is empty when
        no group has a row); by default, when its model has no rows."""
        super().__init__(text, view.viewport())
        self.view = view
        self.empty = empty or (lambda: view.model().rowCount() == 0)
        self.setObjectName("muted")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self.refresh)
        view.viewport().installEventFilter(self)
        self.refresh()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect().adjusted(16, 16, -16, -16))
        return False

    def refresh(self) -> None:
        self.setGeometry(self.view.viewport().rect().adjusted(16, 16, -16, -16))
        self.setVisible(self.empty())
