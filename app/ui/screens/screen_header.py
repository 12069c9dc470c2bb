"""The top of every overlay screen: a big Back button, the screen title, the
comfort controls (language, text size, contrast) and "Need help now?"."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.ui.screens.comfort_bar import ComfortBar
from app.ui.screens.help_now import HelpNowButton
from app.ui.theme import Metrics, Theme
from app.ui.widgets.buttons import make_button, set_button_text
from app.ui.widgets.icons import icon


class ScreenHeader(QWidget):
    backRequested = Signal()
    helpRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = make_button("primary")
        self.back_button.clicked.connect(self.backRequested)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.comfort = ComfortBar(with_read_aloud=False)
        self.help_now = HelpNowButton()
        self.help_now.clicked.connect(self.helpRequested)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self._portrait: bool | None = None
        self._arrange(False)

    def set_texts(self, back: str, title: str) -> None:
        set_button_text(self.back_button, back)
        self.title.setText(title)

    def _arrange(self, portrait: bool) -> None:
        if portrait == self._portrait:
            return
        self._portrait = portrait
        for widget in (self.back_button, self.title, self.comfort, self.help_now):
            self.grid.removeWidget(widget)
        right = Qt.AlignmentFlag.AlignRight
        # "Need help now?" has a row of its own at the right, under the rest:
        # no row has room for it beside the comfort controls in every language.
        if portrait:  # too narrow for one row: comfort controls above Back and title
            self.grid.addWidget(self.comfort, 0, 0, 1, 2, right)
            self.grid.addWidget(self.back_button, 1, 0)
            self.grid.addWidget(self.title, 1, 1)
            self.grid.addWidget(self.help_now, 2, 0, 1, 2, right)
        else:
            self.grid.addWidget(self.back_button, 0, 0)
            self.grid.addWidget(self.title, 0, 1)
            self.grid.addWidget(self.comfort, 0, 2)
            self.grid.addWidget(self.help_now, 1, 0, 1, 3, right)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 0)

    def apply_style(self, theme: Theme, metrics: Metrics, portrait: bool = False) -> None:
        self._arrange(portrait)
        self.grid.setHorizontalSpacing(metrics.margin)
        self.grid.setVerticalSpacing(metrics.gap)
        self.back_button.setIcon(icon("fa6s.arrow-left", theme.accent_ink))
        side = metrics.px(36, 20)
        self.back_button.setIconSize(QSize(side, side))
        self.back_button.setMinimumWidth(metrics.px(220, 120))
        self.comfort.apply_style(theme, metrics)
        self.help_now.apply_style(theme, metrics)
