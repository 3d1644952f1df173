"""What the window needs to show the office's figures, beside the session's own methods
(Session.figures, reach_plan, refresh_reach, write_report): the chart painter and the
report's words, the same ones the monthly PDF uses."""

from desk.core.figures import Figures, Period, month_of, parse_month
from desk.core.reach import ReachPlan, ReachResult, dollars
from desk.export.report_charts import column_at, paint_columns, paint_rows, row_at, rows_height
from desk.export.report_words import count_text, duration_text, word

__all__ = ["Figures", "Period", "ReachPlan", "ReachResult", "column_at", "count_text", "dollars", "duration_text",
           "month_of", "paint_columns", "paint_rows", "parse_month", "row_at", "rows_height", "word"]
