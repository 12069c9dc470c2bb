"""Take this home laid out: every label shows all its wrapped words, in every
language and text size, after the changes a patient makes with the screen
open; at normal text the words, help lines included, fit beside (or under)
the code without scrolling. Measured as `check --layout` measures."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import resources
from app.export.layout_check import SIZES, settle_layout
from app.export.layout_measure import misfits
from app.main import make_application
from app.ui.main_window import MainWindow
from app.ui.theme import Metrics


def settle() -> None:
    # What the window does before its next paint: the scroll bar comes or
    # goes and the page takes the width that is left.
    settle_layout()
    QApplication.processEvents()
    settle_layout()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_label_shows_whole_and_normal_text_needs_no_scrolling(qtbot, size):
    make_application()  # the bundled font
    window = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(window)
    window.resize(*size)
    window.slides.transition.enabled = False
    window.load(resources.content_dir())
    window.show()
    qtbot.waitExposed(window)
    screen = window.take_home
    window.open_contact()
    qtbot.mouseClick(window.contact.take_home_button, Qt.MouseButton.LeftButton)
    assert window.showing("take_home")
    # The order a patient can take: a first look, then Español and larger
    # text with the screen open (its caption was left at its first height).
    for language, text_size in (("en", 0), ("es", 0), ("es", 1), ("es", 2), ("en", 2), ("en", 0)):
        if window.pack.language != language:
            qtbot.mouseClick(screen.header.comfort.language_button, Qt.MouseButton.LeftButton)
        window.comfort.set_text_size(text_size)
        settle()
        where = (language, text_size)
        assert window.showing("take_home"), where
        assert [m.message for m in misfits(screen)] == [], where
        for label in (screen.caption, *screen.blocks):
            assert label.height() >= label.heightForWidth(label.width()), (where, label.text())
        if text_size == 0:
            assert screen.scroll.verticalScrollBar().maximum() == 0, where
            # The reference copy is smaller, never under the body minimum.
            m = Metrics.for_size(*size)
            least = max(m.text_px(28, 20), round(m.body * 0.7))
            assert min(label.font().pixelSize() for label in screen.blocks) >= least, where


def test_the_exported_picture_shows_every_label_whole(qtbot, tmp_path, monkeypatch):
    # `export --png` (every slide first, as it does) cut the questions
    # mid-line: the page was as tall as the words at a width without the
    # scroll bar, and the bar then narrowed it.
    from app.export import png

    found: list[list[str]] = []
    dispose = png._dispose

    def measure_then_dispose(window) -> None:
        found.append([m.message for m in misfits(window.take_home)])
        dispose(window)

    monkeypatch.setattr(png, "_dispose", measure_then_dispose)
    written = png.export_png(resources.content_dir(), tmp_path, (1920, 1080))
    assert tmp_path / "take-home.png" in written
    assert found == [[]]
