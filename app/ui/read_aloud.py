"""Read the slide aloud with Qt's text-to-speech, in the slide's language.

QtTextToSpeech is imported only when a reader is made (it is not needed to
start the kiosk). On Linux the real voices come from speech-dispatcher and
espeak-ng; with no engine the Listen button is hidden."""

from __future__ import annotations

import locale
import logging
import os

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class ReadAloud(QObject):
    speakingChanged = Signal(bool)

    def __init__(self, engine: str | None = None, parent: QObject | None = None) -> None:
        """`engine=None` takes the first real engine; tests pass "mock"."""
        super().__init__(parent)
        self._speech = None
        self.speaking = False
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:  # a Qt without the Addons module
            log.info("text-to-speech is not installed; Listen is hidden")
            return
        engines = [name for name in QTextToSpeech.availableEngines() if name != "mock"]
        chosen = engine or (engines[0] if engines else None)
        if chosen is None:
            log.info("no speech engine; Listen is hidden")
            return
        if chosen == "speechd":
            give_speech_dispatcher_a_locale()
        self._speech = QTextToSpeech(chosen, self)
        self._speech.stateChanged.connect(self._on_state)
        self._ready_state = QTextToSpeech.State.Ready
        self._speaking_state = QTextToSpeech.State.Speaking

    @property
    def available(self) -> bool:
        return self._speech is not None and self._speech.state() != self._speech.State.Error

    def _voice_locale(self, language: str):
        from PySide6.QtCore import QLocale

        wanted = QLocale(language).language()
        return next(
            (loc for loc in self._speech.availableLocales() if loc.language() == wanted), None
        )

    def can_read(self, language: str) -> bool:
        """A voice for this language exists: Spanish text in an English voice
        would be worse than no voice, so Listen is hidden then."""
        return self.available and self._voice_locale(language) is not None

    def say(self, text: str, language: str) -> None:
        if not self.can_read(language):
            return
        self._speech.setLocale(self._voice_locale(language))
        self._speech.say(text)

    def stop(self) -> None:
        if self._speech is not None:
            self._speech.stop()

    def _on_state(self, state) -> None:
        speaking = state == self._speaking_state
        if speaking != self.speaking:
            self.speaking = speaking
            self.speakingChanged.emit(speaking)


def give_speech_dispatcher_a_locale() -> None:
    """speech-dispatcher, which Qt starts on first use with this process's
    environment, exits at once ("setlocale: No such file or directory") when
    LANG or LC_ALL names a locale this PC has not generated, as
    LANG=en_US.UTF-8 on a system with only C.UTF-8; Listen was then hidden.
    It then starts with C.UTF-8: voices are chosen per language anyway."""
    try:
        locale.setlocale(locale.LC_ALL, "")  # what the environment asks for, if it exists
    except locale.Error:
        wanted = os.environ.get("LC_ALL") or os.environ.get("LANG", "")
        log.warning("locale %r is not installed; speech starts with C.UTF-8", wanted)
        os.environ["LC_ALL"] = "C.UTF-8"
