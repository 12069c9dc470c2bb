"""The Text size button's picture of where it is: three steps rising, the
ones up to the current size filled, the rest drawn in outline (a shape cue,
not a colour one), like a volume meter."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap


def level_icon(level: int, levels: int, colour: str, size: QSize) -> QIcon:
    """Steps 0..levels-1, those up to `level` filled, in `colour`."""
    ratio = 2.0  # drawn at twice the size: sharp on dense screens too
    pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor(colour)
    line = max(1.5, size.width() / 14)
    gap = size.width() / (levels * 4)
    width = (size.width() - gap * (levels - 1) - line) / levels
    for step in range(levels):
        height = size.height() * (0.4 + 0.6 * (step + 1) / levels) - line
        box = QRectF(
            line / 2 + step * (width + gap), size.height() - line / 2 - height, width, height
        )
        painter.setPen(QPen(ink, line))
        painter.setBrush(ink if step <= level else Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, line, line)
    painter.end()
    return QIcon(pixmap)
