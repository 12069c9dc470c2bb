"""One line of progress on a terminal while `check` reads a big pack.

Only on a terminal (stderr, never stdout: the problems on stdout stay
clean for scripts and editors), only once the check has taken a moment,
and rewritten in place at most a few times a second."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

# Quiet for a small pack: nothing shows unless the check takes this long.
QUIET_S = 0.5
EVERY_S = 0.25

Report = Callable[[str, int], None]  # (language, slides of it checked so far)


class ProgressLine:
    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._clock = clock
        self._start = clock()
        self._last = self._start
        self._shown = False

    def __call__(self, language: str, count: int) -> None:
        now = self._clock()
        if now - self._start < QUIET_S or now - self._last < EVERY_S:
            return
        self._last = now
        self._shown = True
        self._stream.write(f"\rchecking {language}: {count} slides ")
        self._stream.flush()

    def done(self) -> None:
        if self._shown:
            self._stream.write("\r\033[K")  # the line cleared: only the problems stay
            self._stream.flush()


def terminal_progress(stream: TextIO) -> ProgressLine | None:
    """A progress line on `stream` if it is a terminal, else None."""
    isatty = getattr(stream, "isatty", None)
    return ProgressLine(stream) if isatty is not None and isatty() else None
