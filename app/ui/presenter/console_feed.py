"""What the presenter console shows, kept in step with the audience window:
the slide number, the notes and the next slide's title, pictures of the
slide now showing and of the next one, the elapsed time and the clock, and
the status line. app.ui.presenter.presenter_mode says when."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QPixmap

from app.content.quiz_key import answer_key
from app.content.strings import word
from app.core.presenter_keys import Blank, Screen, View, format_elapsed
from app.ui.main_window import MainWindow
from app.ui.presenter.console import PresenterConsole
from app.ui.presenter.slide_preview import SlidePreviews, showing_screen
from app.ui.theme import TEXT_SCALES


class ConsoleFeed(QObject):
    def __init__(
        self,
        audience: MainWindow,
        console: PresenterConsole,
        clock: Callable[[], float],
        now: Callable[[], datetime],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.audience, self.console = audience, console
        self.clock, self.now = clock, now
        self.started_at = clock()
        self.previews: SlidePreviews | None = None  # from start() to stop()
        self._pictures: dict[tuple, QPixmap] = {}
        self.tick = QTimer(self, interval=1000)
        self.tick.timeout.connect(self.show_times)
        self.render_timer = QTimer(self, singleShot=True, interval=0)
        self.render_timer.timeout.connect(self.render_previews)

    def start(self) -> None:
        """Once the audience window is in place: the previews take its size."""
        self.previews = SlidePreviews(self.audience)
        self.reset_timer()
        self.tick.start()

    def stop(self) -> None:
        self.tick.stop()
        self.render_timer.stop()
        self.previews.close()
        self.previews = None

    # --- the slide ---------------------------------------------------------
    def follow_settings(self) -> None:
        """The audience's pack, language, text size, contrast or size changed."""
        audience = self.audience
        self.previews.sync()
        self._pictures.clear()
        self.console.set_pack(audience.pack)
        self.console.apply_style(audience.theme, TEXT_SCALES[audience.text_size])
        pack = audience.pack
        self.console.set_language_available(pack is not None and len(pack.deck.languages) > 1)
        self.refresh()

    def refresh(self, *_args) -> None:
        """The slide changed: the number, the notes, the list, both previews."""
        pack = self.audience.pack
        if pack is None:  # the front desk screen: no slides to follow
            return
        index = self.audience.controller.index
        following = pack.slides[index + 1] if index + 1 < len(pack.slides) else None
        slide = pack.slides[index]
        # A check-yourself slide: the presenter sees its answers before the audience taps.
        key = answer_key(slide.questions, pack.strings)
        notes = (key, *slide.notes) if key else slide.notes
        self.console.show_slide(
            index, len(pack.slides), notes, following.title if following else ""
        )
        self.render_later()

    def render_later(self) -> None:
        # Pictures after the words: a clicker pressed three times quickly
        # draws one pair of previews, not three.
        self.render_timer.start()

    def render_previews(self) -> None:
        """Draw the slide now showing (or the screen over it) and the next one.
        Pictures are kept until the pack, the settings or the size change,
        so paging back and forth draws nothing twice."""
        pack = self.audience.pack
        if pack is None:  # the pack went away (a broken update) before the timer ran
            return
        index = self.audience.controller.index
        current = self._picture(index, showing_screen(self.audience))
        has_next = index + 1 < len(pack.slides)
        upcoming = self._picture(index + 1, Screen.SLIDES) if has_next else QPixmap()
        self.console.show_pictures(current, upcoming)

    def forget_pictures(self) -> None:
        """The console's size changed: pictures are drawn again to fit it."""
        self._pictures.clear()

    def _picture(self, index: int, screen: Screen) -> QPixmap:
        reference = self.audience.references.current_id if screen is Screen.REFERENCES else None
        key = (index, screen, reference)
        if key not in self._pictures:
            width = max(320, self.console.width() // 2)
            self._pictures[key] = self.previews.slide(index, screen, width)
        return self._pictures[key]

    # --- status, time --------------------------------------------------------
    def show_status(self, view: View, digits: str) -> None:
        """What the audience sees other than the slide, and the number typed."""
        s = self.audience.strings
        if view.blank is Blank.BLACK:
            text = word(s, "presenter_audience_black")
        elif view.blank is Blank.WHITE:
            text = word(s, "presenter_audience_white")
        elif view.screen is not Screen.SLIDES:
            text = word(s, "presenter_audience_screen").format(screen=s[view.screen.value])
        else:
            text = ""
        self.console.show_status(text)
        self.console.show_digits(digits)

    def show_times(self) -> None:
        elapsed = format_elapsed(self.clock() - self.started_at)
        self.console.show_times(elapsed, self.now().strftime("%H:%M"))

    def reset_timer(self) -> None:
        self.started_at = self.clock()
        self.show_times()
