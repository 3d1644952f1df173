"""The places of the desk, with counts: Compose, For review, Approved and scheduled, Log, Staff, Settings."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem


class Places(QListWidget):
    chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("places")
        self.setAccessibleName(self.tr("Places"))
        # a place's count, in words, may be wider than its name: it wraps, never scrolls sideways
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.names: dict[str, str] = {}
        self.counts: dict[str, int] = {}
        self.currentItemChanged.connect(lambda item, _: item and self.chosen.emit(item.data(Qt.ItemDataRole.UserRole)))

    def add_place(self, key: str, name: str) -> None:
        self.names[key] = name
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
        self.addItem(item)

    def keys(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    def go(self, key: str) -> None:
        self.setCurrentRow(self.keys().index(key))

    def set_count(self, key: str, count: int) -> None:
        if key not in self.names:
            return
        self.counts[key] = count
        item = self.item(self.keys().index(key))
        counted, tip = self.count_words(key, count)
        text = f"{self.names[key]}\n{counted}" if count else self.names[key]
        item.setText(text)
        item.setToolTip(tip if count else "")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{self.names[key]}. {tip}" if count else self.names[key])

    def count_words(self, key: str, count: int) -> tuple[str, str]:
        """What a place's count counts: a short line under its name and a sentence for its tooltip."""
        if key == "review":
            return (self.tr("%n waiting", "", count),
                    self.tr("Posts waiting for your review: %n", "", count))
        return (self.tr("%n to look at", "", count),
                self.tr("Posts that could not go out as planned (failed, not confirmed or missed their time): %n",
                        "", count))
