"""The log as a table model, read lazily a page at a time (canFetchMore/fetchMore).

An office's ten years hold ~110,000 posts; only the rows scrolled to are read.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from desk.service import LogFilter
from desk.ui import words
from desk.ui.post_text import first_line
from desk.ui.style import state_colour

PAGE = 100
COL_ID, COL_STATE, COL_TEXT, COL_AUTHOR, COL_APPROVER, COL_PUBLISHED, COL_LINK = range(7)
# X's figures as last read (not the desk's record); None until they are read
COL_LIKES, COL_REPOSTS, COL_IMPRESSIONS = range(7, 10)
COLUMNS = 10
REACH = {COL_LIKES: "likes", COL_REPOSTS: "reposts", COL_IMPRESSIONS: "impressions"}
POST_ID_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class LogModel(QAbstractTableModel):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.filter = LogFilter()
        self.rows: list[dict] = []
        self.total = 0

    def headers(self) -> list[str]:
        return [self.tr("#"), self.tr("State"), self.tr("First line"), self.tr("Author"),
                self.tr("Approver"), self.tr("Published"), self.tr("On X"), self.tr("Likes"), self.tr("Reposts"),
                self.tr("Impressions")]

    # reading -----------------------------------------------------------------------
    def set_filter(self, log_filter: LogFilter) -> None:
        self.filter = log_filter
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.total = self.session.log_count(self.filter)
        self.rows = self.session.log(self.filter, limit=PAGE, offset=0)
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid():
            return
        more = self.session.log(self.filter, limit=PAGE, offset=len(self.rows))
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    # showing -----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == POST_ID_ROLE:
            return row["post_id"]
        if role == ROW_ROLE:
            return row
        if index.column() in REACH:
            return self._reach_cell(row, index.column(), role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(row, index.column(), role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_STATE:
            colour = state_colour(row["state"])
            return QColor(colour) if colour else None
        return None

    def _cell(self, row: dict, column: int, full: bool) -> str:
        if column == COL_ID:
            return str(row["post_id"])
        if column == COL_STATE:
            state = words.state_label(row["state"])
            if row.get("training") and row["state"] in ("published", "partly_published", "withdrawn"):
                return self.tr("%1 · training").replace("%1", state)
            return state
        if column == COL_TEXT:
            text = row["text"] if full else first_line(row["text"], 80)
            parts = row.get("parts") or 1
            # a thread is one row: its count first, so the first line is not taken for all of it
            return self.tr("Thread (%n): %1", "", parts).replace("%1", text) if parts > 1 else text
        if column == COL_AUTHOR:  # the rows carry the names: no staff list to fetch first
            return row.get("author_name") or row["author"]
        if column == COL_APPROVER:
            approvers = [u for u in (row.get("approver") or "").split("; ") if u]
            names = [n for n in (row.get("approver_name") or "").split("; ") if n]
            return words.joined(names if len(names) == len(approvers) else approvers)
        if column == COL_PUBLISHED:
            return words.when(row.get("published_at"))
        if column == COL_LINK:
            return row.get("x_url") or ""
        return ""

    def _reach_cell(self, row: dict, column: int, role):
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        read_at = reach_value(row, "read_at")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("X's figures, read %1").replace("%1", words.when(read_at)) if read_at else None
        if role == Qt.ItemDataRole.DisplayRole:
            value = reach_value(row, REACH[column])
            return "" if value is None else f"{value:,}"
        return None

    def post_id(self, row: int) -> int | None:
        return self.rows[row]["post_id"] if 0 <= row < len(self.rows) else None


def reach_value(row: dict, name: str):
    """One of X's figures in a log row (x_likes ... x_read_at), None when never read."""
    return row.get(f"x_{name}")
