"""Where the kiosk's start-up goes, step by step, in milliseconds.

Run: .venv/bin/python tests/bench/startup_parts.py [RUNS]

Each run is a fresh process (this file with --once) that takes the same
steps as `clinic-kiosk` up to the first painted slide and times each one;
the medians are printed. The bare-window floor is import PySide6.QtWidgets,
QApplication and one paint: everything else here is the kiosk's own cost.
Not collected by pytest (pyproject: norecursedirs = tests/bench).
"""

from __future__ import annotations

import os
import sys
import time

# Only what the timed steps need is imported up here: whatever this script
# imports before the steps, the kiosk's steps would find already loaded.
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def once(stop_after: int | None = None) -> dict[str, float]:
    """The steps of app.main.run, timed. `stop_after` N ends the process at
    once after the Nth step (instructions.py --parts counts each prefix)."""
    marks: list[tuple[str, float]] = [("start", time.perf_counter())]
    if stop_after == 0:
        os._exit(0)

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter()))
        if stop_after is not None and len(marks) - 1 >= stop_after:
            os._exit(0)

    from app import cli, resources

    cli.build_parser().parse_args([])
    mark("the command line (argparse; PySide would import it anyway)")
    # The order of app.main.run: what needs no Qt first.
    from app.system import logs

    logs.setup_logging()
    logs.install_exception_hook()
    mark("logging (no Qt yet; stdlib PySide would import anyway)")
    from app.content.loader import load_pack

    mark("import the content model (its dataclasses) and pickle")
    result = load_pack(resources.content_dir(), None)
    mark("load the pack from the cache")
    import PySide6.QtWidgets  # noqa: F401

    mark("import PySide6.QtWidgets (the floor pays this too)")
    from app.main import make_application

    app = make_application()
    mark("QApplication and the bundled fonts")
    from app.system.single_instance import SingleInstance

    instance = SingleInstance()
    instance.listen()
    mark("one kiosk: ask a running one, else listen (QtNetwork)")
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: F401

    Qt.AlignmentFlag  # noqa: B018 (the first use builds the namespace's enums)
    mark("the Qt namespace (its enums)")
    from app.ui.main_window import MainWindow

    mark("import the UI")
    window = MainWindow()
    window.resize(1280, 800)
    mark("build the window")
    window.load(resources.content_dir(), None, result)
    mark("show the pack (icons, style, first slide)")
    from app.ui.content_watcher import ContentWatcher

    ContentWatcher(resources.content_dir(), None, parent=window)
    mark("watch the pack folder")
    window.show()

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, lambda: (mark("show and paint"), app.quit()))
            return False

    first = FirstPaint()
    window.slides.card.installEventFilter(first)
    app.exec()
    return {name: (t - marks[i][1]) * 1000 for i, (name, t) in enumerate(marks[1:])}


def main() -> int:
    if "--stop-after" in sys.argv:
        once(int(sys.argv[sys.argv.index("--stop-after") + 1]))
        return 0
    import json
    import statistics
    import subprocess
    import tempfile

    if "--once" in sys.argv:
        print(json.dumps(once()))
        return 0
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        CLINIC_KIOSK_LOG_DIR=tempfile.mkdtemp(),
        TMPDIR=tempfile.mkdtemp(),  # its own instance socket: no kiosk running here is raised
    )
    parts: dict[str, list[float]] = {}
    for _ in range(runs + 1):  # the first run warms the file cache; dropped below
        out = subprocess.run(
            [sys.executable, __file__, "--once"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        for name, ms in json.loads(out.stdout.strip().splitlines()[-1]).items():
            parts.setdefault(name, []).append(ms)
    total = 0.0
    for name, values in parts.items():
        ms = statistics.median(values[1:])
        total += ms
        print(f"{ms:7.1f} ms  {name}")
    print(f"{total:7.1f} ms  in all (medians of {runs}; interpreter start not included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
