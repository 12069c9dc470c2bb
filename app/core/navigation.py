"""Where the reader is in the deck, and what each move does at the edges."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SlideCursor:
    """A position over `count` slides.

    Next on the last slide and Previous on the first stay put (no wrap): a
    patient pressing Next at the end should not be thrown back to the start.
    The attract loop wraps on purpose through `advance_wrapping`.
    """

    count: int
    index: int = 0

    def __post_init__(self) -> None:
        self.index = self._clamp(self.index)

    def _clamp(self, index: int) -> int:
        if self.count <= 0:
            return 0
        return max(0, min(index, self.count - 1))

    @property
    def at_first(self) -> bool:
        return self.index == 0

    @property
    def at_last(self) -> bool:
        return self.index >= self.count - 1

    def go(self, index: int) -> bool:
        """Move to `index` (clamped). True when the position changed."""
        new = self._clamp(index)
        changed = new != self.index
        self.index = new
        return changed

    def next(self) -> bool:
        return self.go(self.index + 1)

    def previous(self) -> bool:
        return self.go(self.index - 1)

    def first(self) -> bool:
        return self.go(0)

    def last(self) -> bool:
        return self.go(self.count - 1)

    def advance_wrapping(self) -> bool:
        """The attract loop's step: after the last slide comes the first."""
        if self.count <= 1:
            return False
        return self.go(0 if self.at_last else self.index + 1)

    def resize(self, count: int) -> None:
        """A new pack arrived: keep the position if it still exists."""
        self.count = count
        self.index = self._clamp(self.index)
