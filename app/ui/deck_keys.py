"""The slide screen's keyboard map: paging keys, as window shortcuts so they
work while a button has the keyboard focus (a focused QPushButton would eat
the arrows). Space stays with a focused button, which it presses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QScrollBar, QWidget

from app.ui.controller import DeckController

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp}
SHORTCUT_KEYS = (
    Qt.Key.Key_Right,
    Qt.Key.Key_Left,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Down,
    Qt.Key.Key_Up,
)
BACK_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_Back, Qt.Key.Key_Backspace}


def add_paging_shortcuts(window: QWidget, act) -> list[QShortcut]:
    """Window shortcuts for SHORTCUT_KEYS; each calls `act(key)`."""
    shortcuts = []
    for key in SHORTCUT_KEYS:
        shortcut = QShortcut(QKeySequence(key), window)
        shortcut.activated.connect(lambda key=key: act(key))
        shortcuts.append(shortcut)
    return shortcuts


def page(controller: DeckController, scroll: QScrollBar, key: Qt.Key) -> bool:
    """Act on a paging key on the slide screen; False when it means nothing.
    Up and Down scroll long text first, then change the slide."""
    if key in NEXT_KEYS:
        controller.next()
    elif key in PREVIOUS_KEYS:
        controller.previous()
    elif key == Qt.Key.Key_Home:
        controller.first()
    elif key == Qt.Key.Key_End:
        controller.last()
    elif key == Qt.Key.Key_Down:
        if scroll.value() < scroll.maximum():
            scroll.setValue(scroll.value() + scroll.pageStep() // 2)
        else:
            controller.next()
    elif key == Qt.Key.Key_Up:
        if scroll.value() > scroll.minimum():
            scroll.setValue(scroll.value() - scroll.pageStep() // 2)
        else:
            controller.previous()
    else:
        return False
    return True
