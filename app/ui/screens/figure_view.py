"""A slide's picture, drawn to fit its box at any window size.

SVGs are painted straight from the vector data on every resize, so they stay
sharp on a 4K screen and in a 1366x768 one alike. The picture comes as bytes
from the pack in memory (Pack.pictures), never from a file. A picture Qt
cannot draw leaves its alt text in the box, never a hole."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QAccessible, QImage, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.content.limits import MAX_ASPECT
from app.ui.screens.picture_colours import for_theme
from app.ui.screens.slide_body import is_svg
from app.ui.theme import CALM, Theme
from app.ui.widgets.accessible import set_role
from app.ui.widgets.picture_cache import PICTURES

_PICTURE_ASPECT = 16 / 9  # before a picture is known
_TEXT_ASPECT = 3.0  # a box of alt text: a few lines across


class FigureView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = None
        self._svg = b""  # the SVG's bytes: the key of its drawings in PICTURES
        self._image = QImage()
        self._alt = ""
        self.aspect = _PICTURE_ASPECT  # width over height of what it shows
        self._picture: bytes | None = None
        self._theme = CALM
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        set_role(self, QAccessible.Role.Graphic)  # an image named by its alt text

    def set_picture(self, picture: bytes | None, alt: str = "") -> None:
        """Show `picture` (PNG, JPEG or SVG bytes); its alt text when it is
        missing or cannot be drawn; nothing (hidden) when there is neither."""
        self._renderer = None
        self._image = QImage()
        self._alt = alt
        self._picture = picture
        self.setAccessibleName(alt)
        self.setToolTip("")
        if picture and is_svg(picture):
            self._renderer = self._svg_renderer(picture)
            if self._renderer is not None:
                size = self._renderer.defaultSize()
                self.aspect = _bounded(size.width() / size.height())
        elif picture:
            image = QImage.fromData(picture)
            if not image.isNull():
                self._image = image
                self.aspect = _bounded(image.width() / image.height())
        if not self.has_picture:
            self.aspect = _TEXT_ASPECT
        self.setVisible(self.has_picture or bool(alt))
        self.updateGeometry()
        self.update()

    def set_theme(self, theme: Theme) -> None:
        """Draw SVG pictures in `theme`'s colours (picture_colours.py)."""
        if theme.name != self._theme.name:
            self._theme = theme
            if self._picture and is_svg(self._picture):
                self._renderer = self._svg_renderer(self._picture)
                self.update()

    def _svg_renderer(self, picture: bytes):
        """A renderer of `picture` in this view's theme (kept in PICTURES under
        the themed bytes, as are its drawings); None if Qt cannot draw it."""
        themed = for_theme(picture, self._theme)
        renderer = PICTURES.svg(themed)
        if renderer.isValid() and not renderer.defaultSize().isEmpty():
            self._svg = themed
            return renderer
        return None

    @property
    def has_picture(self) -> bool:
        return self._renderer is not None or not self._image.isNull()

    @property
    def shows_alt_text(self) -> bool:
        return not self.has_picture and bool(self._alt)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return round(width / self.aspect)

    def sizeHint(self) -> QSize:
        return QSize(640, round(640 / self.aspect))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, round(160 / self.aspect))

    def picture_rect(self) -> QRectF:
        """The largest box of the picture's shape that fits, centred."""
        width = min(self.width(), self.height() * self.aspect)
        height = width / self.aspect
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if not self.has_picture and not self._alt:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = self.picture_rect()
        if self._renderer is not None:
            # Drawn from the vectors once for this size, then copied (picture_cache.py).
            dpr = self.devicePixelRatioF()
            width, height = round(target.width() * dpr), round(target.height() * dpr)
            if width > 0 and height > 0:
                painter.drawImage(target, PICTURES.drawn(self._svg, width, height, self._renderer))
        elif not self._image.isNull():
            painter.drawImage(target, self._image)
        else:
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(QRectF(self.rect()), flags, self._alt)
        painter.end()


def _bounded(aspect: float) -> float:
    """The loader refuses thinner pictures; this keeps a slip from a box of
    100,000 times the width."""
    return min(max(aspect, 1 / MAX_ASPECT), MAX_ASPECT)
