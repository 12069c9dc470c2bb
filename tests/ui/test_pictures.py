"""Pictures on screen come from the pack in memory: they stay after the pack
folder is deleted, and one that cannot be drawn leaves its alt text."""

from __future__ import annotations

import shutil

from app.ui.screens.figure_view import FigureView
from tests.ui.conftest import open_pack

TEAL = "#0a4e57"
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90" width="160" height="90">'
    '<rect width="160" height="90" fill="#0A4E57"/></svg>'
)


def window_with_picture(qtbot, pack_dir, svg: str):
    (pack_dir / "media").mkdir()
    (pack_dir / "media" / "box.svg").write_text(svg, encoding="utf-8")
    first = pack_dir / "en" / "010-first.md"
    text = first.read_text(encoding="utf-8")
    first.write_text(
        text.replace("Hello from", "![A teal box](media/box.svg)\n\nHello from"), encoding="utf-8"
    )
    return open_pack(qtbot, pack_dir, warm_up_ms=None)


def centre_colour(win) -> str:
    figure = win.slides.figure
    centre = figure.mapTo(win, figure.picture_rect().center().toPoint())
    return win.grab().toImage().pixelColor(centre).name()


def test_the_picture_stays_after_the_pack_folder_is_deleted(qtbot, pack_dir):
    win = window_with_picture(qtbot, pack_dir, SVG)
    assert centre_colour(win) == TEAL
    shutil.rmtree(pack_dir)
    win.controller.next()
    win.controller.previous()  # the slide is drawn again, from memory
    assert win.slides.figure.has_picture
    assert centre_colour(win) == TEAL


def test_a_refused_picture_leaves_its_alt_text_in_the_words(qtbot, pack_dir, tmp_path):
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    reaching = SVG.replace("</svg>", f'<image href="{outside}" width="9" height="9"/></svg>')
    win = window_with_picture(qtbot, pack_dir, reaching)
    assert "box.svg" not in win.pack.pictures
    assert "A teal box" in win.slides.body.toPlainText()
    assert not win.slides.figure.has_picture


def test_a_picture_qt_cannot_draw_shows_its_alt_text(qtbot):
    view = FigureView()
    qtbot.addWidget(view)
    view.resize(600, 200)
    view.set_picture(b"\x89PNG\r\n\x1a\nnot really", "A chart of the study")
    assert view.isVisibleTo(view.parentWidget() or view)
    assert view.shows_alt_text
    view.show()
    image = view.grab().toImage()
    background = image.pixelColor(0, 0)
    assert any(
        image.pixelColor(x, y) != background
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )


def test_no_picture_and_no_alt_text_hides_the_view(qtbot):
    view = FigureView()
    qtbot.addWidget(view)
    view.set_picture(None, "")
    assert view.isHidden()
