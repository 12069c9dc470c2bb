"""The slide text's second lock: it draws only the pictures the loader
checked and kept in memory, never a file, and a picture it cannot draw
leaves its alt text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from app.ui.screens.slide_body import SlideBody

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>'
IMAGE = QTextDocument.ResourceType.ImageResource.value


@pytest.fixture
def body(qtbot, tmp_path):
    (tmp_path / "outside.svg").write_bytes(SVG)
    view = SlideBody()
    qtbot.addWidget(view)
    view.set_pictures({"media/box.svg": SVG, "media/broken.png": b"\x89PNG\r\n\x1a\nbroken"})
    return view


def drawn(view: SlideBody, url: str) -> bool:
    return not view.loadResource(IMAGE, QUrl(url)).isNull()


def test_a_picture_of_the_pack_is_drawn(body):
    assert drawn(body, "media/box.svg")


def test_files_are_never_opened(body, tmp_path):
    assert not drawn(body, "../outside.svg")
    assert not drawn(body, str(tmp_path / "outside.svg"))
    assert not drawn(body, QUrl.fromLocalFile(str(tmp_path / "outside.svg")).toString())
    assert not drawn(body, "media/missing.svg")


def test_without_pictures_nothing_is_drawn(body):
    body.set_pictures({})
    assert not drawn(body, "media/box.svg")


def test_a_picture_qt_cannot_draw_leaves_its_alt_text(body):
    body.show_html('<p><img alt="A broken chart" src="media/broken.png"></p>', "")
    image = body.loadResource(IMAGE, QUrl("media/broken.png"))
    assert not image.isNull()  # a picture of the words, not a hole
    inked = {
        image.pixelColor(x, y).alpha()
        for x in range(image.width())
        for y in range(0, image.height(), 3)
    }
    assert max(inked) > 0


def test_a_citation_number_never_starts_a_line(qtbot):
    # Spanish slide 9: "... con cautela." then the number alone on the next line.
    from app.content.render import render_section
    from app.content.slide_file import Section

    html = render_section(
        Section("Hay que leer estos resultados con cautela. [@a]", 1),
        path="s.md",
        root=Path("/nonexistent"),
        known={"a"},
        numbers={},
    ).html
    view = SlideBody()
    qtbot.addWidget(view)
    view.show_html(html, "")
    document = view.document()
    text = document.toPlainText()
    number = text.index("1")
    for width in range(80, 700, 3):
        document.setTextWidth(width)
        layout = document.firstBlock().layout()
        line = layout.lineForTextPosition(number)
        assert line.textStart() < number - 1, (width, text[line.textStart() :])
