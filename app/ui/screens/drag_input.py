"""Finger and mouse drags on the slide: sideways changes the slide, up and
down scrolls the text with kinetic (flick) scrolling.

QScroller is fed by hand (handleInput) instead of grabbing a gesture, so one
place decides whether a drag is a swipe or a scroll and a tap on a citation
still reaches the text view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtWidgets import QScroller, QWidget


class DragInput(QObject):
    swiped = Signal(int)  # +1: go to the next slide, -1: the previous one

    def __init__(self, scroll_viewport: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._viewport = scroll_viewport
        self._scroller = QScroller.scroller(scroll_viewport)
        self._start: QPointF | None = None
        self._mode: str | None = None  # None until the drag shows its direction
        self._press_time = -1
        self.decide_px = 24  # movement before we decide swipe vs scroll
        self.swipe_px = 80  # sideways distance that counts as a swipe

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def set_scale(self, unit: float) -> None:
        self.decide_px = max(16, round(24 * unit))
        self.swipe_px = max(50, round(80 * unit))

    def _viewport_pos(self, event) -> QPointF:
        # Events come from several watched widgets; the scroller wants them
        # in its viewport's coordinates.
        return QPointF(self._viewport.mapFromGlobal(event.globalPosition()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            if self._start is not None and event.timestamp() == self._press_time:
                return False  # the same press, passed up from a watched child
            self._press_time = event.timestamp()
            self._start = event.globalPosition()
            self._mode = None
            self._scroller.stop()
            self._scroller.handleInput(
                QScroller.Input.InputPress,
                self._viewport_pos(event),
                event.timestamp(),
            )
            return False  # the view still sees the press (links, buttons)
        if self._start is None:
            return False
        if kind == QEvent.Type.MouseMove:
            delta = event.globalPosition() - self._start
            if self._mode is None and max(abs(delta.x()), abs(delta.y())) >= self.decide_px:
                self._mode = "swipe" if abs(delta.x()) > 1.2 * abs(delta.y()) else "scroll"
            if self._mode == "scroll":
                self._scroller.handleInput(
                    QScroller.Input.InputMove,
                    self._viewport_pos(event),
                    event.timestamp(),
                )
            return self._mode is not None
        if kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            delta = event.globalPosition() - self._start
            mode, self._start, self._mode = self._mode, None, None
            if mode == "scroll":
                self._scroller.handleInput(
                    QScroller.Input.InputRelease,
                    self._viewport_pos(event),
                    event.timestamp(),
                )
                return True
            self._scroller.stop()
            if mode == "swipe":
                if abs(delta.x()) >= self.swipe_px:
                    self.swiped.emit(-1 if delta.x() > 0 else 1)
                return True  # a drag is never also a tap
        return False
