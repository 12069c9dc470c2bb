"""The slide-change animation: the old slide slides out as the new one
slides in. Both are snapshots, so each frame is two blits, cheap on a
modest PC; the real widgets underneath are already showing the new slide."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QVariantAnimation, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QWidget

DURATION_MS = 250


class SlideTransition(QWidget):
    finished = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.hide()
        self.enabled = True  # the "motion off" setting turns this off
        self._old = QPixmap()
        self._new = QPixmap()
        self._direction = 1
        self._progress = 0.0
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(DURATION_MS)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._on_value)
        self._animation.finished.connect(self._on_finished)

    @property
    def running(self) -> bool:
        return self.isVisible()

    def play(self, target: QWidget, old: QPixmap, direction: int) -> None:
        """Animate from `old` to what `target` shows now."""
        if not self.enabled or old.isNull() or direction == 0:
            return
        self._animation.stop()
        self.setGeometry(target.geometry())
        self._old = old
        self._new = target.grab()
        self._direction = direction
        self._progress = 0.0
        self.raise_()
        self.show()
        self._animation.start()

    def _on_value(self, value: float) -> None:
        self._progress = float(value)
        self.update()

    def _on_finished(self) -> None:
        self.hide()
        self._old = QPixmap()
        self._new = QPixmap()
        self.finished.emit()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        shift = round(self.width() * self._progress) * self._direction
        painter.drawPixmap(-shift, 0, self._old)
        painter.drawPixmap(self.width() * self._direction - shift, 0, self._new)
        painter.end()
