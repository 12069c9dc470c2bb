"""Shared by the kiosk tests: a clock the test moves, and tidy-up."""

from __future__ import annotations

import datetime as dt

from app.ui.kiosk.kiosk_session import KioskSession
from app.ui.kiosk.lock_down import lock_down
from tests.fake_clock import FakeClock
from tests.ui.helpers import wait_loaded


def fire(session: KioskSession) -> None:
    """The due timer runs out (what Qt does after its interval)."""
    assert session.idle.due_timer.isActive(), "nothing was due"
    session.idle.due_timer.timeout.emit()


def next_attract_slide(session: KioskSession, clock) -> None:
    """The attract loop's slide has been up for its reading time: the next one."""
    clock.advance(session.idle.policy.seconds_until_due())
    fire(session)


def end_session(session: KioskSession) -> None:
    """Let the window close, stop filtering the shared QApplication's input and
    stop the session's timers (its pointer timer, firing in a later test, would
    hide the pointer for good)."""
    session.window.allow_close = True
    session.suspend()


# A Tuesday morning: any pack's opening hours find the clinic open, whatever
# the hour the tests run at (tests/ui/test_closed_hours.py moves its own).
OPEN_HOURS = dt.datetime(2026, 12, 1, 10, 0)


def locked_window(qtbot, pack_dir):
    """The kiosk's window on `pack_dir`, locked down, shown at 1920x1080."""
    from app.ui.main_window import MainWindow

    window = MainWindow(speech_engine="mock")
    qtbot.addWidget(window)
    window.load(pack_dir)
    window.slides.transition.enabled = False
    lock_down(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    return window


def start_kiosk(qtbot, pack_dir, usage=None) -> tuple[KioskSession, FakeClock]:
    """A locked kiosk window at 1920x1080 on `pack_dir`, driven by a fake
    clock; `usage`: a UsageStore to count into."""
    window = locked_window(qtbot, pack_dir)
    wait_loaded(qtbot, window)  # every language, as a patient finds the kiosk
    clock = FakeClock()
    return KioskSession(window, clock=clock, usage=usage, wall_clock=lambda: OPEN_HOURS), clock
