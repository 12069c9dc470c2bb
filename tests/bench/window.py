"""The kiosk window for the in-process measures (workers.py, soak.py),
built as `clinic-kiosk` builds it, shown, and left to settle.

Only the app's public start-up functions (app.main.make_application and
build_window) and public objects of the window are used, so the measures
survive changes to how start-up is arranged inside.
"""

from __future__ import annotations

import time


def say(text: str) -> None:
    print(text, flush=True)


def paint_counter():
    """An event filter counting the Paint events of what it is installed on."""
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    return PaintCounter()


def wait_for(condition, timeout_s: float) -> bool:
    """Run the event loop until `condition()` holds; False after `timeout_s`."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > end:
            return False
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    return True


def run_loop(seconds: float) -> None:
    """Run the event loop for `seconds`."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


class KioskWindow:
    """The window as `clinic-kiosk` builds it, shown, painted and settled."""

    def __init__(self, size: tuple[int, int] = (1920, 1080)) -> None:
        from app import resources
        from app.main import build_window, make_application
        from app.ui.content_watcher import ContentWatcher

        self.app = make_application()
        self.content = resources.content_dir()
        self.window = build_window(self.content, size=size)
        # As clinic-kiosk does: a pack changed on disk is offered to the window.
        self.watcher = ContentWatcher(self.content, parent=self.window)
        self.watcher.packReady.connect(self.window.offer_pack)
        self.body_paints = paint_counter()
        # The slide's words, or a check-yourself slide's questions in their place.
        self.window.slides.body.viewport().installEventFilter(self.body_paints)
        self.window.slides.check.viewport().installEventFilter(self.body_paints)
        self.window.show()
        assert self.wait_for(lambda: self.body_paints.count > 0, 10), "the slide never painted"
        # Measure the started app, as a patient finds it: whatever the window
        # does once its first slide is up has long finished by the first tap.
        seconds = self.settle()
        say(f"settled {seconds:.1f} s after the first paint")

    def settle(self, timeout_s: float = 30) -> float:
        """Run the event loop until the process idles (under 5 % of a core
        for half a second, after at least a second); the seconds it took."""
        start = time.perf_counter()
        self.run_loop(1.0)
        while time.perf_counter() - start < timeout_s:
            wall0, cpu0 = time.perf_counter(), time.process_time()
            self.run_loop(0.5)
            if time.process_time() - cpu0 < 0.05 * (time.perf_counter() - wall0):
                break
        else:
            say(f"never idle within {timeout_s:.0f} s of the first paint")
        return time.perf_counter() - start

    def wait_for(self, condition, timeout_s: float) -> bool:
        return wait_for(condition, timeout_s)

    def run_loop(self, seconds: float) -> None:
        run_loop(seconds)

    def cpu_pct(self, seconds: float) -> tuple[float, float]:
        """The process's CPU use over `seconds` of event loop, and the wall time."""
        wall0, cpu0 = time.perf_counter(), time.process_time()
        self.run_loop(seconds)
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        return 100 * cpu / wall, wall
