"""The Qt application as the compositor sees it."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from app.main import make_application


def test_the_compositor_knows_the_kiosk_by_its_desktop_file(qapp):
    make_application()
    # The Wayland app id and the .desktop file with the name and icon, not "python3".
    assert QGuiApplication.desktopFileName() == "clinic-kiosk"
