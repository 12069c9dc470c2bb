"""The attract loop's cue: 'Touch the screen to start' and a pause control
(WCAG 2.2.2: anything that moves by itself can be paused)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from app.ui.theme import Metrics, Theme
from app.ui.widgets.buttons import make_button, set_button_text
from app.ui.widgets.icons import icon


class AttractBanner(QFrame):
    pauseToggled = Signal(bool)  # True: paused

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setProperty("role", "banner")
        self.cue = QLabel()
        self.cue.setProperty("role", "heading")
        self.pause_button = make_button()
        self.pause_button.clicked.connect(self._toggle)
        row = QHBoxLayout(self)
        self.row = row
        row.addWidget(self.cue, 1, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.pause_button)
        self.paused = False
        self._strings: dict[str, str] = {}
        self._theme: Theme | None = None
        self.hide()

    def set_strings(self, strings: dict[str, str]) -> None:
        self._strings = strings
        self.cue.setText(strings["touch_to_start"])
        self._show_state()

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self._show_state()

    def _toggle(self) -> None:
        self.set_paused(not self.paused)
        self.pauseToggled.emit(self.paused)

    def _show_state(self) -> None:
        if not self._strings:
            return
        set_button_text(self.pause_button, self._strings["play" if self.paused else "pause"])
        if self._theme is not None:
            name = "fa6s.play" if self.paused else "fa6s.pause"
            self.pause_button.setIcon(icon(name, self._theme.accent))

    def place(self) -> None:
        """Across the bottom of the window, above everything."""
        window = self.parentWidget()
        height = self.sizeHint().height()
        self.setGeometry(0, window.height() - height, window.width(), height)
        self.raise_()

    def apply_style(self, theme: Theme, m: Metrics) -> None:
        self._theme = theme
        self.row.setContentsMargins(m.margin, m.gap, m.margin, m.gap)
        side = m.px(36, 20)
        self.pause_button.setIconSize(QSize(side, side))
        self._show_state()
        if self.isVisible():
            self.place()
