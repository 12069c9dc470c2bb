"""Measuring one laid-out screen: where its words do not fit their box.

Every figure here comes from Qt's own layout of the text (a label's
height for its width, a button's size hint, a text document's size), set
against the box the widget has and the part of it its ancestors let show.
Nothing is guessed from character counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from app.ui.widgets.qr_code import QrCode

TOLERANCE = 1  # px: rounding between Qt's hints and the geometry it hands out
QUOTE_LENGTH = 48


@dataclass(frozen=True)
class Misfit:
    """One place on a screen where words do not fit."""

    widget: QWidget
    message: str


def words_of(widget: QWidget) -> str:
    """The words a widget shows, for a message ("" when it shows none)."""
    if isinstance(widget, QLabel):
        return widget.text() if widget.pixmap().isNull() else "(icon)"
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QTextEdit):
        return widget.toPlainText()
    return ""


def quote(text: str) -> str:
    """A short quote of `text` on one line, the way a message names it."""
    flat = " ".join(text.replace("\u2002", " ").replace("\u200b", "").split())
    if len(flat) > QUOTE_LENGTH:
        flat = flat[: QUOTE_LENGTH - 1].rstrip() + "\u2026"
    return f'"{flat}"'


def needed_size(widget: QWidget) -> QSize | None:
    """The size the widget's laid-out words (or icon) need; None: nothing to measure."""
    if isinstance(widget, QLabel):
        pixmap = widget.pixmap()
        if not pixmap.isNull():
            size = pixmap.deviceIndependentSize().toSize()
            margins = widget.contentsMargins()
            return size.grownBy(margins)
        if not widget.text():
            return None
        if widget.wordWrap():
            # The widest word it can be given, and the height at its own width.
            return QSize(widget.minimumSizeHint().width(), widget.heightForWidth(widget.width()))
        return widget.sizeHint()
    if isinstance(widget, QAbstractButton):
        return widget.sizeHint() if widget.text() else None
    return None


def visible_rect(widget: QWidget, scrolled: bool = True) -> QRect:
    """The part of `widget` its ancestors let show, in window coordinates.
    `scrolled`: inside a scroll area only the sides clip, as what lies above
    or below its viewport can be scrolled to; False: what shows right now."""
    window = widget.window()
    shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    sideways_only = False
    parent = widget.parentWidget()
    while parent is not None:
        box = QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            sideways_only = scrolled
        if sideways_only:
            box = QRect(box.left(), shown.top(), box.width(), shown.height())
        shown = shown.intersected(box)
        parent = parent.parentWidget()
    return shown


def _is_content(widget: QWidget) -> bool:
    """Something a patient reads or uses: what may not be covered by another."""
    if isinstance(widget, QScrollBar):
        return False
    return bool(words_of(widget)) or isinstance(widget, QrCode)


def misfits(root: QWidget) -> list[Misfit]:
    """Every cut or overlapping piece of text under `root` as laid out now."""
    found: list[Misfit] = []
    shown: list[tuple[QWidget, QRect]] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not _is_content(widget):
            continue
        rect = visible_rect(widget)
        if rect.isEmpty():
            continue  # behind a closed part
        now = visible_rect(widget, scrolled=False)
        if not now.isEmpty():
            shown.append((widget, now))
        problem = _cut(widget, rect)
        if problem:
            found.append(Misfit(widget, f"{quote(words_of(widget))} is cut off: {problem}"))
    found += _overlaps(shown)
    return found


def _cut(widget: QWidget, rect: QRect) -> str:
    needed = needed_size(widget)
    if needed is not None:
        for axis, need, has in (
            ("width", needed.width(), widget.width()),
            ("height", needed.height(), widget.height()),
        ):
            if need > has + TOLERANCE:
                return f"its words need {need} px of {axis}, it has {has}"
    if isinstance(widget, QTextEdit):
        document = widget.document()
        width = widget.viewport().width()
        if document.idealWidth() > width + TOLERANCE:
            return f"a line needs {round(document.idealWidth())} px, the box is {width} wide"
    hidden_w = widget.width() - rect.width()
    hidden_h = widget.height() - rect.height()
    if hidden_w > TOLERANCE or hidden_h > TOLERANCE:
        return f"{hidden_w} x {hidden_h} px of it lie outside the box that holds it"
    return ""


def _overlaps(shown: list[tuple[QWidget, QRect]]) -> list[Misfit]:
    found = []
    for i, (first, first_rect) in enumerate(shown):
        for second, second_rect in shown[i + 1 :]:
            common = first_rect.intersected(second_rect)
            if common.width() <= TOLERANCE or common.height() <= TOLERANCE:
                continue
            if first.isAncestorOf(second) or second.isAncestorOf(first):
                continue  # a tile's label is meant to lie on its button
            message = (
                f"{quote(words_of(first) or 'QR code')} overlaps "
                f"{quote(words_of(second) or 'QR code')} ({common.width()} x {common.height()} px)"
            )
            found.append(Misfit(first, message))
    return found


def body_lines(view: QTextEdit) -> tuple[float, float]:
    """(lines the text takes, lines its box shows at once), in body lines."""
    document = view.document()
    block = document.firstBlock()
    lines = max(1, block.layout().lineCount())
    line_height = document.documentLayout().blockBoundingRect(block).height() / lines
    if line_height <= 0:
        return 0.0, 0.0
    return document.size().height() / line_height, view.viewport().height() / line_height
