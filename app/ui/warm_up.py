"""Work done while nobody is waiting: a list of small steps run one per turn
of the event loop, so a tap in between is handled at once.

After the first slide is painted the window uses it to fill the other
screens and lay out every slide once, so a patient's first tap on Topics,
The science or Contact is as quick as the next one."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

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
