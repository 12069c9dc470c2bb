"""Read the slide aloud with Qt's text-to-speech, in the slide's language.

The speech engine runs on a thread of its own, because speech-dispatcher can
block for good inside its library (no audio, or a socket that never answers),
and PySide keeps Python's lock during such a call: on the UI thread, or in
Python code on any thread, that would freeze taps, the attract loop and the
staff door with it.

So the speech thread runs Qt's own event loop and never any Python: the
QTextToSpeech object is moved onto it, every call that reaches the speech
service (setEngine, setLocale, say, stop) is posted to it with
QMetaObject.invokeMethod, and its signals come back here queued. The UI
thread only reads what the engine learnt while loading (its voices).

Listen tells the truth: hidden until the engine has loaded with a voice for
the slide's language, and hidden again when the service does not answer a
request within ANSWER_MS (never a "Stop" that stays). Shutting down waits
STOP_WAIT_MS for the thread; one stuck in the service is left running with a
log line (see threads_left_running).

On Linux the real voices come from speech-dispatcher and espeak-ng; with no
engine the Listen button is hidden."""

from __future__ import annotations

import locale
import logging
import os
from functools import partial

from PySide6.QtCore import Q_ARG, QLocale, QMetaObject, QObject, Qt, QThread, QTimer, Signal

log = logging.getLogger(__name__)

NO_ENGINE = "none"  # no plugin has this name: QTextToSpeech starts without loading one
ANSWER_MS = 5000  # a speech service that takes longer to start or stop speaking is not answering
STOP_WAIT_MS = 1000  # how long shutting down waits for the speech thread

# Every speech thread still running, with its QTextToSpeech: their Python
# wrappers must outlive the thread (Qt aborts when a running QThread is
# deleted, and the engine must be deleted on its own thread).
_running: dict[QThread, QObject] = {}


class ReadAloud(QObject):
    speakingChanged = Signal(bool)
    availableChanged = Signal()  # the engine came up, failed, or stopped answering

    def __init__(self, engine: str | None = None, parent: QObject | None = None) -> None:
        """`engine=None` takes the first real engine; tests pass "mock"."""
        super().__init__(parent)
        self.speaking = False
        self.engine_ready = False  # the engine has loaded without an error
        self.answering = True  # the service answered the last request in time
        self._voices: dict[QLocale.Language, QLocale] = {}  # a voice for each language
        self._speech = None
        self._thread: QThread | None = None
        self._deadline = QTimer(self, singleShot=True, interval=ANSWER_MS)
        self._deadline.setObjectName("speech-answer")
        self._deadline.timeout.connect(self._not_answering)
        chosen = _engine_name(engine)
        if chosen is None:
            return
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._state = QTextToSpeech.State
        self._thread = QThread()  # no parent: a stuck one must outlive this object
        self._thread.setObjectName("speech")
        self._speech = QTextToSpeech(NO_ENGINE)
        self._speech.moveToThread(self._thread)
        self._speech.engineChanged.connect(self._on_engine, Qt.ConnectionType.QueuedConnection)
        self._speech.stateChanged.connect(self._on_state, Qt.ConnectionType.QueuedConnection)
        self._thread.finished.connect(self._speech.deleteLater)  # on its own thread, as it ends
        _running[self._thread] = self._speech
        self._thread.start()
        # Ended with this object too, if nobody called shut_down first.
        self.destroyed.connect(partial(_stop_thread, self._thread))
        if chosen == "speechd":
            give_speech_dispatcher_a_locale()
        self._post("setEngine", chosen)

    @property
    def available(self) -> bool:
        return self.engine_ready and self.answering

    def can_read(self, language: str) -> bool:
        """A voice for this language exists: Spanish text in an English voice
        would be worse than no voice, so Listen is hidden then."""
        return self.available and QLocale(language).language() in self._voices

    def say(self, text: str, language: str) -> None:
        if not self.can_read(language):
            return
        self._post("setLocale", self._voices[QLocale(language).language()])
        self._post("say", text)
        self._deadline.start()  # it should start speaking soon

    def stop(self) -> None:
        # Called at every page turn: nothing is posted unless it is speaking or
        # a say is on its way (the deadline runs from a say until speech starts).
        # A stop posted each turn cost the UI thread 7 ms a turn.
        if self._thread is None or not (self.speaking or self._deadline.isActive()):
            return
        self._post("stop")
        if self.speaking:
            self._deadline.start()  # it should fall silent soon

    def shut_down(self, wait_ms: int = STOP_WAIT_MS) -> bool:
        """End the speech thread; False when it is stuck in the speech service
        and was left running (waiting longer would hang the kiosk's exit)."""
        self._deadline.stop()
        if self._thread is None:
            return True
        thread, self._thread, self._speech = self._thread, None, None
        self.engine_ready = False
        return _stop_thread(thread, wait_ms=wait_ms)

    # --- what comes back from the speech thread --------------------------------
    def _on_engine(self, name: str) -> None:
        if self._speech is None:
            return  # shut down meanwhile
        # Safe to read from here: the engine filled these in while loading,
        # before it said so, and does not change them afterwards.
        failed = self._speech.state() == self._state.Error
        self._voices = {}
        if not failed:
            for locale in self._speech.availableLocales():
                self._voices.setdefault(locale.language(), locale)
        self.engine_ready = not failed
        if failed:
            log.info("speech engine %s: %s; Listen is hidden", name, self._speech.errorString())
        else:
            log.info("speech engine %s ready with voices for %d languages", name, len(self._voices))
        self.availableChanged.emit()

    def _on_state(self, state) -> None:
        self._deadline.stop()
        was_available = self.available
        self.answering = True
        if state == self._state.Error and self.engine_ready:
            log.warning("the speech engine reported an error; Listen is hidden")
            self.engine_ready = False
        self._set_speaking(state == self._state.Speaking)
        if self.available != was_available:
            self.availableChanged.emit()

    def _not_answering(self) -> None:
        log.warning("the speech service did not answer in %d ms; Listen is hidden", ANSWER_MS)
        self.answering = False
        self._set_speaking(False)
        self.availableChanged.emit()

    def _set_speaking(self, speaking: bool) -> None:
        if speaking != self.speaking:
            self.speaking = speaking
            self.speakingChanged.emit(speaking)

    def _post(self, method: str, *values) -> None:
        """Call `method` of the engine on the speech thread, without waiting."""
        arguments = [Q_ARG(type(value), value) for value in values]
        QMetaObject.invokeMethod(
            self._speech, method, Qt.ConnectionType.QueuedConnection, *arguments
        )


def _engine_name(engine: str | None) -> str | None:
    """The engine to load: the one asked for, else the first real one."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:  # a Qt without the Addons module
        log.info("text-to-speech is not installed; Listen is hidden")
        return None
    engines = [name for name in QTextToSpeech.availableEngines() if name != "mock"]
    chosen = engine or (engines[0] if engines else None)
    if chosen is None:
        log.info("no speech engine; Listen is hidden")
    return chosen


def _stop_thread(thread: QThread, *_, wait_ms: int = STOP_WAIT_MS) -> bool:
    if thread not in _running:
        return True  # stopped already
    thread.quit()
    if thread.wait(wait_ms):
        del _running[thread]
        return True
    log.warning(
        "the speech thread is stuck in the speech service; left running (waited %d ms)", wait_ms
    )
    return False


def threads_left_running() -> list[QThread]:
    """Speech threads still running: after every reader has been shut down,
    the ones stuck in the speech service. Qt aborts if one is deleted while it
    runs, so a process that has any at its end leaves with os._exit (app.main
    does)."""
    for thread in [t for t in _running if t.isFinished()]:
        del _running[thread]
    return [thread for thread in _running if thread.isRunning()]


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
