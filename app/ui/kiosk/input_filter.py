"""Every touch, click and key in the kiosk window passes here first: keys
that leave apps elsewhere, right clicks and context menus are refused; the
rest is told to the idle loop, the staff door and the pointer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.kiosk.idle_loop import IdleLoop
from app.ui.kiosk.pointer import PointerHider
from app.ui.kiosk.staff_door import StaffDoor
from app.ui.main_window import MainWindow

INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}
WATCHED_EVENTS = INPUT_EVENTS | {
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.ContextMenu,
    QEvent.Type.ShortcutOverride,
}
MOUSE_BUTTON_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease}


def is_refused_key(event: QKeyEvent) -> bool:
    """Keys that close or leave apps elsewhere: here they do nothing."""
    key, mods = event.key(), event.modifiers()
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    alt = bool(mods & Qt.KeyboardModifier.AltModifier)
    return (
        key == Qt.Key.Key_F11
        or (ctrl and key in (Qt.Key.Key_Q, Qt.Key.Key_W))
        or (alt and key == Qt.Key.Key_F4)
    )


class InputFilter(QObject):
    """An application event filter for one kiosk window."""

    def __init__(
        self,
        window: MainWindow,
        idle: IdleLoop,
        door: StaffDoor,
        pointer: PointerHider,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.idle = idle
        self.door = door
        self.pointer = pointer
        # The press that ended the attract loop was swallowed: so is its release.
        self._swallow_release = False

    def install(self) -> None:
        QApplication.instance().installEventFilter(self)

    def remove(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self._swallow_release = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """True: the event is swallowed, nothing in the window sees it."""
        kind = event.type()
        if kind not in WATCHED_EVENTS:
            return False  # paints, layouts...: the cheap way out, taken most often
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            # The paging keys are window shortcuts and never arrive as a
            # KeyPress: count them here, or a keyboard reader would be asked
            # "Still reading?" while paging.
            self.idle.input()
            return False
        if kind == QEvent.Type.MouseMove:
            self.pointer.moved()
            self.door.move(event.globalPosition().toPoint())
            return False
        if kind == QEvent.Type.ContextMenu:
            return True  # no menus anywhere in kiosk mode
        if kind in MOUSE_BUTTON_EVENTS and event.button() != Qt.MouseButton.LeftButton:
            return True  # right and middle clicks do nothing
        if kind == QEvent.Type.MouseButtonRelease:
            self.door.release()
            swallow, self._swallow_release = self._swallow_release, False
            return swallow
        if kind == QEvent.Type.KeyPress and is_refused_key(event):
            return True
        if kind == QEvent.Type.MouseButtonPress:
            self.door.press(event.globalPosition().toPoint())
        if self.idle.is_pause_control(watched):
            return False
        if self.idle.input():
            self._swallow_release = kind == QEvent.Type.MouseButtonPress
            return True
        return False
