"""The attract loop and the idle reset on screen: app.core.kiosk_policy's
rules driven by Qt timers, with the 'Touch the screen to start' banner and
the 'Still reading?' prompt.

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
from app.ui.kiosk.attract_banner import AttractBanner
from app.ui.kiosk.idle_prompt import IdlePrompt
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
        self.banner = AttractBanner(window)
        self.banner.pauseToggled.connect(self._on_pause)
        self.prompt = IdlePrompt(window)
        self.prompt.keepReading.connect(self._keep_reading)
        window.styleChanged.connect(self._apply_style)
        window.packChanged.connect(self._on_pack_changed)
        self._apply_style()
        self._on_pack_changed()

    def input(self) -> bool:
        """A touch, click or key. True: swallow it (it only ended the attract loop)."""
        if self.policy is None or self._suspended or self._closed:
            return False  # closed: the closed screen answers the touch
        was = self.policy.state
        swallow = self.policy.input()
        if was == KioskState.ATTRACT:
            self.banner.hide()
        if was == KioskState.WARNING:
            self.prompt.hide()
            self.countdown_timer.stop()
        self._schedule()
        return swallow

    def is_pause_control(self, widget: QWidget) -> bool:
        """Pausing the loop is not "starting": that press must not end it."""
        return widget is self.banner.pause_button

    def suspend(self) -> None:
        self._suspended = True
        self.due_timer.stop()
        self.countdown_timer.stop()
        self.banner.hide()
        self.prompt.hide()

    def set_closed(self, closed: bool) -> None:
        """Closed hours: the attract loop and its banner stop while the
        closed screen is up; open again, the loop starts from here."""
        self._closed = closed
        if closed:
            self.due_timer.stop()
            self.banner.hide()
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
        self.banner.set_strings(strings)
        self.prompt.set_strings(strings)
        pack = self.window.pack
        if pack is None:
            return
        if self.policy is None:
            self.policy = KioskPolicy(pack.deck.kiosk, self.clock)
            self._enter_attract()
        else:
            self.policy.set_timings(pack.deck.kiosk)
            self._schedule()

    def _apply_style(self) -> None:
        self.banner.apply_style(self.window.theme, self.window.metrics)
        self.prompt.apply_style(self.window.metrics)

    # --- the loop ------------------------------------------------------------
    def _enter_attract(self) -> None:
        if self._suspended or self._closed:
            return  # resume() or set_closed(False) carries on from the policy's state
        self.banner.set_paused(self.policy.paused)
        self.banner.show()
        self.banner.place()
        self._schedule()

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
