"""Buttons as every screen makes them: a style role and words kept clear of
their icon."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton


def make_button(role: str = "", text: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setProperty("role", role)
    press_with_enter(button)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def press_with_enter(button: QPushButton) -> None:
    """A Tab stop that Enter (or keypad Enter) presses as Space does. Qt's
    push buttons take Enter only when "auto default", which only buttons in
    a QDialog are unless told."""
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAutoDefault(True)


def set_button_text(button: QPushButton, text: str) -> None:
    # An en space keeps the icon off the word, on the icon's side (Next has
    # its arrow after the word); screen readers get the bare word.
    if button.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        button.setText(f"{text}\u2002")
    else:
        button.setText(f"\u2002{text}")
    button.setAccessibleName(text)
