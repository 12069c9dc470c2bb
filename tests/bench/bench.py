"""Performance benchmark for the kiosk (tracker issue 7).

Run: .venv/bin/python tests/bench/bench.py [--quick]

Prints human-readable lines, PASS/FAIL per target, and ONE JSON object on
its last line. Each in-process measurement runs in its own worker process
(this file with --worker NAME) so one does not warm or bloat another. Logs
and config go to a temporary folder; Qt runs offscreen on a 1920x1080 screen.
Not collected by pytest (pyproject: norecursedirs = tests/bench).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VENV_BIN = Path(sys.executable).parent
KIOSK = VENV_BIN / "clinic-kiosk"
FLOOR = HERE / "floor.py"

SCREENS = {
    "screens": [
        {
            "name": "bench",
            "x": 0,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        }
    ]
}

# name: (comparison, limit) — checked against the JSON values
TARGETS = {
    "startup_ratio": ("<=", 1.5),
    "next_slide_ms_p95": ("<=", 16.0),
    "transition_fps": (">=", 50.0),
    "rss_mb_start": ("<=", 150.0),
    "rss_growth_mb": ("<=", 5.0),
    "idle_cpu_pct": ("<=", 1.0),
    "attract_cpu_pct": ("<=", 5.0),
}


# --------------------------------------------------------------------------
# helpers shared by the orchestrator and the workers
# --------------------------------------------------------------------------
def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


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


def say(text: str) -> None:
    print(text, flush=True)


# --------------------------------------------------------------------------
# start-up: separate processes, app and floor alternating
# --------------------------------------------------------------------------
def time_to_first_paint(command: list[str], env: dict[str, str], timeout: float = 60) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    try:
        for line in proc.stdout:
            if line.strip() == "first-paint":
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"{command[0]} ended without printing first-paint")
        proc.wait(timeout=timeout)
        return elapsed
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def bench_startup(env: dict[str, str], runs: int) -> dict[str, float]:
    # `pip install` of the wheel compiles every module to bytecode; an
    # editable checkout run with PYTHONDONTWRITEBYTECODE (as this machine
    # sets it) would compile all of them again on every start instead.
    import compileall

    compileall.compile_dir(ROOT / "app", quiet=1)
    commands = {
        "app": [str(KIOSK), "--exit-after-first-paint"],
        "floor": [sys.executable, str(FLOOR)],
        # For information, not a target: the floor naming `Qt` once (see floor.py).
        "floor_qt": [sys.executable, str(FLOOR), "--names-qt"],
    }
    # One discarded round: the first start after an install reads cold files.
    for command in commands.values():
        time_to_first_paint(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(time_to_first_paint(command, env))
    for name, values in times.items():
        say(f"start-up {name:8s} s: " + " ".join(f"{t:.3f}" for t in values))
    app, floor = statistics.median(times["app"]), statistics.median(times["floor"])
    floor_qt = statistics.median(times["floor_qt"])
    # Each app start is timed right beside a floor start; on a busy machine
    # the ratio within a pair is steadier than the ratio of the two medians.
    pair_ratios = [a / f for a, f in zip(times["app"], times["floor"], strict=True)]
    return {
        "startup_s": round(app, 3),
        "floor_startup_s": round(floor, 3),
        "startup_ratio_pairs_median": round(statistics.median(pair_ratios), 2),
        "floor_qt_startup_s": round(floor_qt, 3),
        "startup_ratio_to_floor_qt": round(app / floor_qt, 2),
    }


def run_worker(name: str, env: dict[str, str], extra: list[str]) -> dict:
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", name, *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    lines = out.stdout.strip().splitlines()
    for line in lines[:-1]:
        say(f"  [{name}] {line}")
    if out.returncode != 0 or not lines:
        sys.stderr.write(out.stderr)
        raise RuntimeError(f"worker {name} failed ({out.returncode})")
    return json.loads(lines[-1])


# --------------------------------------------------------------------------
# workers (one process each)
# --------------------------------------------------------------------------
class _Window:
    """The kiosk window as app.main.run builds it, shown and painted once."""

    def __init__(self, size: tuple[int, int] = (1920, 1080), watcher: bool = True) -> None:
        from PySide6.QtCore import QEvent, QObject

        from app import resources
        from app.main import build_window, make_application

        self.app = make_application()
        self.content = resources.content_dir()
        self.window = build_window(self.content)
        if watcher:
            from app.ui.content_watcher import ContentWatcher

            self.watcher = ContentWatcher(self.content, None, parent=self.window)
            self.watcher.packReady.connect(self.window.offer_pack)
        self.window.resize(*size)

        app_ = self.app

        class PaintCounter(QObject):
            def __init__(self) -> None:
                super().__init__()
                self.count = 0

            def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
                if event.type() == QEvent.Type.Paint:
                    self.count += 1
                return False

        self.PaintCounter = PaintCounter
        self.body_paints = PaintCounter()
        self.window.slides.body.viewport().installEventFilter(self.body_paints)
        self.window.show()
        self.wait_for(lambda: self.body_paints.count > 0, 10)
        # Measure the started app: the warm-up (other screens, QR codes, the
        # speech engine) runs in the first second after the first paint.
        assert self.wait_for(lambda: self.window.warmed_up, 30), "never finished warming up"
        app_.processEvents()

    def wait_for(self, condition, timeout_s: float) -> bool:
        from PySide6.QtCore import QEventLoop

        end = time.perf_counter() + timeout_s
        while not condition():
            if time.perf_counter() > end:
                return False
            self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
        return True

    def run_loop(self, seconds: float) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(round(seconds * 1000), loop.quit)
        loop.exec()


def _key(window, key) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(window, key)


def worker_interactive(args) -> dict:
    from PySide6.QtCore import Qt

    w = _Window()
    win, slides = w.window, w.window.slides
    slides.transition.enabled = False
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
    worst = {}
    for i, ms in enumerate(times):
        worst.setdefault(i % (2 * (count - 1)), []).append(ms)

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
    from PySide6.QtCore import QEventLoop

    win.controller.go(0)
    w.app.processEvents()
    slides.transition.enabled = True
    frames = w.PaintCounter()
    slides.transition.installEventFilter(frames)
    fps_runs, frame_counts = [], []
    for i in range(args.transitions):
        idx = win.controller.index
        key = Qt.Key.Key_Right if idx < count - 1 else Qt.Key.Key_Home
        if idx == count - 1:
            win.controller.go(0)
            w.app.processEvents()
            key = Qt.Key.Key_Right
        loop = QEventLoop()
        slides.transition.finished.connect(loop.quit)
        frames.count = 0
        t0 = time.perf_counter()
        _key(win, key)
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
    # A patient's first tap on each overlay button (built and painted once in
    # the warm-up), then a second tap: key to the screen painted.
    slides.transition.enabled = False
    win.controller.go(0)
    first_open = {}
    for name in ("topics", "references", "contact"):
        opener = getattr(slides, f"{name}_button")
        taps = []
        for _ in range(2):
            t0 = time.perf_counter()
            opener.click()
            win.current_screen.repaint()
            w.app.processEvents()
            taps.append((time.perf_counter() - t0) * 1000)
            getattr(win, name).header.back_button.click()
            w.app.processEvents()
        first_open[name] = [round(ms, 1) for ms in taps]
    say(f"overlay opens, first and second tap, ms: {first_open}")
    return {
        "overlay_open_ms_first_second": first_open,
        "next_slide_ms_p50": round(percentile(times, 50), 2),
        "next_slide_ms_p95": round(percentile(times, 95), 2),
        "transition_fps": round(statistics.median(fps_runs), 1),
        "render_slide_ms_p95": round(percentile(render, 95), 2),
    }


def worker_soak(args) -> dict:
    import gc

    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.core.kiosk_policy import KioskState
    from app.ui.kiosk.kiosk_session import KioskSession

    w = _Window()
    win, slides = w.window, w.window.slides

    class Clock:
        now = 1000.0

        def __call__(self) -> float:
            return self.now

    # As `clinic-kiosk --kiosk` starts: the window and its warm-up (_Window
    # waits for it), and the kiosk session. Growth from here is what a day
    # of patients adds.
    clock = Clock()
    session = KioskSession(win, clock=clock)
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
        ("topics", slides.topics_button, win.topics.header.back_button),
        ("references", slides.references_button, win.references.header.back_button),
        ("contact", slides.contact_button, win.contact.header.back_button),
        ("learn more", None, None),
    ]

    def open_close(i: int) -> None:
        _name, opener, back = overlays[i % len(overlays)]
        if opener is None:
            slides.toggle_more()
            flush()
            slides.toggle_more()
        else:
            opener.click()
            assert win.current_screen is not slides
            flush()
            back.click()
            assert win.current_screen is slides

    def idle_reset() -> None:
        # The key press before this ended the attract loop: idle, warn, reset.
        clock.now += getattr(timings, "idle_seconds", 90) + 1
        fire()
        assert session.idle.prompt.isVisible(), "no idle warning"
        clock.now += getattr(timings, "warning_seconds", 30) + 1
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
    win.allow_close = True
    return {
        "rss_mb_start": round(start_rss, 1),
        "rss_mb_after_soak": round(end_rss, 1),
        "rss_growth_mb": round(end_rss - start_rss, 1),
        "pss_mb_start": round(start_pss, 1),
        "pss_growth_mb": round(end_pss - start_pss, 1),
        "soak_widgets_timers": [list(widgets0 or ()), list(widgets1)],
    }


def _cpu_pct(w: _Window, seconds: float) -> tuple[float, float]:
    wall0, cpu0 = time.perf_counter(), time.process_time()
    w.run_loop(seconds)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return 100 * cpu / wall, wall


def worker_idle(args) -> dict:
    # An ordinary window, as `clinic-kiosk` shows it: no kiosk session.
    w = _Window(size=(1280, 800))
    w.run_loop(2)  # settle: late layouts, the first paints
    paints = w.body_paints.count
    pct, wall = _cpu_pct(w, args.cpu_seconds)
    say(
        f"idle: {pct:.2f} % CPU over {wall:.1f} s, "
        f"{w.body_paints.count - paints} body repaints meanwhile"
    )
    return {"idle_cpu_pct": round(pct, 2)}


def worker_attract(args) -> dict:
    from app.ui.kiosk.kiosk_session import KioskSession

    w = _Window(size=(1920, 1080))
    win = w.window
    win.lock_down()
    win.showFullScreen()
    session = KioskSession(win)  # real clock; the bundled pack's attract_seconds
    attract = win.pack.deck.kiosk
    changes = [0]
    win.controller.slideChanged.connect(lambda *_: changes.__setitem__(0, changes[0] + 1))
    frames = w.PaintCounter()
    win.slides.transition.installEventFilter(frames)
    w.run_loop(1)
    pct, wall = _cpu_pct(w, args.cpu_seconds)
    say(
        f"attract: {pct:.2f} % CPU over {wall:.1f} s, {changes[0]} page turns, "
        f"{frames.count} transition frames; timings {attract}; "
        f"state {session.idle.policy.state if session.idle.policy else None}"
    )
    return {"attract_cpu_pct": round(pct, 2)}


WORKERS = {
    "interactive": worker_interactive,
    "soak": worker_soak,
    "idle": worker_idle,
    "attract": worker_attract,
}


# --------------------------------------------------------------------------
# orchestrator
# --------------------------------------------------------------------------
def check(results: dict) -> list[str]:
    lines = []
    values = dict(results)
    values["startup_ratio"] = results["startup_s"] / results["floor_startup_s"]
    for name, (op, limit) in TARGETS.items():
        value = values[name]
        ok = value <= limit if op == "<=" else value >= limit
        label = (
            f"startup_s {results['startup_s']:.3f} <= 1.5 x floor "
            f"{results['floor_startup_s']:.3f} (ratio {value:.2f})"
            if name == "startup_ratio"
            else f"{name} {value} {op} {limit}"
        )
        lines.append(f"{'PASS' if ok else 'FAIL'}  {label}")
    if "floor_qt_startup_s" in results:
        lines.append(
            f"info  startup_s against the floor naming Qt once "
            f"{results['floor_qt_startup_s']:.3f}: ratio {results['startup_ratio_to_floor_qt']:.2f}"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", choices=sorted(WORKERS))
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the script")
    parser.add_argument(
        "--only", help="comma-separated parts: startup,interactive,soak,idle,attract"
    )
    args, _ = parser.parse_known_args()
    args.changes = 100 if args.quick else 600
    args.transitions = 5 if args.quick else 20
    args.soak_changes = 500 if args.quick else 10_000
    args.soak_overlays = 20 if args.quick else 1_000
    args.soak_resets = 5 if args.quick else 100
    args.cpu_seconds = 3.0 if args.quick else 20.0
    args.startup_runs = 3 if args.quick else 15

    if args.worker:
        sys.path.insert(0, str(ROOT))
        result = WORKERS[args.worker](args)
        print(json.dumps(result), flush=True)
        return 0

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        screens = Path(tmp) / "screens.json"
        screens.write_text(json.dumps(SCREENS), encoding="utf-8")
        base = dict(os.environ)
        base["CLINIC_KIOSK_LOG_DIR"] = str(Path(tmp) / "log")
        base["CLINIC_KIOSK_CONFIG_DIR"] = str(Path(tmp) / "config")
        # No socket file left by another kiosk or a test run: finding one,
        # a start-up imports `socket` and knocks first.
        base["TMPDIR"] = tmp
        # Start-up: the plain offscreen platform for both the app and the floor.
        startup_env = dict(base, QT_QPA_PLATFORM="offscreen")
        worker_env = dict(base, QT_QPA_PLATFORM=f"offscreen:configfile={screens}")
        say(f"clinic-kiosk benchmark on {os.cpu_count()} cores, {sys.version.split()[0]}")
        parts = (args.only or "startup,interactive,soak,idle,attract").split(",")
        results: dict = {}
        extra = ["--quick"] if args.quick else []
        for part in parts:
            t0 = time.perf_counter()
            if part == "startup":
                results.update(bench_startup(startup_env, args.startup_runs))
            else:
                results.update(run_worker(part, worker_env, extra))
            say(f"  ({part} took {time.perf_counter() - t0:.1f} s)")
    if not args.only:
        for line in check(results):
            say(line)
    print(json.dumps(results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
