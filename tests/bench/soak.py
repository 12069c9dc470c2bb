"""The memory soak of bench.py (workers.py soak): a day of patients in the
unattended kiosk, and the memory it leaves behind."""

from __future__ import annotations

import datetime as dt
import gc
import time
from pathlib import Path

from window import KioskWindow, say


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def rss_parts() -> str:
    """Anonymous (heap) and file-backed (mapped libraries, fonts) parts of RSS."""
    parts = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("RssAnon:", "RssFile:", "RssShmem:")):
            key, value = line.split(":")
            parts[key[3:]] = int(value.split()[0]) / 1024
    return ", ".join(f"{k} {v:.1f}" for k, v in parts.items())


def pss_mb() -> float:
    try:
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


class Clock:
    """The kiosk session's clock, moved on by hand to bring idle resets."""

    now = 1000.0

    def __call__(self) -> float:
        return self.now


def soak(w: KioskWindow, args) -> dict:
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.core.kiosk_policy import KioskState
    from app.system.usage_store import UsageStore, usage_path
    from app.ui.kiosk.kiosk_session import KioskSession

    win, slides = w.window, w.window.slides
    # As `clinic-kiosk --kiosk` starts: the window (settled) and the kiosk
    # session. Growth from here is what a day of patients adds.
    clock = Clock()
    # Counting on, as in a waiting room: its growth is part of the day's.
    usage_path().parent.mkdir(parents=True, exist_ok=True)
    # A Monday morning: the bundled pack's clinic is open (run at night, the
    # kiosk would show its closed screen instead of the slides).
    monday = dt.datetime(2026, 11, 30, 10, 0)
    session = KioskSession(
        win, clock=clock, usage=UsageStore(usage_path()), wall_clock=lambda: monday
    )
    timings = win.pack.deck.kiosk
    w.run_loop(0.5)
    gc.collect()
    start_rss, start_pss = rss_mb(), pss_mb()
    say(f"after start: RSS {start_rss:.1f} MB ({rss_parts()}), PSS {start_pss:.1f} MB")

    slides.transition.enabled = False

    def fire() -> None:
        assert session.idle.due_timer.isActive(), "nothing was due"
        session.idle.due_timer.timeout.emit()

    def flush() -> None:
        w.app.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

    overlays = [
        (slides.topics_button, lambda: win.topics),
        (slides.references_button, lambda: win.references),
        (slides.contact_button, lambda: win.contact),
        (None, None),  # "learn more" on the slide
    ]

    def open_close(i: int) -> None:
        opener, screen = overlays[i % len(overlays)]
        if opener is None:
            slides.toggle_more()
            flush()
            slides.toggle_more()
        else:
            opener.click()
            assert win.current_screen is screen()
            flush()
            screen().header.back_button.click()
            assert win.current_screen is slides

    def idle_reset() -> None:
        # The key press before this ended the attract loop: idle, warn, reset.
        clock.now += timings.idle_seconds + 1
        fire()
        assert session.idle.prompt.isVisible(), "no idle warning"
        clock.now += timings.warning_seconds + 1
        fire()
        assert session.idle.policy.state == KioskState.ATTRACT, session.idle.policy.state

    changes = [0]
    win.controller.slideChanged.connect(lambda *_: changes.__setitem__(0, changes[0] + 1))
    count = len(win.pack.slides)

    def counts() -> tuple[int, int]:
        timers = len(win.findChildren(QTimer)) + len(session.findChildren(QTimer))
        return len(QApplication.allWidgets()), timers

    n_changes, n_overlays, n_resets = args.soak_changes, args.soak_overlays, args.soak_resets
    total_overlay_ops = n_overlays * len(overlays)
    overlay_every = max(1, n_changes // total_overlay_ops)
    reset_every = max(1, n_changes // n_resets)
    opened = resets = 0
    forward = True
    t0 = time.perf_counter()
    widgets0 = None
    step = 0
    while changes[0] < n_changes or opened < total_overlay_ops or resets < n_resets:
        step += 1
        idx = win.controller.index
        if idx == count - 1:
            forward = False
        elif idx == 0:
            forward = True
        # A tap on Next/Previous (arrow keys are QShortcuts: they never reach
        # the session's input filter, so they would not end the attract loop).
        button = slides.next_button if forward else slides.previous_button
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        flush()
        if step % overlay_every == 0 and opened < total_overlay_ops:
            open_close(opened)
            opened += 1
        if step % reset_every == 0 and resets < n_resets:
            idle_reset()
            resets += 1
        if widgets0 is None and resets >= 1 and opened >= len(overlays):
            widgets0 = counts()
        if step % (n_changes // 5) == 0 or step in (50, 200):
            say(
                f"  soak step {step}: {changes[0]} changes, {opened} overlay opens, "
                f"{resets} resets, RSS {rss_mb():.1f} MB ({rss_parts()}), "
                f"widgets/timers {counts()}"
            )
    soak_s = time.perf_counter() - t0
    flush()
    gc.collect()
    flush()
    w.run_loop(0.5)
    end_rss, end_pss = rss_mb(), pss_mb()
    widgets1 = counts()
    say(
        f"soak: {changes[0]} slide changes, {opened} overlay open/close, {resets} idle resets "
        f"in {soak_s:.1f} s; widgets/timers {widgets0} -> {widgets1}"
    )
    say(
        f"after soak: RSS {end_rss:.1f} MB (+{end_rss - start_rss:.1f}; {rss_parts()}), "
        f"PSS {end_pss:.1f} MB (+{end_pss - start_pss:.1f})"
    )
    QApplication.instance().removeEventFilter(session)
    session.usage.close()
    counted = sum(n for *_, n in session.usage.store.rows())
    win.comfort.shut_down()  # the speech thread ends, as clinic-kiosk ends it
    win.allow_close = True
    return {
        "rss_mb_start": round(start_rss, 1),
        "rss_mb_after_soak": round(end_rss, 1),
        "rss_growth_mb": round(end_rss - start_rss, 1),
        "pss_mb_start": round(start_pss, 1),
        "pss_growth_mb": round(end_pss - start_pss, 1),
        "soak_widgets_timers": [list(widgets0 or ()), list(widgets1)],
        "soak_usage_counts": counted,
    }
