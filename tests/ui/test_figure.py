"""A slide's picture sits beside its words (landscape) or above them (portrait)."""

from __future__ import annotations

from app.content.loader import load_pack
from app.ui.main_window import MainWindow

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90" width="160" height="90">'
    '<rect width="160" height="90" fill="#0A4E57"/></svg>'
)


def picture_window(qtbot, pack_dir, size):
    (pack_dir / "media").mkdir()
    (pack_dir / "media" / "box.svg").write_text(SVG, encoding="utf-8")
    first = pack_dir / "en" / "010-first.md"
    text = first.read_text(encoding="utf-8")
    first.write_text(
        text.replace("Hello from", "![A teal box](media/box.svg)\n\nHello from"), encoding="utf-8"
    )
    win = MainWindow(speech_engine="mock")
    qtbot.addWidget(win)
    win.set_content(load_pack(pack_dir))
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    # The picture is fitted to the words once the shown window has settled.
    qtbot.waitUntil(lambda: win.slides.fitted)
    return win


def test_picture_beside_the_words_in_landscape(qtbot, pack_dir):
    win = picture_window(qtbot, pack_dir, (1920, 1080))
    figure, body = win.slides.figure, win.slides.body
    assert figure.isVisible()
    assert figure.accessibleName() == "A teal box"
    assert figure.geometry().left() >= body.geometry().right()
    # Drawn large enough to read: at least a third of the window wide.
    assert figure.picture_rect().width() >= 1920 / 3
    # The picture's own pixels are on screen: the teal fill shows in its middle.
    centre = figure.mapTo(win, figure.picture_rect().center().toPoint())
    assert win.grab().toImage().pixelColor(centre).name() == "#0a4e57"


def test_picture_above_the_words_in_portrait(qtbot, pack_dir):
    win = picture_window(qtbot, pack_dir, (1080, 1920))
    figure, body = win.slides.figure, win.slides.body
    assert figure.geometry().bottom() <= body.geometry().top()
    assert figure.picture_rect().width() >= 1080 * 0.6


def test_slide_without_picture_hides_the_figure(qtbot, pack_dir):
    win = picture_window(qtbot, pack_dir, (1920, 1080))
    win.controller.next()
    assert not win.slides.figure.isVisible()
