"""What staff can do once the PIN is accepted.

Resume first and widest; the other actions two to a row when their words
fit; the diagnostics box under them takes the height the window has left,
wrapping every line (long paths too) so nothing runs off the card; "Exit the
kiosk", which ends the waiting room for the day, last and quiet. The sizes
are the staff sizes (staff_style.py), whatever the patient's text size.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from app.content.strings import word
from app.ui.kiosk.staff_style import apply_staff_look
from app.ui.theme import Metrics
from app.ui.widgets.buttons import make_button, set_button_text
from app.ui.widgets.kinetic import enable_flick
from app.ui.widgets.overlay import Overlay


class StaffMenu(Overlay):
    resumeRequested = Signal()
    reloadRequested = Signal()
    presenterRequested = Signal()
    exitRequested = Signal()
    usageRequested = Signal()  # the Usage page (shown only when the kiosk counts)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.metrics: Metrics | None = None  # the staff sizes, once styled
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.card_layout.addWidget(self.title)
        # Made in Tab order: Resume, the actions, the diagnostics, Exit.
        self.resume_button = self._add_button(self.resumeRequested, "primary")
        self.card_layout.addWidget(self.resume_button)
        self.presenter_button = self._add_button(self.presenterRequested)
        self.reload_button = self._add_button(self.reloadRequested)
        self.diagnostics_button = self._add_button(self._toggle_diagnostics)
        self.usage_button = self._add_button(self.usageRequested)
        self.usage_button.hide()
        self.actions = QGridLayout()
        self.card_layout.addLayout(self.actions)
        # Error lists can be long: a scrolling box, so the buttons stay put.
        self.diagnostics = QPlainTextEdit()
        self.diagnostics.setReadOnly(True)
        self.diagnostics.setProperty("role", "diagnostics")
        self.diagnostics.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.diagnostics.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.diagnostics.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.diagnostics.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.diagnostics.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        enable_flick(self.diagnostics)
        self.diagnostics.hide()
        self.card_layout.addWidget(self.diagnostics)
        self.exit_button = self._add_button(self.exitRequested, "quiet")
        self.card_layout.addWidget(self.exit_button)
        self._place_actions()

    def _add_button(self, slot, role: str = "") -> QPushButton:
        button = make_button(role)
        button.setParent(self.card)  # a hidden Usage button is in no layout, yet no window
        button.clicked.connect(slot)
        return button

    def _action_buttons(self) -> list[QPushButton]:
        shown = (self.presenter_button, self.reload_button, self.diagnostics_button)
        usage = [self.usage_button] if not self.usage_button.isHidden() else []
        return [*shown, *usage]

    def _place_actions(self) -> None:
        """Two to a row when every word fits its half of the card, else one."""
        buttons = self._action_buttons()
        for button in (*buttons, self.usage_button):
            self.actions.removeWidget(button)
        columns = 2 if self._fits_half(buttons) else 1
        for at, button in enumerate(buttons):
            self.actions.addWidget(button, at // columns, at % columns)

    def _fits_half(self, buttons: list[QPushButton]) -> bool:
        if self.metrics is None:
            return True
        margins = self.card_layout.contentsMargins()
        inner = self.card.maximumWidth() - margins.left() - margins.right()
        half = (inner - self.metrics.gap) // 2
        return all(button.sizeHint().width() <= half for button in buttons)

    def set_strings(self, strings: dict[str, str]) -> None:
        self.title.setText(strings["staff_menu_title"])
        self.setAccessibleName(strings["staff_menu_title"])
        set_button_text(self.resume_button, strings["resume"])
        set_button_text(self.reload_button, strings["reload_content"])
        set_button_text(self.presenter_button, word(strings, "presenter_mode"))
        set_button_text(self.diagnostics_button, strings["diagnostics"])
        set_button_text(self.usage_button, "Usage")  # staff word, English only for now
        set_button_text(self.exit_button, strings["exit_kiosk"])
        self._place_actions()

    def set_diagnostics(self, text: str) -> None:
        self.diagnostics.setPlainText(text)

    def apply_style(self, m: Metrics) -> None:
        window = self.parentWidget()
        m = self.metrics = apply_staff_look(self.card, window.theme, m)
        super().apply_style(m)
        self.actions.setSpacing(m.gap)
        width = min(m.px(1100, 400), window.width() - 2 * m.margin)
        self.card.setFixedWidth(width)
        self.card.setMaximumHeight(window.height() - 2 * m.margin)
        self._place_actions()
        self._fit_diagnostics()

    def _fit_diagnostics(self) -> None:
        """The diagnostics box takes the height the card has left in the window."""
        if self.metrics is None:
            return
        shown = not self.diagnostics.isHidden()
        self.diagnostics.hide()  # the card's height without it
        rest = self.card_layout.sizeHint().height()
        self.diagnostics.setVisible(shown)
        m = self.metrics
        room = self.parentWidget().height() - 2 * m.margin - rest - m.gap
        self.diagnostics.setFixedHeight(max(m.px(160, 96), min(room, m.px(700))))

    def open(self) -> None:
        self.diagnostics.hide()
        self.apply_style(self.parentWidget().metrics)  # the window's size now
        super().open()
        self.resume_button.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape:  # as Resume does
            self.resumeRequested.emit()
        else:
            super().keyPressEvent(event)

    def _toggle_diagnostics(self) -> None:
        self.diagnostics.setVisible(self.diagnostics.isHidden())
        self._fit_diagnostics()
