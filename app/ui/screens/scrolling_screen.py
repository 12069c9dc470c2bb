"""The frame of the overlay screens (topics, references, contact): the
header with Back, title and comfort controls, and below it an area that
scrolls with a flick."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLayout, QScrollArea, QVBoxLayout, QWidget

from app.ui.screens.screen_header import ScreenHeader
from app.ui.widgets.kinetic import enable_flick


class ScrollingScreen(QWidget):
    backRequested = Signal()

    def __init__(self, body: QLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = ScreenHeader()
        self.header.backRequested.connect(self.backRequested)
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
