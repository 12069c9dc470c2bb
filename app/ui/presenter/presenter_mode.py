"""Staff presenter mode: the audience window shows the slides, the presenter
console shows what comes next and the notes, and the keyboard (or a clicker)
drives both through app.core.presenter_keys.

No attract loop and no idle reset run while presenting. `finished` is
emitted when the presenter ends it; whoever started it decides what follows
(`--present` quits, the kiosk's staff menu resumes the kiosk)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPixmap, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from app.content.strings import word
from app.core import presenter_keys as pk
from app.core.presenter_keys import Command, PresenterKeys, View, format_elapsed
from app.ui.main_window import MainWindow
from app.ui.presenter.blackout import Blackout
from app.ui.presenter.console import PresenterConsole
from app.ui.presenter.key_help import KeyHelp
from app.ui.presenter.slide_preview import SlidePreviews

log = logging.getLogger(__name__)

_NAMED = {
    Qt.Key.Key_Right: "Right",
    Qt.Key.Key_Left: "Left",
    Qt.Key.Key_Up: "Up",
    Qt.Key.Key_Down: "Down",
    Qt.Key.Key_PageUp: "PageUp",
    Qt.Key.Key_PageDown: "PageDown",
    Qt.Key.Key_Space: "Space",
    Qt.Key.Key_Return: "Enter",
    Qt.Key.Key_Enter: "Enter",
    Qt.Key.Key_Backspace: "Backspace",
    Qt.Key.Key_Home: "Home",
    Qt.Key.Key_End: "End",
    Qt.Key.Key_Escape: "Escape",
    Qt.Key.Key_Period: "Period",
    Qt.Key.Key_Question: "Question",
    Qt.Key.Key_F5: "F5",
    Qt.Key.Key_Tab: "Tab",
    Qt.Key.Key_Backtab: "Tab",
}
NAMED_KEYS = {key.value: name for key, name in _NAMED.items()}
# Characters whose Shift is part of the character, not a modifier.
_SHIFTED_CHARACTERS = {"Question", "Period"}


def key_name(event: QKeyEvent) -> str:
    """The name app.core.presenter_keys uses for this key ("" for chords)."""
    modifiers = event.modifiers()
    if modifiers & (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    ):
        return ""  # Ctrl+Alt+Shift+S and friends are not presenter keys
    key = event.key()
    if Qt.Key.Key_A.value <= key <= Qt.Key.Key_Z.value or (
        Qt.Key.Key_0.value <= key <= Qt.Key.Key_9.value
    ):
        return chr(key)
    name = NAMED_KEYS.get(key, "")
    if name and modifiers & Qt.KeyboardModifier.ShiftModifier and name not in _SHIFTED_CHARACTERS:
        name = "Shift+" + name
    return name


SCREEN_NAMES = {"topics": pk.OVERVIEW, "references": pk.REFERENCES, "contact": pk.CONTACT}


class PresenterMode(QObject):
    finished = Signal()

    def __init__(
        self,
        audience: MainWindow,
        audience_screen: QScreen | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(audience)
        self.audience = audience
        self.clock, self.now = clock, now
        self.keys = PresenterKeys()
        self.started_at = clock()
        self.active = False
        self._audience_screen = audience_screen
        self.one_screen = True
        self.console = PresenterConsole()
        self.previews: SlidePreviews | None = None
        self.blackout = Blackout(audience)
        self.audience_help = KeyHelp(audience)
        self.console_help = KeyHelp(self.console)
        self.tick = QTimer(self, interval=1000)
        self.tick.timeout.connect(self.show_times)
        self.render_timer = QTimer(self, singleShot=True, interval=0)
        self.render_timer.timeout.connect(self.render_previews)
        self._pictures: dict[tuple, QPixmap] = {}

        c = self.console
        c.slideChosen.connect(self._jump)
        c.switchRequested.connect(self.switch_view)
        c.blackRequested.connect(lambda: self.apply(Command(pk.BLACK)))
        c.helpRequested.connect(lambda: self.show_help(self.console))
        c.resetTimerRequested.connect(self.reset_timer)
        c.languageRequested.connect(self._next_language)
        c.textSizeRequested.connect(self._next_text_size)
        c.endRequested.connect(self.finish)

    # --- start and end ---------------------------------------------------
    def start(self) -> None:
        audience = self.audience
        self.active = True
        self._place_windows()  # first: the previews are drawn at the final size
        self.previews = SlidePreviews(audience)
        audience.controller.slideChanged.connect(self.refresh)
        audience.stack.currentChanged.connect(self._on_screen_changed)
        audience.packChanged.connect(self.settings_changed)
        audience.styleChanged.connect(self.settings_changed)
        QApplication.instance().installEventFilter(self)
        self.reset_timer()
        self.tick.start()
        self.settings_changed()
        log.info("presenter mode started (%s)", "one screen" if self.one_screen else "two screens")

    def finish(self) -> None:
        """Leave presenter mode: the console closes, the audience window stays."""
        if not self.active:
            return
        self.active = False
        QApplication.instance().removeEventFilter(self)
        self.tick.stop()
        self.render_timer.stop()
        audience = self.audience
        audience.controller.slideChanged.disconnect(self.refresh)
        audience.stack.currentChanged.disconnect(self._on_screen_changed)
        audience.packChanged.disconnect(self.settings_changed)
        audience.styleChanged.disconnect(self.settings_changed)
        for part in (self.blackout, self.audience_help):
            part.hide()
            part.deleteLater()
        self.console.close_on_purpose()
        self.console.deleteLater()
        if self.previews is not None:
            self.previews.close()
            self.previews = None
        audience.back_to_slides()
        log.info("presenter mode ended")
        self.finished.emit()

    def _place_windows(self) -> None:
        """Two screens: the console on the one the audience is not on. One
        screen: the audience view, and S brings the console over it."""
        screens = QGuiApplication.screens()
        self.one_screen = len(screens) < 2
        audience_screen = self._audience_screen
        if audience_screen is None:
            # --present on a laptop and a projector: the slides go to the
            # projector (not the primary screen), the console stays with you.
            primary = QGuiApplication.primaryScreen()
            others = [s for s in screens if s is not primary]
            audience_screen = others[0] if others else primary
        self.console.set_one_screen(self.one_screen)
        _show_full_screen(self.audience, audience_screen)
        if self.one_screen:
            if self.audience.locked:  # the kiosk stays on top: so must the console
                self.console.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
            self.console.setGeometry(audience_screen.geometry())
            self.console.hide()
            self.audience.activateWindow()
        else:
            console_screen = next(s for s in screens if s is not audience_screen)
            _show_full_screen(self.console, console_screen)
            self.console.activateWindow()

    # --- what the console shows -------------------------------------------
    def settings_changed(self) -> None:
        """The audience's pack, language, text size, contrast or size changed:
        the previews and the console follow. (Issue 6's language and text
        size settings live on MainWindow; this is their hook.)"""
        if not self.active or self.previews is None:
            return
        audience = self.audience
        self.previews.sync()
        self._pictures.clear()
        scales = _text_scales()
        text_size = getattr(audience, "text_size", 0)
        scale = scales[text_size] if text_size < len(scales) else 1.0
        self.console.set_pack(audience.pack)
        self.console.apply_style(audience.theme, scale)
        self.console.set_comfort_available(
            hasattr(audience, "next_language")
            and audience.pack is not None
            and len(audience.pack.deck.languages) > 1,
            hasattr(audience, "next_text_size"),
        )
        for overlay in (self.audience_help, self.console_help):
            overlay.set_strings(audience.strings)
        self.audience_help.apply_style(audience.metrics)
        self.console_help.apply_style(self.console.metrics)
        self.refresh()

    def refresh(self, *_args) -> None:
        """The slide changed: both previews, the notes, the list, the number."""
        audience = self.audience
        pack = audience.pack
        if not self.active or pack is None or self.previews is None:
            return
        index = audience.controller.index
        total = len(pack.slides)
        slide = pack.slides[index]
        following = pack.slides[index + 1] if index + 1 < total else None
        self.console.show_slide(index, total, slide.notes, following.title if following else "")
        self.show_status()
        # Pictures after the words: a clicker pressed three times quickly
        # draws one pair of previews, not three.
        self.render_timer.start()

    def _on_screen_changed(self, *_args) -> None:
        if self.active:
            self.show_status()
            self.render_timer.start()

    def render_previews(self) -> None:
        """Draw the slide now showing (or the screen over it) and the next one.
        Pictures are kept until the pack, the settings or the size change,
        so paging back and forth draws nothing twice."""
        audience, previews = self.audience, self.previews
        if not self.active or previews is None or audience.pack is None:
            return
        index = audience.controller.index
        screen = self.screen
        current = self._picture(index, screen)
        has_next = index + 1 < len(audience.pack.slides)
        upcoming = self._picture(index + 1, pk.SLIDES) if has_next else QPixmap()
        self.console.show_pictures(current, upcoming)

    def _picture(self, index: int, screen: str) -> QPixmap:
        reference = self.audience.references.current_id if screen == pk.REFERENCES else None
        key = (index, screen, reference)
        if key not in self._pictures:
            width = max(320, self.console.width() // 2)
            self._pictures[key] = self.previews.slide(index, screen, width)
        return self._pictures[key]

    def show_status(self) -> None:
        s = self.audience.strings
        if self.blackout.colour == pk.BLACK:
            text = word(s, "presenter_audience_black")
        elif self.blackout.colour == pk.WHITE:
            text = word(s, "presenter_audience_white")
        elif self.screen != pk.SLIDES:
            names = {pk.OVERVIEW: "topics", pk.REFERENCES: "references", pk.CONTACT: "contact"}
            text = word(s, "presenter_audience_screen").format(screen=s[names[self.screen]])
        else:
            text = ""
        self.console.show_status(text)
        self.console.show_digits(self.keys.digits)

    def show_times(self) -> None:
        elapsed = format_elapsed(self.clock() - self.started_at)
        self.console.show_times(elapsed, self.now().strftime("%H:%M"))

    def reset_timer(self) -> None:
        self.started_at = self.clock()
        self.show_times()

    # --- keys ------------------------------------------------------------
    @property
    def screen(self) -> str:
        audience = self.audience
        for name, screen in SCREEN_NAMES.items():
            if audience.showing(name):
                return screen
        return pk.SLIDES

    @property
    def view(self) -> View:
        helping = self.audience_help.isVisible() or self.console_help.isVisible()
        return View(self.screen, self.blackout.colour, helping)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.Close):
            return False
        if not isinstance(watched, QWidget):
            return False
        window = watched.window()
        if window is not self.audience and window is not self.console:
            return False
        if kind == QEvent.Type.Close:
            if watched is self.audience:
                # --present: closing the slides ends the show like the console does.
                QTimer.singleShot(0, self.finish)
            return False
        name = key_name(event)
        if kind == QEvent.Type.ShortcutOverride:
            # Keep MainWindow's own arrow shortcuts out of it: the map below decides.
            if name in pk.KEY_MAP or name.isdigit() or (self.view.help or self.view.blank):
                event.accept()
                return True
            return False
        command = self.keys.press(name, self.view) if name else None
        if command is None:
            return False
        self.apply(command, window)
        return True

    def apply(self, command: Command, window: QWidget | None = None) -> None:
        """Carry out one command of the key map."""
        audience, action = self.audience, command.action
        controller = audience.controller
        if action == pk.NEXT:
            controller.next()
        elif action == pk.PREVIOUS:
            controller.previous()
        elif action == pk.FIRST:
            controller.first()
        elif action == pk.LAST:
            controller.last()
        elif action == pk.GO:
            self._jump(command.slide or 0)
        elif action == pk.OVERVIEW:
            audience.open_topics()
        elif action == pk.REFERENCES:
            audience.open_references(None)
        elif action == pk.CONTACT:
            audience.open_contact()
        elif action == pk.BACK:
            audience.back_to_slides()
        elif action in (pk.BLACK, pk.WHITE):
            self.blackout.cover(action)
        elif action == pk.UNBLANK:
            self.blackout.uncover()
        elif action == pk.HELP:
            self.show_help(window or audience)
        elif action == pk.CLOSE_HELP:
            self.audience_help.hide()
            self.console_help.hide()
        elif action == pk.FULLSCREEN:
            if audience.isFullScreen():
                audience.showNormal()
            else:
                audience.showFullScreen()
        elif action in (pk.START, pk.RESUME):
            self.blackout.uncover()
            self.audience_help.hide()
            self.console_help.hide()
            audience.back_to_slides()
            if action == pk.START:
                controller.first()
            if self.one_screen and self.console.isVisible():
                self.switch_view()
        elif action == pk.SWITCH_VIEW:
            self.switch_view()
        self.show_status()

    def _jump(self, index: int) -> None:
        self.audience.controller.go(index)
        self.audience.back_to_slides()

    def show_help(self, window: QWidget) -> None:
        overlay = self.console_help if window is self.console else self.audience_help
        overlay.open()

    def switch_view(self) -> None:
        """One screen: the console over the slides, or the slides alone."""
        if not self.one_screen:
            self.console.activateWindow()
            return
        if self.console.isVisible():
            self.console.hide()
            self.audience.activateWindow()
        else:
            # Shown again, the console is the top window; hidden, the slides are.
            self.console.showFullScreen()
            self.console.activateWindow()
            self._pictures.clear()  # sized now: the previews fit
            self.refresh()

    # --- comfort settings (issue 6), through MainWindow's public methods ---
    def _next_language(self) -> None:
        if hasattr(self.audience, "next_language"):
            self.audience.next_language()

    def _next_text_size(self) -> None:
        if hasattr(self.audience, "next_text_size"):
            self.audience.next_text_size()


def _show_full_screen(window: QWidget, screen: QScreen) -> None:
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()
    handle = window.windowHandle()
    if handle is not None and handle.screen() is not screen:
        handle.setScreen(screen)


def _text_scales() -> tuple[float, ...]:
    from app.ui import theme

    return getattr(theme, "TEXT_SCALES", (1.0,))
