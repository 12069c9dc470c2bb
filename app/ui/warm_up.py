"""Work done while nobody is waiting: a list of small steps run one per turn
of the event loop, so a tap in between is handled at once.

Once the pack is complete (app/ui/pack_completion.py: the rest of it loads
in a worker thread after the first paint) the window uses it to fill the
other screens and lay out the first slides once, so a patient's first tap on
Topics, The science or Contact is as quick as the next one."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.ui.widgets.qr_code import QrCode

log = logging.getLogger(__name__)

Step = Callable[[], object]

# Slides laid out once by the warm-up: enough to load Qt's SVG module and
# shape the glyphs of the pack's words, so the first page turns are as quick
# as later ones. Not every slide: 2000 of them would keep the UI thread busy
# for seconds, and later slides reuse those glyphs.
WARM_SLIDES = 20


class WarmUp(QObject):
    finished = Signal()  # the last step of a run has been done

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[Step] = []
        self._timer = QTimer(self)
        self._timer.setObjectName("warm-up")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next)

    @property
    def running(self) -> bool:
        return bool(self._steps)

    def run(self, steps: list[Step], delay_ms: int = 0) -> None:
        """Start these steps after `delay_ms` (replacing any not yet done)."""
        self._steps = list(steps)
        self._timer.start(delay_ms)

    def stop(self) -> None:
        self._steps = []
        self._timer.stop()

    def _next(self) -> None:
        if not self._steps:
            self.finished.emit()
            return
        step = self._steps.pop(0)
        try:
            step()
        except Exception:  # a warm-up step only saves time later; never fatal
            log.exception("warm-up step failed; it will happen on first use instead")
        self._timer.start(0)


# `window` below is the MainWindow; this module does not import it, so the
# window can import this one.
def first_steps(window) -> list[Step]:
    """Once the pack is complete: the other screens and the first slides,
    then the speech engine (Listen shows once one is found). The other
    languages are loaded by then, in the worker, never on this thread."""
    return [*again_steps(window), lambda: _find_voices(window)]


def again_steps(window) -> list[Step]:
    """After a language or pack change: fill and paint each overlay once off
    screen, then lay out the first slides once (SlideScreen.preparation_steps;
    its last step deletes the throwaway widgets)."""
    steps = [lambda screen=screen: _prepare(window, screen) for screen in window.overlays]
    slides = window.slides.preparation_steps()
    return [*steps, *slides[:-1][:WARM_SLIDES], *slides[-1:]]


def _prepare(window, screen: QWidget) -> None:
    window.fill(screen)
    for code in screen.findChildren(QrCode):
        code.encode()  # now, not while the screen slides in
    screen.grab()  # painted once off screen: its words' glyphs are ready


def _find_voices(window) -> None:
    window.comfort.reader  # noqa: B018 (creates the reader)
    window.show_comfort_state()
