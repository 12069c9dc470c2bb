"""Where the handout's pages break: the text flows from slide to slide, and
only two rules move a block to the next page.

- A heading never ends a page: it goes over with the first line after it.
- A table (a study beside its QR code) is never split across two pages.
- A section marked with `KEEP_WHOLE` (the contact details) is never split,
  so one page always holds all of it. The section runs from the mark to the
  next forced page break (the sheet of questions to write on) or the end.

QTextDocument knows "page break before" but not "keep with next", so the
laid-out document is walked once, top to bottom, and a break is set before
each block that needs one; the layout below it moves at once.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat

from app.export.handout import KEEP_WHOLE

_BREAK = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
_KEPT_WHOLE = QTextFormat.Property.UserProperty + 2  # a block that starts a kept section


def mark_kept_whole(document: QTextDocument) -> None:
    """Each `KEEP_WHOLE` mark of the text becomes a property of its block."""
    cursor = QTextCursor(document)
    while not (cursor := document.find(KEEP_WHOLE, cursor)).isNull():
        cursor.removeSelectedText()
        kept = QTextBlockFormat()
        kept.setProperty(_KEPT_WHOLE, True)
        cursor.mergeBlockFormat(kept)


def keep_together(document: QTextDocument) -> int:
    """Sets the page breaks of `document` (laid out in pages); returns how many."""
    page = document.pageSize().height()
    breaks = 0
    tables: set[int] = set()
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            if table.firstPosition() not in tables:  # its first block
                tables.add(table.firstPosition())
                if _splits(document.documentLayout().frameBoundingRect(table), page):
                    heading = block.previous()  # goes over with the table
                    if heading.isValid() and heading.blockFormat().headingLevel():
                        _break_before(heading)
                    else:
                        policy = table.format()
                        policy.setPageBreakPolicy(_BREAK)
                        table.setFormat(policy)
                    breaks += _laid_out_again(document)
        elif _needs_break(document, block, page):
            _break_before(block)
            breaks += _laid_out_again(document)
        block = block.next()
    return breaks


def _break_before(block: QTextBlock) -> None:
    moved = QTextBlockFormat()
    moved.setPageBreakPolicy(_BREAK)
    QTextCursor(block).mergeBlockFormat(moved)


def _laid_out_again(document: QTextDocument) -> int:
    document.documentLayout().documentSize()  # the blocks below move at once
    return 1


def _splits(rect: QRectF, page: float) -> bool:
    """Whether `rect` crosses a page's end, though it would fit on one page."""
    return rect.height() < page and _page(rect.top(), page) != _page(rect.bottom() - 1, page)


def _needs_break(document: QTextDocument, block: QTextBlock, page: float) -> bool:
    if block.blockFormat().pageBreakPolicy() & _BREAK:
        return False
    top = _top(document, block)
    if _keeps_whole(block):
        end = _bottom(document, _section_end(document, block))
        return _splits(QRectF(0, top, 1, end - top), page)
    if block.blockFormat().headingLevel() and block.next().isValid():
        after = block.next()
        first_line = _top(document, after) + _first_line_height(after)
        return _page(top, page) != _page(first_line - 1, page)
    return False


def _section_end(document: QTextDocument, block: QTextBlock) -> QTextBlock:
    """The last block of the kept section `block` starts: the one before the
    next forced page break, or the document's last."""
    following = block.next()
    while following.isValid():
        if following.blockFormat().pageBreakPolicy() & _BREAK:
            return following.previous()
        following = following.next()
    return document.lastBlock()


def _keeps_whole(block: QTextBlock) -> bool:
    return bool(block.blockFormat().property(_KEPT_WHOLE))


def _top(document: QTextDocument, block: QTextBlock) -> float:
    table = QTextCursor(block).currentTable()  # its blocks are placed in its cells
    if table is not None:
        return document.documentLayout().frameBoundingRect(table).top()
    return document.documentLayout().blockBoundingRect(block).top()


def _bottom(document: QTextDocument, block: QTextBlock) -> float:
    return document.documentLayout().blockBoundingRect(block).bottom()


def _first_line_height(block: QTextBlock) -> float:
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return 0
    line = layout.lineAt(0)
    return line.y() + line.height()


def _page(y: float, page: float) -> int:
    return int(y // page)
