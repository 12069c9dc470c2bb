"""The slide text: rendered HTML with tappable citations and pack images."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from app.content.limits import MAX_ASPECT
from app.ui.widgets.picture_cache import PICTURES

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
        self.cue = ScrollCue(self)
        self._pictures: dict[str, bytes] = {}
        self._alts: dict[str, str] = {}  # the slide's <img> src -> alt text
        self._image_width = 800

    def set_pictures(self, pictures: dict[str, bytes]) -> None:
        """The pack's pictures (Pack.pictures): the only ones this view draws."""
        self._pictures = pictures

    def set_image_width(self, width: int) -> None:
        self._image_width = max(200, width)

    def show_html(self, html: str, css: str) -> None:
        self._alts = image_alts(html)
        self.document().setDefaultStyleSheet(css)
        # Qt indents a list by a fixed 40 px and draws its numbers inside that
        # margin: at large type "1." would stick out past the left edge.
        number = QFontMetricsF(self.font()).horizontalAdvance("00. ")
        self.document().setIndentWidth(max(40.0, number))
        self.setHtml(html)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == CITE_SCHEME:
            self.citationClicked.emit(url.path())

    # Pictures come only from the pack's checked pictures in memory, never
    # from a file: the loader read and checked each one (a second lock on
    # the door, and a deleted pack folder still shows them).
    # Never return None from this override: PySide 6.12 then drops a
    # reference to None and the interpreter aborts at exit. A null QImage
    # means "no picture".
    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 (Qt API)
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return super().loadResource(kind, url)
        if url.scheme() not in ("", "file") or url.host():
            return QImage()
        src = next((s for s in (url.toString(), url.path()) if s in self._pictures), "")
        dpr = self.devicePixelRatioF()
        width, data = self._image_width, self._pictures.get(src)
        key = ("width", data, width, dpr)
        image = PICTURES.get(key, lambda: render_image(data, width, dpr)) if src else None
        if image is None:  # its words instead, never a hole
            alt = self._alts.get(url.toString()) or self._alts.get(url.path(), "")
            color = self.palette().color(QPalette.ColorRole.Text)
            image = alt_text_image(alt, self._image_width, dpr, self.font(), color)
        return image


class ScrollCue(QWidget):
    """A fade and a chevron at the foot of the words while more lies below:
    the patient sees there is more to read, not just a thin scroll bar."""

    def __init__(self, view: QTextBrowser) -> None:
        super().__init__(view)
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        bar = view.verticalScrollBar()
        bar.rangeChanged.connect(self.follow)
        bar.valueChanged.connect(self.follow)
        view.installEventFilter(self)
        self.hide()

    @property
    def more_below(self) -> bool:
        bar = self.view.verticalScrollBar()
        return bar.value() < bar.maximum()

    def follow(self) -> None:
        """Over the bottom of the text, shown while there is more below."""
        viewport = self.view.viewport().geometry()
        height = min(viewport.height() // 3, max(24, self.view.fontMetrics().height()))
        self.setGeometry(viewport.left(), viewport.bottom() + 1 - height, viewport.width(), height)
        self.setVisible(self.more_below)
        self.raise_()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize:
            self.follow()
        return False

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        base = self.view.palette().color(QPalette.ColorRole.Base)
        clear = QColor(base)
        clear.setAlpha(0)
        fade = QLinearGradient(0, 0, 0, self.height())
        fade.setColorAt(0, clear)
        fade.setColorAt(0.7, base)
        painter.fillRect(self.rect(), fade)
        # A chevron in the text colour, centred at the foot.
        side = self.height() * 0.35
        centre_x, foot = self.width() / 2, self.height() * 0.85
        pen = QPen(self.view.palette().color(QPalette.ColorRole.Text), max(2.0, side / 4))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        top = foot - side / 2
        points = [
            QPointF(centre_x - side, top),
            QPointF(centre_x, foot),
            QPointF(centre_x + side, top),
        ]
        painter.drawPolyline(points)
        painter.end()


class _ImageAlts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.alts: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            found = dict(attrs)
            self.alts[found.get("src") or ""] = found.get("alt") or ""


def image_alts(html: str) -> dict[str, str]:
    """Each <img>'s src -> its alt text."""
    parser = _ImageAlts()
    parser.feed(html)
    parser.close()
    return parser.alts


def render_image(data: bytes, width: int, dpr: float = 1.0) -> QImage | None:
    """The picture at `width` logical pixels wide, sharp on high-DPI screens;
    None when Qt cannot draw it."""
    if is_svg(data):
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(QByteArray(data))
        size = renderer.defaultSize()
        if not renderer.isValid() or size.width() <= 0 or size.height() <= 0:
            return None
        # The loader refuses thinner pictures; this keeps a slip from costing gigabytes.
        height = min(round(width * size.height() / size.width()), MAX_ASPECT * width)
        image = QImage(round(width * dpr), round(height * dpr), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
        painter.end()
    else:
        image = QImage.fromData(data)
        if image.isNull():
            return None
        image = image.scaledToWidth(round(width * dpr), Qt.TransformationMode.SmoothTransformation)
    image.setDevicePixelRatio(dpr)
    return image


def is_svg(data: bytes) -> bool:
    """SVG is text; PNG and JPEG start with binary signatures."""
    return data.lstrip()[:1] == b"<"


def alt_text_image(text: str, width: int, dpr: float, font: QFont, color: QColor) -> QImage:
    """A picture's alt text drawn as a picture, for one Qt could not draw."""
    if not text:
        return QImage()
    rect = QRect(0, 0, width, 10_000)
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    height = QFontMetrics(font).boundingRect(rect, flags, text).height() + 16
    image = QImage(round(width * dpr), round(height * dpr), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    image.setDevicePixelRatio(dpr)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(color)
    painter.drawText(QRect(0, 0, width, height), flags, text)
    painter.end()
    return image
