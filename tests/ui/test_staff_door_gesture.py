"""The staff door is never on a control: pressing and holding any patient
control (Back, the language button, Previous, Next...) at any screen size
and text size never starts the door, nor confirms it; the staff gesture
(hold the empty top-left corner, then tap the empty top-right one) and the
keyboard chord do open the PIN pad."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton

from tests.ui.kiosk_helpers import end_session, start_kiosk

SIZES = [(1920, 1080), (1366, 768), (1080, 1920)]
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def kiosk(qtbot, bilingual, config_dir):
    session, _clock = start_kiosk(qtbot, bilingual)
    session.door.hold_timer.setInterval(30)  # the real hold is 3 s
    yield session
    end_session(session)


def press_at(qtbot, window, point: QPoint):
    """A press at `point` of the window, given to whatever lies there."""
    widget = window.childAt(point) or window
    qtbot.mousePress(widget, LEFT, pos=widget.mapFrom(window, point))
    return widget


def tap_at(qtbot, window, point: QPoint) -> None:
    widget = press_at(qtbot, window, point)
    qtbot.mouseRelease(widget, LEFT, pos=widget.mapFrom(window, point))


def wake(qtbot, kiosk) -> None:
    """The first touch, in the middle of the welcome screen."""
    win = kiosk.window
    tap_at(qtbot, win, QPoint(win.width() // 2, win.height() // 2))
    assert not kiosk.idle.welcome.isVisible()


def hold_the_corner(qtbot, kiosk) -> None:
    win = kiosk.window
    widget = press_at(qtbot, win, QPoint(2, 2))
    qtbot.waitUntil(lambda: kiosk.door.confirming)
    qtbot.mouseRelease(widget, LEFT, pos=widget.mapFrom(win, QPoint(2, 2)))


def patient_controls(win) -> list[QAbstractButton]:
    screen = win.current_screen
    return [b for b in screen.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()]


def points_on(button: QAbstractButton) -> list[QPoint]:
    """Its middle and its four corners, just inside."""
    r = button.rect().adjusted(1, 1, -2, -2)
    return [r.center(), r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight()]


def open_each_screen(win):
    yield "slides"
    for name, opener in (
        ("topics", win.open_topics),
        ("references", win.open_references),
        ("contact", win.open_contact),
    ):
        opener()
        yield name
    win.back_to_slides()


def press_and_hold(qtbot, button: QAbstractButton, point: QPoint) -> None:
    qtbot.mousePress(button, LEFT, pos=point)


def let_go_outside(qtbot, button: QAbstractButton) -> None:
    """Released off the button: no click, the screen stays as it is."""
    qtbot.mouseRelease(button, LEFT, pos=QPoint(-20, -20))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("text_size", [0, 2])
def test_holding_a_control_never_starts_the_door(kiosk, qtbot, size, text_size):
    win = kiosk.window
    win.resize(*size)
    wake(qtbot, kiosk)
    win.comfort.set_text_size(text_size)
    held = 0
    for screen in open_each_screen(win):
        controls = patient_controls(win)
        names = {b.accessibleName() for b in controls}
        assert "Español" in names
        if screen != "slides":
            assert "Back" in names
        for button in controls:
            for point in points_on(button):
                press_and_hold(qtbot, button, point)
                assert not kiosk.door.hold_timer.isActive(), (screen, button.accessibleName())
                let_go_outside(qtbot, button)
                held += 1
    assert not kiosk.door.pin_pad.isVisible()
    assert held > 100


@pytest.mark.parametrize("size", SIZES)
def test_a_control_never_confirms_the_door(kiosk, qtbot, size):
    """After a real hold, the confirming tap on a control is no confirmation."""
    win = kiosk.window
    win.resize(*size)
    wake(qtbot, kiosk)
    for button in patient_controls(win):
        hold_the_corner(qtbot, kiosk)
        press_and_hold(qtbot, button, button.rect().topRight() - QPoint(2, -2))
        assert not kiosk.door.confirming
        let_go_outside(qtbot, button)
        assert not kiosk.door.pin_pad.isVisible(), button.accessibleName()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("text_size", [0, 2])
def test_the_staff_gesture_opens_the_pin_pad_on_every_screen(kiosk, qtbot, size, text_size):
    win = kiosk.window
    win.resize(*size)
    wake(qtbot, kiosk)
    win.comfort.set_text_size(text_size)
    for screen in open_each_screen(win):
        hold_the_corner(qtbot, kiosk)
        assert not kiosk.door.pin_pad.isVisible()  # a hold alone opens nothing
        tap_at(qtbot, win, QPoint(win.width() - 3, 2))
        assert kiosk.door.pin_pad.isVisible(), screen
        kiosk.door.close()


def test_the_staff_gesture_works_from_the_welcome_screen(kiosk, qtbot):
    assert kiosk.idle.welcome.isVisible()
    hold_the_corner(qtbot, kiosk)
    tap_at(qtbot, kiosk.window, QPoint(kiosk.window.width() - 3, 2))
    assert kiosk.door.pin_pad.isVisible()
    assert "clinic-kiosk set-pin" in kiosk.door.pin_pad.message.text()


def test_a_hold_then_a_tap_elsewhere_opens_nothing(kiosk, qtbot):
    win = kiosk.window
    wake(qtbot, kiosk)
    hold_the_corner(qtbot, kiosk)
    tap_at(qtbot, win, QPoint(win.width() // 2, 3))  # not the corner
    assert not kiosk.door.confirming
    tap_at(qtbot, win, QPoint(win.width() - 3, 2))  # too late: that try is over
    assert not kiosk.door.pin_pad.isVisible()


def test_releasing_before_the_hold_is_done_opens_nothing(kiosk, qtbot):
    win = kiosk.window
    kiosk.door.hold_timer.setInterval(3000)
    widget = press_at(qtbot, win, QPoint(2, 2))
    assert kiosk.door.hold_timer.isActive()
    qtbot.mouseRelease(widget, LEFT, pos=widget.mapFrom(win, QPoint(2, 2)))
    assert not kiosk.door.hold_timer.isActive()
    assert not kiosk.door.confirming


def test_the_keyboard_chord_opens_the_pin_pad(kiosk, qtbot):
    mods = (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.keyClick(kiosk.window, Qt.Key.Key_S, mods)
    assert kiosk.door.pin_pad.isVisible()
