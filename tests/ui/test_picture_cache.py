"""Decoded and drawn pictures are kept within a fixed budget, least
recently used out first, and a repaint draws the same pixels."""

from __future__ import annotations

from PySide6.QtGui import QImage

from app.main import make_application
from app.ui.screens.figure_view import FigureView
from app.ui.widgets.picture_cache import PICTURES, PictureCache

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90">'
    b'<rect width="160" height="90" fill="#0A4E57"/></svg>'
)


def image(side: int) -> QImage:
    return QImage(side, side, QImage.Format.Format_ARGB32)


def test_past_its_budget_the_least_recently_used_go_first():
    make_application()
    cache = PictureCache(budget=3 * 100 * 100 * 4)
    made = []

    def make(name):
        made.append(name)
        return image(100)

    for name in ("a", "b", "c"):
        cache.get((name,), lambda name=name: make(name))
    cache.get(("a",), lambda: make("a again"))  # a is kept, and now the most recent
    cache.get(("d",), lambda: make("d"))  # b goes
    assert made == ["a", "b", "c", "d"]
    assert cache.used <= cache.budget and len(cache) == 3
    cache.get(("b",), lambda: make("b again"))
    assert made[-1] == "b again"
    big = cache.get(("huge",), lambda: image(1000))  # past the whole budget: not kept
    assert not big.isNull() and ("huge",) not in cache._kept


def test_a_figure_paints_the_same_from_the_cache(qtbot):
    make_application()
    PICTURES.clear()
    view = FigureView()
    qtbot.addWidget(view)
    view.resize(320, 180)
    view.set_picture(SVG, "A teal box")
    first = view.grab().toImage()
    assert len(PICTURES) == 2  # the parsed SVG and its drawing at this size
    again = view.grab().toImage()
    assert again == first
    assert first.pixelColor(160, 90).name() == "#0a4e57"
