"""Every screen fits the kiosk's screen in every language, orientation and
text size: nothing may force the window wider or taller than the display
(Qt would then cut the edges off)."""

from __future__ import annotations

import pytest

from app import resources
from app.ui.main_window import MainWindow

SIZES = [(1920, 1080), (1366, 768), (1080, 1920)]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("text_size", [0, 2])
def test_bundled_pack_fits_every_screen(qtbot, language, width, height, text_size):
    win = MainWindow(speech_engine="mock")
    qtbot.addWidget(win)
    win.resize(width, height)  # before loading, as app.main.build_window does
    win.comfort.set_text_size(text_size)
    win.load(resources.content_dir(), language)
    win.show()
    qtbot.waitExposed(win)
    for open_screen in (
        win.back_to_slides,
        win.open_topics,
        lambda: win.open_references(None),
        win.open_contact,
    ):
        open_screen()
        needed = win.current_screen.minimumSizeHint()
        assert needed.width() <= width, (win.current_screen, needed)
        assert (win.width(), win.height()) == (width, height)
    for index in range(len(win.pack.slides)):
        win.controller.go(index)
        assert win.slides.minimumSizeHint().width() <= width
        assert win.slides.minimumSizeHint().height() <= height
