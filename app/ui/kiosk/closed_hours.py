"""Closed hours in the kiosk: app/core/opening_hours.py's answer against the
wall clock, shown as the closed screen, with the display off where
clinic.toml asks for it.

- The closed screen comes up when the clinic is closed and the kiosk is in
  its attract loop: a patient still reading at closing time keeps reading
  until the idle reset. The attract loop waits meanwhile.
- A touch (or a key) turns the display on and shows the closed screen
  bright for BRIGHT_SECONDS, then dim (and the display off) again.
- Staff come first: the staff door opening puts the closed screen away
  until the next idle reset; presenter mode and staff Exit do too.
- At opening time the screen goes, the display comes on, the loop runs.

The wall clock is checked when the next change is due and at least every
CHECK_SECONDS: Qt timers follow the monotonic clock, which a DST change, a
clock set by hand or a suspended PC do not move.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.content.hours_text import opening_words
from app.content.model import OpeningHours
from app.core.kiosk_policy import KioskState
from app.core.opening_hours import OpenStatus, local_now, seconds_until, status
from app.system.display_power import DisplayPower
from app.ui.kiosk.closed_screen import ClosedScreen
from app.ui.kiosk.idle_loop import IdleLoop
from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

BRIGHT_SECONDS = 60
CHECK_SECONDS = 60


class ClosedHours(QObject):
    def __init__(
        self,
        window: MainWindow,
        idle: IdleLoop,
        now: Callable[[], dt.datetime] = local_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window, self.idle, self.now = window, idle, now
        # Made when a pack first asks for the display off.
        self.display: DisplayPower | None = None
        self._display_for: tuple[str, str] | None = None  # its (output, tool)
        self.closed = False  # the closed screen is up
        self._suspended = False
        self._turned_off = False  # this kiosk turned the display off at some point
        self.screen = ClosedScreen(window)
        self.screen.touched.connect(self.wake)
        self.check_timer = QTimer(self, singleShot=True)
        self.check_timer.timeout.connect(self.check)
        self.bright_timer = QTimer(self, singleShot=True, interval=BRIGHT_SECONDS * 1000)
        self.bright_timer.timeout.connect(self._dim)
        window.packChanged.connect(self.check)
        window.styleChanged.connect(self._apply_style)
        idle.resetting.connect(self.check)  # after a reset the loop would start: closed first
        self._apply_style()
        self.check()

    def hours(self) -> OpeningHours | None:
        pack = self.window.pack
        return pack.clinic.opening_hours if pack is not None else None

    def check(self) -> None:
        """Open or closed now, and the timer armed for the next look."""
        self.check_timer.stop()
        hours = self.hours()
        if self._suspended or hours is None:
            self._set_open()
            return
        now = self.now()
        found = status(hours, now)
        if found.open:
            self._set_open()
        elif self.closed:
            self._show_words(now, found)  # a new pack or language: its words
        elif self._waiting_room_idle():
            self._set_closed(now, found)
        due = float(CHECK_SECONDS)
        if found.next_change is not None:
            due = min(due, max(0.0, seconds_until(now, found.next_change)))
        self.check_timer.start(math.ceil(due * 1000))

    def _waiting_room_idle(self) -> bool:
        policy = self.idle.policy
        return policy is not None and policy.state == KioskState.ATTRACT

    def _set_closed(self, now: dt.datetime, found: OpenStatus) -> None:
        log.info("the clinic is closed: the closed screen is up")
        self.closed = True
        self.idle.set_closed(True)
        self._show_words(now, found)
        self.screen.open()
        self._dim()

    def _show_words(self, now: dt.datetime, found: OpenStatus) -> None:
        strings = self.window.strings
        opens = opening_words(now, found.next_opening, strings)
        self.screen.set_content(self.window.pack.clinic, strings, opens)

    def _set_open(self) -> None:
        if not self.closed:
            return
        log.info("the closed screen is put away")
        self.closed = False
        self.bright_timer.stop()
        self.screen.hide()
        self._display_on()
        self.idle.set_closed(False)

    def wake(self) -> None:
        """A touch: the display on, the closed screen bright for a while."""
        if not self.closed:
            return
        self._display_on()
        self.screen.set_bright(True)
        self.bright_timer.start()

    def _dim(self) -> None:
        self.screen.set_bright(False)
        hours = self.hours()
        if hours is not None and hours.display_off_when_closed:
            self._power(hours).set_on(False)
            self._turned_off = True

    def _display_on(self) -> None:
        if self.display is not None and self._turned_off:
            self.display.set_on(True)

    def _power(self, hours: OpeningHours) -> DisplayPower:
        """The display's switch, made again when a pack names another output or tool."""
        wanted = (hours.display_output, hours.display_tool)
        if self.display is None or self._display_for != wanted:
            if self.display is not None and not self.display.busy:
                self.display.deleteLater()
            self.display = DisplayPower(hours.display_output, hours.display_tool, parent=self)
            self._display_for = wanted
        return self.display

    # --- staff ---------------------------------------------------------------
    def staff_arrived(self) -> None:
        """The staff door opened: the closed screen makes way until the next
        idle reset, and the idle loop counts from now."""
        if self.closed:
            log.info("staff opened the door in closed hours")
            self._set_open()
            self.idle.input()

    def suspend(self) -> None:
        """Presenter mode or Exit: no closed screen, the display on."""
        self._suspended = True
        self.check_timer.stop()
        self._set_open()

    def resume(self) -> None:
        self._suspended = False
        self.check()

    def shutdown(self) -> None:
        """The kiosk ends: a display it turned off goes on again, by a
        process that outlives it."""
        self.check_timer.stop()
        self.bright_timer.stop()
        if self.display is not None:
            self.display.stop()
            if self._turned_off:
                self.display.restore_detached()

    def _apply_style(self) -> None:
        self.screen.apply_style(self.window.theme, self.window.metrics)
