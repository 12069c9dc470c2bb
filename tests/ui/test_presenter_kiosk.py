"""Presenter mode from the kiosk's staff menu: the kiosk sleeps while staff
present and carries on, locked, afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.kiosk_policy import KioskState
from app.core.pin_store import save_pin_hash
from app.core.staff_pin import hash_pin
from tests.ui.kiosk_helpers import end_session, start_kiosk


@pytest.fixture
def kiosk(qtbot, pack_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    session, _ = start_kiosk(qtbot, pack_dir)
    session.window.showFullScreen()
    yield session
    if session.presenter is not None:
        session.presenter.finish()
    end_session(session)


def open_menu(qtbot, kiosk) -> None:
    save_pin_hash(hash_pin("2468"))
    kiosk.door.open()
    for digit in "2468":
        qtbot.mouseClick(kiosk.door.pin_pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.door.pin_pad.ok_button, Qt.MouseButton.LeftButton)
    assert kiosk.door.staff_menu.isVisible()


def test_staff_menu_offers_presenter_mode(kiosk, qtbot):
    open_menu(qtbot, kiosk)
    assert kiosk.door.staff_menu.presenter_button.isVisible()
    assert kiosk.door.staff_menu.presenter_button.accessibleName() == "Presenter mode"


def test_presenting_suspends_the_kiosk_and_ending_resumes_it(kiosk, qtbot):
    win = kiosk.window
    open_menu(qtbot, kiosk)
    qtbot.mouseClick(kiosk.door.staff_menu.presenter_button, Qt.MouseButton.LeftButton)
    presenter = kiosk.presenter
    assert presenter is not None and presenter.active
    assert not kiosk.door.staff_menu.isVisible()
    assert not kiosk.idle.welcome.isVisible()
    # No attract loop, no idle reset, no staff door while presenting.
    assert not kiosk.idle.due_timer.isActive()
    assert not kiosk.pointer.timer.isActive()
    assert not kiosk.door.chord.isEnabled()
    qtbot.keyClick(win.slides, Qt.Key.Key_PageDown)
    qtbot.keyClick(win.slides, Qt.Key.Key_PageDown)
    assert win.slides.title_label.text() == "Third slide"
    assert not kiosk.idle.due_timer.isActive()  # keys did not wake the kiosk's rules

    presenter.switch_view()
    with qtbot.waitSignal(presenter.finished):
        presenter.console.end_button.click()
    assert kiosk.presenter is None
    assert win.isFullScreen() and win.locked
    assert kiosk.door.chord.isEnabled()
    assert kiosk.idle.policy.state == KioskState.ACTIVE  # reading on, from this slide
    assert win.slides.title_label.text() == "Third slide"
    assert 89_000 < kiosk.idle.due_timer.remainingTime() <= 94_500  # the idle timer, afresh
    win.close()
    assert win.isVisible()  # still locked
