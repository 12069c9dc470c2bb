"""`clinic-kiosk export --pdf`: the handout (app/export/handout.py) printed to
a PDF file, A4 or Letter, with the deck's title and a page number on each page.

Text is real text (a QTextDocument painted onto a QPdfWriter), so it can be
searched and read aloud by a PDF reader; SVG pictures and QR codes are drawn
as vectors, never as images of text.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QRegularExpression, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from app.export.handout import CSS, PLACEHOLDER, Handout, Picture, build_handout
from app.export.page_breaks import keep_together, mark_kept_whole
from app.ui.theme import FONT_FAMILY
from app.ui.widgets.qr_code import paint_qr, qr_modules

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
DPI = 300
MARGIN_MM = 18
FOOTER = round(DPI * 0.35)  # a line for the page number
QR_SIDE = DPI * 1.1  # 28 mm: easy for a phone camera
PICTURE = 0x1000 + 7  # QTextFormat.UserObject + n: our pictures' object type
_INDEX = 0x100000 + 1  # QTextFormat.UserProperty + n: which picture


class HandoutError(Exception):
    """The pack cannot be printed (no slide loaded)."""


def export_pdf(
    content_dir: Path,
    out: Path,
    language: str | None = None,
    paper: str = "a4",
    notes: bool = False,
) -> int:
    """Write the handout to `out`; returns the number of pages."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.content.loader import load_pack
    from app.main import make_application

    make_application()  # the bundled font
    result = load_pack(content_dir, language)
    if result.pack is None:
        raise HandoutError(f"no slide in {content_dir} could be loaded; run clinic-kiosk check")
    out.parent.mkdir(parents=True, exist_ok=True)
    return print_handout(build_handout(result.pack, notes), out, paper)


def print_handout(handout: Handout, out: Path, paper: str) -> int:
    """Lay `handout` out on pages of `paper` and write them to `out`; returns
    the number of pages."""
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(PAPERS[paper]))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
    writer.setResolution(DPI)
    writer.setTitle(handout.title)
    writer.setCreator("clinic-kiosk")
    page = writer.pageLayout().paintRectPixels(DPI)
    # The text fills each page but for the footer line.
    text_page = QSizeF(page.width(), page.height() - FOOTER)
    handler = _PictureHandler(handout.pictures, text_page)  # kept: the layout does not own it
    document = _document(handout, writer, text_page, handler)
    pages = document.pageCount()

    painter = QPainter(writer)
    footer_font = QFont(FONT_FAMILY)
    footer_font.setPointSizeF(9)
    footer = QRectF(0, text_page.height(), text_page.width(), FOOTER)
    bottom = Qt.AlignmentFlag.AlignBottom
    for number in range(pages):
        if number:
            writer.newPage()
        painter.save()
        top = number * text_page.height()
        painter.translate(0, -top)
        # Half a dot inside the page on each side: a line that starts (or a
        # block that ends) exactly at the page's edge belongs to one page, and
        # its text is not written, clipped out of sight, into the other.
        page_rect = QRectF(0, top + 0.5, text_page.width(), text_page.height() - 1)
        document.drawContents(painter, page_rect)
        painter.restore()
        painter.setFont(footer_font)
        painter.setPen(QColor("#3E4A57"))
        page_words = handout.page_label.format(page=number + 1, pages=pages)
        painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | bottom, handout.title)
        painter.drawText(footer, Qt.AlignmentFlag.AlignRight | bottom, page_words)
    painter.end()
    return pages


def _document(
    handout: Handout, writer: QPdfWriter, text_page: QSizeF, handler: _PictureHandler
) -> QTextDocument:
    """The handout's text laid out in pages of `text_page`, pictures in place."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(12)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet(CSS)
    document.setPageSize(text_page)
    document.documentLayout().registerHandler(PICTURE, handler)
    document.setHtml(handout.html)
    mark_kept_whole(document)
    # Each placeholder becomes an object that the handler sizes and draws.
    cursor = QTextCursor(document)
    placeholder = QRegularExpression(PLACEHOLDER.pattern)
    while True:
        cursor = document.find(placeholder, cursor)
        if cursor.isNull():
            break
        picture = QTextCharFormat()
        picture.setObjectType(PICTURE)
        picture.setProperty(_INDEX, int(PLACEHOLDER.fullmatch(cursor.selectedText()).group(1)))
        cursor.insertText("\ufffc", picture)
    # Lay the whole text out again now that the pictures have their sizes
    # (an incremental layout leaves blocks after them unplaced).
    document.markContentsDirty(0, document.characterCount())
    document.documentLayout().documentSize()
    keep_together(document)
    return document


class _PictureHandler(QPyTextObject):  # QTextObjectInterface alone does not register
    """Sizes and draws the handout's pictures in the text: SVG files through
    QSvgRenderer and QR codes through paint_qr, both as vectors in the PDF."""

    def __init__(self, pictures: list[Picture], text_page: QSizeF) -> None:
        super().__init__()
        self.pictures = pictures
        self.text_page = text_page
        self._sources: dict[int, object] = {}  # index: QR modules, renderer or image

    def _source(self, index: int):
        if index not in self._sources:
            picture = self.pictures[index]
            if picture.kind == "qr":
                self._sources[index] = qr_modules(picture.data)
            elif picture.data.suffix.lower() == ".svg":
                from PySide6.QtSvg import QSvgRenderer

                self._sources[index] = QSvgRenderer(str(picture.data))
            else:
                self._sources[index] = QImage(str(picture.data))
        return self._sources[index]

    def intrinsicSize(self, document, position, fmt):  # noqa: N802 (Qt API)
        index = int(fmt.property(_INDEX))
        picture = self.pictures[index]
        if picture.kind == "qr":
            return QSizeF(QR_SIDE, QR_SIDE)
        source = self._source(index)
        native = source.defaultSize() if hasattr(source, "defaultSize") else source.size()
        if native.isEmpty():
            return QSizeF(1, 1)
        aspect = native.width() / native.height()
        width = self.text_page.width() * picture.share
        height = min(width / aspect, self.text_page.height() * 0.4)
        return QSizeF(height * aspect, height)

    def drawObject(self, painter, rect, document, position, fmt):  # noqa: N802 (Qt API)
        index = int(fmt.property(_INDEX))
        source = self._source(index)
        if self.pictures[index].kind == "qr":
            paint_qr(painter, rect, source)
        elif hasattr(source, "render"):
            source.render(painter, rect)
        else:
            painter.drawImage(rect, source)
