"""Soak at CI size: thousands of slide changes, overlays opened and closed,
idle resets through a fake clock. Nothing may pile up: the number of live
widgets and of timers stays flat (counts, not timings; the full-size run
with memory figures is tests/bench/bench.py)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.core.kiosk_policy import KioskState
from app.ui.kiosk.kiosk_session import KioskSession
from tests.ui.kiosk_helpers import FakeClock, end_session, fire

CHANGES = 1000  # ~4 s on the 2-core CI box; the bench runs 10,000
RESETS = 20


def _flush() -> None:
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_soak_keeps_widgets_and_timers_flat(qtbot, window, monkeypatch, tmp_path):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    # From the steady state, as a patient finds it: the warm-up's throwaway
    # widgets, alive while it runs, would otherwise be counted in the baseline.
    qtbot.waitUntil(lambda: window.warmed_up, timeout=20_000)
    clock = FakeClock()
    session = KioskSession(window, clock=clock)
    slides = window.slides
    timings = window.pack.deck.kiosk
    count = len(window.pack.slides)
    changes = []
    window.controller.slideChanged.connect(lambda index, _d: changes.append(index))

    def counts() -> tuple[int, int]:
        timers = len(window.findChildren(QTimer)) + len(session.findChildren(QTimer))
        return len(QApplication.allWidgets()), timers

    def tap(button) -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    overlays = [
        (slides.topics_button, window.topics.header.back_button),
        (slides.references_button, window.references.header.back_button),
        (slides.contact_button, window.contact.header.back_button),
    ]

    def open_and_close(i: int) -> None:
        if i % 4 == 3:  # Learn more, open and closed again
            slides.toggle_more()
            slides.toggle_more()
            assert not slides.expanded
            return
        opener, back = overlays[i % 4]
        opener.click()
        assert window.current_screen is not slides
        back.click()
        assert window.current_screen is slides

    def idle_reset() -> None:
        clock.advance(timings.idle_seconds)
        fire(session)
        assert session.idle.prompt.isVisible()
        clock.advance(timings.warning_seconds)
        fire(session)
        assert session.idle.policy.state == KioskState.ATTRACT
        assert window.controller.index == 0

    try:
        baseline = None
        forward, step, resets = True, 0, 0
        while len(changes) < CHANGES:
            step += 1
            index = window.controller.index
            forward = index < count - 1 if index in (0, count - 1) else forward
            button = slides.next_button if forward else slides.previous_button
            if step % (CHANGES // RESETS) == 1:
                # A real tap now and then: it ends the attract loop (the
                # session sees mouse events, not programmatic clicks).
                tap(button)
            button.click()
            if step % 10 == 0:
                open_and_close(step // 10)
            if step % (CHANGES // RESETS) == 0:
                idle_reset()
                resets += 1
            if step % 50 == 0:
                _flush()
            if baseline is None and resets == 1:
                _flush()
                gc.collect()
                baseline = counts()
        _flush()
        gc.collect()
        assert resets >= RESETS - 1
        assert baseline is not None
        assert counts() == baseline
    finally:
        end_session(session)
