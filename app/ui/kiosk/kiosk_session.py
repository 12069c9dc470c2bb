"""Kiosk mode for one window: its parts wired together, and the hand-off to
presenter mode and back.

The parts, each owning its own timers and widgets:
  IdleLoop      the attract loop (its welcome screen) and the idle reset (idle_loop.py)
  StaffDoor     two-corner gesture on bare background, staff chord, PIN pad and
                staff menu (staff_door.py)
  PointerHider  hides the pointer while the mouse is still (pointer.py)
  InputFilter   refuses leaving keys and right clicks, tells the others (input_filter.py)
  ClosedHours   the closed screen outside opening hours, the display off
                where clinic.toml asks (closed_hours.py)
  UsageCounter  hourly usage counts, when given a store (usage_counter.py)
  StayInFront   brings the window back when a window manager puts it away
                (stay_in_front.py; only with keep_in_front, as the real kiosk runs)

exitRequested is staff Exit: app.main ends with exit_codes.STAFF_EXIT.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.core.kiosk_policy import KioskState
from app.core.opening_hours import local_now
from app.system.usage_store import UsageStore
from app.ui.kiosk.closed_hours import ClosedHours
from app.ui.kiosk.idle_loop import IdleLoop
from app.ui.kiosk.input_filter import InputFilter
from app.ui.kiosk.pointer import PointerHider
from app.ui.kiosk.staff_door import StaffDoor
from app.ui.kiosk.stay_in_front import StayInFront
from app.ui.kiosk.usage_counter import UsageCounter
from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class KioskSession(QObject):
    exitRequested = Signal()

    def __init__(
        self,
        window: MainWindow,
        clock: Callable[[], float] = time.monotonic,
        diagnostics: Callable[[], str] = lambda: "",
        usage: UsageStore | None = None,
        keep_in_front: bool = False,
        wall_clock: Callable[[], dt.datetime] = local_now,
    ) -> None:
        """`keep_in_front`: restore the full-screen window whenever it is
        minimised, hidden or loses the active window (tests of other parts
        leave it off: they show the window at a size of their own).
        `wall_clock`: local time, for the opening hours."""
        super().__init__(window)
        self.window = window
        self.idle = IdleLoop(window, clock, parent=self)
        self.door = StaffDoor(window, clock, diagnostics, parent=self)
        self.pointer = PointerHider(self)
        self.input_filter = InputFilter(window, self.idle, self.door, self.pointer, parent=self)
        self.front = StayInFront(window, self) if keep_in_front else None
        self.presenter = None  # app.ui.presenter.presenter_mode.PresenterMode while staff present
        self.door.opening.connect(self.idle.input)
        self.closed = ClosedHours(window, self.idle, wall_clock, parent=self)
        self.door.opening.connect(self.closed.staff_arrived)  # after the idle loop heard it
        QCoreApplication.instance().aboutToQuit.connect(self.closed.shutdown)
        self.idle.resetting.connect(self.door.close)
        self.door.presenterRequested.connect(self.start_presenter)
        self.door.exitRequested.connect(self._exit)
        self.usage = None
        self.usage_page = None  # app.ui.kiosk.usage_page.UsagePage, once staff open it
        if usage is not None:
            self.usage = UsageCounter(window, usage, self._attracting, parent=self)
            self.idle.resetting.connect(self.usage.idle_reset)
            self.door.staff_menu.usage_button.show()
            self.door.staff_menu.usageRequested.connect(self._show_usage)
        self.input_filter.install()
        self.pointer.start()
        if self.front is not None:
            self.front.start()

    def _show_usage(self) -> None:
        """The staff menu's Usage page (made on first use: QtCharts loads then)."""
        from app.ui.kiosk.usage_page import UsagePage

        if self.usage_page is None:
            self.usage_page = UsagePage(self.window, self.usage.store)
            self.idle.resetting.connect(self.usage_page.hide)
        self.usage_page.apply_style(self.window.metrics, self.window.theme)
        self.door.staff_menu.hide()
        pack = self.window.pack
        self.usage_page.open({s.id: s.title for s in pack.slides} if pack else {})

    def _attracting(self) -> bool:
        return self.idle.policy is not None and self.idle.policy.state == KioskState.ATTRACT

    def start_presenter(self) -> None:
        """Staff present from this window: the kiosk's rules sleep until they end."""
        from app.ui.presenter.presenter_mode import PresenterMode

        log.info("staff started presenter mode from the kiosk")
        self.suspend()
        self.presenter = PresenterMode(self.window, audience_screen=self.window.screen())
        self.presenter.finished.connect(self.resume)
        self.presenter.start()

    def suspend(self) -> None:
        """No attract loop, idle reset, staff door or hidden pointer for now."""
        self.input_filter.remove()
        self.closed.suspend()
        self.idle.suspend()
        self.door.suspend()
        self.pointer.stop()
        if self.usage is not None:
            self.usage.stop()  # staff presenting are not the waiting room's use
        if self.front is not None:
            self.front.stop()

    def resume(self) -> None:
        """Back to the locked kiosk, reading on from this slide (the idle
        timer starts afresh; the attract loop follows as usual)."""
        self.presenter = None
        self.window.showFullScreen()
        self.window.activateWindow()
        self.door.resume()
        self.input_filter.install()
        self.pointer.start()
        self.idle.resume()
        self.closed.resume()
        if self.usage is not None:
            self.usage.resume()
        if self.front is not None:
            self.front.start()
        log.info("presenter mode ended; the kiosk carries on")

    def _exit(self) -> None:
        log.info("staff exit from the kiosk")
        self.suspend()  # timers stopped too: a pointer hidden after this would stay hidden
        self.closed.shutdown()
        self.window.allow_close = True
        self.exitRequested.emit()
        self.window.close()
