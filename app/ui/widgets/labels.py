"""Labels as the screens make them: words that wrap, styled by a role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def make_label(text: str = "", role: str = "") -> QLabel:
    """A wrapping label whose `role` picks its look in theme.style_sheet.
    Plain text: words from a content pack are never read as HTML."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("role", role)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
