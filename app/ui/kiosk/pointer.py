"""The mouse pointer hides after a few still seconds (a touch screen needs
none on show) and comes back as soon as the mouse moves."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

HIDE_AFTER_MS = 3000


class PointerHider(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True, interval=HIDE_AFTER_MS)
        self.timer.timeout.connect(self._hide)
        self.hidden = False

    def start(self) -> None:
        """The pointer hides once the mouse has been still long enough."""
        self.timer.start()

    def moved(self) -> None:
        self._show()
        self.timer.start()

    def stop(self) -> None:
        """The pointer shows and stays (presenter mode, leaving the kiosk)."""
        self.timer.stop()
        self._show()

    def _show(self) -> None:
        if self.hidden:
            QApplication.restoreOverrideCursor()
            self.hidden = False

    def _hide(self) -> None:
        if not self.hidden:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
            self.hidden = True
