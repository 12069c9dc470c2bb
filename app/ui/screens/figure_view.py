"""A slide's picture, drawn to fit its box at any window size.

SVGs are painted straight from the vector file on every resize, so they stay
sharp on a 4K screen and in a 1366x768 one alike."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QAccessible, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.widgets.accessible import set_role


class FigureView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = None
        self._image = QImage()
        self._aspect = 16 / 9
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        set_role(self, QAccessible.Role.Graphic)  # an image named by its alt text

    def set_picture(self, path: Path | None, alt: str = "") -> None:
        """Show the picture at `path` (inside the pack), or nothing."""
        self._renderer = None
        self._image = QImage()
        self.setAccessibleName(alt)
        self.setToolTip("")
        if path is not None and path.suffix.lower() == ".svg":
            from PySide6.QtSvg import QSvgRenderer

            renderer = QSvgRenderer(str(path))
            if renderer.isValid() and not renderer.defaultSize().isEmpty():
                self._renderer = renderer
                size = renderer.defaultSize()
                self._aspect = size.width() / size.height()
        elif path is not None:
            image = QImage(str(path))
            if not image.isNull():
                self._image = image
                self._aspect = image.width() / image.height()
        self.setVisible(self.has_picture)
        self.updateGeometry()
        self.update()

    @property
    def has_picture(self) -> bool:
        return self._renderer is not None or not self._image.isNull()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return round(width / self._aspect)

    def sizeHint(self) -> QSize:
        return QSize(640, round(640 / self._aspect))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, round(160 / self._aspect))

    def picture_rect(self) -> QRectF:
        """The largest box of the picture's shape that fits, centred."""
        width = min(self.width(), self.height() * self._aspect)
        height = width / self._aspect
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if not self.has_picture:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = self.picture_rect()
        if self._renderer is not None:
            self._renderer.render(painter, target)
        else:
            painter.drawImage(target, self._image)
        painter.end()
