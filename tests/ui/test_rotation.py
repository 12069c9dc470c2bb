"""A kiosk screen turned to portrait while the kiosk runs (wlr-randr
--transform 90): the window takes the new shape and lays itself out again."""

from __future__ import annotations

import pytest

from app import resources
from app.ui.main_window import MainWindow


@pytest.mark.parametrize("text_size", [0, 2])
def test_a_running_window_turned_to_portrait_fits_it(qtbot, text_size):
    window = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.comfort.set_text_size(text_size)
    window.load(resources.content_dir(), "es")
    window.show()
    qtbot.waitExposed(window)
    window.resize(1080, 1920)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1080, 1920))
    assert window.slides.width() <= 1080
    assert window.slides.minimumSizeHint().width() <= 1080
    # The top bar moved to its two-row portrait arrangement.
    bar = window.slides.top_bar
    assert bar.itemAtPosition(1, 0) is not None
