"""Start-up: the Qt application, the bundled font, the pack, the window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from app import resources

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None):
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("clinic-kiosk")
    app.setApplicationDisplayName("Clinic kiosk")
    families: list[str] = []
    for path in resources.font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        app.setFont(QFont(families[0]))
    else:
        log.warning("bundled font not found in %s", resources.assets_dir())
    return app


def build_window(content_dir: Path, language: str | None = None):
    from app.content.loader import load_pack
    from app.ui.main_window import MainWindow

    window = MainWindow()
    window.set_content(load_pack(content_dir, language))
    return window


def run(content_dir: Path, kiosk: bool = False, language: str | None = None) -> int:
    app = make_application()
    window = build_window(content_dir, language)
    if kiosk:
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    return app.exec()
