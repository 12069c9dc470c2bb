"""The keyboard focus ring shows where the keyboard is, not on whatever a
finger tapped last.

Qt style sheets' :focus does not know why a widget got the focus, so one
application event filter remembers the last input device (a key, or a
press/touch) and marks the focused widget with the dynamic property
`focusRing` ("true" or "false"); theme.py draws the ring only where it is
"true". Tab and Backtab always show it (only a keyboard moves focus that
way); a focus moved by the program (the slide heading after a page turn)
shows it when the last input was a key. Only the one focused widget is
re-polished, and only when its mark changes: no restyle of the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

PROPERTY = "focusRing"
KEY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride}
POINTER_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
}
KEYBOARD_REASONS = {Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason}
WATCHED = KEY_EVENTS | POINTER_EVENTS | {QEvent.Type.FocusIn}


class FocusRing(QObject):
    """One per application (install())."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focus_ring")
        # A kiosk starts with nobody at it: no ring on the welcome screen. The
        # first key shows it at once (on the widget that has the focus).
        self.keyboard = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind not in WATCHED:
            return False  # the cheap way out, taken by nearly every event
        if kind == QEvent.Type.FocusIn:
            if isinstance(watched, QWidget):
                reason = event.reason()
                if reason in KEYBOARD_REASONS:
                    self.keyboard = True
                elif reason == Qt.FocusReason.MouseFocusReason:
                    self.keyboard = False
                mark(watched, self.keyboard)
            return False
        keyboard = kind in KEY_EVENTS
        if keyboard != self.keyboard:
            self.keyboard = keyboard
            focused = QApplication.focusWidget()
            if focused is not None:
                mark(focused, keyboard)
        return False


def mark(widget: QWidget, ring: bool) -> None:
    """Set the widget's focusRing mark; re-polish it only when it changes
    (a property selector is read when the style sheet polishes)."""
    value = "true" if ring else "false"
    if widget.property(PROPERTY) == value:
        return
    widget.setProperty(PROPERTY, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def install() -> FocusRing:
    """The application's focus ring filter, made on first call."""
    app = QApplication.instance()
    found = app.findChild(FocusRing, "focus_ring")
    if found is None:
        found = FocusRing(app)
        app.installEventFilter(found)
    return found
