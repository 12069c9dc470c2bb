"""Pictures of slides exactly as the audience sees them, for the presenter
console: a MainWindow that is never put on screen draws them at the audience
window's size, with its pack, language, text size and contrast, in the
audience view (audience_view.py: the slide alone)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap

from app.content.model import LoadResult
from app.core.presenter_keys import Screen
from app.ui.main_window import MainWindow
from app.ui.presenter.audience_view import AudienceView


def showing_screen(window: MainWindow) -> Screen:
    """The screen `window` shows; the front desk (no pack) counts as the slides."""
    return next((screen for screen in Screen if window.showing(screen.value)), Screen.SLIDES)


class SlidePreviews:
    def __init__(self, audience: MainWindow) -> None:
        self.audience = audience
        self.window = MainWindow(speech_engine=None, warm_up_ms=None)  # never speaks
        # Laid out and painted like a shown window, but never mapped.
        self.window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.window.slides.transition.enabled = False
        # As small as the audience window may be made (full screen on a small
        # screen can be under the layout's wish).
        self.window.setMinimumSize(1, 1)
        self._pack = None
        self.sync()
        self.view = AudienceView(self.window.slides)  # as the projector shows them
        self.view.start()
        self.window.show()

    def sync(self) -> None:
        """Follow the audience window: its pack (so its language), size,
        text size and contrast, through MainWindow's public methods."""
        audience, window = self.audience, self.window
        window.resize(audience.size())
        if audience.pack is not None and audience.pack is not self._pack:
            self._pack = audience.pack
            window.set_content(LoadResult(audience.pack, audience.pack.clinic, []))
        window.comfort.set_text_size(audience.text_size)
        if window.high_contrast != audience.high_contrast:
            window.comfort.toggle_contrast()

    def slide(self, index: int, screen: Screen = Screen.SLIDES, width: int = 0) -> QPixmap:
        """Slide `index` (or the audience's Topics, References or Contact screen
        over it), `width` pixels wide (0: full size)."""
        window = self.window
        window.controller.go(index)
        if screen is Screen.TOPICS:
            window.open_topics()
        elif screen is Screen.REFERENCES:
            window.open_references(self.audience.references.current_id)
        elif screen is Screen.CONTACT:
            window.open_contact()
        else:
            window.back_to_slides()
        picture = window.grab()
        if width and picture.width() > width:
            picture = picture.scaled(
                QSize(width, width * picture.height() // picture.width()),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        return picture

    def close(self) -> None:
        self.window.close()
        shiboken6.delete(self.window)  # now, not at the next turn of the event loop
