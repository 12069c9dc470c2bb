"""The frame of the overlay screens (topics, references, contact): the
header with Back, title and comfort controls, and below it an area that
scrolls with a flick."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLayout, QScrollArea, QVBoxLayout, QWidget

from app.ui.screens.screen_header import ScreenHeader
from app.ui.theme import Metrics, Theme
from app.ui.widgets.kinetic import enable_flick


class ScrollingScreen(QWidget):
    backRequested = Signal()

    def __init__(self, body: QLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = ScreenHeader()
        self.header.backRequested.connect(self.backRequested)
        self.body = body  # the screen's own grid or column, inside the scrolling area
        self.host = QWidget()
        self.host.setLayout(body)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.host)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        enable_flick(self.scroll)
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.header)
        self.outer.addWidget(self.scroll, 1)

    def entry_focus(self) -> QWidget:
        """Where the keyboard focus goes when the screen opens (each screen
        says; Back when it has nothing better)."""
        return self.header.back_button

    def apply_style(self, theme: Theme, m: Metrics, portrait: bool) -> None:
        """The frame's sizes; each screen then spaces its body."""
        self.outer.setContentsMargins(m.margin, m.margin, m.margin, m.margin)
        self.outer.setSpacing(m.margin)
        self.body.setContentsMargins(0, 0, m.gap, 0)  # room for the scroll bar
        self.header.apply_style(theme, m, portrait)
