"""The top of every overlay screen: a big Back button and the screen title."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.ui.buttons import make_button, set_button_text
from app.ui.icons import icon
from app.ui.theme import Metrics, Theme


class ScreenHeader(QWidget):
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = make_button("primary")
        self.back_button.clicked.connect(self.backRequested)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.back_button)
        self.layout_.addWidget(self.title, 1)

    def set_texts(self, back: str, title: str) -> None:
        set_button_text(self.back_button, back)
        self.title.setText(title)

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        self.layout_.setSpacing(metrics.margin)
        self.back_button.setIcon(icon("fa6s.arrow-left", theme.accent_ink))
        side = metrics.px(36, 20)
        self.back_button.setIconSize(QSize(side, side))
        self.back_button.setMinimumWidth(metrics.px(220, 120))
