"""PDF through Qt: a document an office can sign; Qt shapes Arabic; no display needed.

Rows are streamed twice. Pass one lays out each row to learn its height and spools
its cells to a scratch file; pass two draws them, now knowing the page count, so
every page reads "page n of N". Memory stays flat however many posts there are.
"""

from __future__ import annotations

import json
import tempfile
import unicodedata
from typing import Callable, Iterable

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtGui import QPen, QTextLayout, QTextOption

from desk.core.errors import StoreError
from desk.core.messages import render
from desk.core.states import State
from desk.export.dates import exported_text, hijri_text, isolate, keep_ltr, local_text, period_text, starts_rtl
from desk.export.rows import ExportMeta, Ticker, atomic_target

DPI = 300
MM = DPI / 25.4  # device dots per millimetre
# Latin from Noto Sans, Arabic from Noto Sans Arabic; the rest are fallbacks on other systems.
FAMILIES = ["Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", "Segoe UI", "Tahoma", "Arial"]
# (message key of the heading, share of the table's width)
COLUMNS = [("export.doc.col_id", 0.06), ("export.doc.col_text", 0.37), ("export.doc.col_author", 0.14),
           ("export.doc.col_approval", 0.14), ("export.doc.col_published", 0.16), ("export.doc.col_state", 0.13)]
TEXT_COLUMN = 1
PAD = 1.4 * MM
INK, GREY, RULE = QColor("#1a1a1a"), QColor("#555555"), QColor("#8a8f98")
HEAD_FILL, SHADE, ALERT = QColor("#dce6f0"), QColor("#f5f7fa"), QColor("#9b1c1c")

_APP: list = []  # keeps a display-less application alive for fonts


def _ensure_app() -> None:
    if QGuiApplication.instance() is None:
        # A widgets application, so a window opened later in the same process still works.
        from PySide6.QtWidgets import QApplication

        _APP.append(QApplication(["posting-desk", "-platform", "offscreen"]))


def _font(points: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    return font


_PITCH: dict = {}


def _pitch(font: QFont, device) -> tuple[float, float]:
    """One ascent and descent for every line, Latin or Arabic: Arabic fonts declare a far
    taller line than their letters need, so take the Latin line plus room for marks below."""
    key = (font.key(), id(device))
    if key not in _PITCH:
        probe = QTextLayout("Ag", font, device)
        probe.beginLayout()
        line = probe.createLine()
        line.setLineWidth(1e6)
        probe.endLayout()
        em = font.pointSizeF() * DPI / 72
        _PITCH[key] = (line.ascent(), line.descent() + 0.2 * em)
    return _PITCH[key]


class _Block:
    """One laid-out piece of text: measured and drawn from the same layout. ``align`` is
    leading (AlignLeft) or trailing (AlignRight) in the text's direction; Qt's is visual."""

    alert = False  # drawn in the warning colour

    def __init__(self, device, text: str, font: QFont, width: float, rtl: bool, align=Qt.AlignLeft):
        self.layout = QTextLayout(text.replace("\n", "\u2028"), font, device)
        if rtl and align != Qt.AlignHCenter:
            align = Qt.AlignRight if align == Qt.AlignLeft else Qt.AlignLeft
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        option.setTextDirection(Qt.RightToLeft if rtl else Qt.LeftToRight)
        self.layout.setTextOption(option)
        ascent, descent = _pitch(font, device)
        self.layout.beginLayout()
        height = 0.0
        while True:
            line = self.layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height + ascent - line.ascent()))
            height += ascent + descent
        self.layout.endLayout()
        self.height = height

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        self.layout.draw(painter, QPointF(x, y))


class _Doc:
    def __init__(self, device: QPdfWriter, meta: ExportMeta):
        self.device, self.meta = device, meta
        self.lang, self.rtl, self.tz = meta.lang, meta.lang == "ar", meta.tz
        self.width, self.height = float(device.width()), float(device.height())
        self.body, self.bold, self.small = _font(8), _font(8, bold=True), _font(7)
        self.logo = QImage(str(meta.logo_path)) if meta.logo_path else QImage()
        if max(self.logo.width(), self.logo.height()) > 600:  # 24 mm needs no more; keeps the PDF small
            self.logo = self.logo.scaled(600, 600, Qt.KeepAspectRatio, Qt.SmoothTransformation)
        self.spans = []  # (x, width) of each column, mirrored when right to left
        x = 0.0
        for _, share in COLUMNS:
            w = share * self.width
            self.spans.append((self.width - x - w if self.rtl else x, w))
            x += w
        self.footer_h, self.signature_h = 9 * MM, 24 * MM

    def t(self, key: str, **params) -> str:
        return render(key, self.lang, params)

    def block(self, text, font, width, rtl=None, align=Qt.AlignLeft) -> _Block:
        return _Block(self.device, text, font, width, self.rtl if rtl is None else rtl, align)

    def cells(self, row: dict) -> list[str]:
        lang, tz = self.lang, self.tz

        def when(iso):
            return isolate(local_text(iso, tz)) if iso else ""

        # names stored before names had a limit may be any length: cut like the text
        author = "\n".join(filter(None, [self.cut(row.get("author_name") or row.get("author") or "", CELL_NAME),
                                         when(row.get("created_at"))]))
        names = [self.cut(n, CELL_NAME) for n in (row.get("approver_name") or row.get("approver") or "").split("; ")]
        approval = "\n".join(filter(None, names + [when(row.get("approved_at"))]))
        published = ""
        if row.get("published_at"):
            by = self.t("export.doc.by", who=isolate(row["published_by"])) if row.get("published_by") else ""
            x_id = isolate(f"X {row['x_post_id']}") if row.get("x_post_id") else ""
            lines = [when(row["published_at"]), hijri_text(row["published_at"], lang, tz), by, x_id]
            published = "\n".join(filter(None, lines))
        elif row.get("x_post_id"):  # a thread X stopped part-way: its first parts are on X
            published = isolate(f"X {row['x_post_id']}")
        state = row.get("state") or ""
        lines = [State(state).label(lang) if state in State._value2member_map_ else state]
        if row.get("withdrawn_at"):
            who = self.t("export.doc.by", who=isolate(row["withdrawn_by"])) if row.get("withdrawn_by") else ""
            why = (self.t("export.doc.reason", reason=self.cut(row["withdraw_reason"], CELL_REASON))
                   if row.get("withdraw_reason") else "")
            lines += [when(row["withdrawn_at"]), who, why]
        if (row.get("parts") or 1) > 1:  # a thread is one row: how many posts it is on X
            lines.append(self.t("export.doc.parts", count=row["parts"]))
        if row.get("media_count"):
            lines.append(self.t("export.doc.images", count=row["media_count"]))
        if row.get("training"):
            lines.append(self.t("export.doc.training_row"))
        state_cell = "\n".join(filter(None, lines))
        text = self.cut(row.get("text") or "", CELL_TEXT)
        return [str(row.get("post_id", "")), text, author, approval, published, state_cell]

    def cut(self, text: str, limit: int) -> str:
        """A text longer than a cell shows on a page is cut, with a mark saying where the whole is:
        laying out 25,000 characters per row took minutes and ran off the page anyway."""
        if len(text) <= limit:
            return text
        end = limit
        space = text.rfind(" ", limit - 80, limit)
        if space > 0:
            end = space  # at a word boundary when there is one near
        while end > 0 and (unicodedata.combining(text[end]) or text[end] in "\u200c\u200d\ufe0f"):
            end -= 1  # never split a letter from its marks or an emoji sequence
        return text[:end].rstrip() + "\n" + self.t("export.doc.cut", length=len(text))

    def cell_blocks(self, cells: list[str], font: QFont) -> list[_Block]:
        blocks = []
        for i, text in enumerate(cells):
            rtl = starts_rtl(text, self.rtl) if i == TEXT_COLUMN else self.rtl
            blocks.append(self.block(text, font, self.spans[i][1] - 2 * PAD, rtl))
        return blocks

    def row_height(self, blocks: list[_Block]) -> float:
        return min(max(b.height for b in blocks) + 2 * PAD, self.room(False) * 0.9)

    def header_blocks(self, first: bool, count: int) -> list[tuple[_Block, float, float]]:
        """(block, x, y) of the top of a page; the first page carries the full letterhead."""
        meta, w, placed = self.meta, self.width, []
        if not first:
            name = meta.institution_name_ar if self.rtl else meta.institution_name_en
            line = f"{name or meta.institution_name_en} — {self.t('export.doc.title')}"
            placed.append((self.block(line, _font(9, bold=True), w), 0.0, 0.0))
            return placed
        logo_box = 24 * MM if not self.logo.isNull() else 0.0
        inner = w - 2 * (logo_box + 4 * MM)
        y = 0.0
        for text, font in ((meta.institution_name_ar, _font(16, bold=True)),
                           (meta.institution_name_en, _font(13, bold=True)),
                           (f"@{meta.handle.lstrip('@')}" if meta.handle else "", _font(9))):
            if text:
                block = self.block(text, font, inner, starts_rtl(text, self.rtl), Qt.AlignHCenter)
                placed.append((block, (w - inner) / 2, y))
                y += block.height
        y = max(y, logo_box) + 4 * MM
        title = self.block(self.t("export.doc.title"), _font(14, bold=True), w, align=Qt.AlignHCenter)
        placed.append((title, 0.0, y))
        y += title.height + 1 * MM
        if meta.training:
            banner = self.block(self.t("export.doc.training"), _font(10, bold=True), w, align=Qt.AlignHCenter)
            banner.alert = True
            placed.append((banner, 0.0, y))
            y += banner.height
        y += 3 * MM
        info = "\n".join([
            f"{self.t('export.doc.period')}: {period_text(self.meta)}",
            f"{self.t('export.doc.filter')}: {keep_ltr(meta.filter_text) or self.t('export.doc.filter_none')}",
            exported_text(self.meta),
            self.t("export.doc.count", count=count),
        ])
        placed.append((self.block(info, _font(9), w), 0.0, y))
        return placed

    def header_height(self, first: bool) -> float:
        blocks = self.header_blocks(first, 0)
        bottom = max(y + b.height for b, _, y in blocks)
        return bottom + (4 * MM if first else 3 * MM)

    def room(self, first: bool) -> float:
        """Height left for rows on a page, below the header and the table's heading."""
        return self.height - self.header_h[first] - self.head_h - self.footer_h

    def prepare(self) -> None:
        self.header_h = {True: self.header_height(True), False: self.header_height(False)}
        heads = [self.t(key) for key, _ in COLUMNS]
        self.head_blocks = self.cell_blocks(heads, self.bold)
        self.head_h = max(b.height for b in self.head_blocks) + 2 * PAD
        self.empty_h = self.block(self.t("export.doc.empty"), _font(9), self.width).height + 4 * MM

    def draw_header(self, painter: QPainter, first: bool, count: int) -> float:
        painter.setPen(INK)
        if first and not self.logo.isNull():
            box = 24 * MM
            scaled = self.logo.size().scaled(int(box), int(box), Qt.KeepAspectRatio)
            x = self.width - scaled.width() if self.rtl else 0.0
            painter.drawImage(QRectF(x, 0, scaled.width(), scaled.height()), self.logo)
        for block, x, y in self.header_blocks(first, count):
            painter.setPen(ALERT if block.alert else INK)
            block.draw(painter, x, y)
        top = self.header_h[first] - (2 * MM if first else 1.5 * MM)
        painter.setPen(QPen(RULE, 0.3 * MM))
        painter.drawLine(QPointF(0, top), QPointF(self.width, top))
        return self.header_h[first]

    def draw_cells(self, painter: QPainter, y: float, blocks, h: float, fill, alert: bool = False) -> None:
        for i, block in enumerate(blocks):
            x, w = self.spans[i]
            rect = QRectF(x, y, w, h)
            if fill is not None:
                painter.fillRect(rect, fill)
            painter.setPen(QPen(RULE, 0.15 * MM))
            painter.drawRect(rect)
            painter.save()
            painter.setClipRect(rect)
            painter.setPen(ALERT if alert and i == len(blocks) - 1 else INK)
            block.draw(painter, x + PAD, y + PAD)
            painter.restore()

    def draw_footer(self, painter: QPainter, page: int, pages: int) -> None:
        top = self.height - self.footer_h + 2 * MM
        painter.setPen(QPen(RULE, 0.2 * MM))
        painter.drawLine(QPointF(0, top), QPointF(self.width, top))
        painter.setPen(GREY)
        names = " — ".join(filter(None, [self.meta.institution_name_ar, self.meta.institution_name_en]))
        left = self.block(f"{names}\n{exported_text(self.meta)}", self.small, self.width * 0.75)
        x_lead = self.width - self.width * 0.75 if self.rtl else 0.0
        left.draw(painter, x_lead, top + 1 * MM)
        number = self.block(self.t("export.doc.page", page=page, pages=pages), _font(8, bold=True),
                            self.width * 0.2, align=Qt.AlignRight)
        number.draw(painter, 0.0 if self.rtl else self.width * 0.8, top + 1 * MM)

    def draw_signature(self, painter: QPainter, y: float) -> None:
        third = self.width / 3
        for i, key in enumerate(("export.doc.sign_reviewed", "export.doc.sign_signature", "export.doc.sign_date")):
            x = self.width - (i + 1) * third if self.rtl else i * third
            painter.setPen(INK)
            self.block(self.t(key), _font(9, bold=True), third - 8 * MM).draw(painter, x + 4 * MM, y + 6 * MM)
            painter.setPen(QPen(INK, 0.25 * MM))
            painter.drawLine(QPointF(x + 4 * MM, y + 20 * MM), QPointF(x + third - 4 * MM, y + 20 * MM))


def _pages(heights: Iterable[float], doc: _Doc) -> Iterable[tuple[int, float, float]]:
    """(page, y within the rows area, height) for each row: the one rule for breaking pages."""
    page, y = 1, 0.0
    for h in heights:
        if y > 0 and y + h > doc.room(page == 1):
            page, y = page + 1, 0.0
        yield page, y, h
        y += h


# Characters of a post's text (and of a withdraw reason) a PDF cell shows: about 17 lines of
# the text column, so a row always fits on one page; the CSV, XLSX and JSON carry the whole.
CELL_TEXT = 1_000
CELL_REASON = 300
CELL_NAME = 120  # a name may have 100 (staff_rules.MAX_NAME)

ALERT_STATES = ("withdrawn", "failed", "uncertain")


def _measure(doc: _Doc, rows: Iterable[dict], spool, ticker: Ticker) -> tuple[int, int]:
    """Pass one: lay out and spool every row; returns (rows, pages)."""

    def heights():
        for row in rows:
            cells = doc.cells(row)
            h = doc.row_height(doc.cell_blocks(cells, doc.body))
            alert = row.get("state") in ALERT_STATES
            spool.write(json.dumps([h, cells, alert], ensure_ascii=False) + "\n")
            ticker.tick()
            yield h

    page, end = 1, 0.0
    for page, y, h in _pages(heights(), doc):
        end = y + h
    if ticker.count == 0:
        end = doc.empty_h
    if end + doc.signature_h > doc.room(page == 1):
        page += 1  # the signature lines get a page of their own
    return ticker.finish(), page


def _draw(doc: _Doc, painter: QPainter, spool, count: int, pages: int, ticker: Ticker) -> None:
    """Pass two: draw the spooled rows with the page breaks pass one found."""
    current: list = [None]

    def heights():
        for line in spool:
            h, cells, alert = json.loads(line)
            current[0] = (cells, alert)
            yield h

    def start(page: int) -> float:
        if page > 1:
            doc.device.newPage()
        top = doc.draw_header(painter, page == 1, count)
        doc.draw_cells(painter, top, doc.head_blocks, doc.head_h, HEAD_FILL)
        doc.draw_footer(painter, page, pages)
        return top + doc.head_h

    spool.seek(0)
    page, top, end = 1, start(1), 0.0
    for index, (row_page, y, h) in enumerate(_pages(heights(), doc)):
        cells, alert = current[0]
        if row_page != page:
            page, top = row_page, start(row_page)
        fill = SHADE if index % 2 else None
        doc.draw_cells(painter, top + y, doc.cell_blocks(cells, doc.body), h, fill, alert)
        end = y + h
        ticker.tick()
    if count == 0:
        painter.setPen(GREY)
        doc.block(doc.t("export.doc.empty"), _font(9, italic=True), doc.width).draw(painter, 0, top + 2 * MM)
        end = doc.empty_h
    if page < pages:
        page, top, end = pages, start(pages), 0.0
    doc.draw_signature(painter, top + end + 2 * MM)
    ticker.finish()


def write_pdf(
    rows: Iterable[dict],
    meta: ExportMeta,
    out_path,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    _ensure_app()
    with atomic_target(out_path) as temp, tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        writer = QPdfWriter(str(temp))
        writer.setResolution(DPI)
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Landscape, QMarginsF(12, 12, 12, 12), QPageLayout.Millimeter)
        )
        writer.setCreator("Posting Desk")
        writer.setTitle(f"{render('export.doc.title', meta.lang, {})} — {meta.institution_name_en or meta.institution_name_ar}")
        doc = _Doc(writer, meta)
        doc.prepare()
        # Progress over two passes: the first counts up to half the rows, the second to all.
        halves = (lambda n: progress(n // 2)) if progress else None
        count, pages = _measure(doc, rows, spool, Ticker(halves, cancelled))
        rest = (lambda n: progress(count - (count - n) // 2)) if progress else None
        painter = QPainter()
        if not painter.begin(writer):
            raise StoreError("export.write_failed", path=str(out_path), reason="the PDF file could not be opened")
        try:
            _draw(doc, painter, spool, count, pages, Ticker(rest, cancelled))
        finally:
            painter.end()
            del painter, writer
    return count
