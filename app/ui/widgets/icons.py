"""Icons from qtawesome's bundled fonts (Font Awesome and others), drawn
here rather than through the qtawesome package: importing it pulls in qtpy,
which costs about 0.2 s of every start-up. A typo in a pack never crashes:
unknown names get a default icon.

Each (name, colour) is drawn once, large, and cached; Qt scales it down
smoothly for every button, so the same QIcon (and its pixmap cache entry)
is reused on every slide change."""

from __future__ import annotations

import functools
import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QRawFont

from app.content.icons import glyph

FALLBACK_ICON = "fa6s.circle-info"
DRAWN_PX = 192  # twice the largest icon at 1080p, so scaling only ever shrinks
log = logging.getLogger(__name__)


@functools.cache
def _raw_font(font_file: str) -> QRawFont | None:
    # A raw font straight from the file: Font Awesome's solid and regular
    # fonts share one family name, so looking them up by name is ambiguous.
    raw = QRawFont(font_file, DRAWN_PX * 0.875)
    return raw if raw.isValid() else None


@functools.lru_cache(maxsize=256)
def icon(name: str, colour: str) -> QIcon:
    found = glyph(name)
    if found is None:
        if name != FALLBACK_ICON:
            log.warning("unknown icon %r, using %s", name, FALLBACK_ICON)
            return icon(FALLBACK_ICON, colour)
        return QIcon()
    font_file, code = found
    raw = _raw_font(str(font_file))
    if raw is None:
        return QIcon()
    indexes = raw.glyphIndexesForString(chr(code))
    if not indexes or not indexes[0]:
        return QIcon()
    path = raw.pathForGlyph(indexes[0])
    box = path.boundingRect()
    pixmap = QPixmap(DRAWN_PX, DRAWN_PX)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # Centre the glyph's own outline in the square, as qtawesome does.
    painter.translate(DRAWN_PX / 2 - box.center().x(), DRAWN_PX / 2 - box.center().y())
    painter.fillPath(path, QColor(colour))
    painter.end()
    return QIcon(pixmap)
