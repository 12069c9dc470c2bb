"""The staff door's lockout outlasts a restart of the kiosk and doubles with
each lockout in a row; a PIN file that is not a regular file is refused.

Time is the kiosk's fake clock; the lockout file is real, in a temp folder."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt

from app.core.pin_store import pin_path, save_pin_hash
from app.core.staff_pin import hash_pin
from tests.ui.kiosk_helpers import end_session, start_kiosk


@pytest.fixture(autouse=True)
def own_config(config_dir):
    """Every test here keeps its PIN and lock-out in a folder of its own."""
    return config_dir


def open_door(qtbot, session) -> None:
    qtbot.mouseClick(session.window.slides.next_button, Qt.MouseButton.LeftButton)
    session.door.open()
    assert session.door.pin_pad.isVisible()


def enter(qtbot, session, pin: str) -> None:
    pad = session.door.pin_pad
    for digit in pin:
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)


def test_a_lockout_outlasts_a_restart_and_the_next_one_is_twice_as_long(qtbot, pack_dir):
    save_pin_hash(hash_pin("2468"))
    first, clock = start_kiosk(qtbot, pack_dir)
    open_door(qtbot, first)
    for _ in range(5):
        enter(qtbot, first, "1111")
    assert first.door.pin_pad.message.text() == "Too many tries. Please wait 60 seconds."
    end_session(first)
    first.window.close()

    second, clock = start_kiosk(qtbot, pack_dir)  # the kiosk restarted
    open_door(qtbot, second)
    pad = second.door.pin_pad
    assert pad.message.text() == "Too many tries. Please wait 60 seconds."
    assert not pad.ok_button.isEnabled()
    clock.advance(61)
    second.door.open()
    assert pad.ok_button.isEnabled()
    for _ in range(5):
        enter(qtbot, second, "1111")
    assert pad.message.text() == "Too many tries. Please wait 120 seconds."
    clock.advance(121)
    second.door.open()
    enter(qtbot, second, "2468")
    assert second.door.staff_menu.isVisible()
    end_session(second)


def test_misses_before_a_restart_still_count(qtbot, pack_dir):
    save_pin_hash(hash_pin("2468"))
    first, _ = start_kiosk(qtbot, pack_dir)
    open_door(qtbot, first)
    for _ in range(3):
        enter(qtbot, first, "1111")
    end_session(first)
    first.window.close()

    second, _ = start_kiosk(qtbot, pack_dir)
    open_door(qtbot, second)
    enter(qtbot, second, "1111")
    assert second.door.pin_pad.message.text() == "That PIN is not right. 1 try left."
    end_session(second)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_for_a_pin_file_is_refused_and_the_kiosk_stays_responsive(qtbot, pack_dir):
    pin_path().parent.mkdir(parents=True)
    os.mkfifo(pin_path())
    session, _ = start_kiosk(qtbot, pack_dir)
    open_door(qtbot, session)  # would block here, reading the FIFO
    assert session.door.pin_pad.message.text().startswith("No staff PIN is set")
    assert not session.door.pin_pad.ok_button.isEnabled()
    end_session(session)


def test_the_last_try_and_the_last_second_are_said_in_the_singular(qtbot, pack_dir):
    save_pin_hash(hash_pin("2468"))
    session, clock = start_kiosk(qtbot, pack_dir)
    open_door(qtbot, session)
    pad = session.door.pin_pad
    for _ in range(4):
        enter(qtbot, session, "1111")
    assert pad.message.text() == "That PIN is not right. 1 try left."
    enter(qtbot, session, "1111")
    clock.advance(59.5)
    session.door.open()  # the pad says how long is left when it opens
    assert pad.message.text() == "Too many tries. Please wait 1 second."
    end_session(session)
