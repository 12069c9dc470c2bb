"""The top of every overlay screen: a big Back button and the screen title."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui.icons import icon
from app.ui.theme import Metrics, Theme


class ScreenHeader(QWidget):
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = QPushButton()
        self.back_button.setProperty("role", "primary")
        self.back_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.back_button.clicked.connect(self.backRequested)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.back_button)
        self.layout_.addWidget(self.title, 1)

    def set_texts(self, back: str, title: str) -> None:
        self.back_button.setText(f"\u2002{back}")  # keeps the arrow off the word
        self.back_button.setAccessibleName(back)
        self.title.setText(title)

    def apply_style(self, theme: Theme, metrics: Metrics) -> None:
        self.layout_.setSpacing(metrics.margin)
        self.back_button.setIcon(icon("fa6s.arrow-left", theme.accent_ink))
        side = metrics.px(36, 20)
        self.back_button.setIconSize(QSize(side, side))
        self.back_button.setMinimumWidth(metrics.px(220, 120))
