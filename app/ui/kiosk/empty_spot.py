"""Where the staff door may be knocked on: a spot in a top corner of the
window where nothing a patient uses lies. A press counts only if the widget
under it, and every one of its parents, is plain background: no button, no
text that takes the focus, nothing that scrolls. So however the screens lay
out (any window size, any text size, any language), the door is never on a
control, and pressing and holding a control is only ever that control."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QWidget,
)

CORNER_DESIGN_PX = 120  # the corner squares' side at 1080 px (never under 80)


class Corner(Enum):
    TOP_LEFT = "top-left"
    TOP_RIGHT = "top-right"


def corner_rect(window: QWidget, corner: Corner, side: int) -> QRect:
    """The corner square, in global coordinates."""
    origin = window.rect().topLeft() if corner == Corner.TOP_LEFT else window.rect().topRight()
    if corner == Corner.TOP_RIGHT:
        origin -= QPoint(side - 1, 0)
    return QRect(window.mapToGlobal(origin), QSize(side, side))


def is_empty_spot(window: QWidget, point: QPoint, corner: Corner, side: int) -> bool:
    """Is global `point` in `corner` of `window`, on no control?"""
    if not corner_rect(window, corner, side).contains(point):
        return False
    widget = window.childAt(window.mapFromGlobal(point))
    while widget is not None and widget is not window:
        if is_interactive(widget):
            return False
        widget = widget.parentWidget()
    return True


def is_interactive(widget: QWidget) -> bool:
    """Something a patient presses, reads by focus, or scrolls."""
    if isinstance(widget, QAbstractButton | QAbstractScrollArea | QAbstractSlider):
        return True
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)
