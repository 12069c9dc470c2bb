"""The attract loop's welcome screen: the clinic's name, the invitation in
every language of the pack, a glimpse of the slides, the pause control
always there, and a touch anywhere opens the first slide."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton

from tests.ui.kiosk_helpers import end_session, next_attract_slide, start_kiosk

SIZES = [(1920, 1080), (1366, 768), (1080, 1920)]


@pytest.fixture
def kiosk(qtbot, bilingual, tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    strings = bilingual / "es" / "strings.toml"
    strings.write_text(
        strings.read_text(encoding="utf-8")
        + 'touch_to_start = "Toque la pantalla para empezar"\npause = "Pausa"\n',
        encoding="utf-8",
    )
    session, clock = start_kiosk(qtbot, bilingual)
    session.clock_ = clock
    yield session
    end_session(session)


def test_it_names_the_clinic_and_invites_in_every_language(kiosk):
    welcome = kiosk.idle.welcome
    assert welcome.isVisible()
    assert welcome.geometry() == kiosk.window.rect()  # covers the slide, no control half-hidden
    assert welcome.clinic_name.text() == "Test Clinic"
    texts = [label.text() for label in welcome.invitations]
    assert texts == ["Touch the screen to start", "Toque la pantalla para empezar"]
    assert all(label.isVisible() for label in welcome.invitations)
    assert welcome.invitations[1].locale().name().startswith("es")
    # A screen reader: a dialog named for the clinic, the invitation focused and read.
    assert welcome.accessibleName() == "Test Clinic"
    assert "Toque la pantalla para empezar" in welcome.accessibleDescription()
    assert welcome.invitations[0].hasFocus()
    assert welcome.invitations[0].accessibleName() == "Touch the screen to start"


def test_a_language_without_the_word_is_not_said_twice(qtbot, bilingual, tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    session, _ = start_kiosk(qtbot, bilingual)  # es/strings.toml has no touch_to_start
    try:
        assert [label.text() for label in session.idle.welcome.invitations] == [
            "Touch the screen to start"
        ]
    finally:
        end_session(session)


@pytest.mark.parametrize("size", SIZES)
def test_the_pause_control_is_always_there_and_whole(kiosk, qtbot, size):
    win, welcome = kiosk.window, kiosk.idle.welcome
    win.resize(*size)
    qtbot.waitUntil(lambda: welcome.geometry() == win.rect())
    pause = welcome.pause_button
    assert pause.isVisible()
    box = QRect(pause.mapTo(win, QPoint(0, 0)), pause.size())
    assert win.rect().contains(box)
    assert pause.height() >= min(72, win.metrics.touch)
    # Nothing else is drawn over it, and the invitation is not cut.
    assert win.childAt(box.center()) is pause
    for label in welcome.invitations:
        assert label.height() >= label.heightForWidth(label.width())
    next_attract_slide(kiosk, kiosk.clock_)
    assert pause.isVisible()  # the loop moved on: still there


def test_the_glimpse_follows_the_loop_and_pause_stops_it(kiosk, qtbot):
    welcome = kiosk.idle.welcome
    assert welcome.preview_title.text() == "First slide"
    next_attract_slide(kiosk, kiosk.clock_)
    assert welcome.preview_title.text() == "Second slide"
    qtbot.mouseClick(welcome.pause_button, Qt.MouseButton.LeftButton)
    assert welcome.isVisible() and welcome.pause_button.accessibleName() == "Play"
    assert not kiosk.idle.due_timer.isActive()


def test_a_touch_anywhere_opens_the_first_slide(kiosk, qtbot):
    win, welcome = kiosk.window, kiosk.idle.welcome
    next_attract_slide(kiosk, kiosk.clock_)
    next_attract_slide(kiosk, kiosk.clock_)
    assert welcome.preview_title.text() == "Third slide"
    qtbot.mouseClick(welcome.clinic_name, Qt.MouseButton.LeftButton)  # not a button at all
    assert not welcome.isVisible()
    assert win.slides.title_label.text() == "First slide"
    assert win.slides.title_label.hasFocus()  # read out: "1 of 3: First slide"
    # That touch only started: nothing under it was pressed.
    assert win.current_screen is win.slides


def test_the_welcome_screen_speaks_the_pack_language_words(kiosk):
    kiosk.window.set_language("es")
    welcome = kiosk.idle.welcome
    assert welcome.pause_button.accessibleName() == "Pausa"
    assert welcome.invitations[0].text() == "Toque la pantalla para empezar"  # on screen first
    buttons = [b for b in welcome.findChildren(QAbstractButton) if b.isVisibleTo(welcome)]
    assert buttons == [welcome.pause_button]  # the one control


def test_any_key_starts_even_after_the_pause_was_tapped(kiosk, qtbot):
    welcome = kiosk.idle.welcome
    qtbot.mouseClick(welcome.pause_button, Qt.MouseButton.LeftButton)
    assert not welcome.pause_button.hasFocus()  # a key must not be taken for a pause press
    qtbot.keyClick(kiosk.window.focusWidget(), Qt.Key.Key_Space)
    assert not welcome.isVisible()
    assert welcome.paused  # as it was left; the loop is over anyway
