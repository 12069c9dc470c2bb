"""`clinic-kiosk export --pdf`: a printable handout of the pack.

Each slide on its own page with its "Learn more" part (and, with --notes,
the speaker notes), then every reference in full with a QR code of its DOI,
then the clinic's contact page. Text is real text (a QTextDocument painted
onto a QPdfWriter), so it can be searched and read aloud by a PDF reader;
SVG pictures and QR codes are drawn as vectors, never as images of text.
"""

from __future__ import annotations

import html
import os
import re
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

from app.content.model import phone_uri
from app.content.strings import word
from app.ui.theme import FONT_FAMILY
from app.ui.widgets.qr_code import paint_qr, qr_modules

PAPERS = ("a4", "letter")
DPI = 300
MARGIN_MM = 18
OBJECT_TYPE = 0x1000 + 7  # QTextFormat.UserObject + n: our pictures
_ID = 0x100000 + 1  # QTextFormat.UserProperty + n: which picture
_PLACEHOLDER = re.compile(r"\[\[picture:(\d+)\]\]")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'(\w+)="([^"]*)"')

CSS = """
body { color: #1A2330; }
h1 { font-size: 22pt; margin-top: 0; margin-bottom: 8pt; }
h2 { font-size: 15pt; margin-top: 14pt; margin-bottom: 4pt; color: #0A4E57; }
h3 { font-size: 13pt; margin-top: 12pt; margin-bottom: 4pt; }
p, li { line-height: 140%; margin-top: 0; margin-bottom: 9pt; }
a { color: #0A4E57; text-decoration: none; font-weight: bold; }
.kicker { font-size: 9.5pt; color: #3E4A57; margin-bottom: 10pt; }
.small { font-size: 9.5pt; color: #3E4A57; }
.notes { font-size: 11pt; }
.big { font-size: 17pt; font-weight: bold; }
.crisis { font-size: 13pt; font-weight: bold; }
.figure { margin-top: 4pt; margin-bottom: 4pt; line-height: 100%; }
"""


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
    return _Handout(result.pack, paper, notes).write(out)


class _Handout:
    def __init__(self, pack, paper: str, notes: bool) -> None:
        self.pack = pack
        self.paper = paper
        self.notes = notes
        self.pictures: list[tuple[str, object, float]] = []  # (kind, data, width share)

    # --- the words, as HTML with placeholders for pictures -------------------
    def html(self) -> str:
        pack, s = self.pack, self.pack.strings
        parts: list[str] = []
        total = len(pack.slides)
        for i, slide in enumerate(pack.slides):
            brk = ' style="page-break-before: always"' if i else ""
            kicker = f"{pack.deck.title} \u2014 " + s["progress"].format(current=i + 1, total=total)
            parts.append(f'<p class="kicker"{brk}>{_e(kicker)}</p>')
            parts.append(f"<h1>{_e(slide.title)}</h1>")
            for figure in slide.figures:
                parts.append(self._figure(figure.src, figure.alt, 0.8))
            parts.append(self._images(slide.body_html))
            if slide.more_html:
                parts.append(f"<h2>{_e(s['learn_more'])}</h2>")
                parts.append(self._images(slide.more_html))
            if self.notes and slide.notes:
                parts.append(f"<h2>{_e(word(s, 'presenter_notes'))}</h2>")
                for note in slide.notes:
                    for paragraph in note.split("\n\n"):
                        text = _e(paragraph.strip()).replace("\n", "<br/>")
                        parts.append(f'<p class="notes">{text}</p>')
        if pack.references:
            parts.append(f'<h1 style="page-break-before: always">{_e(s["references_title"])}</h1>')
            for reference in pack.references:
                parts.append(self._reference(reference))
        parts.append(self._contact())
        return "<html><body>" + "\n".join(parts) + "</body></html>"

    def _reference(self, reference) -> str:
        s = self.pack.strings
        words = [
            f"<h3>{_e(s['reference_label'].format(number=reference.number))}</h3>",
            f"<p>{_e(reference.citation)}</p>",
            f"<p>{_e(reference.note)}</p>",
        ]
        if reference.doi:
            words.append(
                f'<p class="small">{_e(word(s, "handout_doi").format(doi=reference.doi))}</p>'
            )
        qr = ""
        if reference.url:
            qr = self._qr(reference.url) + f'<p class="small">{_e(s["scan_paper"])}</p>'
        return _row("".join(words), qr)

    def _contact(self) -> str:
        clinic, s = self.pack.clinic, self.pack.strings
        parts = [f'<h1 style="page-break-before: always">{_e(s["contact_title"])}</h1>']
        if clinic.name:
            parts.append(f'<p class="big">{_e(clinic.name)}</p>')
        for heading, number, scheme, caption in (
            (s["call_us"], clinic.phone, "tel", s["scan_to_call"]),
            (s["text_us"], clinic.text, "sms", s["scan_to_text"]),
        ):
            if number:
                words = f'<h2>{_e(heading)}</h2><p class="big">{_e(number)}</p>'
                qr = self._qr(phone_uri(scheme, number)) + f'<p class="small">{_e(caption)}</p>'
                parts.append(_row(words, qr))
        details = ""
        if clinic.address:
            details += f"<h2>{_e(s['address'])}</h2><p>{_e(clinic.address)}</p>"
        if clinic.hours:
            details += f"<h2>{_e(s['hours'])}</h2>" + "".join(
                f"<p>{_e(line)}</p>" for line in clinic.hours
            )
        website = ""
        if clinic.website:
            website = (
                self._qr(clinic.website)
                + f'<p class="small">{_e(s["website"])}<br/>{_e(clinic.website)}</p>'
            )
        if details or website:
            parts.append(_row(details, website))
        if clinic.crisis_line:
            crisis = s["crisis"].format(crisis_line=clinic.crisis_line)
            parts.append(
                '<table width="100%" cellpadding="10" style="margin-top: 14pt"'
                ' bgcolor="#D6ECEE"><tr><td>'
                f'<p class="crisis">{_e(crisis)}</p></td></tr></table>'
            )
        parts.append(f'<p class="small"><br/>{_e(s["disclaimer"])}</p>')
        return "\n".join(parts)

    def _figure(self, src: str, alt: str, share: float) -> str:
        path = _pack_file(self.pack.root, src)
        if path is None:
            return ""
        self.pictures.append(("file", path, share))
        index = len(self.pictures) - 1
        caption = (
            f'<p class="small" align="center" style="margin-bottom: 14pt">{_e(alt)}</p>'
            if alt
            else ""
        )
        return f'<p class="figure" align="center">[[picture:{index}]]</p>{caption}'

    def _images(self, fragment: str) -> str:
        """Pictures inside the text become vector pictures of the handout."""

        def replace(match: re.Match[str]) -> str:
            attributes = dict(_ATTR.findall(match.group(0)))
            return self._figure(html.unescape(attributes.get("src", "")), "", 0.6)

        return _IMG.sub(replace, fragment)

    def _qr(self, data: str) -> str:
        self.pictures.append(("qr", data, 0))
        return f'<p class="figure" align="center">[[picture:{len(self.pictures) - 1}]]</p>'

    # --- pages ---------------------------------------------------------------
    def write(self, out: Path) -> int:
        writer = QPdfWriter(str(out))
        size = QPageSize.PageSizeId.A4 if self.paper == "a4" else QPageSize.PageSizeId.Letter
        writer.setPageSize(QPageSize(size))
        margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
        writer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
        writer.setResolution(DPI)
        writer.setTitle(self.pack.deck.title)
        writer.setCreator("clinic-kiosk")
        page = writer.pageLayout().paintRectPixels(DPI)
        width, height = page.width(), page.height()
        footer = round(DPI * 0.35)  # a line for the page number

        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(12)
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        document.setDefaultStyleSheet(CSS)
        document.setPageSize(QSizeF(width, height - footer))
        handler = _PictureHandler(self.pictures, width, height - footer)
        document.documentLayout().registerHandler(OBJECT_TYPE, handler)
        document.setHtml(self.html())
        # Put each picture where its placeholder is.
        cursor = QTextCursor(document)
        placeholder = QRegularExpression(_PLACEHOLDER.pattern)
        while True:
            cursor = document.find(placeholder, cursor)
            if cursor.isNull():
                break
            index = int(_PLACEHOLDER.fullmatch(cursor.selectedText()).group(1))
            picture = QTextCharFormat()
            picture.setObjectType(OBJECT_TYPE)
            picture.setProperty(_ID, index)
            cursor.insertText("\ufffc", picture)

        # Lay the whole text out again now that the pictures have their sizes
        # (an incremental layout leaves blocks after them unplaced).
        document.markContentsDirty(0, document.characterCount())
        document.documentLayout().documentSize()
        pages = document.pageCount()
        painter = QPainter(writer)
        footer_font = QFont(FONT_FAMILY)
        footer_font.setPointSizeF(9)
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * (height - footer))
            document.drawContents(
                painter, QRectF(0, number * (height - footer), width, height - footer)
            )
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#3E4A57"))
            text = word(self.pack.strings, "handout_page").format(page=number + 1, pages=pages)
            line = QRectF(0, height - footer, width, footer)
            bottom = Qt.AlignmentFlag.AlignBottom
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | bottom, self.pack.deck.title)
            painter.drawText(line, Qt.AlignmentFlag.AlignRight | bottom, text)
        painter.end()
        return pages


class _PictureHandler(QPyTextObject):  # QTextObjectInterface alone does not register
    """Draws the handout's pictures into the text: SVG files through
    QSvgRenderer and QR codes through paint_qr, both as vectors in the PDF."""

    def __init__(self, pictures, width: float, height: float) -> None:
        super().__init__()
        self.pictures = pictures
        self.width, self.height = width, height
        self._renderers: dict[int, object] = {}
        self.qr_side = DPI * 1.1  # 28 mm: easy for a phone camera

    def _source(self, index: int):
        if index not in self._renderers:
            kind, data, _ = self.pictures[index]
            if kind == "qr":
                self._renderers[index] = qr_modules(data)
            elif data.suffix.lower() == ".svg":
                from PySide6.QtSvg import QSvgRenderer

                self._renderers[index] = QSvgRenderer(str(data))
            else:
                self._renderers[index] = QImage(str(data))
        return self._renderers[index]

    def intrinsicSize(self, document, position, fmt):  # noqa: N802 (Qt API)
        index = int(fmt.property(_ID))
        kind, _, share = self.pictures[index]
        if kind == "qr":
            return QSizeF(self.qr_side, self.qr_side)
        source = self._source(index)
        native = source.defaultSize() if hasattr(source, "defaultSize") else source.size()
        if native.isEmpty():
            return QSizeF(1, 1)
        aspect = native.width() / native.height()
        width = self.width * share
        height = min(width / aspect, self.height * 0.4)
        return QSizeF(height * aspect, height)

    def drawObject(self, painter, rect, document, position, fmt):  # noqa: N802 (Qt API)
        index = int(fmt.property(_ID))
        kind = self.pictures[index][0]
        source = self._source(index)
        if kind == "qr":
            paint_qr(painter, rect, source)
        elif hasattr(source, "render"):
            source.render(painter, rect)
        else:
            painter.drawImage(rect, source)


def _row(words: str, picture: str) -> str:
    """Words on the left, a QR code (or nothing) on the right."""
    if not picture:
        return f"<div>{words}</div>"
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom: 12pt">'
        f'<tr><td valign="top">{words}</td>'
        f'<td width="32%" valign="top" align="center">{picture}</td></tr></table>'
    )


def _pack_file(root: Path, src: str) -> Path | None:
    base = root.resolve()
    path = (base / src).resolve()
    return path if path.is_relative_to(base) and path.is_file() else None


def _e(text: str) -> str:
    return html.escape(text, quote=True)
