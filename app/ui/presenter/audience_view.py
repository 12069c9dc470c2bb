"""The audience view of presenter mode: the slide alone on the projector.

Nobody in the audience can tap the screen, so the kiosk's controls (the
comfort bar, Topics, The science, Contact us, Need help now?, Previous,
Next, the progress dots, Learn more and the study buttons) are hidden, and
the slide's touchscreen sentences ("Tap Next to go on") are left out of its
words (app/content/screen_words.py). The title, the words, the picture, the
place in the deck and the disclaimer stay. While this view is the slide
screen's `audience_view`, the screen hands it each slide's words as it
draws them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.content.screen_words import for_paper, screen_words
from app.content.strings import word
from app.ui.screens.slide_screen import SlideScreen


class AudienceView:
    def __init__(self, screen: SlideScreen) -> None:
        self.screen = screen
        self._shown: dict[QWidget, bool] = {}  # each control's visibility before

    def _controls(self) -> tuple[QWidget, ...]:
        s = self.screen
        return (
            s.comfort,
            s.topics_button,
            s.references_button,
            s.contact_button,
            s.help_now,
            s.previous_button,
            s.next_button,
            s.dots,
        )

    def start(self) -> None:
        """The slide alone, from the slide on screen now."""
        self._shown = {control: not control.isHidden() for control in self._controls()}
        self.screen.audience_view = self
        self.screen.show_slide()

    def stop(self) -> None:
        """The kiosk's controls back as they were."""
        self.screen.audience_view = None
        for control, shown in self._shown.items():
            control.setVisible(shown)
        self._shown = {}
        self.screen.show_slide()

    def drawing(self, html: str) -> str:
        """Asked by the slide screen as it draws a slide: the words to show.
        The controls it has just set up for a patient are hidden again."""
        for control in (*self._controls(), self.screen.more_button, self.screen.citations):
            control.hide()
        pack = self.screen.pack
        listed = word(pack.strings, "screen_words") if pack is not None else ""
        return for_paper(html, screen_words(listed))
