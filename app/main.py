"""Start-up: the Qt application, the bundled font, the pack, the window."""

from __future__ import annotations

import logging
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
    # The Wayland app id: compositors find clinic-kiosk.desktop, its name and icon.
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
    from app.content.loader import load_pack
    from app.system import logs
    from app.system.single_instance import SingleInstance
    from app.ui.content_watcher import ContentWatcher

    log_file = logs.setup_logging()
    log.info("clinic-kiosk %s starting, content %s", __version__, content_dir)
    logs.install_exception_hook()  # an error in a slot is logged; the kiosk keeps running
    # A native crash (Qt itself) cannot be caught; leave its traceback beside the log.
    logs.enable_crash_log(log_file)
    loaded = load_pack(content_dir, language)
    app = make_application()

    instance = SingleInstance()
    if not instance.listen():
        log.info("clinic-kiosk is already running; brought it to the front")
        return 0

    screen = app.primaryScreen().geometry()
    size = (screen.width(), screen.height()) if kiosk else (1280, 800)
    window = build_window(content_dir, language, size, loaded)
    instance.activationRequested.connect(lambda: _bring_to_front(window))
    # Packs updated on disk (git, rsync, Syncthing) are swapped in once they
    # load cleanly; a broken update leaves the last good pack on screen.
    watcher = ContentWatcher(content_dir, parent=window)
    watcher.packReady.connect(window.offer_pack)
    if kiosk:
        from app.ui.kiosk.diagnostics import describe
        from app.ui.kiosk.kiosk_session import KioskSession

        window.lock_down()
        window.showFullScreen()
        session = KioskSession(
            window, diagnostics=lambda: describe(window, str(log_file), logs.recent_errors())
        )
        session.exitRequested.connect(app.quit)
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
    if exit_after_first_paint:
        _quit_after_first_paint(app, window)
    return app.exec()


def _quit_after_first_paint(app, window) -> None:
    """Say "first-paint" on stdout once the slide is on screen, then quit:
    the start-up benchmark times this from outside the process."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                # After this paint event has been handled and flushed.
                QTimer.singleShot(0, lambda: (print("first-paint", flush=True), app.quit()))
            return False

    # The slide's card: Qt paints the card and the words inside it in one
    # pass, and the single-shot below runs once that pass is on screen.
    target = window.slides.card if window.pack else window
    window._first_paint = FirstPaint(window)
    target.installEventFilter(window._first_paint)


def _bring_to_front(window) -> None:
    log.info("a second start asked the kiosk to come to the front")
    window.showNormal() if not window.locked else window.showFullScreen()
    window.raise_()
    window.activateWindow()
