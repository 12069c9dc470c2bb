"""A touch-friendly PIN pad for staff. Digits show as dots; the PIN itself
never leaves this widget except through `pinEntered`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from app.ui.kiosk.card_label import add_card_label
from app.ui.theme import Metrics
from app.ui.widgets.accessible import focusable_text
from app.ui.widgets.buttons import make_button, set_button_text
from app.ui.widgets.overlay import Overlay

MAX_DIGITS = 12


class PinPad(Overlay):
    pinEntered = Signal(str)
    cancelled = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.title = add_card_label(self.card_layout, "heading")
        self.dots = add_card_label(self.card_layout, "big")
        # Focused when it says something ("That PIN is not right"): a screen
        # reader reads it, and digits typed go on reaching the pad.
        self.message = focusable_text(add_card_label(self.card_layout, wrap=True), "")
        self.message.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop while empty
        self.keys = QGridLayout()
        self.digit_buttons = {}
        for i, digit in enumerate("123456789"):
            self._add_digit(digit, i // 3, i % 3)
        self.delete_button = make_button()
        self.delete_button.clicked.connect(self._delete)
        self.keys.addWidget(self.delete_button, 3, 0)
        self._add_digit("0", 3, 1)
        self.ok_button = make_button("primary")
        self.ok_button.clicked.connect(self._submit)
        self.keys.addWidget(self.ok_button, 3, 2)
        self.card_layout.addLayout(self.keys)
        self.cancel_button = make_button()
        self.cancel_button.clicked.connect(self._cancel)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        self.card_layout.addLayout(row)
        self._digits = ""

    def _add_digit(self, digit: str, row: int, column: int) -> None:
        button = make_button()
        button.setText(digit)
        button.setAccessibleName(digit)
        button.clicked.connect(lambda _=False, d=digit: self.press(d))
        self.digit_buttons[digit] = button
        self.keys.addWidget(button, row, column)

    def set_strings(self, strings: dict[str, str]) -> None:
        self.title.setText(strings["staff_pin_title"])
        self.setAccessibleName(strings["staff_pin_title"])
        set_button_text(self.delete_button, strings["delete"])
        set_button_text(self.ok_button, strings["ok"])
        set_button_text(self.cancel_button, strings["cancel"])

    def open(self) -> None:
        self.clear()
        self.show_message("")
        super().open()

    def clear(self) -> None:
        self._digits = ""
        self.dots.setText("")

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        policy = Qt.FocusPolicy.TabFocus if text else Qt.FocusPolicy.NoFocus
        self.message.setFocusPolicy(policy)
        if text and self.isVisible():
            self.message.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_enabled_keys(self, enabled: bool) -> None:
        """Off while the pad is locked out after too many wrong PINs."""
        for button in (*self.digit_buttons.values(), self.ok_button, self.delete_button):
            button.setEnabled(enabled)

    def press(self, digit: str) -> None:
        if len(self._digits) < MAX_DIGITS:
            self._digits += digit
            self.dots.setText("\u25cf " * len(self._digits))

    def _delete(self) -> None:
        self._digits = self._digits[:-1]
        self.dots.setText("\u25cf " * len(self._digits))

    def _submit(self) -> None:
        pin, self._digits = self._digits, ""
        self.dots.setText("")
        if pin:
            self.pinEntered.emit(pin)

    def _cancel(self) -> None:
        self.clear()
        self.hide()
        self.cancelled.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # A keyboard works too: digits, Backspace, Enter, Esc.
        text = event.text()
        if text.isdigit():
            self.press(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self._delete()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
        elif event.key() == Qt.Key.Key_Escape:
            self._cancel()
        else:
            super().keyPressEvent(event)

    def apply_style(self, m: Metrics) -> None:
        super().apply_style(m)
        self.keys.setSpacing(m.gap)
        for button in (*self.digit_buttons.values(), self.ok_button, self.delete_button):
            button.setMinimumSize(m.px(160, 72), m.px(100, 72))
