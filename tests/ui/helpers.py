"""Ways to touch the window the way a finger or a mouse would."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget

_clock_ms = 1000


def _mouse(widget: QWidget, kind: QEvent.Type, pos: QPoint, buttons) -> None:
    # Real input carries timestamps; kinetic scrolling measures speed with them.
    global _clock_ms
    _clock_ms += 16
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
    event.setTimestamp(_clock_ms)
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
    """Scroll the link to `href` into view, as a reader would, and say where
    on the browser's viewport it is drawn."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                start = browser.cursorRect(cursor)
                cursor.setPosition(fragment.position() + fragment.length())
                end = browser.cursorRect(cursor)
                x = (start.center().x() + end.center().x()) // 2
                # A superscript sits high in its line: find where it is hit.
                for y in range(start.top(), start.bottom() + 1):
                    if browser.anchorAt(QPoint(x, y)) == href:
                        return QPoint(x, y)
                raise AssertionError(f"link to {href!r} is not where its text is")
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {href!r} on screen")


def decode_qr(widget: QWidget) -> list[str]:
    """What a phone camera would read from the QR code drawn by `widget`."""
    return decode_qr_image(widget.grab().toImage())


def decode_qr_image(shot) -> list[str]:
    """Every QR code a phone camera would read in the QImage `shot`."""
    import zxingcpp
    from PySide6.QtGui import QImage, QPainter

    # A white canvas whose width is a multiple of 4, so rows have no padding.
    width = (shot.width() + 40 + 3) // 4 * 4
    canvas = QImage(width, shot.height() + 40, QImage.Format.Format_Grayscale8)
    canvas.fill(0xFFFFFFFF)
    painter = QPainter(canvas)
    painter.drawImage(20, 20, shot)
    painter.end()
    pixels = memoryview(canvas.constBits()).cast("B", (canvas.height(), canvas.bytesPerLine()))
    return [result.text for result in zxingcpp.read_barcodes(pixels)]


def wait_loaded(qtbot, window) -> None:
    """Until the background load after the first paint (app/ui/pack_completion.py)
    has the whole pack, every language of it: a window as a patient finds it."""
    qtbot.waitUntil(lambda: window.loading.finished and not window.loading.running, timeout=10_000)
