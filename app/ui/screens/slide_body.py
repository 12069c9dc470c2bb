"""The slide text: rendered HTML with tappable citations and pack images."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from app.content.files import pack_file

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

CITE_SCHEME = "cite"


class SlideBody(QTextBrowser):
    """Read-only HTML view. Links never leave the app: `cite:` links become a
    signal and everything else is ignored (ReText's setOpenLinks(False)
    pattern, without ever handing a URL to the system browser)."""

    citationClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the window's navigation
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.anchorClicked.connect(self._on_anchor)
        self._pack_root: Path | None = None
        self._image_width = 800

    def set_pack_root(self, root: Path | None) -> None:
        self._pack_root = root

    def set_image_width(self, width: int) -> None:
        self._image_width = max(200, width)

    def show_html(self, html: str, css: str) -> None:
        self.document().setDefaultStyleSheet(css)
        self.setHtml(html)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == CITE_SCHEME:
            self.citationClicked.emit(url.path())

    # Images come only from inside the pack (the loader checked them too;
    # this is the second lock on the door).
    # Never return None from this override: PySide 6.12 then drops a
    # reference to None and the interpreter aborts at exit. A null QImage
    # means "no picture".
    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 (Qt API)
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return super().loadResource(kind, url)
        if self._pack_root is None or url.scheme() not in ("", "file") or url.host():
            return QImage()
        path = pack_file(self._pack_root, url.path())
        if path is None:
            return QImage()
        return render_image(path, self._image_width, self.devicePixelRatioF()) or QImage()


def render_image(path: Path, width: int, dpr: float = 1.0) -> QImage | None:
    """The picture at `width` logical pixels wide, sharp on high-DPI screens."""
    if path.suffix.lower() == ".svg":
        from PySide6.QtCore import QByteArray, QRectF
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(QByteArray(path.read_bytes()))
        if not renderer.isValid():
            return None
        size = renderer.defaultSize()
        if size.width() <= 0:
            return None
        height = round(width * size.height() / size.width())
        image = QImage(round(width * dpr), round(height * dpr), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
        painter.end()
    else:
        image = QImage(str(path))
        if image.isNull():
            return None
        image = image.scaledToWidth(round(width * dpr), Qt.TransformationMode.SmoothTransformation)
    image.setDevicePixelRatio(dpr)
    return image
