"""A page turn shows the new slide in its final layout in its first frame:
nothing moves or resizes after it is painted, and the window is painted
once (a layout settling over later event-loop passes drew a turn two or
three times, a study button jumping a few pixels in between)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.main_window import MainWindow
from tests.bench.window import paint_counter
from tests.ui.conftest import open_bundled


def layout_of(screen: QWidget) -> dict[str, tuple]:
    """Where every widget a patient can see on the screen is, by its path."""
    seen = {}
    for widget in screen.findChildren(QWidget):
        if widget.isVisibleTo(screen):
            name = f"{type(widget).__name__}:{widget.accessibleName()}:{id(widget)}"
            seen[name] = widget.mapTo(screen, widget.rect().topLeft()).toTuple() + (
                widget.size().toTuple()
            )
    return seen


@pytest.fixture
def warmed_window(qtbot) -> MainWindow:
    """The bundled pack as a patient meets it: loaded in full and warmed up."""
    window = open_bundled(qtbot, warm_up_ms=0)
    qtbot.waitUntil(lambda: window.warmed_up, timeout=20000)
    return window


def test_each_page_turn_is_laid_out_before_its_first_frame(qtbot, warmed_window):
    window = warmed_window
    slides = window.slides
    assert any(slide.kind == "check" for slide in window.pack.slides)
    widgets = len(QApplication.allWidgets())
    paints = paint_counter()  # the benchmarks' own (tests/bench/window.py)
    window.installEventFilter(paints)
    for _ in range(len(window.pack.slides) - 1):
        index = window.controller.index
        paints.count = 0
        qtbot.keyClick(window, Qt.Key.Key_Right)
        assert window.controller.index == index + 1
        qtbot.waitUntil(lambda: paints.count > 0)
        first = layout_of(slides)
        for _ in range(5):  # whatever the event loop still had to do for this turn
            QApplication.processEvents()
        assert layout_of(slides) == first, window.controller.index
        assert paints.count == 1, window.controller.index
    window.removeEventFilter(paints)
    # The warm-up made the check slide's question cards: its visit made none.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert len(QApplication.allWidgets()) == widgets
