"""The last slide's buttons in place of its dead Next: "Take this home"
(the questions and numbers as a QR code) and "Start again" (slide 1, for
the same patient). The slide screen makes one and calls show_for() as it
draws each slide."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget

from app.ui.widgets.buttons import make_button, set_button_text
from app.ui.widgets.icons import icon


class LastSlideButtons(QWidget):
    takeHomeRequested = Signal()
    startAgainRequested = Signal()

    def __init__(self, bar: QBoxLayout, next_button: QPushButton) -> None:
        """Placed in `bar` after `next_button`, which it stands in for on the last slide."""
        super().__init__()
        self.next_button = next_button
        self.start_again = make_button()
        self.take_home = make_button("primary")
        self.start_again.clicked.connect(self.startAgainRequested)
        self.take_home.clicked.connect(self.takeHomeRequested)
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start_again)
        row.addWidget(self.take_home)
        self.row = row
        self._look = None
        bar.addWidget(self)
        self.hide()

    def show_for(self, screen, last: bool) -> None:
        """On the last slide these buttons, elsewhere Next. `screen`: the
        SlideScreen, for its pack's words and its look."""
        self.next_button.setEnabled(not last)
        self.next_button.setVisible(not last)
        self.setVisible(last)
        if screen.pack is None or screen.theme is None:
            return
        s = screen.pack.strings
        set_button_text(self.start_again, s["start_again"])
        set_button_text(self.take_home, s["take_home"])
        # Portrait has no room for both beside Previous: one above the other.
        portrait = screen.height() > screen.width()
        self.row.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        look = (screen.theme, screen.metrics)
        if look != self._look:  # icons and sizes once per theme or size
            self._look = look
            theme, m = look
            side = m.px(36, 20)
            for button, name, colour in (
                (self.start_again, "fa6s.rotate-left", theme.accent),
                (self.take_home, "fa6s.qrcode", theme.accent_ink),
            ):
                button.setIcon(icon(name, colour))
                button.setIconSize(QSize(side, side))
                button.setMinimumWidth(m.px(260, 140))
            self.row.setSpacing(m.gap)
