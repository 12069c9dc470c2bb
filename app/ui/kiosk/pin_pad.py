"""A touch-friendly PIN pad for staff. Digits show as dots; the PIN itself
never leaves this widget except through `pinEntered`.

It keeps one shape: the card's width is the keys', the message line always
holds something (a hint, or why the PIN was refused) in a height that fits
the longest message, and Cancel spans the keys' row, so nothing moves when
a wrong PIN is answered. Its sizes are the staff sizes (staff_style.py)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QGridLayout, QWidget

from app.content.strings import word
from app.ui.kiosk.card_label import add_card_label
from app.ui.kiosk.staff_style import apply_staff_look
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
        self.dots = add_card_label(self.card_layout, "field")  # an entry box, empty or not
        # Focused when it says something ("That PIN is not right"): a screen
        # reader reads it, and digits typed go on reaching the pad.
        self.message = focusable_text(add_card_label(self.card_layout, "note", wrap=True), "")
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
        self.cancel_button = make_button("quiet")
        self.cancel_button.clicked.connect(self._cancel)
        self.keys.addWidget(self.cancel_button, 4, 0, 1, 3)
        self._digits = ""
        self._hint = ""
        self._messages: tuple[str, ...] = ()  # every message it may show, for its height
        self._message_px = 20

    def _add_digit(self, digit: str, row: int, column: int) -> None:
        button = make_button()
        button.setText(digit)
        button.setAccessibleName(digit)
        button.clicked.connect(lambda _=False, d=digit: self.press(d))
        self.digit_buttons[digit] = button
        self.keys.addWidget(button, row, column)

    def set_strings(self, strings: dict[str, str]) -> None:
        self._hint = word(strings, "staff_pin_hint")
        self._messages = (
            self._hint,
            strings["pin_wrong"].format(tries=99),
            strings["pin_locked"].format(seconds=999),
            strings["no_pin"],
        )
        if not self.message.accessibleName():
            self.message.setText(self._hint)
        self._fit_message()
        self.title.setText(strings["staff_pin_title"])
        self.setAccessibleName(strings["staff_pin_title"])
        set_button_text(self.delete_button, strings["delete"])
        set_button_text(self.ok_button, strings["ok"])
        set_button_text(self.cancel_button, strings["cancel"])

    def open(self) -> None:
        self.apply_style(self.parentWidget().metrics)  # the window's size now
        self.clear()
        self.show_message("")
        super().open()

    def clear(self) -> None:
        self._digits = ""
        self.dots.setText("")

    def show_message(self, text: str) -> None:
        """Why the PIN was refused; "" puts the hint back."""
        self.message.setText(text or self._hint)
        self.message.setProperty("hint", not text)  # muted, the same size (staff_style.py)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
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
        m = apply_staff_look(self.card, self.parentWidget().theme, m)
        super().apply_style(m)
        self.keys.setSpacing(m.gap)
        # Taller than the sheet's least button height (touch, and its border).
        key = QSize(m.px(190, 96), m.px(100, 60))
        for button in (*self.digit_buttons.values(), self.ok_button, self.delete_button):
            button.setFixedSize(key)
        margins = self.card_layout.contentsMargins()
        self.card.ensurePolished()
        border = self.card.width() - self.card.contentsRect().width()  # the card's frame
        width = 3 * key.width() + 2 * m.gap + margins.left() + margins.right() + border
        self.card.setFixedWidth(min(width, self.parentWidget().width() - 2 * m.margin))
        self.dots.setFixedHeight(m.px(70, 40))
        self._message_px = m.small  # the "note" size of staff_style.py
        self._fit_message()

    def _fit_message(self) -> None:
        """The message line as tall as the longest message needs at this width."""
        margins = self.card_layout.contentsMargins()
        width = max(1, self.card.width() - margins.left() - margins.right())
        font = QFont(self.message.font())  # its size as the sheet will set it
        font.setPixelSize(self._message_px)
        metrics = QFontMetrics(font)
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter
        heights = [
            metrics.boundingRect(QRect(0, 0, width, 10_000), flags, text).height()
            for text in self._messages or ("",)
        ]
        self.message.setFixedHeight(max(heights) + metrics.descent())
