"""The staff door: a press held in the top-left corner or Ctrl+Alt+Shift+S
opens the PIN pad (app.core.staff_pin's lockout rules); the right PIN opens
the staff menu. Tries and lockouts are saved beside the PIN, so a restart
does not give a guesser a fresh set."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QRect, QSize, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut

from app.core import pin_store
from app.core.staff_pin import PinGate, PinResult
from app.ui.kiosk.pin_pad import PinPad
from app.ui.kiosk.staff_menu import StaffMenu
from app.ui.main_window import MainWindow

STAFF_CHORD = "Ctrl+Alt+Shift+S"
CORNER_HOLD_MS = 3000


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
        self.corner_timer = QTimer(self, singleShot=True, interval=CORNER_HOLD_MS)
        self.corner_timer.timeout.connect(self.open)
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
        for timer in (self.corner_timer, self.lockout_timer):
            timer.stop()
        self.pin_pad.hide()
        self.staff_menu.hide()

    def suspend(self) -> None:
        self.close()
        self.chord.setEnabled(False)

    def resume(self) -> None:
        self.chord.setEnabled(True)

    # --- the corner hold (pointer positions are global) ----------------------
    def press(self, point: QPoint) -> None:
        if self._in_corner(point):
            self.corner_timer.start()

    def move(self, point: QPoint) -> None:
        if self.corner_timer.isActive() and not self._in_corner(point):
            self.corner_timer.stop()

    def release(self) -> None:
        self.corner_timer.stop()

    def _in_corner(self, point: QPoint) -> bool:
        side = self.window.metrics.px(120, 80)
        corner = QRect(self.window.mapToGlobal(self.window.rect().topLeft()), QSize(side, side))
        return corner.contains(point)

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
            self.pin_pad.show_message(s["pin_locked"].format(seconds=math.ceil(locked)))
            self.lockout_timer.start(math.ceil(locked * 1000))

    def _check_pin(self, pin: str) -> None:
        result = self.gate.attempt(pin)
        if result == PinResult.OK:
            self.pin_pad.hide()
            self.staff_menu.set_diagnostics(self.diagnostics())
            self.staff_menu.open()
        elif result == PinResult.WRONG:
            message = self.window.strings["pin_wrong"].format(tries=self.gate.tries_left)
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
