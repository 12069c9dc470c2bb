"""check's progress line: only on a terminal, only once it takes a moment."""

from __future__ import annotations

import io

from app.content.progress_line import ProgressLine, terminal_progress
from tests.fake_clock import FakeClock


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_but_a_terminal_gets_a_progress_line():
    assert terminal_progress(io.StringIO()) is None
    assert isinstance(terminal_progress(Terminal()), ProgressLine)


def test_a_quick_check_shows_nothing_and_a_long_one_counts_in_place():
    clock = FakeClock()
    out = Terminal()
    line = ProgressLine(out, clock)
    line("en", 1)
    clock.advance(0.1)
    line("en", 20)
    assert out.getvalue() == ""  # a small pack: quiet
    clock.advance(1)
    line("en", 900)
    clock.advance(0.01)
    line("en", 901)  # too soon to write again
    clock.advance(0.5)
    line("es", 10)
    assert out.getvalue() == "\rchecking en: 900 slides \rchecking es: 10 slides "
    line.done()
    assert out.getvalue().endswith("\r\033[K")
