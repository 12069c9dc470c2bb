"""Staff presenter mode: the audience window shows the slides, the presenter
console shows what comes next and the notes, and the keyboard (or a clicker)
drives both through app.core.presenter_keys.

The parts: window_placement puts the windows on one or two screens,
key_names names a Qt key for the key map, console_feed fills the console,
and PresenterMode below carries out each command (see `handlers`).

No attract loop and no idle reset run while presenting. `finished` is
emitted when the presenter ends it; whoever started it decides what follows
(`--present` quits, the kiosk's staff menu resumes the kiosk)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QWidget

from app.core.presenter_keys import KEY_MAP, Action, Blank, Command, PresenterKeys, View
from app.ui.main_window import MainWindow
from app.ui.presenter.audience_view import AudienceView
from app.ui.presenter.blackout import Blackout
from app.ui.presenter.console import PresenterConsole
from app.ui.presenter.console_feed import ConsoleFeed
from app.ui.presenter.key_help import KeyHelp
from app.ui.presenter.key_names import key_name
from app.ui.presenter.slide_preview import showing_screen
from app.ui.presenter.window_placement import place_windows

log = logging.getLogger(__name__)

# What the event filter looks at: keys, and a window closing.
_WATCHED = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.Close)


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
        self.audience_screen = audience_screen  # None: --present picks the projector
        self.keys = PresenterKeys()
        self.active = False
        self.one_screen = True
        self.console = PresenterConsole()
        self.feed = ConsoleFeed(audience, self.console, clock, now, parent=self)
        self.blackout = Blackout(audience)
        self.audience_view = AudienceView(audience.slides)  # the slide alone on the projector
        self.audience_help = KeyHelp(audience)
        self.console_help = KeyHelp(self.console)

        c = self.console
        c.slideChosen.connect(self.jump)
        c.switchRequested.connect(self.switch_view)
        c.blackRequested.connect(lambda: self.apply(Command(Action.BLACK)))
        c.helpRequested.connect(lambda: self.show_help(self.console))
        c.resetTimerRequested.connect(self.feed.reset_timer)
        c.languageRequested.connect(audience.next_language)
        c.textSizeRequested.connect(audience.comfort.next_text_size)
        c.endRequested.connect(self.finish)

    # --- start and end ---------------------------------------------------
    def start(self) -> None:
        audience = self.audience
        self.active = True
        self.audience_view.start()
        # First: the previews are drawn at the audience window's final size.
        self.one_screen = place_windows(audience, self.console, self.audience_screen)
        self.feed.start()
        audience.controller.slideChanged.connect(self.feed.refresh)
        audience.stack.currentChanged.connect(self._on_screen_changed)
        audience.packChanged.connect(self.settings_changed)
        audience.styleChanged.connect(self.settings_changed)
        QApplication.instance().installEventFilter(self)
        self.settings_changed()
        log.info("presenter mode started (%s)", "one screen" if self.one_screen else "two screens")

    def finish(self) -> None:
        """Leave presenter mode: the console closes, the audience window stays."""
        if not self.active:  # the End button and the closing window both ask
            return
        self.active = False
        QApplication.instance().removeEventFilter(self)
        audience = self.audience
        audience.controller.slideChanged.disconnect(self.feed.refresh)
        audience.stack.currentChanged.disconnect(self._on_screen_changed)
        audience.packChanged.disconnect(self.settings_changed)
        audience.styleChanged.disconnect(self.settings_changed)
        self.feed.stop()
        for part in (self.blackout, self.audience_help):
            part.hide()
            part.deleteLater()
        self.console.close_on_purpose()
        self.console.deleteLater()
        self.audience_view.stop()  # the kiosk's controls back
        audience.back_to_slides()
        log.info("presenter mode ended")
        self.finished.emit()

    # --- following the audience window -------------------------------------
    def settings_changed(self) -> None:
        """The audience's pack, language, text size, contrast or size changed:
        the console, the previews and both key maps follow."""
        audience = self.audience
        self.feed.follow_settings()
        for overlay in (self.audience_help, self.console_help):
            overlay.set_strings(audience.strings)
        self.audience_help.apply_style(audience.metrics)
        self.console_help.apply_style(self.console.metrics)
        self.show_status()

    def _on_screen_changed(self, *_args) -> None:
        self.show_status()
        self.feed.render_later()

    def show_status(self) -> None:
        self.feed.show_status(self.view, self.keys.digits)

    @property
    def view(self) -> View:
        """What the audience window shows, as the key map needs to know it."""
        helping = self.audience_help.isVisible() or self.console_help.isVisible()
        return View(showing_screen(self.audience), self.blackout.colour, helping)

    # --- keys ------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        # The application's filter also sees QWindows and other objects.
        if kind not in _WATCHED or not isinstance(watched, QWidget):
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
        if name in ("Space", "Enter") and watched in self.console.buttons:
            return False  # a console button reached with Tab: the key presses it
        if kind == QEvent.Type.ShortcutOverride:
            # Keep MainWindow's own arrow shortcuts out of it: the key map decides.
            view = self.view
            if name in KEY_MAP or name.isdigit() or view.help or view.blank is not None:
                event.accept()
                return True
            return False
        command = self.keys.press(name, self.view) if name else None
        if command is None:
            return False
        self.apply(command, window)
        return True

    def apply(self, command: Command, window: QWidget | None = None) -> None:
        """Carry out one command of the key map; `window` is the one the key
        was typed in (the audience window when None)."""
        self.handlers(command, window or self.audience)[command.action]()
        self.show_status()

    def handlers(self, command: Command, window: QWidget) -> dict[Action, Callable[[], None]]:
        """What each action does. GO goes to `command.slide`; HELP opens the
        key map on `window`."""
        audience, controller = self.audience, self.audience.controller
        return {
            Action.NEXT: controller.next,
            Action.PREVIOUS: controller.previous,
            Action.FIRST: controller.first,
            Action.LAST: controller.last,
            Action.GO: lambda: self.jump(command.slide),
            Action.OVERVIEW: audience.open_topics,
            Action.REFERENCES: audience.open_references,
            Action.CONTACT: audience.open_contact,
            Action.BACK: audience.back_to_slides,
            Action.BLACK: lambda: self.blackout.cover(Blank.BLACK),
            Action.WHITE: lambda: self.blackout.cover(Blank.WHITE),
            Action.UNBLANK: self.blackout.uncover,
            Action.HELP: lambda: self.show_help(window),
            Action.CLOSE_HELP: self.close_help,
            Action.FULLSCREEN: self.toggle_full_screen,
            Action.START: self.start_over,
            Action.RESUME: self.resume,
            Action.SWITCH_VIEW: self.switch_view,
            Action.DIGITS: self.show_status,  # the typed number changed
        }

    # --- what the commands do --------------------------------------------
    def jump(self, index: int) -> None:
        self.audience.controller.go(index)
        self.audience.back_to_slides()

    def show_help(self, window: QWidget) -> None:
        overlay = self.console_help if window is self.console else self.audience_help
        overlay.open()

    def close_help(self) -> None:
        self.audience_help.hide()
        self.console_help.hide()

    def toggle_full_screen(self) -> None:
        if self.audience.isFullScreen():
            self.audience.showNormal()
        else:
            self.audience.showFullScreen()

    def start_over(self) -> None:
        """F5: the first slide, nothing over it."""
        self.resume()
        self.audience.controller.first()

    def resume(self) -> None:
        """Shift+F5: this slide, nothing over it, the slides in view."""
        self.blackout.uncover()
        self.close_help()
        self.audience.back_to_slides()
        if self.one_screen and self.console.isVisible():
            self.switch_view()

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
            self.feed.forget_pictures()  # sized now: the previews fit
            self.feed.refresh()
