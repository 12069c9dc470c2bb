"""Where presenter mode puts its two windows. Two screens: the slides on one,
the console full screen on the other. One screen: the slides, with the
console hidden until S brings it over them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from app.ui.main_window import MainWindow
from app.ui.presenter.console import PresenterConsole


def place_windows(
    audience: MainWindow, console: PresenterConsole, audience_screen: QScreen | None
) -> bool:
    """Show both windows where they belong; True when there is one screen.
    `audience_screen` None: --present picks the projector."""
    screens = QGuiApplication.screens()
    one_screen = len(screens) < 2
    if audience_screen is None:
        # --present on a laptop and a projector: the slides go to the
        # projector (not the primary screen), the console stays with you.
        primary = QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not primary]
        audience_screen = others[0] if others else primary
    console.set_one_screen(one_screen)
    _show_full_screen(audience, audience_screen)
    if one_screen:
        if audience.locked:  # the kiosk stays on top: so must the console
            console.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        console.setGeometry(audience_screen.geometry())
        console.hide()
        audience.activateWindow()
    else:
        console_screen = next(s for s in screens if s is not audience_screen)
        _show_full_screen(console, console_screen)
        console.activateWindow()
    return one_screen


def _show_full_screen(window: QWidget, screen: QScreen) -> None:
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()
    # The native window too, in case it is still on the screen it was shown
    # on before (the kiosk's); setting the screen it is on does nothing.
    window.windowHandle().setScreen(screen)
