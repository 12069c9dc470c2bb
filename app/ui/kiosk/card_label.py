"""A line of text centred in an overlay's card, as the kiosk's overlays show them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QLabel


def add_card_label(layout: QBoxLayout, role: str = "", wrap: bool = False) -> QLabel:
    """A centred label added to `layout`; `role` picks its style (theme.py)."""
    label = QLabel()
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(label)
    return label
