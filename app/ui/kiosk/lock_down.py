"""The waiting room's window: full screen, frameless, on top, no context
menu, no drops; MainWindow then refuses to close until staff choose Exit."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.main_window import MainWindow


def lock_down(window: MainWindow) -> None:
    window.locked = True
    window.setWindowFlags(
        window.windowFlags()
        | Qt.WindowType.FramelessWindowHint
        | Qt.WindowType.WindowStaysOnTopHint
    )
    window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    window.setAcceptDrops(False)
