"""Pictures decoded once and kept while there is room: the least recently
used go first once the budget is spent.

A page turn draws the slide's picture; decoding it again each time (an
SVG parsed into a QSvgRenderer, a JPEG decompressed) costs milliseconds of
the turn. The pack's bytes stay in Pack.pictures either way; what this
bounds is the decoded copies, whatever the size of the pack.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QImage

# Decoded pictures kept: 32 MiB, a dozen full-HD photos (8 MB each decoded)
# or hundreds of diagrams. An SVG renderer is counted as 4 bytes for each
# byte of its source (its parsed tree), an image as its pixels.
BUDGET = 32 * 1024 * 1024


class PictureCache:
    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget
        self.used = 0
        self._kept: OrderedDict[bytes, tuple[object, int]] = OrderedDict()

    def svg(self, data: bytes):
        """A QSvgRenderer of `data` (check isValid())."""
        from PySide6.QtSvg import QSvgRenderer

        return self._get(("svg", data), lambda: QSvgRenderer(QByteArray(data)), 4 * len(data))

    def image(self, data: bytes) -> QImage:
        """`data` decoded (a null QImage when Qt cannot)."""
        kept = self._get(("image", data), lambda: QImage.fromData(data), None)
        return kept

    def _get(self, key, decode, cost: int | None):
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
            return found[0]
        value = decode()
        if cost is None:
            cost = value.sizeInBytes() if isinstance(value, QImage) else 0
        if cost <= self.budget:
            self._kept[key] = (value, cost)
            self.used += cost
            while self.used > self.budget:
                _, (_, freed) = self._kept.popitem(last=False)
                self.used -= freed
        return value

    def clear(self) -> None:
        self._kept.clear()
        self.used = 0


# The one cache of the process: every view draws the same pack's pictures.
PICTURES = PictureCache()
