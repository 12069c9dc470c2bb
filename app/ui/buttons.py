"""Buttons as every screen makes them: a style role and words kept clear of
their icon."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton


def make_button(role: str = "") -> QPushButton:
    button = QPushButton()
    button.setProperty("role", role)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def set_button_text(button: QPushButton, text: str) -> None:
    # En spaces keep the icon off the word; screen readers get the bare word.
    button.setText(f"\u2002{text}\u2002")
    button.setAccessibleName(text)
