"""Closed hours in the kiosk, with a wall clock the test sets and a fake
wlr-randr on PATH that records what it was asked."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from app import resources
from app.content.loader import load_pack
from app.core.kiosk_policy import KioskState
from app.export.handout import build_handout
from app.ui.kiosk.closed_screen import DIM
from app.ui.kiosk.kiosk_session import KioskSession
from app.ui.theme import contrast_ratio
from tests.fake_clock import FakeClock
from tests.ui.kiosk_helpers import end_session, fire, locked_window
from tests.ui.test_display_power import calls, fake_wlr_randr
from tests.ui.test_help_now import open_window

HOURS = """
[opening_hours]
mon = "08:00-17:00"
tue = "08:00-17:00"
wed = "08:00-17:00"
thu = "08:00-17:00"
fri = "08:00-17:00"
display_off_when_closed = true
display_output = "HDMI-A-1"
"""
TUESDAY_EVENING = dt.datetime(2026, 12, 1, 20, 0)


class WallClock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def wlr_randr(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", f"{folder}:/usr/bin:/bin")
    return fake_wlr_randr(folder)


@pytest.fixture
def start(qtbot, pack_dir, wlr_randr):
    """start(when, hours=HOURS): a locked kiosk at 1920x1080 at that wall time."""
    sessions = []

    def start(when: dt.datetime, hours: str = HOURS):
        clinic = pack_dir / "clinic.toml"
        clinic.write_text(clinic.read_text(encoding="utf-8") + hours, encoding="utf-8")
        window = locked_window(qtbot, pack_dir)
        window.activateWindow()  # window shortcuts (the staff chord, slide keys) need it
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        wall = WallClock(when)
        session = KioskSession(window, clock=FakeClock(), wall_clock=wall)
        sessions.append(session)
        return session, wall

    yield start
    for session in sessions:
        if isValid(session):  # else closed with its window, timers and all
            end_session(session)
            session.closed.shutdown()


def idle_reset(session: KioskSession) -> None:
    """The idle time runs out, then the "Still reading?" countdown."""
    timings = session.window.pack.deck.kiosk
    session.idle.clock.advance(timings.idle_seconds)
    fire(session)
    session.idle.clock.advance(timings.warning_seconds)
    fire(session)


def display_settled(session: KioskSession) -> bool:
    power = session.closed.display
    return power is not None and not power.busy and power.wanted == power.applied


def test_closed_at_start_shows_the_closed_screen_dim_with_the_display_off(start, qtbot, wlr_randr):
    session, _ = start(TUESDAY_EVENING)
    screen = session.closed.screen
    assert screen.isVisible() and screen.geometry() == session.window.rect()
    assert not screen.bright
    assert screen.title.text() == "The clinic is closed now"
    assert screen.opens.text() == "We open again tomorrow at 8:00."
    reach = screen.reach.text().replace("\u00a0", " ")  # numbers never break across lines
    assert "Call us: +1 555 010 0100" in reach and "Text us: +1 555 010 0101" in reach
    assert "Call 988" in screen.help.text() and "In an emergency, call 911" in screen.help.text()
    # The attract loop waits: no welcome screen, nothing armed to turn the slides.
    assert not session.idle.welcome.isVisible() and not session.idle.due_timer.isActive()
    qtbot.waitUntil(lambda: display_settled(session))
    assert calls(wlr_randr) == ["--output HDMI-A-1 --off"]
    # The wall clock is looked at again within a minute.
    assert session.closed.check_timer.isActive()
    assert session.closed.check_timer.interval() == 60_000


def test_a_touch_wakes_it_bright_then_it_dims_and_the_display_goes_off(start, qtbot, wlr_randr):
    session, _ = start(TUESDAY_EVENING)
    closed = session.closed
    qtbot.waitUntil(lambda: display_settled(session))
    qtbot.mouseClick(closed.screen, Qt.MouseButton.LeftButton)
    assert closed.screen.bright and closed.bright_timer.isActive()
    assert closed.screen.isVisible()  # a touch does not open the kiosk
    qtbot.waitUntil(lambda: display_settled(session))
    assert calls(wlr_randr)[-1] == "--output HDMI-A-1 --on"
    closed.bright_timer.timeout.emit()  # a minute later
    closed.bright_timer.stop()
    assert not closed.screen.bright
    qtbot.waitUntil(lambda: display_settled(session))
    assert calls(wlr_randr) == [
        "--output HDMI-A-1 --off",
        "--output HDMI-A-1 --on",
        "--output HDMI-A-1 --off",
    ]


def test_bright_and_dim_are_different_and_readable(start):
    session, _ = start(TUESDAY_EVENING)
    screen = session.closed.screen
    dim = screen.colours()
    screen.set_bright(True)
    assert screen.colours() != dim
    for page, text in DIM.values():
        assert contrast_ratio(text, page) >= 7


def test_at_opening_time_the_screen_goes_and_the_loop_runs(start, qtbot, wlr_randr):
    session, wall = start(TUESDAY_EVENING)
    wall.now = dt.datetime(2026, 12, 2, 8, 0)
    session.closed.check_timer.timeout.emit()
    assert not session.closed.screen.isVisible()
    assert session.idle.welcome.isVisible() and session.idle.due_timer.isActive()
    qtbot.waitUntil(lambda: display_settled(session))
    assert calls(wlr_randr) == ["--output HDMI-A-1 --off", "--output HDMI-A-1 --on"]
    # Open: the next look is at closing time, or within the minute.
    assert session.closed.check_timer.interval() == 60_000


def test_the_timer_is_armed_for_the_opening_when_it_is_near(start):
    session, _ = start(dt.datetime(2026, 12, 2, 7, 59, 30))
    assert session.closed.screen.isVisible()
    assert session.closed.check_timer.interval() == 30_000


def test_a_patient_reading_at_closing_time_reads_on_until_the_idle_reset(start, qtbot):
    session, wall = start(dt.datetime(2026, 12, 1, 16, 59))
    assert not session.closed.screen.isVisible()
    qtbot.mouseClick(session.window.slides.next_button, Qt.MouseButton.LeftButton)
    assert session.idle.policy.state == KioskState.ACTIVE
    wall.now = dt.datetime(2026, 12, 1, 17, 1)
    session.closed.check_timer.timeout.emit()
    assert not session.closed.screen.isVisible()  # still reading
    idle_reset(session)
    assert session.closed.screen.isVisible()
    assert not session.idle.welcome.isVisible()


def test_staff_come_first_and_the_closed_screen_returns_after_the_reset(start, qtbot):
    session, _ = start(TUESDAY_EVENING)
    session.door.open()  # the corner hold or Ctrl+Alt+Shift+S
    assert session.door.pin_pad.isVisible()
    assert not session.closed.screen.isVisible()
    assert session.idle.policy.state == KioskState.ACTIVE  # the idle reset will follow
    idle_reset(session)
    assert not session.door.pin_pad.isVisible()
    assert session.closed.screen.isVisible()


def test_the_staff_chord_still_reaches_the_door(start, qtbot):
    session, _ = start(TUESDAY_EVENING)
    screen = session.closed.screen
    qtbot.keyClick(
        screen,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier,
    )
    assert session.door.pin_pad.isVisible()


def test_slide_keys_do_not_page_the_slides_beneath(start, qtbot):
    session, wall = start(TUESDAY_EVENING)
    qtbot.keyClick(session.closed.screen, Qt.Key.Key_Right)
    assert session.window.controller.index == 0
    assert session.closed.screen.bright  # a key wakes it as a touch does
    wall.now = dt.datetime(2026, 12, 2, 9, 0)  # open: the same key pages
    session.closed.check()
    qtbot.keyClick(session.window.slides, Qt.Key.Key_Right)
    assert session.window.controller.index == 1


def test_presenter_mode_and_exit_put_it_away_with_the_display_on(start, qtbot, wlr_randr):
    session, _ = start(TUESDAY_EVENING)
    qtbot.waitUntil(lambda: display_settled(session))
    session.suspend()
    assert not session.closed.screen.isVisible()
    qtbot.waitUntil(lambda: display_settled(session))
    assert calls(wlr_randr)[-1] == "--output HDMI-A-1 --on"
    session.resume()  # staff read on from here; closed again after the idle reset
    assert not session.closed.screen.isVisible()
    idle_reset(session)
    assert session.closed.screen.isVisible()


def test_a_screen_reader_hears_its_name_and_words(start):
    session, _ = start(TUESDAY_EVENING)
    screen = session.closed.screen
    face = QAccessible.queryAccessibleInterface(screen)
    assert face.role() == QAccessible.Role.Dialog
    assert face.text(QAccessible.Text.Name) == "The clinic is closed now"
    description = face.text(QAccessible.Text.Description)
    assert "We open again tomorrow at 8:00." in description
    assert "+1\u00a0555\u00a0010\u00a00100" in description and "988" in description
    assert screen.hasFocus()
    screen.focusNextPrevChild(True)
    assert screen.focusWidget() is screen.title
    screen.focusNextPrevChild(True)
    assert screen.focusWidget() is screen.opens


def test_without_wlr_randr_the_kiosk_carries_on_and_says_so_once(
    start, qtbot, monkeypatch, tmp_path, caplog
):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    with caplog.at_level(logging.WARNING, logger="app.system.display_power"):
        session, _ = start(TUESDAY_EVENING)
        qtbot.waitUntil(lambda: display_settled(session))
        for _ in range(3):
            qtbot.mouseClick(session.closed.screen, Qt.MouseButton.LeftButton)
            session.closed.bright_timer.timeout.emit()
            qtbot.waitUntil(lambda: display_settled(session))
    assert session.closed.screen.isVisible()
    assert len([r for r in caplog.records if "could not start" in r.getMessage()]) == 1


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920)])
def test_every_word_fits_on_the_page_at_each_size(start, size):
    session, _ = start(TUESDAY_EVENING)
    session.window.resize(*size)
    session.window.comfort.set_text_size(2)  # the largest: the page keeps its own sizes
    screen = session.closed.screen
    assert screen.size() == session.window.size()
    screen.layout().activate()
    for label in screen.labels():
        if label.isHidden():
            continue
        assert screen.rect().contains(label.geometry()), label.text()
        assert label.heightForWidth(label.width()) <= label.height(), label.text()


def test_no_opening_hours_no_closed_screen(start):
    session, _ = start(TUESDAY_EVENING, hours="")
    assert not session.closed.screen.isVisible()
    assert not session.closed.check_timer.isActive()
    assert session.idle.welcome.isVisible()


def test_a_display_left_on_when_not_asked(start, qtbot, wlr_randr):
    session, _ = start(TUESDAY_EVENING, HOURS.replace("true", "false"))
    assert session.closed.screen.isVisible()
    assert session.closed.display is None and calls(wlr_randr) == []


# --- the hours on Contact and in the handout, per language -----------------


def test_contact_shows_the_hours_in_spanish(qtbot):
    win = open_window(qtbot, resources.content_dir(), "es")
    win.open_contact()
    words = [label.text() for label in win.contact.details.findChildren(type(win.contact.crisis))]
    assert "Lunes\u2013viernes: 8:00\u201317:00" in words
    assert "Sábado: 9:00\u201312:00" in words and "Domingo: cerrado" in words


def test_the_handout_shows_the_hours_in_its_language():
    english = build_handout(load_pack(resources.content_dir()).pack).html
    spanish = build_handout(load_pack(resources.content_dir(), "es").pack).html
    assert "Monday\u2013Friday: 8:00\u201317:00" in english
    assert "Lunes\u2013viernes: 8:00\u201317:00" in spanish
