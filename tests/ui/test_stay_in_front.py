"""The kiosk window comes back, full screen and active, when it is
minimised, hidden or taken out of full screen; not while staff present."""

from __future__ import annotations

import pytest

from app.ui.kiosk.kiosk_session import KioskSession
from app.ui.kiosk.lock_down import lock_down
from app.ui.main_window import MainWindow
from tests.ui.kiosk_helpers import FakeClock, end_session

# The offscreen test platform cannot raise a window; Xvfb and openbox can
# (tests/outside/stay_in_front_under_openbox.py).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def kiosk(qtbot, pack_dir):
    window = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(window)
    window.load(pack_dir)
    lock_down(window)
    window.showFullScreen()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    session = KioskSession(window, clock=FakeClock(), keep_in_front=True)
    yield session
    end_session(session)


def in_front(window) -> bool:
    """(Being the active window again is checked under openbox: the offscreen
    platform does not give activation back to a window shown again.)"""
    return window.isVisible() and not window.isMinimized() and window.isFullScreen()


def test_the_kiosk_starts_in_front_and_stays_put(kiosk):
    assert in_front(kiosk.window)
    assert kiosk.front.put_away() is None


def test_a_minimised_kiosk_comes_back_full_screen(kiosk, qtbot):
    window = kiosk.window
    window.showMinimized()
    assert window.isMinimized()
    qtbot.waitUntil(lambda: in_front(window), timeout=5000)


def test_a_hidden_kiosk_comes_back(kiosk, qtbot):
    window = kiosk.window
    window.hide()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: in_front(window), timeout=5000)


def test_a_kiosk_taken_out_of_full_screen_goes_back(kiosk, qtbot):
    window = kiosk.window
    window.showNormal()
    assert not window.isFullScreen()
    qtbot.waitUntil(lambda: in_front(window), timeout=5000)


def test_a_kiosk_that_loses_the_active_window_takes_it_back(kiosk, qtbot):
    from PySide6.QtWidgets import QWidget

    other = QWidget()  # as if Alt+Tab gave another window the focus
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not kiosk.window.isActiveWindow())
    qtbot.waitUntil(kiosk.window.isActiveWindow, timeout=5000)


def test_nothing_is_restored_while_staff_present(kiosk):
    kiosk.suspend()  # what presenter mode does first
    kiosk.window.showMinimized()
    assert not kiosk.front.restore_timer.isActive()
    assert not kiosk.front.check_timer.isActive()
    kiosk.front.restore()  # even asked directly
    assert kiosk.window.isMinimized()


def test_only_the_real_kiosk_keeps_itself_in_front(qtbot, pack_dir):
    window = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(window)
    session = KioskSession(window, clock=FakeClock())
    assert session.front is None
    end_session(session)
