"""The kiosk window: a stack of screens (slides, topics, references,
contact, front desk) and the keyboard map. It draws and forwards; the rules
live in app.core through the controller."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from app.content.loader import load_pack
from app.content.model import LoadResult, Pack
from app.content.strings import DEFAULT_STRINGS
from app.ui.controller import DeckController
from app.ui.screens.slide_screen import SlideScreen
from app.ui.theme import CALM, HIGH_CONTRAST, TEXT_SCALES, Metrics, Theme, style_sheet

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from app.ui.read_aloud import ReadAloud
    from app.ui.screens.contact_screen import ContactScreen
    from app.ui.screens.front_desk_screen import FrontDeskScreen
    from app.ui.screens.reference_screen import ReferenceScreen
    from app.ui.screens.topics_screen import TopicsScreen

log = logging.getLogger(__name__)

# Only the slide screen is built before the first slide is painted. This
# long after that, the rest of the app (topics, references, contact, the QR
# codes, the speech engine) is built in small steps while nobody is waiting,
# so a patient's first tap on any button is as quick as every later one.
WARM_UP_MS = 300

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp}
# Keys that page through the deck even while a button has keyboard focus (a
# focused QPushButton would otherwise eat the arrows). Space stays with the
# focused button, which it presses, as keyboard users expect.
SHORTCUT_KEYS = (
    Qt.Key.Key_Right,
    Qt.Key.Key_Left,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Down,
    Qt.Key.Key_Up,
)


class MainWindow(QMainWindow):
    styleChanged = Signal()  # sizes or theme changed: overlays restyle themselves
    packChanged = Signal()  # a (new) pack, or none, is now on screen
    languageChanged = Signal(str)
    warmedUp = Signal()  # every screen built and filled after start-up

    # Read aloud engine: None picks the first real one; tests set "mock".
    speech_engine: str | None = None
    # Milliseconds after the window is first shown; None: never (some tests).
    warm_up_ms: int | None = WARM_UP_MS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content_dir: Path | None = None
        self.language: str | None = None
        self.theme: Theme = CALM
        self.metrics = Metrics(1.0)
        self.pack: Pack | None = None
        self.controller = DeckController(0, self)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)

        self.slides = SlideScreen()
        self.stack.addWidget(self.slides)
        # The other screens are built on first use (see the properties below).
        self._topics: TopicsScreen | None = None
        self._references: ReferenceScreen | None = None
        self._contact: ContactScreen | None = None
        self._front_desk: FrontDeskScreen | None = None
        self._warm_up_started = False
        self.warmed_up = False

        c = self.controller
        c.slideChanged.connect(self._on_slide_changed)
        self.slides.nextRequested.connect(c.next)
        self.slides.previousRequested.connect(c.previous)
        self.slides.swiped.connect(c.step)
        self.slides.topicsRequested.connect(self.open_topics)
        self.slides.referencesRequested.connect(lambda: self.open_references(None))
        self.slides.contactRequested.connect(self.open_contact)
        self.slides.citationClicked.connect(self.open_references)
        self.locked = False  # kiosk mode: closing is refused (see lock_down)
        self.allow_close = False  # set by the staff menu's Exit
        self._pending: LoadResult | None = None  # a clean new pack waiting to be shown
        self._unfilled: set[QWidget] = set()  # overlay screens still showing an older pack
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slides.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The paging shortcuts come once the slide is painted; until then the
        # slide screen has the focus and keyPressEvent pages the deck.
        self.slides.firstPainted.connect(self._add_shortcuts)
        self._style_key = None
        # The patient's comfort settings; the idle reset puts them back.
        self.text_size = 0  # index into TEXT_SCALES
        self.high_contrast = False
        self._reader: ReadAloud | None = None
        self._connect_comfort(self.slides.comfort)

    def _add_shortcuts(self) -> None:
        # After the first paint: PySide sets up QShortcut and QKeySequence
        # (with their enums) on first use, which start-up need not wait for.
        from PySide6.QtGui import QKeySequence, QShortcut

        for key in SHORTCUT_KEYS:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda key=key: self._navigation_key(key))

    def _connect_comfort(self, bar) -> None:
        bar.languageRequested.connect(self.next_language)
        bar.textSizeRequested.connect(self.next_text_size)
        bar.contrastRequested.connect(self.toggle_contrast)
        bar.readAloudRequested.connect(self.toggle_read_aloud)

    # --- screens built on first use ------------------------------------
    @property
    def topics(self) -> TopicsScreen:
        if self._topics is None:
            from app.ui.screens.topics_screen import TopicsScreen

            self._topics = TopicsScreen()
            self._topics.slideChosen.connect(self._jump_from_overlay)
            self._add_overlay(self._topics)
        return self._topics

    @property
    def references(self) -> ReferenceScreen:
        if self._references is None:
            from app.ui.screens.reference_screen import ReferenceScreen

            self._references = ReferenceScreen()
            self._references.slideChosen.connect(self._jump_from_overlay)
            self._add_overlay(self._references)
        return self._references

    @property
    def contact(self) -> ContactScreen:
        if self._contact is None:
            from app.ui.screens.contact_screen import ContactScreen

            self._contact = ContactScreen()
            self._add_overlay(self._contact)
        return self._contact

    @property
    def front_desk(self) -> FrontDeskScreen:
        if self._front_desk is None:
            from app.ui.screens.front_desk_screen import FrontDeskScreen

            self._front_desk = FrontDeskScreen()
            self.stack.addWidget(self._front_desk)
            if self._style_key is not None:
                self._style_screen(self._front_desk)
        return self._front_desk

    def _add_overlay(self, screen) -> None:
        """A newly built topics, references or contact screen joins the stack,
        takes the current look, and is filled with the pack when it opens."""
        self.stack.addWidget(screen)
        screen.backRequested.connect(self.back_to_slides)
        self._connect_comfort(screen.header.comfort)
        self._unfilled.add(screen)
        if self._style_key is not None:
            self._style_screen(screen)
        self._show_comfort_state()

    @property
    def overlays(self) -> tuple:
        """The topics, references and contact screens built so far."""
        built = (self._topics, self._references, self._contact)
        return tuple(screen for screen in built if screen is not None)

    def showing(self, name: str) -> bool:
        """Is screen `name` ("slides", "topics", "references", "contact") up?
        Asking builds nothing."""
        screen = self.slides if name == "slides" else getattr(self, f"_{name}")
        return screen is not None and self.stack.currentWidget() is screen

    @property
    def comfort_bars(self):
        return (self.slides.comfort, *(screen.header.comfort for screen in self.overlays))

    # --- comfort settings ------------------------------------------------
    def next_language(self) -> None:
        """The next language of the pack, on the same slide and screen."""
        if self.pack is None or self.content_dir is None:
            return
        languages = self.pack.deck.languages
        following = languages[(languages.index(self.pack.language) + 1) % len(languages)]
        self.set_language(following)

    def set_language(self, language: str) -> None:
        if self.pack is None or self.content_dir is None or language == self.pack.language:
            return
        result = load_pack(self.content_dir, language)
        if result.pack is None:
            log.error("cannot show language %s; staying in %s", language, self.pack.language)
            return
        screen = self.current_screen
        self.stop_reading()
        self.language = language
        self.set_content(result, start=self.controller.index)
        if screen is self._topics:
            self.open_topics()
        elif screen is self._references:
            self.open_references(self._references.current_id)
        elif screen is self._contact:
            self.open_contact()
        self.languageChanged.emit(language)

    def next_text_size(self) -> None:
        self.set_text_size((self.text_size + 1) % len(TEXT_SCALES))

    def set_text_size(self, index: int) -> None:
        """0 normal, 1 large, 2 largest."""
        self.text_size = index
        self._apply_style()

    def toggle_contrast(self) -> None:
        self.high_contrast = not self.high_contrast
        self.theme = HIGH_CONTRAST if self.high_contrast else CALM
        self._apply_style()

    @property
    def reader(self) -> ReadAloud:
        if self._reader is None:
            from app.ui.read_aloud import ReadAloud

            self._reader = ReadAloud(self.speech_engine, self)
            self._reader.speakingChanged.connect(lambda _: self._show_comfort_state())
        return self._reader

    def toggle_read_aloud(self) -> None:
        if self.reader.speaking:
            self.stop_reading()
        elif self.pack is not None:
            self.reader.say(self.slides.spoken_text(), self.pack.language)

    def stop_reading(self) -> None:
        if self._reader is not None:
            self._reader.stop()

    def reset_comfort(self) -> None:
        """Back to the pack's first language, normal text and the calm theme."""
        self.stop_reading()
        if self.pack is not None and self.pack.language != self.pack.deck.languages[0]:
            self.set_language(self.pack.deck.languages[0])
        if self.text_size or self.high_contrast:
            self.text_size, self.high_contrast, self.theme = 0, False, CALM
            self._apply_style()

    def _show_comfort_state(self) -> None:
        if self.pack is None:
            return
        pack = self.pack
        languages = pack.deck.languages
        following = None
        if len(languages) > 1:
            code = languages[(languages.index(pack.language) + 1) % len(languages)]
            following = pack.language_names.get(code, code)
        reading = self._reader is not None and self._reader.speaking
        # Only a real engine and a voice for this language show Listen.
        can_read = self._reader is not None and self._reader.can_read(pack.language)
        for bar in self.comfort_bars:
            bar.show_state(
                pack.strings, following, self.text_size, self.high_contrast, reading, can_read
            )

    # --- content -------------------------------------------------------
    def load(
        self, content_dir: Path, language: str | None = None, loaded: LoadResult | None = None
    ) -> LoadResult:
        """Load and show a pack folder; remembered for reloads. `loaded`: the
        folder already loaded (start-up does that before importing Qt)."""
        self.content_dir, self.language = content_dir, language
        result = loaded if loaded is not None else load_pack(content_dir, language)
        self.set_content(result)
        return result

    def reload_content(self) -> LoadResult | None:
        """Staff asked for it: swap in the pack on disk now, if it loads cleanly."""
        if self.content_dir is None:
            return None
        from app.content.loader import load_pack  # straight from disk, as staff asked

        result = load_pack(self.content_dir, self.language)
        errors = [p for p in result.problems if p.is_error]
        if result.pack is not None and not errors:
            self.set_content(result, start=self.controller.index)
        else:
            for problem in errors:
                log.error("reload refused, keeping the pack on screen: %s", problem)
        return result

    @property
    def strings(self) -> dict[str, str]:
        return self.pack.strings if self.pack is not None else dict(DEFAULT_STRINGS)

    def set_content(self, result: LoadResult, start: int = 0) -> None:
        """Show a loaded pack from slide `start` (or the front desk screen)."""
        self._pending = None
        for problem in result.problems:
            log.log(logging.ERROR if problem.is_error else logging.WARNING, "%s", problem)
        self.pack = result.pack
        if self.pack is None:
            self.front_desk.set_clinic(result.clinic, dict(DEFAULT_STRINGS))
            self.stack.setCurrentWidget(self.front_desk)
            self.setWindowTitle(result.clinic.name or DEFAULT_STRINGS["front_desk_title"])
            self.packChanged.emit()
            return
        pack = self.pack
        self.setWindowTitle(pack.deck.title)
        self.slides.set_pack(pack)
        # Topics, references and contact take the new pack when next opened
        # (or warmed up): a language switch need not rebuild all of them.
        self._unfilled = set(self.overlays)
        self._apply_style()
        self._show_comfort_state()
        self.controller.reset(len(pack.slides), start)
        self.stack.setCurrentWidget(self.slides)
        self.slides.setFocus()  # keys page the deck from the start
        self.packChanged.emit()
        if self.warmed_up:
            # A new language or pack after start-up: ready the other screens
            # again while the patient reads, as the first warm-up did.
            QTimer.singleShot(0, self, self._warm_up_again)

    def offer_pack(self, result: LoadResult) -> None:
        """A changed pack that loaded cleanly. It is shown at the next slide
        change or idle reset, never under a patient's finger; straight away
        only when the front desk screen is up (there is nothing to read)."""
        if self.pack is None:
            self.set_content(result)
        else:
            self._pending = result

    @property
    def has_pending_pack(self) -> bool:
        return self._pending is not None

    def reset_for_next_patient(self) -> None:
        """The idle reset: overlays closed, scroll positions back to the top,
        language, text size and contrast back to their defaults, the first
        slide, and any waiting pack swapped in."""
        self.reset_comfort()
        for screen in self.overlays:
            screen.scroll.verticalScrollBar().setValue(0)
        if self._references is not None:
            self._references.show_reference(None)
        if self._pending is not None:
            result, self._pending = self._pending, None
            self.set_content(result)
            return
        self.back_to_slides()
        if self.controller.index == 0:
            self.slides.show_slide(0)  # still resets Learn more and the scroll
        else:
            self.controller.go(0)

    # --- kiosk lock-down -----------------------------------------------
    def lock_down(self) -> None:
        """Full screen, frameless, on top; closing is refused until staff exit."""
        self.locked = True
        self.setWindowFlags(
            self.windowFlags()
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # Alt+F4 or a window manager's close button in kiosk mode.
        if self.locked and not self.allow_close:
            event.ignore()
            return
        super().closeEvent(event)

    # --- screens -------------------------------------------------------
    @property
    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    def _fill(self, screen: QWidget) -> None:
        """Give an overlay screen the current pack, the first time it opens."""
        if screen not in self._unfilled or self.pack is None:
            return
        self._unfilled.discard(screen)
        pack = self.pack
        if screen is self._contact:
            screen.set_clinic(pack.clinic, pack.strings)
        else:
            screen.set_pack(pack)
        self._style_screen(screen)

    def open_topics(self) -> None:
        self._fill(self.topics)
        self.topics.mark_current(self.controller.index)
        self.stack.setCurrentWidget(self.topics)

    def open_references(self, ref_id: str | None = None) -> None:
        self._fill(self.references)
        self.references.show_reference(ref_id)
        self.stack.setCurrentWidget(self.references)

    def open_contact(self) -> None:
        self._fill(self.contact)
        self.stack.setCurrentWidget(self.contact)

    def back_to_slides(self) -> None:
        if self.pack is not None:
            self.stack.setCurrentWidget(self.slides)
            self.slides.setFocus()

    def _jump_from_overlay(self, index: int) -> None:
        self.controller.go(index)
        self.back_to_slides()

    def _on_slide_changed(self, index: int, direction: int) -> None:
        self.stop_reading()  # the voice belongs to the slide that was showing
        if self._pending is not None:
            # Between two slides nobody is reading: swap the new pack in here.
            result, self._pending = self._pending, None
            self.set_content(result, start=index)
            return
        self.slides.show_slide(index, direction)

    # --- keyboard ------------------------------------------------------
    def _navigation_key(self, key: Qt.Key) -> bool:
        """Act on a paging key; False when it means nothing here."""
        if self.current_screen is not self.slides:
            return False
        c = self.controller
        if key in NEXT_KEYS:
            c.next()
        elif key in PREVIOUS_KEYS:
            c.previous()
        elif key == Qt.Key.Key_Home:
            c.first()
        elif key == Qt.Key.Key_End:
            c.last()
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            # Up and Down scroll long text first, then change the slide.
            bar = self.slides.body.verticalScrollBar()
            down = key == Qt.Key.Key_Down
            if down and bar.value() < bar.maximum():
                bar.setValue(bar.value() + bar.pageStep() // 2)
            elif not down and bar.value() > bar.minimum():
                bar.setValue(bar.value() - bar.pageStep() // 2)
            elif down:
                c.next()
            else:
                c.previous()
        else:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key = event.key()
        if self.current_screen is not self.slides and key in (
            Qt.Key.Key_Escape,
            Qt.Key.Key_Back,
            Qt.Key.Key_Backspace,
        ):
            self.back_to_slides()
        elif not self._navigation_key(key):
            super().keyPressEvent(event)

    # --- look ----------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._apply_style()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._warm_up_started and self.warm_up_ms is not None:
            self._warm_up_started = True
            QTimer.singleShot(self.warm_up_ms, self, self._warm_up)

    # --- warm-up after start -------------------------------------------
    def _warm_up(self) -> None:
        """Build what the first slide did not need, one step per turn of the
        event loop so a tap in between is handled at once."""
        steps = [
            lambda: self._prepare(self.topics),
            lambda: self._prepare(self.references),
            lambda: self._prepare(self.contact),
            *self.slides.preparation_steps(),  # one per slide
            self._find_voices,  # loads QtTextToSpeech and its engine
        ]
        # The pack's other languages, loaded once into the on-disk pack cache:
        # a patient's first tap on the language button then skips Markdown.
        if self.pack is not None and self.content_dir is not None:
            content, shown = self.content_dir, self.pack.language
            for language in self.pack.deck.languages:
                if language != shown:
                    steps.append(partial(load_pack, content, language))
        self._run_steps(steps, self._warmed_up)

    def _warmed_up(self) -> None:
        self.warmed_up = True
        self.warmedUp.emit()

    def _warm_up_again(self) -> None:
        """After a pack change: refill the overlays and lay out the new slides."""
        steps = [partial(self._prepare, screen) for screen in self.overlays]
        self._run_steps([*steps, *self.slides.preparation_steps()])

    def _run_steps(self, steps: list, finished=None) -> None:
        if not steps:
            if finished is not None:
                finished()
            return
        try:
            steps[0]()
        except Exception:  # a warm-up step only saves time later; never fatal
            log.exception("warm-up step failed; it will happen on first use instead")
        QTimer.singleShot(0, self, lambda: self._run_steps(steps[1:], finished))

    def _prepare(self, screen: QWidget) -> None:
        from app.ui.widgets.qr_code import QrCode

        self._fill(screen)
        for code in screen.findChildren(QrCode):
            code.encode()  # now, not while the screen slides in
        screen.grab()  # painted once off screen: its words' glyphs are ready

    def _find_voices(self) -> None:
        self.reader  # noqa: B018 (creates the reader)
        self._show_comfort_state()

    def _apply_style(self) -> None:
        size = self.size()
        key = (size, self.text_size, self.theme)
        if key == self._style_key:
            return  # a new pack in the same window: the look has not changed
        self._style_key = key
        metrics = self.metrics = Metrics.for_size(
            size.width(), size.height(), TEXT_SCALES[self.text_size]
        )
        self.setStyleSheet(style_sheet(self.theme, metrics))
        for screen in (*self.overlays, self._front_desk, self.slides):
            if screen is not None:
                self._style_screen(screen)
        self._show_comfort_state()
        self.styleChanged.emit()

    def _style_screen(self, screen: QWidget) -> None:
        size = self.size()
        screen.apply_style(self.theme, self.metrics, size.height() > size.width())
