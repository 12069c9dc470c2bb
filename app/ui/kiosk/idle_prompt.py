"""'Still reading?': the idle warning with its countdown (WCAG 2.2.1)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from app.ui.kiosk.card_label import add_card_label
from app.ui.theme import Metrics
from app.ui.widgets.buttons import make_button, set_button_text
from app.ui.widgets.overlay import Overlay


class IdlePrompt(Overlay):
    keepReading = Signal()

    def __init__(self, window: QWidget) -> None:
        # An alert: a screen reader says its name and words when the focus
        # lands on Keep reading inside it.
        super().__init__(window, QAccessible.Role.AlertMessage)
        self.title = add_card_label(self.card_layout, "title")
        self.countdown = add_card_label(self.card_layout, wrap=True)
        self.keep_button = make_button("primary")
        self.keep_button.clicked.connect(self.keepReading)
        self.card_layout.addWidget(self.keep_button)
        self._strings: dict[str, str] = {}

    def set_strings(self, strings: dict[str, str]) -> None:
        self._strings = strings
        self.title.setText(strings["still_reading"])
        self.setAccessibleName(strings["still_reading"])
        set_button_text(self.keep_button, strings["keep_reading"])

    def show_seconds(self, seconds: int) -> None:
        key = "starting_over_one" if seconds == 1 else "starting_over"
        words = self._strings[key].format(seconds=seconds)
        self.countdown.setText(words)
        # The alert's description: read once with it, not spoken every second.
        self.setAccessibleDescription(words)

    def open(self) -> None:
        super().open()
        self.keep_button.setFocus()

    def apply_style(self, m: Metrics) -> None:
        super().apply_style(m)
        self.keep_button.setMinimumHeight(m.px(110, 72))
