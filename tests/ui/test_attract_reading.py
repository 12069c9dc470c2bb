"""The attract loop keeps each slide up for its words at a slow reader's pace
(app/core/reading_pace.py), never less than attract_seconds; the pause
control still stops it. Time is the session's fake clock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.reading_pace import attract_seconds_for
from tests.ui.kiosk_helpers import end_session, fire, start_kiosk


@pytest.fixture
def kiosk(qtbot, pack_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    session, clock = start_kiosk(qtbot, pack_dir)
    yield session, clock
    end_session(session)


def seconds_of(window, index: int) -> int:
    slide = window.pack.slides[index]
    return attract_seconds_for(f"{slide.title}\n{slide.body_text}", 12)


def test_each_slide_stays_up_for_its_words(kiosk):
    session, clock = kiosk
    window = session.window
    # The test pack: a few words, then about 700, then two.
    assert seconds_of(window, 0) == 12  # the deck's attract_seconds: the floor
    long_slide = seconds_of(window, 1)
    assert long_slide > 400
    clock.advance(12)
    fire(session)
    assert window.slides.title_label.text() == "Second slide"
    # The timer is armed for the long slide's time, not for 12 seconds.
    assert long_slide * 1000 * 0.95 < session.idle.due_timer.remainingTime() <= long_slide * 1050
    clock.advance(long_slide - 1)
    fire(session)  # a timer that fired early changes nothing
    assert window.slides.title_label.text() == "Second slide"
    clock.advance(1)
    fire(session)
    assert window.slides.title_label.text() == "Third slide"
    assert 11_000 < session.idle.due_timer.remainingTime() <= 12_600


def test_pause_stops_a_long_slide_and_play_gives_it_its_full_time(kiosk, qtbot):
    session, clock = kiosk
    window = session.window
    clock.advance(12)
    fire(session)
    pause = session.idle.welcome.pause_button
    qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
    assert not session.idle.due_timer.isActive()
    clock.advance(3600)
    assert window.slides.title_label.text() == "Second slide"
    qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
    assert session.idle.policy.seconds_until_due() == seconds_of(window, 1)
