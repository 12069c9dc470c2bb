"""A Qt key event as the name app.core.presenter_keys knows it ("Right",
"Shift+F5", "7"), so the key map itself needs no Qt."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

_NAMED = {
    Qt.Key.Key_Right: "Right",
    Qt.Key.Key_Left: "Left",
    Qt.Key.Key_Up: "Up",
    Qt.Key.Key_Down: "Down",
    Qt.Key.Key_PageUp: "PageUp",
    Qt.Key.Key_PageDown: "PageDown",
    Qt.Key.Key_Space: "Space",
    Qt.Key.Key_Return: "Enter",
    Qt.Key.Key_Enter: "Enter",
    Qt.Key.Key_Backspace: "Backspace",
    Qt.Key.Key_Home: "Home",
    Qt.Key.Key_End: "End",
    Qt.Key.Key_Escape: "Escape",
    Qt.Key.Key_Period: "Period",
    Qt.Key.Key_Question: "Question",
    Qt.Key.Key_F5: "F5",
    Qt.Key.Key_Tab: "Tab",
    Qt.Key.Key_Backtab: "Tab",
}
# QKeyEvent.key() is a plain int.
NAMED_KEYS = {key.value: name for key, name in _NAMED.items()}
# Characters whose Shift is part of the character, not a modifier.
_SHIFTED_CHARACTERS = {"Question", "Period"}
_CHORD = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def key_name(event: QKeyEvent) -> str:
    """The name app.core.presenter_keys uses for this key ("" for chords)."""
    modifiers = event.modifiers()
    if modifiers & _CHORD:
        return ""  # Ctrl+Alt+Shift+S and friends are not presenter keys
    key = event.key()
    if Qt.Key.Key_A.value <= key <= Qt.Key.Key_Z.value or (
        Qt.Key.Key_0.value <= key <= Qt.Key.Key_9.value
    ):
        return chr(key)
    name = NAMED_KEYS.get(key, "")
    if name and modifiers & Qt.KeyboardModifier.ShiftModifier and name not in _SHIFTED_CHARACTERS:
        name = "Shift+" + name
    return name
