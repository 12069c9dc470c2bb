"""Ways to touch the window the way a finger or a mouse would."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget


def _mouse(widget: QWidget, kind: QEvent.Type, pos: QPoint, buttons) -> None:
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    local = QPointF(pos)
    event = QMouseEvent(
        kind,
        local,
        QPointF(widget.mapToGlobal(pos)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 10) -> None:
    """Press, move in steps, release: a finger swipe or a mouse drag."""
    held = Qt.MouseButton.LeftButton
    _mouse(widget, QEvent.Type.MouseButtonPress, start, held)
    for i in range(1, steps + 1):
        point = start + (end - start) * i / steps
        _mouse(widget, QEvent.Type.MouseMove, point, held)
    _mouse(widget, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def anchor_point(browser: QTextBrowser, href: str) -> QPoint:
    """Where on the browser's viewport the link to `href` is drawn."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                return browser.cursorRect(cursor).center()
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {href!r} on screen")
