"""Flick scrolling for screens that scroll as a whole (topics, references,
contact)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QScroller


def enable_flick(area: QAbstractScrollArea) -> None:
    # LeftMouseButtonGesture covers touch too: Qt turns unhandled touches into
    # mouse events, and a mouse drag on a desk PC scrolls the same way.
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
