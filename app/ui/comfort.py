"""The patient's comfort settings: text size, contrast and Listen (read
aloud). The idle reset puts them back. The comfort bars on every screen show
them; the window restyles itself when the look changes. (The language
belongs to the pack on screen: see MainWindow.set_language.)"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.content.model import Pack
from app.ui.read_aloud import ReadAloud
from app.ui.theme import CALM, HIGH_CONTRAST, TEXT_SCALES, Theme


class Comfort(QObject):
    lookChanged = Signal()  # text size or contrast: the window restyles
    readingChanged = Signal()  # Listen started or stopped, or came or went

    def __init__(self, speech_engine: str | None, parent: QObject | None = None) -> None:
        """`speech_engine`: the text-to-speech engine (None: the first real
        one on this PC; tests pass "mock")."""
        super().__init__(parent)
        self.speech_engine = speech_engine
        self.text_size = 0  # index into TEXT_SCALES: normal, large, largest
        self.high_contrast = False
        self._reader: ReadAloud | None = None

    # --- the look ----------------------------------------------------------
    @property
    def theme(self) -> Theme:
        return HIGH_CONTRAST if self.high_contrast else CALM

    @property
    def text_scale(self) -> float:
        return TEXT_SCALES[self.text_size]

    def next_text_size(self) -> None:
        self.set_text_size((self.text_size + 1) % len(TEXT_SCALES))

    def set_text_size(self, index: int) -> None:
        """0 normal, 1 large, 2 largest."""
        if not 0 <= index < len(TEXT_SCALES):
            raise ValueError(f"text size {index} is not one of 0..{len(TEXT_SCALES) - 1}")
        if index != self.text_size:
            self.text_size = index
            self.lookChanged.emit()

    def toggle_contrast(self) -> None:
        self.high_contrast = not self.high_contrast
        self.lookChanged.emit()

    def reset(self) -> None:
        """Normal text, the calm theme, nothing read aloud."""
        self.stop_reading()
        if self.text_size or self.high_contrast:
            self.text_size, self.high_contrast = 0, False
            self.lookChanged.emit()

    # --- Listen --------------------------------------------------------------
    @property
    def reader(self) -> ReadAloud:
        """Made on first use; its engine loads on the speech thread and Listen
        shows once it has (readingChanged)."""
        if self._reader is None:
            self._reader = ReadAloud(self.speech_engine, self)
            self._reader.speakingChanged.connect(lambda _: self.readingChanged.emit())
            self._reader.availableChanged.connect(self.readingChanged)
        return self._reader

    @property
    def reading(self) -> bool:
        return self._reader is not None and self._reader.speaking

    def can_read(self, language: str) -> bool:
        return self._reader is not None and self._reader.can_read(language)

    def toggle_reading(self, text: str, language: str) -> None:
        if self.reader.speaking:
            self.stop_reading()
        else:
            self.reader.say(text, language)

    def stop_reading(self) -> None:
        if self._reader is not None:
            self._reader.stop()

    def shut_down(self) -> bool:
        """End the speech thread before the window goes (see read_aloud.py);
        False when it is stuck in the speech service and was left running."""
        return self._reader is None or self._reader.shut_down()

    # --- the comfort bars ----------------------------------------------------
    def show_on(self, bars, pack: Pack) -> None:
        """Each bar shows the other language's name, the text size, the
        contrast and Listen (only with a real engine and a voice for the
        pack's language)."""
        languages = pack.deck.languages
        following = None
        if len(languages) > 1:
            code = languages[(languages.index(pack.language) + 1) % len(languages)]
            following = pack.language_names.get(code, code)
        can_read = self.can_read(pack.language)
        for bar in bars:
            bar.show_state(
                pack.strings, following, self.text_size, self.high_contrast, self.reading, can_read
            )
