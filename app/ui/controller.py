"""Turns the navigation rules of app.core into Qt signals for the views."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.core.navigation import SlideCursor


class DeckController(QObject):
    # index of the slide now showing, and the direction of travel
    # (+1 forward, -1 back, 0 a jump that should not animate)
    slideChanged = Signal(int, int)

    def __init__(self, count: int = 0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cursor = SlideCursor(count)

    @property
    def index(self) -> int:
        return self.cursor.index

    def reset(self, count: int, index: int = 0) -> None:
        """A new pack: start at `index` (kept when a pack is swapped mid-read).
        Emits nothing: whoever swaps the pack shows its slide, so a swap made
        inside a slide change never re-enters the slide-change handler."""
        self.cursor = SlideCursor(count, index)

    def next(self) -> None:
        if self.cursor.next():
            self.slideChanged.emit(self.cursor.index, 1)

    def previous(self) -> None:
        if self.cursor.previous():
            self.slideChanged.emit(self.cursor.index, -1)

    def first(self) -> None:
        if self.cursor.first():
            self.slideChanged.emit(self.cursor.index, -1)

    def last(self) -> None:
        if self.cursor.last():
            self.slideChanged.emit(self.cursor.index, 1)

    def go(self, index: int, animate: bool = False) -> None:
        old = self.cursor.index
        if self.cursor.go(index):
            step = (1 if index > old else -1) if animate else 0
            self.slideChanged.emit(self.cursor.index, step)

    def advance_wrapping(self) -> None:
        """The attract loop's step: after the last slide, the first again."""
        if self.cursor.advance_wrapping():
            self.slideChanged.emit(self.cursor.index, 1)

    def step(self, direction: int) -> None:
        """A swipe: +1 next, -1 previous."""
        if direction > 0:
            self.next()
        elif direction < 0:
            self.previous()
