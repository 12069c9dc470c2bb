"""Language, text size, contrast and read-aloud: one tap each, on every
patient screen."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.ui.screens.level_icon import level_icon
from app.ui.theme import Metrics, Theme
from app.ui.widgets.buttons import make_button, set_button_text
from app.ui.widgets.icons import icon

TEXT_SIZE_KEYS = ("text_normal", "text_large", "text_largest")


class ComfortBar(QWidget):
    languageRequested = Signal()
    textSizeRequested = Signal()
    contrastRequested = Signal()
    readAloudRequested = Signal()

    def __init__(self, with_read_aloud: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language_button = make_button("comfort")
        self.text_size_button = make_button("comfort")
        self.contrast_button = make_button("comfort")
        self.read_aloud_button = make_button("comfort")
        self.language_button.clicked.connect(self.languageRequested)
        self.text_size_button.clicked.connect(self.textSizeRequested)
        # Toggled, not clicked: a screen reader's Toggle action toggles
        # without a click, and it must change the theme too.
        self.contrast_button.setCheckable(True)
        self.contrast_button.toggled.connect(self.contrastRequested)
        self.read_aloud_button.clicked.connect(self.readAloudRequested)
        self.with_read_aloud = with_read_aloud
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons:
            self.row.addWidget(button)
        self.read_aloud_button.setVisible(with_read_aloud)
        self._theme: Theme | None = None
        self._metrics: Metrics | None = None
        self._reading = False
        self._text_size = 0

    @property
    def buttons(self):
        return (
            self.language_button,
            self.text_size_button,
            self.contrast_button,
            self.read_aloud_button,
        )

    def show_state(
        self,
        strings: dict[str, str],
        next_language_name: str | None,
        text_size: int,
        high_contrast: bool,
        reading: bool,
        can_read_aloud: bool,
    ) -> None:
        """Words for the current settings. The language button names the
        language it switches to, in that language ("Español"): no flags."""
        self.language_button.setVisible(next_language_name is not None)
        if next_language_name:
            set_button_text(self.language_button, next_language_name)
        set_button_text(self.text_size_button, strings["text_size"])
        self.text_size_button.setAccessibleDescription(strings[TEXT_SIZE_KEYS[text_size]])
        self._text_size = text_size
        set_button_text(self.contrast_button, strings["contrast"])
        with QSignalBlocker(self.contrast_button):  # showing the state is no request
            self.contrast_button.setChecked(high_contrast)
        listen = strings["stop_reading" if reading else "read_aloud"]
        set_button_text(self.read_aloud_button, listen)
        self.read_aloud_button.setVisible(self.with_read_aloud and can_read_aloud)
        self._reading = reading
        self._draw_icons()

    def apply_style(self, theme: Theme, m: Metrics) -> None:
        self._theme, self._metrics = theme, m
        self.row.setSpacing(m.gap)
        self._draw_icons()

    def _draw_icons(self) -> None:
        if self._theme is None:
            return
        t, m = self._theme, self._metrics
        size = QSize(m.px(32, 20), m.px(32, 20))
        for button, name in (
            (self.language_button, "fa6s.language"),
            (self.contrast_button, "fa6s.circle-half-stroke"),
            (self.read_aloud_button, "fa6s.stop" if self._reading else "fa6s.volume-high"),
        ):
            # A checked button is filled with the accent: its icon takes the ink.
            colour = t.accent_ink if button.isChecked() else t.accent
            button.setIcon(icon(name, colour))
            button.setIconSize(size)
        # The text size button shows its level: filled steps up to it.
        levels = len(TEXT_SIZE_KEYS)
        self.text_size_button.setIcon(level_icon(self._text_size, levels, t.accent, size))
        self.text_size_button.setIconSize(size)
