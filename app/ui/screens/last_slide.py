"""The last slide's buttons in place of its dead Next: "Take this home"
(the questions and numbers as a QR code) and "Start again" (slide 1, for
the same patient). The slide screen makes one and calls show_for() as it
draws each slide.

Both buttons are wider than Next, and at larger text (Spanish) the bottom
row has no room for them beside Previous, "Need help now?" and the
progress: then the progress gives up its room on the last slide (its
heading's spoken name still says "15 of 15"), and if even that is not
enough the two stand one above the other, as in portrait."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget, QWidgetItem

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
        self._style(screen)
        least = screen.metrics.px(260, 140)  # as wide as Next at the least
        for button in (self.start_again, self.take_home):
            # Never narrower than its words either: a widget's minimum width
            # stands in for its size hint as the least width a layout gives it.
            button.setMinimumWidth(max(least, button.sizeHint().width()))
        self._make_room(screen, last)

    def _make_room(self, screen, last: bool) -> None:
        """The progress, and the buttons side by side, only where the row has room."""
        # The dots only where the deck is small enough for them: a big pack
        # would otherwise draw (and paint at every turn) thousands of specks.
        progress = (
            (screen.dots, screen.progress_label) if screen.dots.wanted else (screen.progress_label,)
        )
        for widget in progress:
            widget.setVisible(True)  # shown while measured: a hidden widget needs no room
        # Portrait has no room for both beside Previous: one above the other.
        show_progress, stack = True, screen.height() > screen.width()
        if last and not stack:
            margins = screen.outer.contentsMargins()
            room = screen.width() - margins.left() - margins.right()
            # The first that fits. Side by side before one above the other:
            # a taller bottom row takes its height from the slide's words.
            choices = ((True, False), (False, False), (True, True), (False, True))
            fits = [c for c in choices if _row_width(screen.bottom_bar, self, *c) <= room]
            show_progress, stack = (fits or choices[-1:])[0]
        for widget in progress:
            widget.setVisible(show_progress)
        self.row.setDirection(
            QBoxLayout.Direction.TopToBottom if stack else QBoxLayout.Direction.LeftToRight
        )

    def _style(self, screen) -> None:
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
            self.row.setSpacing(m.gap)


def _least(widget: QWidget) -> int:
    """The least width a layout gives `widget`, by Qt's own rule (its size
    policy, size hints and minimum width)."""
    return QWidgetItem(widget).minimumSize().width()


def _row_width(bar: QBoxLayout, buttons: LastSlideButtons, progress: bool, stack: bool) -> int:
    """The width `bar` needs with `buttons` side by side or stacked, with its progress or not."""
    first, second = _least(buttons.start_again), _least(buttons.take_home)
    widths = [max(first, second) if stack else first + buttons.row.spacing() + second]
    for i in range(bar.count()):
        item = bar.itemAt(i)
        widget, layout = item.widget(), item.layout()
        if layout is not None:  # the progress: dots over "15 of 15"
            if progress:
                shown = [layout.itemAt(j).widget() for j in range(layout.count())]
                widths.append(max((_least(w) for w in shown if w is not None), default=0))
        elif widget is not None and widget is not buttons and not widget.isHidden():
            widths.append(_least(widget))
    return sum(widths) + bar.spacing() * (len(widths) - 1)
