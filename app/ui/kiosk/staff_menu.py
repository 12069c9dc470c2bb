"""What staff can do once the PIN is accepted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

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

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.card_layout.addWidget(self.title)
        self.resume_button = make_button("primary")
        self.reload_button = make_button()
        self.presenter_button = make_button()
        self.diagnostics_button = make_button()
        self.exit_button = make_button("contact")
        self.resume_button.clicked.connect(self.resumeRequested)
        self.reload_button.clicked.connect(self.reloadRequested)
        self.presenter_button.clicked.connect(self.presenterRequested)
        self.diagnostics_button.clicked.connect(self._toggle_diagnostics)
        self.exit_button.clicked.connect(self.exitRequested)
        for button in (
            self.resume_button,
            self.presenter_button,
            self.reload_button,
            self.diagnostics_button,
            self.exit_button,
        ):
            self.card_layout.addWidget(button)
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

    def set_strings(self, strings: dict[str, str]) -> None:
        self.title.setText(strings["staff_menu_title"])
        set_button_text(self.resume_button, strings["resume"])
        set_button_text(self.reload_button, strings["reload_content"])
        set_button_text(self.presenter_button, word(strings, "presenter_mode"))
        set_button_text(self.diagnostics_button, strings["diagnostics"])
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

    def _toggle_diagnostics(self) -> None:
        self.diagnostics.setVisible(not self.diagnostics.isVisible())
