"""Start-up: the Qt application, the bundled font, the pack, the window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__, resources

if TYPE_CHECKING:
    from app.content.model import LoadResult

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None):
    from PySide6.QtGui import QFont, QFontDatabase, QIcon, QPixmapCache
    from PySide6.QtWidgets import QApplication

    from app.system import desktop_entry

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("clinic-kiosk")
    app.setApplicationDisplayName("Clinic kiosk")
    # The compositor's app id (Wayland) and the .desktop file it finds the
    # name and icon in: clinic-kiosk.desktop, not "python3".
    app.setDesktopFileName(desktop_entry.DESKTOP_ID)
    app.setWindowIcon(QIcon(str(desktop_entry.icon_path())))
    families: list[str] = []
    for path in resources.font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        app.setFont(QFont(families[0]))
    else:
        log.warning("bundled font not found in %s", resources.assets_dir())
    # Qt's default 10 MB pixmap cache fills with slide snapshots a kiosk never
    # reuses; 2 MB keeps the icons and costs nothing measurable in speed.
    QPixmapCache.setCacheLimit(2048)
    return app


def build_window(
    content_dir: Path,
    language: str | None = None,
    size: tuple[int, int] | None = None,
    loaded: LoadResult | None = None,
    speech_engine: str | None = None,
):
    """The window showing the pack; `speech_engine` reads aloud (None: the
    first real engine on this PC)."""
    from app.ui.main_window import MainWindow

    window = MainWindow(speech_engine)
    if size is not None:
        window.resize(*size)  # before loading, so every screen is styled once
    window.load(content_dir, language, loaded)
    return window


def run(
    content_dir: Path,
    kiosk: bool = False,
    present: bool = False,
    language: str | None = None,
    exit_after_first_paint: bool = False,
) -> int:
    from app.content.opening import load_opening
    from app.system import exit_codes, logs
    from app.system.service_notify import ServiceNotifier
    from app.system.single_instance import SingleInstance
    from app.system.stop_signals import StopSignals
    from app.ui.content_watcher import ContentWatcher

    log_file = logs.setup_logging()
    log.info("clinic-kiosk %s starting, content %s", __version__, content_dir)
    logs.install_exception_hook()  # an error in a slot is logged; the kiosk keeps running
    # A native crash (Qt itself) cannot be caught; leave its traceback beside the log.
    logs.enable_crash_log(log_file)
    app = make_application()
    instance = SingleInstance()
    if not instance.listen():
        return exit_codes.ALREADY_RUNNING  # before loading anything: a quick, plain exit
    # systemd (Type=notify): watchdog pings from now on, READY at the first paint.
    notifier = ServiceNotifier(app)
    notifier.status("loading the content pack")
    stop_signals = StopSignals(app)

    # Only what the first screen needs; the rest loads after the first paint.
    loaded = load_opening(content_dir, language)
    screen = app.primaryScreen().geometry()
    size = (screen.width(), screen.height()) if kiosk else (1280, 800)
    window = build_window(content_dir, language, size, loaded)
    instance.activationRequested.connect(lambda: _bring_to_front(window))
    # SIGTERM (systemctl stop) and SIGINT (Ctrl+C) end even the locked kiosk:
    # exit() leaves the loop without asking the windows, which would refuse.
    stop_signals.received.connect(lambda name: _stop(app, name))
    # Packs updated on disk (git, rsync, Syncthing) are swapped in once they
    # load cleanly; a broken update leaves the last good pack on screen.
    watcher = ContentWatcher(content_dir, parent=window)
    watcher.packReady.connect(window.offer_pack)
    if kiosk:
        from app.system.usage_store import UsageStore
        from app.ui.kiosk.diagnostics import describe
        from app.ui.kiosk.kiosk_session import KioskSession
        from app.ui.kiosk.lock_down import lock_down

        lock_down(window)
        window.showFullScreen()
        session = KioskSession(
            window,
            diagnostics=lambda: describe(window, str(log_file), logs.recent_errors()),
            usage=UsageStore(),  # hourly counts only; deck.toml [usage] counting = false stops them
            keep_in_front=True,
        )
        session.exitRequested.connect(lambda: app.exit(exit_codes.STAFF_EXIT))
        if session.usage is not None:
            # However the kiosk ends (staff Exit, SIGTERM), this hour's counts are written.
            app.aboutToQuit.connect(session.usage.close)
    elif present:
        # Staff presenting: no attract loop, no idle reset (no KioskSession).
        from app.ui.presenter.presenter_mode import PresenterMode

        window.resize(1280, 800)
        presenter = PresenterMode(window)
        presenter.finished.connect(app.quit)  # closing the console ends the show
        presenter.start()
    else:
        window.resize(1280, 800)
        window.show()
    _after_first_paint(window, lambda: notifier.ready(f"showing {window.windowTitle()}"))
    if exit_after_first_paint:
        _after_first_paint(window, lambda: (print("first-paint", flush=True), app.quit()))
    if os.environ.get(FREEZE_VARIABLE):
        _after_first_paint(window, lambda: _freeze_for_tests(int(os.environ[FREEZE_VARIABLE])))
    status = app.exec()
    notifier.stopping(f"stopping with status {status}")
    stop_signals.close()
    instance.release()
    _end_speech(window, status)
    log.info("clinic-kiosk stopped with status %d", status)
    return status


def _stop(app, name: str) -> None:
    from app.system import exit_codes

    log.info("%s received; closing the kiosk", name)
    app.exit(exit_codes.OK)


def _after_first_paint(window, callback) -> None:
    """Call `callback` once the first slide (or the front desk screen) is on
    screen: READY for systemd, and "first-paint" for the start-up benchmark,
    which times it from outside the process."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                # After this paint event has been handled and flushed.
                QTimer.singleShot(0, callback)
            return False

    # The slide's card: Qt paints the card and the words inside it in one
    # pass, and the single-shot below runs once that pass is on screen.
    target = window.slides.card if window.pack else window
    target.installEventFilter(FirstPaint(window))  # the window keeps it


# Test hook (tests/test_service_notify.py): with this set to N, the UI thread
# blocks for good N ms after the first paint, as a hung library would, so the
# test can see the watchdog pings stop.
FREEZE_VARIABLE = "CLINIC_KIOSK_TEST_FREEZE_AFTER_MS"


def _freeze_for_tests(after_ms: int) -> None:
    import threading

    from PySide6.QtCore import QTimer

    log.warning("%s is set: the UI thread blocks for good in %d ms", FREEZE_VARIABLE, after_ms)
    QTimer.singleShot(after_ms, lambda: threading.Event().wait())  # an Event never set


def _end_speech(window, status: int) -> None:
    """Stop the speech thread. One stuck in the speech service cannot be
    joined, and Qt aborts when a running thread is deleted at exit, so then
    the process leaves at once, with its status."""
    from app.ui import read_aloud

    window.comfort.shut_down()
    if read_aloud.threads_left_running():
        log.warning("leaving with the speech thread stuck in the speech service")
        logging.shutdown()
        os._exit(status)


def _bring_to_front(window) -> None:
    log.info("a second start asked the kiosk to come to the front")
    window.showNormal() if not window.locked else window.showFullScreen()
    window.raise_()
    window.activateWindow()
