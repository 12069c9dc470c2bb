"""The presenter's key map ("?"): an overlay listing each key and what it does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.content.strings import word
from app.core.presenter_keys import HELP_ROWS
from app.ui.theme import Metrics
from app.ui.widgets.overlay import Overlay


class KeyHelp(Overlay):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.card_layout.addWidget(self.title)
        self.grid = QGridLayout()
        self.card_layout.addLayout(self.grid)
        self.keys: list[QLabel] = []
        self.actions: list[QLabel] = []
        for row, (keys, _) in enumerate(HELP_ROWS):
            key_label = QLabel(keys)
            key_label.setTextFormat(Qt.TextFormat.PlainText)
            action = QLabel()
            action.setTextFormat(Qt.TextFormat.PlainText)
            self.grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(action, row, 1)
            self.keys.append(key_label)
            self.actions.append(action)
        self.grid.setColumnStretch(1, 1)
        self.hint = QLabel()
        self.hint.setProperty("role", "muted")
        self.card_layout.addWidget(self.hint)

    def set_strings(self, strings: dict[str, str]) -> None:
        self.title.setText(word(strings, "key_help_title"))
        self.setAccessibleName(word(strings, "key_help_title"))
        self.hint.setText(word(strings, "key_help_close"))
        for label, (_, key) in zip(self.actions, HELP_ROWS, strict=True):
            label.setText(word(strings, key))

    def apply_style(self, m: Metrics) -> None:
        super().apply_style(m)
        # Short lines, no wrapping: as wide as the window allows.
        self.card.setMaximumWidth(max(400, self.parentWidget().width() - 2 * m.margin))
        self.grid.setHorizontalSpacing(m.margin)
        self.grid.setVerticalSpacing(m.gap // 2)
        # Fourteen rows must fit a 768 px screen: smaller than reading text.
        size = m.px(30, 15)
        for label in self.keys:
            label.setStyleSheet(f"font-size: {size}px; font-weight: bold;")
        for label in self.actions:
            label.setStyleSheet(f"font-size: {size}px;")

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        event.accept()
        self.hide()
