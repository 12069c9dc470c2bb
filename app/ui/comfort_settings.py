"""The patient's comfort settings: text size and contrast. The idle reset
puts them back. (The language belongs to the pack on screen: see
MainWindow.set_language.)"""

from __future__ import annotations

from app.ui.theme import CALM, HIGH_CONTRAST, TEXT_SCALES, Theme


class ComfortSettings:
    def __init__(self) -> None:
        self.text_size = 0  # index into TEXT_SCALES: normal, large, largest
        self.high_contrast = False

    @property
    def theme(self) -> Theme:
        return HIGH_CONTRAST if self.high_contrast else CALM

    @property
    def text_scale(self) -> float:
        return TEXT_SCALES[self.text_size]

    @property
    def is_default(self) -> bool:
        return self.text_size == 0 and not self.high_contrast

    def next_text_size(self) -> None:
        self.text_size = (self.text_size + 1) % len(TEXT_SCALES)

    def set_text_size(self, index: int) -> None:
        if not 0 <= index < len(TEXT_SCALES):
            raise ValueError(f"text size {index} is not one of 0..{len(TEXT_SCALES) - 1}")
        self.text_size = index

    def toggle_contrast(self) -> None:
        self.high_contrast = not self.high_contrast

    def reset(self) -> None:
        self.text_size, self.high_contrast = 0, False
