"""The frame of the overlay screens (topics, references, contact): the
header with Back, title and comfort controls, and below it an area that
scrolls with a flick."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

from app.content.strings import word
from app.ui.screens.screen_header import ScreenHeader
from app.ui.theme import Metrics, Theme
from app.ui.widgets.accessible import focusable_text
from app.ui.widgets.kinetic import enable_flick


class ScrollingScreen(QWidget):
    backRequested = Signal()
    TITLE = ""  # the strings key of the screen's title, for show_waiting()

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
        # In place of the body while the pack is still loading (a big pack,
        # in its first seconds): the screen says so, and is never blank.
        self.waiting = focusable_text(QLabel(), "")
        self.waiting.setWordWrap(True)
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.header)
        self.outer.addWidget(self.waiting, 1)
        self.outer.addWidget(self.scroll, 1)
        self.waiting.hide()

    def show_waiting(self, strings: dict[str, str]) -> None:
        """The header in full (Back, the title, the crisis line) and a line
        saying the rest is on its way; fill the screen with end_waiting()."""
        self.header.set_texts(strings["back"], strings[self.TITLE])
        words = word(strings, "still_loading")
        self.waiting.setText(words)
        self.waiting.setAccessibleName(words)
        self.scroll.hide()
        self.waiting.show()

    @property
    def is_waiting(self) -> bool:
        return not self.waiting.isHidden()

    def end_waiting(self) -> bool:
        """The body back; True if the keyboard focus was on the waiting line
        (it then needs a new place: the caller gives it entry_focus())."""
        had_focus = self.waiting.hasFocus()
        self.waiting.hide()
        self.scroll.show()
        return had_focus

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
