"""A row of dots, one per slide, the current one filled."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

MAX_DOTS = 24  # past this the dots would be too small to mean anything


class ProgressDots(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self.current = 0
        self.dot = 18
        self.colour = QColor("#0A4E57")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    @property
    def wanted(self) -> bool:
        """Whether the deck is small enough for a dot a slide to mean anything."""
        return 0 < self.count <= MAX_DOTS

    def set_position(self, current: int, count: int) -> None:
        self.current, self.count = current, count
        self.setVisible(self.wanted)
        self.updateGeometry()
        self.update()

    def set_style(self, dot: int, colour: str) -> None:
        self.dot = dot
        self.colour = QColor(colour)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(max(0, self.count * self.dot * 2 - self.dot), self.dot + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.count * 6, self.dot + 4)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if not self.count:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Shrink to fit a narrow (portrait) bar rather than clip.
        dot = min(self.dot, int(self.width() / (self.count * 2 - 1)))
        step = dot * 2
        left = (self.width() - (self.count * step - dot)) / 2
        top = (self.height() - dot) / 2
        pen = QPen(self.colour, max(2, dot // 6))
        for i in range(self.count):
            rect = QRectF(left + i * step, top, dot, dot).adjusted(1, 1, -1, -1)
            painter.setPen(pen)
            painter.setBrush(self.colour if i == self.current else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)
        painter.end()
