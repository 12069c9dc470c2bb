"""QR codes drawn with QPainter: one painter for the screens and the printed
handout, so a code stays sharp at any window size and is vectors in a PDF.

Links out of the kiosk are shown only as QR codes for the patient's own
phone; nothing here opens them.
"""

from __future__ import annotations

import logging
from itertools import groupby

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QAccessible, QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.content.limits import MAX_LINK_LENGTH
from app.ui.widgets.accessible import set_role

QUIET_ZONE = 4  # modules of white border the QR standard asks for
# The loader keeps links within MAX_LINK_LENGTH and numbers short; anything
# longer would make a code too dense for a phone camera (segno itself stops
# near 2,300 bytes at level M), so it is never drawn.
MAX_QR_BYTES = MAX_LINK_LENGTH + 100

log = logging.getLogger(__name__)


def qr_fits(data: str) -> bool:
    """Can `data` be drawn as a code a phone reads? ("" cannot: nothing to reach.)"""
    return 0 < len(data.encode("utf-8")) <= MAX_QR_BYTES


def qr_modules(data: str) -> list[list[bool]]:
    """The code's dark/light modules, quiet zone included; [] for data that
    does not fit (qr_fits), which paints only the white square."""
    import segno  # imported here: only the contact and reference screens need it

    if not qr_fits(data):
        if data:
            log.warning("not drawn as a QR code: %d bytes is too long", len(data.encode()))
        return []
    code = segno.make(data, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]


def paint_qr(painter: QPainter, rect: QRectF, modules: list[list[bool]]) -> None:
    """Paint `modules` (from qr_modules) black on white, centred in `rect`.

    Each module is a whole number of pixels of the painter's device (screen
    pixels, or 1/300 inch in the handout), so its edges stay crisp for a
    phone camera. An empty list paints only the white square.
    """
    painter.save()
    painter.fillRect(rect, QColor("white"))
    count = len(modules)
    if count:
        module = max(1, int(min(rect.width(), rect.height()) // count))
        left = rect.x() + (rect.width() - module * count) // 2
        top = rect.y() + (rect.height() - module * count) // 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for y, row in enumerate(modules):
            x = 0
            for dark, run in groupby(row):  # one rectangle per run of dark modules
                length = len(list(run))
                if dark:
                    painter.drawRect(
                        QRectF(left + x * module, top + y * module, length * module, module)
                    )
                x += length
    painter.restore()


class QrCode(QWidget):
    def __init__(self, data: str, side: int = 240, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self._modules: list[list[bool]] | None = None  # encoded on first paint
        self._side = side
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(side, side)
        # No code rather than a blank square: a refused number or link has none.
        # (Only ever hidden here: showing a widget before it has a parent
        # would make it a window of its own.)
        if not qr_fits(data):
            self.hide()
        set_role(self, QAccessible.Role.Graphic)  # read by the name its screen gives it

    def set_side(self, side: int) -> None:
        self._side = side
        self.setFixedSize(side, side)

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    @property
    def encoded(self) -> bool:
        return self._modules is not None

    def encode(self) -> None:
        if self._modules is None:
            self._modules = qr_modules(self.data) if self.data else []

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # Encoding waits until the code is first needed (the warm-up after
        # start, or on screen): segno's import stays off the kiosk's start-up.
        self.encode()
        painter = QPainter(self)
        paint_qr(painter, QRectF(self.rect()), self._modules)
        painter.end()
