"""The in-process measures of bench.py, one per process so that one does not
warm or bloat another.

Run: python tests/bench/workers.py NAME [--quick]   (NAME: interactive, soak,
idle, attract). bench.py runs each with the environment it needs (offscreen
on a 1920x1080 screen, logs and config in a temporary folder). Prints
human-readable lines and ONE JSON object on its last line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time

from window import KioskWindow, paint_counter, say

OVERLAYS = ("topics", "references", "contact")


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _key(window, key) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(window, key)


def overlay_opens(w: KioskWindow) -> dict[str, list[float]]:
    """A patient's first tap on each overlay button, then a second: ms from
    the click to the screen painted."""
    win, slides = w.window, w.window.slides
    opens = {}
    for name in OVERLAYS:
        opener = getattr(slides, f"{name}_button")
        taps = []
        for _ in range(2):
            t0 = time.perf_counter()
            opener.click()
            win.current_screen.repaint()
            w.app.processEvents()
            taps.append((time.perf_counter() - t0) * 1000)
            screen = getattr(win, name)
            assert win.current_screen is screen, f"the {name} button did not open {name}"
            screen.header.back_button.click()
            w.app.processEvents()
            assert win.current_screen is slides, f"back from {name} did not show the slide"
        opens[name] = [round(ms, 1) for ms in taps]
    return opens


def worker_interactive(args) -> dict:
    from PySide6.QtCore import QEventLoop, Qt

    w = KioskWindow()
    win, slides = w.window, w.window.slides
    # First, before anything else here warms the glyph caches or lays out
    # pages: the first taps of a patient on a kiosk that has just started.
    slides.transition.enabled = False
    opens = overlay_opens(w)
    say(f"overlay opens, first and second tap, ms: {opens}")

    count = len(win.pack.slides)
    say(f"pack: {count} slides, window {win.width()}x{win.height()}")

    # Next/Previous: key event -> the new slide painted (event loop until the
    # body viewport's Paint event has been handled and the frame flushed).
    def change(direction_key) -> float:
        before_index, before = win.controller.index, w.body_paints.count
        t0 = time.perf_counter()
        _key(win, direction_key)
        ok = w.wait_for(lambda: w.body_paints.count > before, 5)
        t1 = time.perf_counter()
        assert ok, "slide body never repainted"
        assert win.controller.index != before_index, "the key did not change the slide"
        return (t1 - t0) * 1000

    forward = True
    times = []
    for i in range(args.changes + 20):
        idx = win.controller.index
        if idx == count - 1:
            forward = False
        elif idx == 0:
            forward = True
        ms = change(Qt.Key.Key_Right if forward else Qt.Key.Key_Left)
        if i >= 20:  # warm-up: first visits render pictures and glyph caches
            times.append(ms)
    say(
        f"next slide ms over {len(times)} changes: p50 {percentile(times, 50):.2f} "
        f"p95 {percentile(times, 95):.2f} max {max(times):.2f}"
    )

    # Render one slide at 1920x1080: window.grab() (the whole slide screen).
    render = []
    for i in range(max(100, 3 * count)):
        win.controller.go(i % count)
        w.app.processEvents()
        t0 = time.perf_counter()
        win.grab()
        render.append((time.perf_counter() - t0) * 1000)
    # And the slide change itself without painting (layout + HTML), for context.
    show = []
    for i in range(max(100, 3 * count)):
        t0 = time.perf_counter()
        slides.show_slide(i % count)
        show.append((time.perf_counter() - t0) * 1000)
    say(
        f"render (window.grab 1920x1080) ms: p50 {percentile(render, 50):.2f} "
        f"p95 {percentile(render, 95):.2f}; show_slide() alone p50 "
        f"{percentile(show, 50):.2f} p95 {percentile(show, 95):.2f}"
    )

    # Transition frames: paint events of the SlideTransition in a real loop.
    win.controller.go(0)
    w.app.processEvents()
    slides.transition.enabled = True
    frames = paint_counter()
    slides.transition.installEventFilter(frames)
    fps_runs, frame_counts = [], []
    for i in range(args.transitions):
        idx = win.controller.index
        if idx == count - 1:
            win.controller.go(0)
            w.app.processEvents()
        loop = QEventLoop()
        slides.transition.finished.connect(loop.quit)
        frames.count = 0
        t0 = time.perf_counter()
        _key(win, Qt.Key.Key_Right)
        started = slides.transition.running
        if started:
            loop.exec()
        elapsed = time.perf_counter() - t0
        slides.transition.finished.disconnect(loop.quit)
        if not started:
            say(f"  transition run {i}: none started (slide {idx} -> {win.controller.index})")
            continue
        fps_runs.append(frames.count / elapsed)
        frame_counts.append(frames.count)
        w.app.processEvents()
    say(
        f"transition: {args.transitions} runs, frames {frame_counts}, "
        f"fps median {statistics.median(fps_runs):.1f} min {min(fps_runs):.1f}"
    )
    first_second = {}
    for name, (first, second) in opens.items():
        first_second[f"first_open_ms_{name}"] = first
        first_second[f"second_open_ms_{name}"] = second
    return {
        **first_second,
        "next_slide_ms_p50": round(percentile(times, 50), 2),
        "next_slide_ms_p95": round(percentile(times, 95), 2),
        "transition_fps": round(statistics.median(fps_runs), 1),
        "render_slide_ms_p95": round(percentile(render, 95), 2),
    }


def worker_idle(args) -> dict:
    # An ordinary window, as `clinic-kiosk` shows it: no kiosk session.
    w = KioskWindow(size=(1280, 800))
    paints = w.body_paints.count
    pct, wall = w.cpu_pct(args.cpu_seconds)
    say(
        f"idle: {pct:.2f} % CPU over {wall:.1f} s, "
        f"{w.body_paints.count - paints} body repaints meanwhile"
    )
    return {"idle_cpu_pct": round(pct, 2)}


def worker_attract(args) -> dict:
    from app.ui.kiosk.kiosk_session import KioskSession

    w = KioskWindow(size=(1920, 1080))
    win = w.window
    from app.ui.kiosk.lock_down import lock_down

    lock_down(win)
    win.showFullScreen()
    # Real clock, the bundled pack's timings; a Monday morning for the opening
    # hours (run at night, the kiosk would show its closed screen instead).
    monday = dt.datetime(2026, 11, 30, 10, 0)
    session = KioskSession(win, wall_clock=lambda: monday)
    changes = [0]
    win.controller.slideChanged.connect(lambda *_: changes.__setitem__(0, changes[0] + 1))
    frames = paint_counter()
    win.slides.transition.installEventFilter(frames)
    w.run_loop(1)
    pct, wall = w.cpu_pct(args.cpu_seconds)
    say(
        f"attract: {pct:.2f} % CPU over {wall:.1f} s, {changes[0]} page turns, "
        f"{frames.count} transition frames; timings {win.pack.deck.kiosk}; "
        f"state {session.idle.policy.state if session.idle.policy else None}"
    )
    return {"attract_cpu_pct": round(pct, 2)}


def worker_soak(args) -> dict:
    from soak import soak

    return soak(KioskWindow(), args)


WORKERS = {
    "interactive": worker_interactive,
    "soak": worker_soak,
    "idle": worker_idle,
    "attract": worker_attract,
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("name", choices=sorted(WORKERS))
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the script")
    args = parser.parse_args()
    args.changes = 100 if args.quick else 600
    args.transitions = 5 if args.quick else 20
    args.soak_changes = 500 if args.quick else 10_000
    args.soak_overlays = 20 if args.quick else 1_000
    args.soak_resets = 5 if args.quick else 100
    args.cpu_seconds = 3.0 if args.quick else 20.0
    result = WORKERS[args.name](args)
    end_speech()
    print(json.dumps(result), flush=True)
    return 0


def end_speech() -> None:
    """End each window's speech thread, as clinic-kiosk does on its way out:
    left running, Qt aborts the process when it exits."""
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.comfort.shut_down()


if __name__ == "__main__":
    sys.exit(main())
