"""Kiosk mode: attract loop, idle reset, lock-down and the staff door.

Time is a fake clock the test moves; the session's single-shot timer is
"fired" by emitting its timeout, exactly what Qt does when it runs out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from app.content.pack_shelf import load_every_language
from app.core.kiosk_policy import KioskState
from app.core.pin_store import save_pin_hash
from app.core.staff_pin import hash_pin
from app.ui.kiosk.kiosk_session import KioskSession
from app.ui.main_window import MainWindow
from tests.ui.kiosk_helpers import end_session, fire, start_kiosk


@pytest.fixture
def kiosk(qtbot, pack_dir, config_dir):
    session, clock = start_kiosk(qtbot, pack_dir)
    session.clock_ = clock
    yield session
    end_session(session)


def title(session: KioskSession) -> str:
    return session.window.slides.title_label.text()


def tap(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_starts_in_the_attract_loop_with_a_cue_and_one_timer(kiosk):
    assert kiosk.idle.welcome.isVisible()
    assert kiosk.idle.welcome.invitations[0].text() == "Touch the screen to start"
    assert kiosk.idle.due_timer.isActive()
    # Coarse timers (fewer wake-ups) may fire up to 5 % late.
    assert 11_000 < kiosk.idle.due_timer.remainingTime() <= 12_600
    assert not kiosk.idle.countdown_timer.isActive()


def test_attract_loop_advances_and_wraps(kiosk):
    for expected in ("Second slide", "Third slide", "First slide"):
        # Each slide for its reading time (tests/ui/test_attract_reading.py).
        kiosk.clock_.advance(kiosk.idle.policy.seconds_until_due())
        fire(kiosk)
        assert title(kiosk) == expected
    assert kiosk.idle.welcome.isVisible()


def test_first_touch_stops_the_loop_without_pressing_what_is_under_it(kiosk, qtbot):
    tap(qtbot, kiosk.window.slides.next_button)
    assert title(kiosk) == "First slide"  # swallowed
    assert not kiosk.idle.welcome.isVisible()
    tap(qtbot, kiosk.window.slides.next_button)
    assert title(kiosk) == "Second slide"


def test_pause_control_stops_the_loop(kiosk, qtbot):
    tap(qtbot, kiosk.idle.welcome.pause_button)
    assert kiosk.idle.welcome.isVisible()  # pausing is not starting
    assert kiosk.idle.welcome.pause_button.accessibleName() == "Play"
    assert not kiosk.idle.due_timer.isActive()
    kiosk.clock_.advance(120)
    assert title(kiosk) == "First slide"
    tap(qtbot, kiosk.idle.welcome.pause_button)
    kiosk.clock_.advance(12)
    fire(kiosk)
    assert title(kiosk) == "Second slide"


def test_idle_prompt_then_reset_to_the_attract_loop(kiosk, qtbot):
    tap(qtbot, kiosk.window.slides.next_button)  # ends the loop
    tap(qtbot, kiosk.window.slides.next_button)
    kiosk.window.slides.toggle_more()
    tap(qtbot, kiosk.window.slides.contact_button)
    assert kiosk.window.current_screen is kiosk.window.contact
    kiosk.clock_.advance(90)
    fire(kiosk)
    assert kiosk.idle.prompt.isVisible()
    assert kiosk.idle.prompt.title.text() == "Still reading?"
    assert kiosk.idle.prompt.countdown.text() == "The screen will start over in 30 seconds."
    assert kiosk.idle.countdown_timer.isActive()
    kiosk.clock_.advance(10)
    kiosk.idle.countdown_timer.timeout.emit()
    assert "20 seconds" in kiosk.idle.prompt.countdown.text()
    kiosk.clock_.advance(20)
    fire(kiosk)
    win = kiosk.window
    assert not kiosk.idle.prompt.isVisible()
    assert win.current_screen is win.slides
    assert title(kiosk) == "First slide"
    assert not win.slides.expanded
    assert win.slides.body.verticalScrollBar().value() == 0
    assert kiosk.idle.welcome.isVisible()
    assert not kiosk.idle.countdown_timer.isActive()


def test_keep_reading_closes_the_prompt(kiosk, qtbot):
    tap(qtbot, kiosk.window.slides.next_button)
    kiosk.clock_.advance(90)
    fire(kiosk)
    tap(qtbot, kiosk.idle.prompt.keep_button)
    assert not kiosk.idle.prompt.isVisible()
    assert kiosk.idle.policy.state == KioskState.ACTIVE
    assert 89_000 < kiosk.idle.due_timer.remainingTime() <= 94_500


def test_close_is_refused_while_locked(kiosk, qtbot):
    win = kiosk.window
    assert win.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert win.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    win.close()  # what Alt+F4 through a window manager asks for
    assert win.isVisible()


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_leaving_keys_do_nothing(kiosk, qtbot, key, modifiers):
    tap(qtbot, kiosk.window.slides.next_button)
    qtbot.keyClick(kiosk.window.slides, key, modifiers)
    assert kiosk.window.isVisible()
    assert kiosk.window.isFullScreen() or kiosk.window.isVisible()


@pytest.mark.parametrize(
    ("key", "modifiers", "refused"),
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier, True),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier, True),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier, True),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier, True),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.NoModifier, False),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier, False),
    ],
)
def test_the_filter_swallows_exactly_the_leaving_keys(kiosk, qtbot, key, modifiers, refused):
    tap(qtbot, kiosk.window.slides.next_button)  # leave the attract loop
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers)
    assert kiosk.input_filter.eventFilter(kiosk.window.slides, event) is refused


def test_right_clicks_and_context_menus_are_swallowed(kiosk):
    target = kiosk.window.slides.body.viewport()
    point = QPointF(target.rect().center())
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        point,
        QPointF(target.mapToGlobal(point.toPoint())),
        Qt.MouseButton.RightButton,
        Qt.MouseButton.RightButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert kiosk.input_filter.eventFilter(target, press) is True
    menu = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), target.mapToGlobal(QPoint(5, 5))
    )
    assert kiosk.input_filter.eventFilter(target, menu) is True


def enter(qtbot, kiosk, pin: str) -> None:
    for digit in pin:
        tap(qtbot, kiosk.door.pin_pad.digit_buttons[digit])
    tap(qtbot, kiosk.door.pin_pad.ok_button)


def test_pin_lockout_then_staff_menu_and_exit(kiosk, qtbot, config_dir):
    save_pin_hash(hash_pin("2468"))
    tap(qtbot, kiosk.window.slides.next_button)  # leave the attract loop
    qtbot.keyClick(
        kiosk.window.slides,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier,
    )
    assert kiosk.door.pin_pad.isVisible()
    for tries_left in ("4 tries", "3 tries", "2 tries", "1 try"):
        enter(qtbot, kiosk, "1111")
        assert kiosk.door.pin_pad.message.text() == f"That PIN is not right. {tries_left} left."
    enter(qtbot, kiosk, "1111")
    assert "Too many tries" in kiosk.door.pin_pad.message.text()
    assert not kiosk.door.pin_pad.ok_button.isEnabled()
    kiosk.clock_.advance(61)
    kiosk.door.open()
    assert kiosk.door.pin_pad.ok_button.isEnabled()
    enter(qtbot, kiosk, "2468")
    assert not kiosk.door.pin_pad.isVisible()
    assert kiosk.door.staff_menu.isVisible()
    with qtbot.waitSignal(kiosk.exitRequested):
        tap(qtbot, kiosk.door.staff_menu.exit_button)
    assert not kiosk.window.isVisible()
    # Nothing of the kiosk carries on: no timer left to hide the pointer later.
    timers = kiosk.findChildren(QTimer)
    assert timers and not any(timer.isActive() for timer in timers)
    assert QApplication.overrideCursor() is None


def test_pin_never_reaches_the_log(kiosk, qtbot, caplog, config_dir):
    save_pin_hash(hash_pin("97531"))
    kiosk.door.open()
    enter(qtbot, kiosk, "97531")
    assert kiosk.door.staff_menu.isVisible()
    assert "97531" not in caplog.text


def test_changed_pack_waits_for_the_next_slide_change(kiosk, qtbot, pack_dir):
    tap(qtbot, kiosk.window.slides.next_button)  # leave the attract loop
    slide = pack_dir / "en" / "020-second.md"
    slide.write_text(
        slide.read_text(encoding="utf-8").replace("title: Second slide", "title: New second"),
        encoding="utf-8",
    )
    kiosk.window.offer_pack(load_every_language(pack_dir))
    assert title(kiosk) == "First slide"  # nothing changes under the finger
    tap(qtbot, kiosk.window.slides.next_button)
    assert title(kiosk) == "New second"
    assert not kiosk.window.has_pending_pack


def test_a_pack_swapped_in_while_suspended_arms_nothing_until_resumed(kiosk, qtbot, pack_dir):
    # Presenter mode pages the deck: a waiting pack arrives meanwhile.
    tap(qtbot, kiosk.window.slides.next_button)  # leave the attract loop
    kiosk.suspend()
    kiosk.window.offer_pack(load_every_language(pack_dir))
    kiosk.window.controller.next()
    assert not kiosk.window.has_pending_pack
    assert not kiosk.idle.due_timer.isActive()
    kiosk.clock_.advance(500)
    assert not kiosk.idle.prompt.isVisible()
    kiosk.resume()
    assert kiosk.idle.policy.state == KioskState.ACTIVE
    assert 89_000 < kiosk.idle.due_timer.remainingTime() <= 94_500


def test_reload_from_the_staff_menu_refuses_a_broken_pack(kiosk, qtbot, pack_dir):
    (pack_dir / "deck.toml").write_text("title = [broken\n", encoding="utf-8")
    with qtbot.waitSignal(kiosk.window.loading.reloaded, timeout=10_000) as reload:
        kiosk.window.reload_content()
    results = reload.args[0]
    assert any(p.is_error for result in results.values() for p in result.problems)
    assert title(kiosk) == "First slide"
    assert kiosk.window.pack.deck.title == "Test deck"


def test_pointer_hides_when_still_and_returns_when_moved(kiosk, qtbot):
    assert kiosk.pointer.timer.isActive()
    kiosk.pointer.timer.timeout.emit()
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    target = kiosk.window.slides
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(400, 400),
        QPointF(target.mapToGlobal(QPoint(400, 400))),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, move)
    assert not kiosk.pointer.hidden
    assert QApplication.overrideCursor() is None
    assert kiosk.pointer.timer.isActive()


def test_diagnostics_show_versions_review_dates_and_translation_status(qtbot, config_dir):
    from app import resources
    from app.ui.kiosk.diagnostics import describe

    win = MainWindow(speech_engine="mock")
    qtbot.addWidget(win)
    win.load(resources.content_dir())
    text = describe(win, "/var/log/kiosk.log", ["12:00 app: something broke"])
    assert "clinic-kiosk 0.1.0" in text
    assert "review due: 2027-11-20" in text
    assert "Translation es: Spanish translation awaiting review" in text
    assert "Log file: /var/log/kiosk.log" in text
    assert "something broke" in text


def test_paging_with_keys_keeps_the_kiosk_awake(kiosk, qtbot):
    # Found by the soak benchmark: arrow keys are shortcuts, not key presses.
    tap(qtbot, kiosk.window.slides.next_button)  # leave the attract loop
    kiosk.clock_.advance(80)
    qtbot.keyClick(kiosk.window.slides, Qt.Key.Key_Right)
    assert title(kiosk) == "Second slide"  # the tap only ended the attract loop
    kiosk.clock_.advance(80)  # 160 s since the tap, but only 80 since the key
    fire(kiosk)
    assert not kiosk.idle.prompt.isVisible()
    assert kiosk.idle.policy.state == KioskState.ACTIVE
