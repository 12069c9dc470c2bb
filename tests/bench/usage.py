"""Page turns with usage counting on and off: next_slide_ms_p95 of each.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/usage.py [--changes N]

The counter is made harsher than the kiosk's: every slide counts at once
(dwell 0 ms instead of 5 s) and the store writes to disk every second
(instead of every minute), so flushes land inside the measured turns.
Blocks of turns alternate between off and on, so drift hits both alike.
Prints human-readable lines and ONE JSON object on its last line."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from window import KioskWindow, say
from workers import _key, percentile


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=600, help="page turns for each of on, off")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="usage-bench-") as tmp:
        os.environ["CLINIC_KIOSK_DATA_DIR"] = tmp
        os.environ.setdefault("CLINIC_KIOSK_LOG_DIR", str(Path(tmp) / "log"))
        result = measure(args.changes, Path(tmp))
    print(json.dumps(result), flush=True)
    return 0


def measure(changes: int, folder: Path) -> dict:
    from PySide6.QtCore import Qt

    from app.system.usage_store import UsageStore
    from app.ui.kiosk.usage_counter import UsageCounter

    w = KioskWindow()
    win = w.window
    win.slides.transition.enabled = False
    store = UsageStore(folder / "usage.sqlite3")
    counter = UsageCounter(win, store, attracting=lambda: False)
    counter.dwell_timer.setInterval(0)
    counter.flush_timer.setInterval(1000)
    count = len(win.pack.slides)
    forward = True

    def turn() -> float:
        nonlocal forward
        index = win.controller.index
        forward = index < count - 1 if index in (0, count - 1) else forward
        before = w.body_paints.count
        t0 = time.perf_counter()
        _key(win, Qt.Key.Key_Right if forward else Qt.Key.Key_Left)
        assert w.wait_for(lambda: w.body_paints.count > before, 5), "no repaint"
        # The dwell (0 ms) and any due flush run here, before the next turn.
        w.app.processEvents()
        return (time.perf_counter() - t0) * 1000

    for _ in range(20):  # warm-up: pictures and glyph caches
        turn()
    times: dict[bool, list[float]] = {False: [], True: []}
    block = 50
    for i in range(2 * changes // block):
        on = i % 2 == 1
        if on:
            counter.resume()
        else:
            counter.stop()
        times[on] += [turn() for _ in range(block)]
    counter.close()
    rows = store.rows()
    viewed = sum(n for *_, event, n in rows if event == "slide_viewed")
    result = {
        "next_slide_ms_p95_counting_off": round(percentile(times[False], 95), 2),
        "next_slide_ms_p95_counting_on": round(percentile(times[True], 95), 2),
        "next_slide_ms_p50_counting_off": round(percentile(times[False], 50), 2),
        "next_slide_ms_p50_counting_on": round(percentile(times[True], 50), 2),
        "slides_counted": viewed,
        "database_bytes": (folder / "usage.sqlite3").stat().st_size,
    }
    say(f"{len(times[True])} turns each; {viewed} slide views counted into {len(rows)} rows")
    win.allow_close = True
    win.close()
    win.comfort.shut_down()  # as clinic-kiosk does on the way out: the speech thread ends
    return result


if __name__ == "__main__":
    sys.exit(main())
