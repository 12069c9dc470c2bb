"""The kiosk window: a stack of screens (slides, topics, references,
contact, front desk), the pack on screen and the patient's comfort settings.
It draws and forwards; the rules live in app.core through the controller.
docs/architecture.md shows where this sits."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from app.content.model import LoadResult, Pack
from app.content.pack_shelf import PackShelf
from app.content.strings import DEFAULT_STRINGS
from app.ui import deck_keys, focus_ring, screen_wiring, take_home_door, warm_up
from app.ui.comfort import Comfort
from app.ui.controller import DeckController
from app.ui.pack_completion import PackCompletion
from app.ui.screens.contact_screen import ContactScreen
from app.ui.screens.front_desk_screen import FrontDeskScreen
from app.ui.screens.reference_screen import ReferenceScreen
from app.ui.screens.screen_stack import ScreenStack
from app.ui.screens.slide_screen import SlideScreen
from app.ui.screens.take_home_screen import TakeHomeScreen
from app.ui.screens.topics_screen import TopicsScreen
from app.ui.theme import Metrics, Theme, style_sheet
from app.ui.warm_up import WarmUp
from app.ui.widgets import accessible

log = logging.getLogger(__name__)

# How long after the pack is complete the warm-up starts (see warm_up.py).
WARM_UP_MS = 300


class MainWindow(QMainWindow):
    styleChanged = Signal()  # sizes or theme changed: overlays restyle themselves
    packChanged = Signal()  # a (new) pack, or none, is now on screen
    languageChanged = Signal(str)
    warmedUp = Signal()  # every screen filled and every slide laid out once

    def __init__(
        self,
        speech_engine: str | None,
        warm_up_ms: int | None = WARM_UP_MS,
        parent: QWidget | None = None,
    ) -> None:
        """`speech_engine`: the text-to-speech engine for Listen (None: the
        first real one; tests pass "mock"). `warm_up_ms`: when the warm-up
        starts after the window is first shown (None: never)."""
        super().__init__(parent)
        self.warm_up_ms = warm_up_ms
        self.shelf: PackShelf | None = None  # every language of the pack folder
        self.pack: Pack | None = None  # the pack on screen, in its language
        self.comfort = Comfort(speech_engine, self)
        self.comfort.lookChanged.connect(self._apply_style)
        self.comfort.readingChanged.connect(self.show_comfort_state)
        self.metrics = Metrics(1.0)
        self.controller = DeckController(0, self)
        self._pending: dict[str, LoadResult] | None = None  # a clean update, not yet shown
        self._unfilled: set[QWidget] = set()  # overlays still showing an older pack
        self._style_key = None
        self.locked = False  # kiosk mode: closing is refused (app/ui/kiosk/lock_down.py)
        self.allow_close = False  # set by the staff menu's Exit
        self.warmed_up = False
        self._warm_up = WarmUp(self)
        self._warm_up.finished.connect(self._warmed_up)
        self.loading = PackCompletion(self)  # the rest of the pack, after the first paint
        self.loading.completed.connect(self._start_warm_up)

        self.slides = SlideScreen(self.controller)
        self.stack = ScreenStack(self.slides)
        self.setCentralWidget(self.stack)
        self.topics = TopicsScreen()
        self.references = ReferenceScreen()
        self.contact = ContactScreen()
        self.take_home = TakeHomeScreen()  # app/ui/take_home_door.py opens it
        self.front_desk = FrontDeskScreen()
        for screen in (*self.overlays, self.front_desk):
            self.stack.addWidget(screen)
        screen_wiring.connect(self)
        take_home_door.install(self)  # after the window's own handlers: they run first
        # The screen decides the size, never the layout: a landscape layout's
        # minimum must not stop a rotated (portrait) screen from fitting it.
        self.setMinimumSize(1, 1)
        deck_keys.add_paging_shortcuts(self, self._paging_key)
        focus_ring.install()  # the ring where the keyboard is, not on the last tap

    @property
    def overlays(self) -> tuple[QWidget, ...]:
        return (self.topics, self.references, self.contact, self.take_home)

    @property
    def comfort_bars(self):
        return (self.slides.comfort, *(screen.header.comfort for screen in self.overlays))

    @property
    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    @property
    def strings(self) -> dict[str, str]:
        return self.pack.strings if self.pack is not None else dict(DEFAULT_STRINGS)

    @property
    def content_dir(self) -> Path | None:
        return self.shelf.root if self.shelf is not None else None

    # --- comfort settings (app/ui/comfort.py) ----------------------------
    @property
    def theme(self) -> Theme:
        return self.comfort.theme

    @property
    def text_size(self) -> int:
        return self.comfort.text_size

    @property
    def high_contrast(self) -> bool:
        return self.comfort.high_contrast

    def next_language(self) -> None:
        """The next language of the pack, on the same slide and screen."""
        if self.pack is None:
            return
        languages = self.pack.deck.languages
        self.set_language(languages[(languages.index(self.pack.language) + 1) % len(languages)])

    def set_language(self, language: str) -> None:
        if self.pack is None or self.shelf is None or language == self.pack.language:
            return
        if self._pending is not None:
            # An update is waiting: switch straight into its version.
            self.shelf.replace(self._pending)
            self._pending = None
        again = lambda: self.set_language(language)  # noqa: E731
        if self.loading.defer("language", again, self.loading.holds(language)):
            return
        result = self.shelf.get(language)
        if result.pack is None or result.pack.language != language:
            log.error("cannot show language %s; staying in %s", language, self.pack.language)
            return
        self._show_pack(result, keep_screen=True)

    def toggle_read_aloud(self) -> None:
        if self.pack is not None:
            self.comfort.toggle_reading(self.slides.spoken_text(), self.pack.language)

    def show_comfort_state(self) -> None:
        if self.pack is not None:
            self.comfort.show_on(self.comfort_bars, self.pack)

    # --- content -------------------------------------------------------
    def load(
        self, content_dir: Path, language: str | None = None, loaded: LoadResult | None = None
    ) -> LoadResult:
        """Load and show a pack folder. `loaded`: that folder already loaded
        (start-up reads it before building the window)."""
        self.shelf = PackShelf(content_dir)  # set_content keeps the result in it
        result = loaded if loaded is not None else self.shelf.get(language)
        self.set_content(result)
        return result

    def reload_content(self) -> None:
        """Staff asked for it: see PackCompletion.reload."""
        self.loading.reload()

    def set_content(self, result: LoadResult, start: int | None = 0, keep_screen=False) -> None:
        """Show a loaded pack from slide `start` (or the front desk screen)."""
        if result.pack is not None and (self.shelf is None or self.shelf.root != result.pack.root):
            self.shelf = PackShelf(result.pack.root)  # a pack loaded by the caller
        if self.shelf is not None:
            self.shelf.put(result)
        for problem in result.problems:
            log.log(logging.ERROR if problem.is_error else logging.WARNING, "%s", problem)
        self._show_pack(result, start=start, keep_screen=keep_screen)

    def offer_pack(self, results: dict[str, LoadResult], now: bool = False) -> None:
        """A changed pack that loaded cleanly in every language. It is shown at
        the next slide change or idle reset, never under a patient's finger;
        straight away only when the front desk screen is up (nothing to read)."""
        self._pending = results
        if now or self.pack is None:  # now: a staff reload, on the slide showing
            self._swap_in_pending(start=self.controller.index if now else 0)

    @property
    def has_pending_pack(self) -> bool:
        return self._pending is not None

    def _swap_in_pending(self, start: int = 0) -> None:
        """The waiting update replaces every language; the patient's language
        stays when the new version still has it."""
        if self.shelf is None or self._pending is None:
            return
        results, self._pending = self._pending, None
        self.shelf.replace(results)
        language = self.pack.language if self.pack is not None else None
        # The patient's language if the update still has it, else its first.
        self.set_content(results.get(language) or next(iter(results.values())), start=start)

    def _show_pack(self, result: LoadResult, start: int | None = None, keep_screen=False) -> None:
        """Put `result` on screen at slide `start` (None: the slide showing).
        `keep_screen`: stay on the overlay that is up (a language switch)."""
        screen = self.current_screen
        self.comfort.stop_reading()
        old_language = self.pack.language if self.pack is not None else None
        self.pack = result.pack
        if self.pack is None:
            self.front_desk.set_clinic(result.clinic, dict(DEFAULT_STRINGS))
            self.stack.setCurrentWidget(self.front_desk)
            self.setWindowTitle(result.clinic.name or DEFAULT_STRINGS["front_desk_title"])
            self.packChanged.emit()
            return
        pack = self.pack
        self.setWindowTitle(pack.deck.title)
        accessible.show_language(self, pack.language)
        self.slides.set_pack(pack)
        # Topics, references and contact take the new pack when next opened
        # (or warmed up): a language switch need not refill all of them.
        self._unfilled = set(self.overlays)
        self._apply_style()
        self.show_comfort_state()
        self.controller.reset(len(pack.slides), self.controller.index if start is None else start)
        self.slides.show_slide()
        if keep_screen and screen is self.topics:
            self.open_topics()
        elif keep_screen and screen is self.references:
            self.open_references(self.references.current_id)
        elif keep_screen and screen is self.contact:
            self.open_contact()
        else:
            self.stack.show_slides(heading=True)
        self.packChanged.emit()
        if old_language is not None and pack.language != old_language:
            self.languageChanged.emit(pack.language)
        if self.warmed_up:
            # A new language or pack after start-up: ready the other screens
            # again while the patient reads, as the first warm-up did.
            self._warm_up.run(warm_up.again_steps(self))

    def reset_for_next_patient(self) -> None:
        """The idle reset: overlays closed, scroll positions back to the top,
        language, text size and contrast back to their defaults, the first
        slide, and any waiting pack swapped in."""
        self.comfort.reset()
        if self.pack is not None and self.pack.language != self.pack.deck.languages[0]:
            self.set_language(self.pack.deck.languages[0])
        for screen in self.overlays:
            screen.scroll.verticalScrollBar().setValue(0)
        self.references.show_reference(None)
        if self._pending is not None:
            self._swap_in_pending()
            return
        if self.controller.index == 0:
            self.slides.show_slide()  # still folds Learn more and scrolls up
        else:
            self.controller.go(0)
        self.back_to_slides(heading=True)

    # --- closing ------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # Alt+F4 or a window manager's close button in kiosk mode.
        if self.locked and not self.allow_close:
            event.ignore()
            return
        self._warm_up.stop()
        self.loading.stop()
        self.comfort.stop_reading()
        super().closeEvent(event)

    # --- screens -------------------------------------------------------
    def showing(self, name: str) -> bool:
        """Is screen `name` ("slides", "topics", "references", "contact") up?"""
        return self.current_screen is getattr(self, name)

    def fill(self, screen: QWidget) -> None:
        """Give an overlay screen the current pack, the first time it opens."""
        if screen not in self._unfilled or self.pack is None:
            return
        # Every overlay's header carries "Need help now?" with the pack's crisis line.
        screen.header.help_now.set_clinic(self.pack.clinic, self.pack.strings)
        if not self.pack.complete and screen is not self.contact:
            # Filled once the pack is complete (pack_completion.py); till then
            # its header, and a line saying the rest is on its way.
            screen.show_waiting(self.pack.strings)
            self._style_screen(screen)
            return
        self._unfilled.discard(screen)
        if screen is self.contact:
            screen.set_clinic(self.pack.clinic, self.pack.strings)
        else:
            refocus = screen.end_waiting()
            screen.set_pack(self.pack)
            if refocus:
                screen.entry_focus().setFocus(Qt.FocusReason.OtherFocusReason)
        self._style_screen(screen)

    def open_topics(self) -> None:
        self.fill(self.topics)
        self.topics.mark_current(self.controller.index)
        self.stack.show_screen(self.topics, _first_focus(self.topics))

    def open_references(self, ref_id: str | None = None) -> None:
        self.fill(self.references)
        self.references.show_reference(ref_id)
        self.stack.show_screen(self.references, _first_focus(self.references))

    def open_contact(self) -> None:
        self.fill(self.contact)
        self.stack.show_screen(self.contact, self.contact.entry_focus())

    def open_help(self) -> None:
        self.open_contact()
        self.contact.show_help_lines()

    def back_to_slides(self, heading: bool = False) -> None:
        if self.pack is not None:
            self.stack.show_slides(heading)

    def jump_from_overlay(self, index: int) -> None:
        self.controller.go(index)
        self.back_to_slides(heading=True)

    def on_slide_changed(self, index: int, direction: int) -> None:
        self.comfort.stop_reading()  # the voice belongs to the slide that was showing
        again = lambda: self.on_slide_changed(index, direction)  # noqa: E731
        if self.loading.defer("slide", again, self.loading.rendered(index)):
            return
        if self._pending is not None:
            # Between two slides nobody is reading: swap the new pack in here.
            self._swap_in_pending(start=index)
            return
        self.slides.show_slide(direction)
        if self.current_screen is self.slides:
            self.slides.focus_heading()  # read out: "3 of 14: What is ketamine?"

    # --- keyboard ------------------------------------------------------
    def _paging_key(self, key: Qt.Key) -> bool:
        if self.current_screen is not self.slides:
            return False
        return deck_keys.page(self.controller, self.slides.body.verticalScrollBar(), key)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key = event.key()
        if self.current_screen is not self.slides and key in deck_keys.BACK_KEYS:
            self.back_to_slides()
        elif not self._paging_key(key):
            super().keyPressEvent(event)

    # --- warm-up after start (app/ui/warm_up.py) ---------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not (self.warmed_up or self._warm_up.running or self.loading.running):
            self.loading.start_after_paint()  # then the warm-up

    def _start_warm_up(self) -> None:
        if not self.warmed_up and self.warm_up_ms is not None:
            self._warm_up.run(warm_up.first_steps(self), self.warm_up_ms)

    def _warmed_up(self) -> None:
        if not self.warmed_up:  # the first warm-up, not a later refresh
            self.warmed_up = True
            self.warmedUp.emit()

    # --- look ----------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._apply_style()

    def _apply_style(self) -> None:
        size = self.size()
        key = (size, self.comfort.text_size, self.comfort.high_contrast)
        if key == self._style_key:
            return  # a new pack in the same window: the look has not changed
        self._style_key = key
        self.metrics = Metrics.for_size(size.width(), size.height(), self.comfort.text_scale)
        self.setStyleSheet(style_sheet(self.theme, self.metrics))
        for screen in (*self.overlays, self.front_desk, self.slides):
            self._style_screen(screen)
        self.show_comfort_state()
        self.styleChanged.emit()

    def _style_screen(self, screen: QWidget) -> None:
        size = self.size()
        screen.apply_style(self.theme, self.metrics, size.height() > size.width())


def _first_focus(screen) -> QWidget:
    """Where the keyboard focus lands on an overlay: its own choice, or the
    waiting line while it waits for the pack (read out by a screen reader)."""
    return screen.waiting if screen.is_waiting else screen.entry_focus()
