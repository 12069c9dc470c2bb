import os
import tempfile
import threading

import pytest

# Tests never need a screen; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A kiosk started by a test (in this process or another) counts usage here,
# never in the machine's real data folder (app/system/usage_store.py).
os.environ.setdefault("CLINIC_KIOSK_DATA_DIR", tempfile.mkdtemp(prefix="clinic-kiosk-data-"))


@pytest.fixture(autouse=True)
def leaves_nothing_behind(request):
    """Every test leaves no window, running timer or thread behind: a leftover
    fires during a later test (a warm-up that starts a real speech engine
    after the mock is gone) and makes the suite slow and flaky. pytest-qt has
    closed the test's widgets by the time this runs."""
    threads_before = set(threading.enumerate())
    app, widgets_before = _qt_state()
    yield
    if app is None:
        app, _ = _qt_state()
        if app is None:
            return  # the test never started Qt
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool, QTimer

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QThreadPool.globalInstance().waitForDone(5000)
    leftovers = [w for w in app.topLevelWidgets() if w not in widgets_before]
    timers = [t for t in app.findChildren(QTimer) if t.isActive()]
    threads = [t for t in threading.enumerate() if t not in threads_before and t.is_alive()]
    for widget in leftovers:  # so one leak does not spill into the next test
        widget.close()
        widget.deleteLater()
    for timer in timers:
        timer.stop()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    found = [f"window {type(w).__name__}" for w in leftovers]
    found += [f"timer {t.objectName() or t.interval()}ms" for t in timers]
    found += [f"thread {t.name}" for t in threads]
    if found:
        pytest.fail(f"{request.node.nodeid} left behind: {', '.join(found)}", pytrace=False)


def _qt_state():
    """The application and its top-level widgets, if Qt has been started."""
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return None, set()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return app, set(app.topLevelWidgets()) if app is not None else set()
