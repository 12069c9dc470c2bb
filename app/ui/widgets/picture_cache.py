"""Pictures decoded and drawn once, kept while there is room: the least
recently used go first once the budget is spent.

A page turn used to parse the slide's SVG again and paint it from its
vectors (8 ms for a bundled diagram at 800x450), and "Learn more" drew its
pictures again at every opening (16 ms each). Kept here as pixels at the
size shown, a repaint is a copy. The pack's bytes stay in Pack.pictures
either way; what this bounds is the decoded and drawn copies, whatever the
size of the pack.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QImage, QPainter

# Pixels kept: 32 MiB, about 14 pictures the width of a 1920x1080 window,
# or hundreds of the usual diagram. A parsed SVG is counted as 4 bytes for
# each byte of its source (its tree of elements).
BUDGET = 32 * 1024 * 1024


class PictureCache:
    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget
        self.used = 0
        self._kept: OrderedDict[tuple, tuple[object, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._kept)

    def svg(self, data: bytes):
        """A QSvgRenderer of `data` (check isValid())."""
        from PySide6.QtSvg import QSvgRenderer

        return self.get(("svg", data), lambda: QSvgRenderer(QByteArray(data)), 4 * len(data))

    def drawn(self, data: bytes, width: int, height: int, renderer) -> QImage:
        """The SVG `data` drawn by `renderer` into width x height device pixels."""

        def draw() -> QImage:
            image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, width, height))
            painter.end()
            return image

        return self.get(("drawn", data, width, height), draw)

    def get(self, key: tuple, make: Callable[[], object], cost: int | None = None):
        """The value kept under `key`, made now if it is not (an image costs its bytes)."""
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
            return found[0]
        value = make()
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


# The one cache of the process: every view draws from the pack on screen.
PICTURES = PictureCache()
