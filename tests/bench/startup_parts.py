"""Where the kiosk's start-up goes, step by step, in milliseconds.

Run: .venv/bin/python tests/bench/startup_parts.py [RUNS]

Each run is a fresh process (this file with --once) that takes the steps of
a plain start-up up to the first painted slide, through the app's public
start-up functions, and times each one; the medians are printed. The steps:
the interpreter, the imports (PySide6.QtWidgets, which every floor pays too,
then the app's own modules), QApplication and the bundled fonts
(app.main.make_application), loading the pack (Markdown), building the
window with the pack in it (app.main.build_window), and showing it until
its first paint has been handled. What `clinic-kiosk` does besides (the log,
the single-instance check, the pack folder watcher) is left out.
Not collected by pytest (pyproject: norecursedirs = tests/bench).
"""

from __future__ import annotations

import os
import sys
import time

# Only what the timed steps need is imported up here: whatever this script
# imports before the steps, the kiosk's steps would find already loaded.
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def once(started: float, stop_after: int | None = None) -> dict[str, float]:
    """The steps, timed from `started`: a time.perf_counter() reading taken
    before this process was started (on Linux it is CLOCK_MONOTONIC, one
    clock for every process). `stop_after` N ends the process at once when
    N steps are done (instructions.py --parts counts each prefix)."""
    marks: list[tuple[str, float]] = [("", started)]

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter()))
        if stop_after is not None and len(marks) - 1 >= stop_after:
            os._exit(0)

    mark("the interpreter and this script")
    import PySide6.QtWidgets  # noqa: F401

    mark("import PySide6.QtWidgets (every floor pays this too)")
    from app import cli, resources
    from app.content.loader import load_pack
    from app.main import build_window, make_application
    from app.ui import main_window  # noqa: F401

    cli.build_parser().parse_args([])
    mark("import the app and read its command line")
    app = make_application()
    mark("QApplication and the bundled fonts")
    content = resources.content_dir()
    loaded = load_pack(content)
    mark("load the pack (Markdown)")
    window = build_window(content, size=(1280, 800), loaded=loaded)
    mark("build the window with the pack in it")
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                # After the whole paint pass has been handled, as the app's
                # --exit-after-first-paint does.
                QTimer.singleShot(0, lambda: (mark("show and paint"), app.quit()))
            return False

    first = FirstPaint()
    window.slides.installEventFilter(first)
    window.show()
    app.exec()
    return {name: (t - marks[i][1]) * 1000 for i, (name, t) in enumerate(marks[1:])}


def main() -> int:
    if "--stop-after" in sys.argv:
        once(time.perf_counter(), int(sys.argv[sys.argv.index("--stop-after") + 1]))
        return 0
    if "--once" in sys.argv:
        parts = once(float(sys.argv[sys.argv.index("--once") + 1]))
        import json

        print(json.dumps(parts))
        return 0
    import compileall
    import json
    import statistics
    import subprocess

    compileall.compile_dir(os.path.join(ROOT, "app"), quiet=1)  # as an installed wheel would be
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    parts: dict[str, list[float]] = {}
    for _ in range(runs + 1):  # the first run warms the file cache; dropped below
        command = [sys.executable, __file__, "--once", repr(time.perf_counter())]
        out = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
        for name, ms in json.loads(out.stdout.strip().splitlines()[-1]).items():
            parts.setdefault(name, []).append(ms)
    total = 0.0
    for name, values in parts.items():
        ms = statistics.median(values[1:])
        total += ms
        print(f"{ms:7.1f} ms  {name}")
    print(f"{total:7.1f} ms  in all (medians of {runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
