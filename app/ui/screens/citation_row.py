"""One button per study a slide cites, below its text: a book and the
study's number, the same number as the mark in the text.

The marks inside the text are links for a finger; these buttons are the
same links for a keyboard and a screen reader (Qt's text browser does not
expose its links over AT-SPI). Each is named "Study 3" and described by
its citation."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.content.model import Pack
from app.ui.theme import Metrics, Theme
from app.ui.widgets.buttons import make_button, set_button_text
from app.ui.widgets.icons import icon


class CitationRow(QWidget):
    citationChosen = Signal(str)  # a reference id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        # Kept and reused from slide to slide: the focus may come back to one.
        self.buttons: list[QPushButton] = []
        self._ids: list[str] = []
        self._style: tuple[Theme, Metrics] | None = None

    def show_citations(self, pack: Pack, ids: tuple[str, ...], after: QWidget) -> None:
        """Buttons for the studies `ids`; Tab reaches them right after `after`
        (made as they are needed, they would otherwise come last)."""
        numbers = {reference.id: reference for reference in pack.references}
        cited = [numbers[i] for i in ids if i in numbers]
        while len(self.buttons) < len(cited):
            button = make_button("link")
            index = len(self.buttons)
            button.clicked.connect(lambda _=False, i=index: self.citationChosen.emit(self._ids[i]))
            self.buttons.append(button)
            self.row.addWidget(button)
            self._style_button(button)
        self._ids = [reference.id for reference in cited]
        for button, reference in zip(self.buttons, cited, strict=False):
            set_button_text(button, str(reference.number))
            button.setAccessibleName(
                pack.strings["reference_label"].format(number=reference.number)
            )
            button.setAccessibleDescription(reference.citation)
        for i, button in enumerate(self.buttons):
            button.setVisible(i < len(cited))
            QWidget.setTabOrder(self.buttons[i - 1] if i else after, button)
        self.setVisible(bool(cited))

    def apply_style(self, theme: Theme, m: Metrics) -> None:
        self._style = (theme, m)
        self.row.setSpacing(m.gap // 2)
        for button in self.buttons:
            self._style_button(button)

    def _style_button(self, button: QPushButton) -> None:
        if self._style is None:
            return
        theme, m = self._style
        side = m.px(28, 18)
        button.setIcon(icon("fa6s.book-open", theme.accent))
        button.setIconSize(QSize(side, side))
        button.setMinimumWidth(m.touch_small)
