"""Work done while nobody is waiting: a list of small steps run one per turn
of the event loop, so a tap in between is handled at once.

After the first slide is painted the window uses it to fill the other
screens and lay out every slide once, so a patient's first tap on Topics,
The science or Contact is as quick as the next one."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.ui.widgets.qr_code import QrCode

log = logging.getLogger(__name__)

Step = Callable[[], object]


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
    """After the first paint: the other screens and every slide, then the
    speech engine (Listen shows once one is found), then the pack's other
    languages, kept in memory so a first language switch loads nothing."""
    steps = [*again_steps(window), lambda: _find_voices(window)]
    pack, shelf = window.pack, window.shelf
    if pack is not None and shelf is not None:
        steps += [
            (lambda language=language: shelf.get(language))
            for language in pack.deck.languages
            if language != pack.language
        ]
    return steps


def again_steps(window) -> list[Step]:
    """After a language or pack change: fill and paint each overlay once off
    screen, then lay out every slide once (SlideScreen.preparation_steps)."""
    steps = [lambda screen=screen: _prepare(window, screen) for screen in window.overlays]
    return [*steps, *window.slides.preparation_steps()]


def _prepare(window, screen: QWidget) -> None:
    window.fill(screen)
    for code in screen.findChildren(QrCode):
        code.encode()  # now, not while the screen slides in
    screen.grab()  # painted once off screen: its words' glyphs are ready


def _find_voices(window) -> None:
    window.comfort.reader  # noqa: B018 (creates the reader)
    window.show_comfort_state()
