"""The monthly report as a PDF: A4 portrait, under the institution's logo and name.

Everything the report holds is small and in memory, so it is laid out once as a flow of
items (each knows its height), broken into pages, and then drawn: every page reads
"page n of N". Text goes through pdf_writer's blocks, so Arabic is shaped the same way
as in the log's PDF; tables and charts are mirrored in Arabic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from desk.core.errors import StoreError
from desk.core.figures import Count, Figures
from desk.export.dates import hijri_text, isolate, local_text, starts_rtl
from desk.export.pdf_writer import ALERT, DPI, GREY, HEAD_FILL, INK, MM, PAD, RULE, SHADE, _Block, _ensure_app, _font
from desk.export.report_charts import paint_columns, paint_rows, rows_height
from desk.export.report_words import REACH_ITEMS, SUMMARY_ITEMS, count_text, duration_text, week_text, word
from desk.export.rows import atomic_target

if TYPE_CHECKING:
    from desk.export.report import ReportMeta

BAR = QColor("#2e6da4")
LOGO_BOX = 22 * MM
CHART_H = 62 * MM
ROWS_PER_CHART = 22  # a longer list of people is cut into pieces that each fit a page
FOOTER_H, RUNNING_H = 10 * MM, 10 * MM
CENTRE = Qt.AlignHCenter


@dataclass
class _Item:
    height: float
    draw: Callable[[QPainter, float], None]
    keep: bool = False  # stays on the page of the item after it (headings, table heads)
    head: "_Item | None" = None  # a table's head, drawn again when the table goes on over a page


def _paginate(items: list[_Item], first_room: float, room: float) -> list[list[tuple[_Item, float]]]:
    """Items placed on pages as (item, y); a run of kept items moves with the item after it."""
    pages: list[list[tuple[_Item, float]]] = []
    placed: list[tuple[_Item, float]] = []
    y, limit, i = 0.0, first_room, 0
    while i < len(items):
        j = i
        while j < len(items) - 1 and items[j].keep:
            j += 1
        run = items[i:j + 1]
        if placed and y + sum(it.height for it in run) > limit:
            pages.append(placed)
            placed, y, limit = [], 0.0, room
            if run[0].head is not None:
                placed.append((run[0].head, 0.0))
                y = run[0].head.height
        for it in run:
            placed.append((it, y))
            y += it.height
        i = j + 1
    pages.append(placed)
    return pages


def _logo(path) -> QImage:
    """The logo read at no more than 600 px a side: 22 mm need no more, and the PDF stays small."""
    if not path:
        return QImage()
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > 600:
        reader.setScaledSize(size.scaled(600, 600, Qt.KeepAspectRatio))
    return reader.read()


class _Report:
    def __init__(self, device: QPdfWriter, figures: Figures, meta: "ReportMeta"):
        self.device, self.figures, self.meta = device, figures, meta
        self.lang, self.rtl, self.tz = meta.lang, meta.lang == "ar", meta.tz
        self.width, self.height = float(device.width()), float(device.height())
        self.body, self.bold, self.small = _font(8.5), _font(8.5, bold=True), _font(7.5)
        self.logo = _logo(meta.logo_path)
        ar, en = meta.institution_name_ar, meta.institution_name_en
        self.name = (ar or en) if self.rtl else (en or ar)
        self.month = figures.period.label(self.lang)
        self.items: list[_Item] = []

    def w(self, key: str, **params) -> str:
        return word(key, self.lang, **params)

    def block(self, text: str, font, width: float, align=Qt.AlignLeft) -> _Block:
        """Text in its own direction, aligned as the page reads (leading means right in Arabic)."""
        rtl = starts_rtl(text, self.rtl)
        if rtl != self.rtl and align != CENTRE:
            align = Qt.AlignRight if align == Qt.AlignLeft else Qt.AlignLeft
        return _Block(self.device, text, font, width, rtl, align)

    # ------------------------------------------------------------------ the flow's pieces
    def add(self, height: float, draw, keep: bool = False, head: _Item | None = None) -> _Item:
        item = _Item(height, draw, keep, head)
        self.items.append(item)
        return item

    def text(self, text: str, font, color=INK, align=Qt.AlignLeft, before: float = 0.0, after: float = 1 * MM,
             keep: bool = False) -> None:
        block = self.block(text, font, self.width, align)

        def draw(painter, y):
            painter.setPen(color)
            block.draw(painter, 0.0, y + before)

        self.add(before + block.height + after, draw, keep)

    def heading(self, key: str) -> None:
        block = self.block(self.w(key), _font(11.5, bold=True), self.width)
        top = 6 * MM

        def draw(painter, y):
            painter.setPen(INK)
            block.draw(painter, 0.0, y + top)
            rule = y + top + block.height + 0.6 * MM
            painter.setPen(QPen(RULE, 0.25 * MM))
            painter.drawLine(QPointF(0, rule), QPointF(self.width, rule))

        self.add(top + block.height + 2.5 * MM, draw, keep=True)

    def none(self) -> None:
        self.text(self.w("none"), _font(8.5, italic=True), GREY)

    def spans(self, shares: list[float]) -> list[tuple[float, float]]:
        """(x, width) of each column from the reading start: mirrored in Arabic."""
        out, x = [], 0.0
        for share in shares:
            w = share * self.width
            out.append((self.width - x - w if self.rtl else x, w))
            x += w
        return out

    def row(self, cells: list[str], spans, font, numeric, fill=None, head: _Item | None = None,
            keep: bool = False) -> _Item:
        blocks = [self.block(text, font, w - 2 * PAD, CENTRE if i in numeric else Qt.AlignLeft)
                  for i, (text, (_, w)) in enumerate(zip(cells, spans))]
        h = max(b.height for b in blocks) + 2 * PAD

        def draw(painter, y):
            for block, (x, w) in zip(blocks, spans):
                rect = QRectF(x, y, w, h)
                if fill is not None:
                    painter.fillRect(rect, fill)
                painter.setPen(QPen(RULE, 0.15 * MM))
                painter.drawRect(rect)
                painter.setPen(INK)
                block.draw(painter, x + PAD, y + PAD)

        return self.add(h, draw, keep, head)

    def table(self, heads: list[str], rows: list[list[str]], shares: list[float], numeric=()) -> None:
        spans = self.spans(shares)
        head = self.row(heads, spans, self.bold, numeric, HEAD_FILL, keep=True)
        for r, cells in enumerate(rows):
            self.row(cells, spans, self.body, numeric, SHADE if r % 2 else None, head)
        self.add(2 * MM, lambda painter, y: None)

    def grid(self, pairs: list[tuple[str, str]]) -> None:
        """Label and number pairs in two side-by-side columns, read down the first one first."""
        half = (len(pairs) + 1) // 2
        rows = []
        for r in range(half):
            right = pairs[r + half] if r + half < len(pairs) else ("", "")
            rows.append([pairs[r][0], pairs[r][1], right[0], right[1]])
        heads = [self.w("item"), self.w("number")] * 2
        self.table(heads, rows, [0.34, 0.16, 0.34, 0.16], numeric={1, 3})

    def columns(self, bars) -> None:
        font = _font(7)

        def draw(painter, y):
            rect = QRectF(0.0, y + 1 * MM, self.width, CHART_H - 3 * MM)
            paint_columns(painter, rect, bars, rtl=self.rtl, font=font, color=BAR, ink=INK)

        self.add(CHART_H, draw)

    def bars(self, bars: tuple[Count, ...]) -> None:
        if not bars:
            self.none()
            return
        font, most = self.body, max(b.count for b in bars)
        for start in range(0, len(bars), ROWS_PER_CHART):
            piece = bars[start:start + ROWS_PER_CHART]
            h = rows_height(len(piece), font, self.device)

            def draw(painter, y, piece=piece, h=h):
                paint_rows(painter, QRectF(0.0, y, self.width, h), piece, rtl=self.rtl, font=font, color=BAR,
                           ink=INK, most=most)

            self.add(h + 2 * MM, draw)

    def two_lines(self, text: str, width: float) -> str:
        """A post's text cut to two lines of its cell, with … where it was cut."""
        text = " ".join(text.split())
        block = self.block(text, self.body, width)
        if block.layout.lineCount() <= 2:
            return text
        second = block.layout.lineAt(1)
        cut = text[:second.textStart() + second.textLength()].rstrip()
        while cut and self.block(cut + "…", self.body, width).layout.lineCount() > 2:
            cut = cut[:-3].rstrip()
        return cut + "…"

    # ------------------------------------------------------------------ letterhead and frame
    def letterhead(self) -> None:
        inner = self.width - 2 * (LOGO_BOX + 4 * MM)
        handle = f"@{self.meta.handle.lstrip('@')}" if self.meta.handle else ""
        blocks = [self.block(t, f, inner, CENTRE) for t, f in ((self.name, _font(17, bold=True)), (handle, _font(9)))
                  if t]
        height = max(sum(b.height for b in blocks), LOGO_BOX if not self.logo.isNull() else 0.0)

        def draw(painter, y):
            if not self.logo.isNull():
                size = self.logo.size().scaled(int(LOGO_BOX), int(LOGO_BOX), Qt.KeepAspectRatio)
                x = self.width - size.width() if self.rtl else 0.0
                painter.drawImage(QRectF(x, y, size.width(), size.height()), self.logo)
            top = y + (height - sum(b.height for b in blocks)) / 2
            for block in blocks:
                painter.setPen(INK)
                block.draw(painter, (self.width - inner) / 2, top)
                top += block.height
            painter.setPen(QPen(RULE, 0.3 * MM))
            painter.drawLine(QPointF(0, y + height + 2 * MM), QPointF(self.width, y + height + 2 * MM))

        self.add(height + 6 * MM, draw)
        made = self.meta.made_at.isoformat()
        self.text(self.w("title"), _font(15, bold=True), align=CENTRE)
        self.text(self.month, _font(12.5, bold=True), align=CENTRE)
        self.text(f"{self.w('same_days')}: {self.figures.period.other_label(self.lang)}", _font(9.5), align=CENTRE)
        self.text(self.w("made", name=self.meta.made_by_name, local=isolate(local_text(made, self.tz)),
                         hijri=hijri_text(made, self.lang, self.tz)), _font(8), GREY, align=CENTRE)
        if self.figures.training:
            self.text(self.w("training"), _font(10, bold=True), ALERT, align=CENTRE, before=2 * MM)

    def running_head(self, painter: QPainter) -> None:
        painter.setPen(GREY)
        line = f"{self.name} — {self.w('title')} — {self.month}"
        self.block(line, _font(8.5, bold=True), self.width).draw(painter, 0.0, 0.0)
        painter.setPen(QPen(RULE, 0.25 * MM))
        painter.drawLine(QPointF(0, RUNNING_H - 3 * MM), QPointF(self.width, RUNNING_H - 3 * MM))

    def footer(self, painter: QPainter, page: int, pages: int) -> None:
        top = self.height - FOOTER_H + 3 * MM
        painter.setPen(QPen(RULE, 0.2 * MM))
        painter.drawLine(QPointF(0, top), QPointF(self.width, top))
        painter.setPen(GREY)
        about = f"{self.name} — {self.w('title')} — {self.month}"
        self.block(about, self.small, self.width * 0.75).draw(painter, self.width * 0.25 if self.rtl else 0, top + MM)
        number = self.block(self.w("page", page=page, pages=pages), _font(8, bold=True), self.width * 0.25,
                            Qt.AlignRight)
        number.draw(painter, 0.0 if self.rtl else self.width * 0.75, top + MM)

    # ------------------------------------------------------------------ the sections
    def build(self) -> None:
        f, w = self.figures, self.w
        self.letterhead()
        self.heading("summary")
        self.grid([(w(key), count_text(getattr(f, name))) for key, name in SUMMARY_ITEMS])
        self.heading("waits")
        waits = [[w(key), count_text(wait.count), duration_text(wait.median, self.lang),
                  duration_text(wait.p90, self.lang)]
                 for key, wait in (("approval_wait", f.approval_wait), ("publish_wait", f.publish_wait))]
        self.table([w("step"), w("posts"), w("median"), w("p90")], waits, [0.46, 0.14, 0.2, 0.2], numeric={1, 2, 3})
        self.text(w("p90_note"), self.small, GREY)
        self.heading("per_day")
        self.columns(f.per_day)
        self.heading("per_week")
        self.table([w("days"), w("published")], [[week_text(c.label, self.lang), count_text(c.count)]
                                                 for c in f.per_week], [0.4, 0.2], numeric={1})
        for key, bars in (("by_author", f.by_author), ("by_approver", f.by_approver)):
            self.heading(key)
            self.bars(bars)
        for key, reasons in (("return_reasons", f.return_reasons), ("reject_reasons", f.reject_reasons)):
            self.heading(key)
            if reasons:
                self.table([w("reason"), w("times")], [[c.label, count_text(c.count)] for c in reasons],
                           [0.8, 0.2], numeric={1})
            else:
                self.none()
        self.heading("withdrawals")
        if f.withdrawals:
            self.table([w("post_no"), w("reason")], [[isolate(c.key), c.label] for c in f.withdrawals],
                       [0.16, 0.84], numeric={0})
        else:
            self.none()
        self.x_figures()

    def x_figures(self) -> None:
        f, w, reach = self.figures, self.w, self.figures.reach
        self.heading("x")
        if not reach.posts_read and not f.top_posts:
            self.text(w("x_training" if f.training else "x_unread"), self.body, GREY)
            return
        when = isolate(local_text(reach.last_read_at, self.tz)) if reach.last_read_at else "—"
        self.text(w("x_note", when=when), self.body, INK, after=2 * MM, keep=True)
        pairs = [(w(key), count_text(getattr(reach, name))) for key, name in REACH_ITEMS]
        if reach.impressions is None:
            pairs[-1] = (w("impressions"), w("not_given"))
        self.grid(pairs)
        if not f.top_posts:
            return
        self.heading("top_posts")
        shares = [0.44, 0.17, 0.09, 0.09, 0.09, 0.12]
        width = shares[0] * self.width - 2 * PAD
        rows = [[self.two_lines(p.text, width), isolate(local_text(p.published_at, self.tz)), count_text(p.likes),
                 count_text(p.reposts), count_text(p.replies),
                 count_text(p.impressions) if p.impressions is not None else "—"] for p in f.top_posts]
        heads = [w("post"), w("published_at"), w("likes"), w("reposts"), w("replies"), w("impressions")]
        self.table(heads, rows, shares, numeric={1, 2, 3, 4, 5})

    def draw(self, painter: QPainter) -> int:
        pages = _paginate(self.items, self.height - FOOTER_H, self.height - FOOTER_H - RUNNING_H)
        for n, placed in enumerate(pages, start=1):
            if n > 1:
                self.device.newPage()
                self.running_head(painter)
            top = 0.0 if n == 1 else RUNNING_H
            for item, y in placed:
                item.draw(painter, top + y)
            self.footer(painter, n, len(pages))
        return len(pages)


def write_report_pdf(figures: Figures, meta: "ReportMeta", out_path) -> None:
    _ensure_app()
    with atomic_target(out_path) as temp:
        writer = QPdfWriter(str(temp))
        writer.setResolution(DPI)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(15, 14, 15, 12),
                                         QPageLayout.Millimeter))
        writer.setCreator("Posting Desk")
        report = _Report(writer, figures, meta)
        writer.setTitle(f"{report.w('title')} — {report.month} — {report.name}")
        report.build()
        painter = QPainter()
        if not painter.begin(writer):
            raise StoreError("export.write_failed", path=str(out_path), reason="the PDF file could not be opened")
        try:
            report.draw(painter)
        finally:
            painter.end()
            del painter, writer
