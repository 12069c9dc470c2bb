"""The kiosk window comes back when something outside puts it away.

Under cage nothing can; under an ordinary window manager a key (Super+D,
Alt+Tab, Alt+Space then Iconify) or another program can minimise it, unmap
it or take the active window from it, and nobody would bring it back. So
each window event that could mean that (a state change, a hide, losing
activation) is answered RESTORE_MS later, once the window manager has
finished, and a check every CHECK_MS catches what sends no event. Restoring
is: full screen, shown, raised, active.

Stopped while staff present (presenter mode places its own windows) and
after staff Exit; the lock-down against the desktop behind (a terminal a
right click away) is the compositor's job: cage shows nothing else."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

RESTORE_MS = 500
CHECK_MS = 2000

# The window events after which it may no longer be in front.
WATCHED = (QEvent.Type.WindowStateChange, QEvent.Type.Hide, QEvent.Type.WindowDeactivate)


class StayInFront(QObject):
    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.restore_timer = QTimer(self, singleShot=True, interval=RESTORE_MS)
        self.restore_timer.setObjectName("stay-in-front")
        self.restore_timer.timeout.connect(self.restore)
        self.check_timer = QTimer(self, interval=CHECK_MS)
        self.check_timer.setObjectName("stay-in-front-check")
        self.check_timer.timeout.connect(self.restore)
        self.watching = False
        self._told = None  # the reason last logged, so a window that stays away is logged once
        window.installEventFilter(self)

    def start(self) -> None:
        self.watching = True
        self.check_timer.start()

    def stop(self) -> None:
        self.watching = False
        self.check_timer.stop()
        self.restore_timer.stop()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if self.watching and event.type() in WATCHED:
            self.restore_timer.start()
        return False

    def put_away(self) -> str | None:
        """How the window is out of the patient's way, or None if it is not."""
        window = self.window
        handle = window.windowHandle()
        if window.isMinimized():
            return "minimised"
        if not window.isVisible() or (handle is not None and not handle.isExposed()):
            return "hidden"
        if not window.isFullScreen():
            return "not full screen"
        if not window.isActiveWindow():
            return "not the active window"
        return None

    def restore(self) -> None:
        if not self.watching:
            return
        why = self.put_away()
        if why != self._told and why is not None:
            log.info("the kiosk window was %s; bringing it back", why)
        self._told = why
        if why is None:
            return
        window = self.window
        if why == "hidden" and window.isVisible():
            window.hide()  # unmapped from outside: Qt still thinks it shows, so show it anew
        window.showFullScreen()  # also clears the minimised state
        window.raise_()
        window.activateWindow()
