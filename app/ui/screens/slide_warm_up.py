"""The slide screen's part of the window's warm-up (app/ui/warm_up.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from app.content.model import Slide
from app.ui.screens.figure_view import FigureView
from app.ui.screens.slide_body import SlideBody
from app.ui.theme import document_css

if TYPE_CHECKING:
    from app.ui.screens.slide_screen import SlideScreen


def preparation_steps(screen: SlideScreen) -> list[Callable[[], None]]:
    """Steps for the window's warm-up: make the check slides' question
    cards (check_view.py), then, one slide each, lay out the
    slide's words and draw its picture once, off screen, in throwaway
    widgets. The first visit to a slide is then as quick as the next
    (Qt's SVG module, the shaped glyphs and the pictures' fonts are
    ready) and memory has settled before patients arrive. Nothing on
    screen changes: the throwaway widgets are hidden children of this
    screen (never windows of their own), deleted by the last step."""
    pack, theme = screen.pack, screen.theme
    if pack is None or theme is None:
        return []
    css = document_css(theme, screen.metrics)
    width = max(200, screen.body.viewport().width())
    body = SlideBody(screen)
    body.hide()
    body.set_pictures(pack.pictures)
    body.set_image_width(screen.image_width())
    body.setFont(screen.body.font())
    figure = FigureView(screen)
    figure.hide()
    figure.resize(screen.figure.size() if screen.figure.isVisible() else QSize(640, 360))
    canvas = QImage(figure.size(), QImage.Format.Format_ARGB32_Premultiplied)

    def prepare(slide: Slide) -> None:
        body.show_html(slide.body_html + slide.more_html, css)
        body.document().setTextWidth(width)
        body.document().size()  # lays the text out now
        for picture in slide.figures:
            figure.set_picture(pack.pictures.get(picture.src), picture.alt)
            # set_picture shows a figure that has a picture; this one must
            # never appear, so hide it again before the event loop paints.
            figure.hide()
            if figure.has_picture:
                figure.render(canvas)

    def finish() -> None:
        body.deleteLater()
        figure.deleteLater()

    # The check slides' question cards first: made once, for every one of them.
    cards = partial(screen.check.prepare, pack)
    return [cards] + [partial(prepare, slide) for slide in pack.slides] + [finish]
