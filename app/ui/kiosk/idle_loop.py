"""The attract loop and the idle reset on screen: app.core.kiosk_policy's
rules driven by Qt timers, with the welcome screen (welcome_screen.py) and
the 'Still reading?' prompt.

While the loop runs the welcome screen covers the window and shows a
glimpse of the slide the loop is on; the slides turn beneath it as before
(the usage counts' proof of play follows them). The first touch or key
opens the first slide: "start" means the start.

One single-shot timer is armed for the next moment something is due (the
policy says when), so nothing ticks while the screen is still. The only
repeating timer is the 'Still reading?' countdown, which changes every
second on screen anyway."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.core.kiosk_policy import KioskAction, KioskPolicy, KioskState
from app.core.reading_pace import attract_seconds_for
from app.ui.kiosk.idle_prompt import IdlePrompt
from app.ui.kiosk.welcome_screen import WelcomeScreen
from app.ui.main_window import MainWindow


class IdleLoop(QObject):
    resetting = Signal()  # the warning ran out: close what the last patient left open

    def __init__(
        self, window: MainWindow, clock: Callable[[], float], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.clock = clock
        # No pack (front desk screen): no attract loop until one arrives.
        self.policy: KioskPolicy | None = None
        self._suspended = False  # presenter mode: nothing is armed, nothing shows
        self._closed = False  # closed hours (closed_hours.py): no attract loop
        self.due_timer = QTimer(self, singleShot=True)
        self.due_timer.timeout.connect(self._on_due)
        self.countdown_timer = QTimer(self, interval=1000)
        self.countdown_timer.timeout.connect(self._show_countdown)
        self.welcome = WelcomeScreen(window)
        self.welcome.pauseToggled.connect(self._on_pause)
        window.controller.slideChanged.connect(self._show_glimpse)
        self.prompt = IdlePrompt(window)
        self.prompt.keepReading.connect(self._keep_reading)
        window.styleChanged.connect(self._apply_style)
        window.packChanged.connect(self._on_pack_changed)
        window.controller.slideChanged.connect(self._time_slide)
        self._apply_style()
        self._on_pack_changed()

    def input(self) -> bool:
        """A touch, click or key. True: swallow it (it only ended the attract loop)."""
        if self.policy is None or self._suspended or self._closed:
            return False  # closed: the closed screen answers the touch
        was = self.policy.state
        swallow = self.policy.input()
        if was == KioskState.ATTRACT:
            self._start_reading()
        if was == KioskState.WARNING:
            self.prompt.hide()
            self.countdown_timer.stop()
        self._schedule()
        return swallow

    def is_pause_control(self, widget: QWidget) -> bool:
        """Pausing the loop is not "starting": that press must not end it."""
        return widget is self.welcome.pause_button

    def suspend(self) -> None:
        self._suspended = True
        self.due_timer.stop()
        self.countdown_timer.stop()
        self.welcome.hide()
        self.prompt.hide()

    def set_closed(self, closed: bool) -> None:
        """Closed hours: the attract loop and its welcome screen stop while the
        closed screen is up; open again, the loop starts from here."""
        self._closed = closed
        if closed:
            self.due_timer.stop()
            self.welcome.hide()
        elif self.policy is not None and self.policy.state == KioskState.ATTRACT:
            self._enter_attract()

    def resume(self) -> None:
        """Reading on from this slide: the idle timer starts afresh."""
        self._suspended = False
        if self.policy is not None:
            self.input()

    # --- the pack's words, timings and look ----------------------------------
    def _on_pack_changed(self) -> None:
        """A swapped-in pack brings its own words and timings."""
        strings = self.window.strings
        pack = self.window.pack
        self.welcome.set_pack(pack, strings)
        self.welcome.show_slide(self.window.slides.slide)
        self.prompt.set_strings(strings)
        if pack is None:
            return
        if self.policy is None:
            self.policy = KioskPolicy(pack.deck.kiosk, self.clock)
            self._time_slide()
            self._enter_attract()
        else:
            self.policy.set_timings(pack.deck.kiosk)
            self._time_slide()
            self._schedule()

    def _time_slide(self) -> None:
        """The attract loop keeps each slide up as long as its words take a
        slow reader (app.core.reading_pace), never less than attract_seconds."""
        slide, pack = self.window.slides.slide, self.window.pack
        if self.policy is None or slide is None or pack is None:
            return
        words = f"{slide.title}\n{slide.body_text}"
        self.policy.set_slide_seconds(attract_seconds_for(words, pack.deck.kiosk.attract_seconds))

    def _apply_style(self) -> None:
        self.welcome.apply_style(self.window.theme, self.window.metrics)
        self.prompt.apply_style(self.window.metrics)

    # --- the loop ------------------------------------------------------------
    def _enter_attract(self) -> None:
        if self._suspended or self._closed:
            return  # resume() or set_closed(False) carries on from the policy's state
        self.welcome.set_paused(self.policy.paused)
        self.welcome.show_slide(self.window.slides.slide)
        self.welcome.open()
        self._schedule()

    def _show_glimpse(self) -> None:
        if self.welcome.isVisible():
            self.welcome.show_slide(self.window.slides.slide)

    def _start_reading(self) -> None:
        """The loop ends: the welcome screen goes and the first slide shows,
        the focus on its heading."""
        self.welcome.hide()
        window = self.window
        if window.pack is None:
            return
        if window.controller.index != 0:
            window.controller.go(0)
        elif window.current_screen is window.slides:
            window.slides.focus_heading()

    def _schedule(self) -> None:
        due = self.policy.seconds_until_due() if self.policy else None
        if due is None or self._suspended or self._closed:
            self.due_timer.stop()
        else:
            self.due_timer.start(max(0, math.ceil(due * 1000)))

    def _on_due(self) -> None:
        for action in self.policy.poll():
            if action == KioskAction.ADVANCE:
                self.window.controller.advance_wrapping()
            elif action == KioskAction.WARN:
                self.prompt.open()
                self._show_countdown()
                self.countdown_timer.start()
            elif action == KioskAction.RESET:
                self._reset()
        self._schedule()

    def _show_countdown(self) -> None:
        if self.policy.state != KioskState.WARNING:
            self.countdown_timer.stop()
            return
        self.prompt.show_seconds(self.policy.warning_seconds_left())

    def _keep_reading(self) -> None:
        self.policy.keep_reading()
        self.prompt.hide()
        self.countdown_timer.stop()
        self._schedule()

    def _reset(self) -> None:
        """Ready for the next patient: nothing of the last one stays on screen."""
        self.countdown_timer.stop()
        self.prompt.hide()
        self.resetting.emit()
        # A language switched back or a waiting pack swapped in arrives
        # through packChanged, with its words.
        self.window.reset_for_next_patient()
        self._enter_attract()

    def _on_pause(self, paused: bool) -> None:
        if paused:
            self.policy.pause()
        else:
            self.policy.resume()
        self._schedule()
