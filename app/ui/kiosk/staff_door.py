"""The staff door: Ctrl+Alt+Shift+S, or two gestures on bare background
(empty_spot.py), open the PIN pad (app.core.staff_pin's lockout rules); the
right PIN opens the staff menu. Tries and lockouts are saved beside the
PIN, so a restart does not give a guesser a fresh set.

The gestures: hold a press 3 seconds in the top-left corner, then, within
5 seconds, tap the top-right corner; both only where no control lies. A
patient holding Back or a language button is holding that button, never
the door, and a hold alone opens nothing: it takes both, in order, on the
two empty corners, which no patient does by chance."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut

from app.content.strings import word
from app.core import pin_store
from app.core.staff_pin import PinGate, PinResult
from app.ui.kiosk.empty_spot import CORNER_DESIGN_PX, Corner, is_empty_spot
from app.ui.kiosk.pin_pad import PinPad
from app.ui.kiosk.staff_menu import StaffMenu
from app.ui.main_window import MainWindow

STAFF_CHORD = "Ctrl+Alt+Shift+S"
CORNER_HOLD_MS = 3000
CONFIRM_MS = 5000  # after the hold, how long the tap in the other corner may take


class StaffDoor(QObject):
    opening = Signal()  # staff are here: the attract loop stops, taps reach the pad
    presenterRequested = Signal()
    exitRequested = Signal()

    def __init__(
        self,
        window: MainWindow,
        clock: Callable[[], float],
        diagnostics: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.hold_timer = QTimer(self, singleShot=True, interval=CORNER_HOLD_MS)
        self.hold_timer.timeout.connect(self._held)
        # Running: the hold was made and the confirming tap is awaited.
        self.confirm_timer = QTimer(self, singleShot=True, interval=CONFIRM_MS)
        # Re-enables the keys when a lockout ends, if the pad is still up.
        self.lockout_timer = QTimer(self, singleShot=True)
        self.lockout_timer.timeout.connect(self._show_gate_state)
        self.chord = QShortcut(QKeySequence(STAFF_CHORD), window)
        self.chord.activated.connect(self.open)
        self.pin_pad = PinPad(window)
        self.pin_pad.pinEntered.connect(self._check_pin)
        self.staff_menu = StaffMenu(window)
        self.diagnostics = diagnostics  # the menu's text, asked for when it opens
        self.staff_menu.resumeRequested.connect(self.staff_menu.hide)
        self.staff_menu.reloadRequested.connect(self._reload)
        self.staff_menu.presenterRequested.connect(self.presenterRequested)
        self.staff_menu.exitRequested.connect(self.exitRequested)
        # The PIN on disk when the door last opened, and its lockout rule.
        self.clock = clock
        self._stored_pin: str | None = None
        self.gate = PinGate(None, clock=clock)
        window.styleChanged.connect(self._apply_style)
        window.packChanged.connect(self._set_strings)
        self._apply_style()
        self._set_strings()

    def open(self) -> None:
        """The PIN pad, with the PIN as it is on disk now."""
        self.opening.emit()
        stored = pin_store.load_pin_hash()
        if stored != self._stored_pin:  # the first open, or set-pin ran since
            self._stored_pin = stored
            self.gate = PinGate(
                stored,
                clock=self.clock,
                lockout=pin_store.load_lockout(),
                on_change=pin_store.save_lockout,
            )
        self.pin_pad.open()
        self._show_gate_state()

    def close(self) -> None:
        """Pad and menu closed, no hold under way."""
        for timer in (self.hold_timer, self.confirm_timer, self.lockout_timer):
            timer.stop()
        self.pin_pad.hide()
        self.staff_menu.hide()

    def suspend(self) -> None:
        self.close()
        self.chord.setEnabled(False)

    def resume(self) -> None:
        self.chord.setEnabled(True)

    # --- the gestures (pointer positions are global) -------------------------
    @property
    def confirming(self) -> bool:
        """The hold was made: a tap on the other corner opens the pad."""
        return self.confirm_timer.isActive()

    def press(self, point: QPoint) -> None:
        if self.confirming:
            self.confirm_timer.stop()  # one try: a press anywhere else ends it
            if self._on_empty(point, Corner.TOP_RIGHT):
                self.open()
            return
        if self._on_empty(point, Corner.TOP_LEFT):
            self.hold_timer.start()

    def move(self, point: QPoint) -> None:
        if self.hold_timer.isActive() and not self._on_empty(point, Corner.TOP_LEFT):
            self.hold_timer.stop()

    def release(self) -> None:
        self.hold_timer.stop()

    def _held(self) -> None:
        self.confirm_timer.start()

    def _on_empty(self, point: QPoint, corner: Corner) -> bool:
        side = self.window.metrics.px(CORNER_DESIGN_PX, 80)
        return is_empty_spot(self.window, point, corner, side)

    # --- the PIN and the menu ----------------------------------------------
    def _show_gate_state(self) -> None:
        s = self.window.strings
        if self._stored_pin is None:
            self.pin_pad.show_message(s["no_pin"])
            self.pin_pad.set_enabled_keys(False)
            return
        locked = self.gate.locked_for()
        self.pin_pad.set_enabled_keys(locked <= 0)
        if locked > 0:
            seconds = math.ceil(locked)
            key = "pin_locked_one" if seconds == 1 else "pin_locked"
            self.pin_pad.show_message(word(s, key).format(seconds=seconds))
            self.lockout_timer.start(math.ceil(locked * 1000))

    def _check_pin(self, pin: str) -> None:
        result = self.gate.attempt(pin)
        if result == PinResult.OK:
            self.pin_pad.hide()
            self.staff_menu.set_diagnostics(self.diagnostics())
            self.staff_menu.open()
        elif result == PinResult.WRONG:
            tries = self.gate.tries_left
            key = "pin_wrong_one" if tries == 1 else "pin_wrong"
            message = word(self.window.strings, key).format(tries=tries)
            self.pin_pad.show_message(message)
        else:
            self._show_gate_state()

    def _reload(self) -> None:
        self.window.reload_content()
        self.staff_menu.set_diagnostics(self.diagnostics())

    def _set_strings(self) -> None:
        self.pin_pad.set_strings(self.window.strings)
        self.staff_menu.set_strings(self.window.strings)

    def _apply_style(self) -> None:
        self.pin_pad.apply_style(self.window.metrics)
        self.staff_menu.apply_style(self.window.metrics)
