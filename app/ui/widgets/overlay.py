"""A notice over the whole window: a dimmed backdrop and a card in the middle.

Patient screens use these instead of modal dialogs (docs/architecture.md): they never
block the event loop, and the idle reset can close every one of them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from app.ui.theme import Metrics


class Overlay(QWidget):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.card = QFrame()
        self.card.setProperty("role", "card")
        self.card_layout = QVBoxLayout(self.card)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.hide()
        window.installEventFilter(self)  # follow the window's size

    def open(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self.setGeometry(self.parentWidget().rect())
        return False

    def apply_style(self, m: Metrics) -> None:
        self.card_layout.setContentsMargins(m.margin * 2, m.margin, m.margin * 2, m.margin)
        self.card_layout.setSpacing(m.gap)
        self.card.setMinimumWidth(m.px(720, 400))
        self.card.setMaximumWidth(max(m.px(1100, 400), self.parentWidget().width() - 2 * m.margin))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(26, 35, 48, 170))  # ink, dimmed
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        event.accept()  # taps on the backdrop never reach the slide beneath
