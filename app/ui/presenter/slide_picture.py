"""A slide preview on the presenter console, scaled to fit its box with the
slide's own shape."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget


class SlidePicture(QWidget):
    """A slide preview, scaled to fit its box with the slide's own shape."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = QPixmap()
        self.aspect = 16 / 9
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_picture(self, picture: QPixmap) -> None:
        self.picture = picture
        if not picture.isNull():
            self.aspect = picture.width() / picture.height()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, round(480 / self.aspect))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 90)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.picture.isNull():
            return
        width = min(self.width(), self.height() * self.aspect)
        height = width / self.aspect
        target = QRectF(0, (self.height() - height) / 2, width, height)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target, self.picture, QRectF(self.picture.rect()))
        painter.setPen(Qt.GlobalColor.darkGray)
        painter.drawRect(target.adjusted(0, 0, -1, -1))
        painter.end()
