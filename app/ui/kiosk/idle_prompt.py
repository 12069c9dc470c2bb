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
        self.title = add_card_label(self.card_layout, "title", wrap=True)
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
        self._fit()
        # The alert's description: read once with it, not spoken every second.
        self.setAccessibleDescription(words)

    def open(self) -> None:
        super().open()
        self._fit()  # shown, so styled: its words have their final size now
        self.keep_button.setFocus()

    def _fit(self) -> None:
        """The card exactly as tall as its words at its width. (Left to the
        overlay's layout, a card restyled while hidden kept the height of the
        last text size and cut its message.)"""
        width = self.card.minimumWidth()
        if self.isVisible() and width == self.card.maximumWidth():
            self.card.setFixedHeight(self.card_layout.totalHeightForWidth(width))

    def apply_style(self, m: Metrics) -> None:
        super().apply_style(m)
        self.keep_button.setMinimumHeight(m.px(110, 72))
        # One width, fixed: the layout then gives the words the height they
        # take at the card's real width. (Between a minimum and a maximum the
        # card was as narrow as its hint but given the height of its widest
        # shape: "seconds." fell under the button, the title onto the message.)
        self.card.setFixedWidth(min(m.px(1100, 400), self.parentWidget().width() - 2 * m.margin))
