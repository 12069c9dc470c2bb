"""What staff can do once the PIN is accepted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QWidget

from app.content.strings import word
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
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.card_layout.addWidget(self.title)
        # Top to bottom as staff see them; Exit, in the alarm colour, last.
        self.resume_button = self._add_button(self.resumeRequested, "primary")
        self.presenter_button = self._add_button(self.presenterRequested)
        self.reload_button = self._add_button(self.reloadRequested)
        self.diagnostics_button = self._add_button(self._toggle_diagnostics)
        self.usage_button = self._add_button(self.usageRequested)
        self.usage_button.hide()
        self.exit_button = self._add_button(self.exitRequested, "contact")
        # Error lists can be long: a scrolling box, so the buttons stay put.
        self.diagnostics = QPlainTextEdit()
        self.diagnostics.setReadOnly(True)
        self.diagnostics.setProperty("role", "diagnostics")
        self.diagnostics.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.diagnostics.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.diagnostics.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        enable_flick(self.diagnostics)
        self.diagnostics.hide()
        self.card_layout.addWidget(self.diagnostics)

    def _add_button(self, slot, role: str = "") -> QPushButton:
        button = make_button(role)
        button.clicked.connect(slot)
        self.card_layout.addWidget(button)
        return button

    def set_strings(self, strings: dict[str, str]) -> None:
        self.title.setText(strings["staff_menu_title"])
        self.setAccessibleName(strings["staff_menu_title"])
        set_button_text(self.resume_button, strings["resume"])
        set_button_text(self.reload_button, strings["reload_content"])
        set_button_text(self.presenter_button, word(strings, "presenter_mode"))
        set_button_text(self.diagnostics_button, strings["diagnostics"])
        set_button_text(self.usage_button, "Usage")  # staff word, English only for now
        set_button_text(self.exit_button, strings["exit_kiosk"])

    def set_diagnostics(self, text: str) -> None:
        self.diagnostics.setPlainText(text)

    def apply_style(self, m: Metrics) -> None:
        super().apply_style(m)
        self.diagnostics.setFixedHeight(max(160, self.parentWidget().height() * 2 // 5))

    def open(self) -> None:
        self.diagnostics.hide()
        super().open()
        self.resume_button.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape:  # as Resume does
            self.resumeRequested.emit()
        else:
            super().keyPressEvent(event)

    def _toggle_diagnostics(self) -> None:
        self.diagnostics.setVisible(not self.diagnostics.isVisible())
