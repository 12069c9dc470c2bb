"""The QR painter the screens and the handout share, and the screens' labels."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from app.ui.widgets.labels import make_label
from app.ui.widgets.qr_code import QUIET_ZONE, paint_qr, qr_modules
from tests.ui.helpers import decode_qr_image

BLACK, WHITE = QColor("black"), QColor("white")


def painted(rect: QRectF, modules: list[list[bool]]) -> QImage:
    """`modules` painted into `rect` of a black picture (the high-contrast paper)."""
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(BLACK)
    painter = QPainter(image)
    paint_qr(painter, rect, modules)
    painter.end()
    return image


def test_a_painted_code_scans_even_on_black(qapp):
    data = "https://doi.org/10.1000/alpha"
    image = painted(QRectF(50, 20, 260, 260), qr_modules(data))
    # The white quiet zone is painted too: without it the code would not scan here.
    assert decode_qr_image(image) == [data]
    assert image.pixelColor(50, 20) == WHITE
    assert image.pixelColor(49, 150) == BLACK and image.pixelColor(310, 150) == BLACK


def test_modules_are_whole_pixels_centred_in_the_rect(qapp):
    modules = qr_modules("tel:+15550100100")
    count = len(modules)
    side = 5 * count + 3  # 3 pixels too many for five-pixel modules
    image = painted(QRectF(10, 10, side, side), modules)
    # The top-left finder pattern starts after the quiet zone, 1 pixel in
    # (the 3 spare pixels split 1 and 2), and is exactly 5 pixels a module.
    corner = 10 + 1 + QUIET_ZONE * 5
    assert image.pixelColor(corner - 1, corner) == WHITE
    assert image.pixelColor(corner, corner) == BLACK
    assert image.pixelColor(corner + 7 * 5 - 1, corner) == BLACK  # finder: 7 modules wide
    assert image.pixelColor(corner + 7 * 5, corner) == WHITE


def test_no_modules_paint_only_the_white_square(qapp):
    image = painted(QRectF(10, 10, 100, 100), [])
    assert image.pixelColor(60, 60) == WHITE and image.pixelColor(5, 5) == BLACK
    assert decode_qr_image(image) == []


def test_labels_show_pack_words_as_plain_text(qapp):
    # Markup in a pack's words is shown as typed, never obeyed: the tags
    # take room on screen.
    marked = make_label("<b>x</b>", "heading")
    bare = make_label("x", "heading")
    assert marked.sizeHint().width() > 3 * bare.sizeHint().width()
    assert marked.wordWrap() and marked.property("role") == "heading"
