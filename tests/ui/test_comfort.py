"""Language, text size, contrast and read aloud: one tap each, and the idle
reset puts them back."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QLocale, QObject, Qt

from app.ui import read_aloud
from app.ui.kiosk.kiosk_session import KioskSession
from app.ui.kiosk.lock_down import lock_down
from app.ui.main_window import MainWindow
from app.ui.theme import CALM, HIGH_CONTRAST
from tests.ui.helpers import wait_loaded
from tests.ui.kiosk_helpers import FakeClock, end_session, fire


@pytest.fixture
def win(qtbot, bilingual):
    window = MainWindow(speech_engine="mock")
    qtbot.addWidget(window)
    window.load(bilingual)
    window.slides.transition.enabled = False
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    wait_loaded(qtbot, window)
    return window


def tap(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_language_button_names_the_other_language_without_flags(win):
    button = win.slides.comfort.language_button
    assert button.isVisible()
    assert button.accessibleName() == "Español"
    assert button.icon().isNull() is False  # a language glyph, not a flag


def test_switching_language_keeps_the_slide_and_changes_every_word(win, qtbot):
    win.controller.go(1)
    tap(qtbot, win.slides.comfort.language_button)
    assert win.pack.language == "es"
    assert win.slides.title_label.text() == "Segunda"
    assert win.slides.next_button.accessibleName() == "Siguiente"
    assert win.slides.comfort.language_button.accessibleName() == "English"
    # A word the Spanish strings lack falls back to English.
    assert win.slides.topics_button.accessibleName() == "Topics"


def test_language_button_on_overlay_screens_keeps_the_screen(win, qtbot):
    tap(qtbot, win.slides.contact_button)
    tap(qtbot, win.contact.header.comfort.language_button)
    assert win.pack.language == "es"
    assert win.current_screen is win.contact


def test_text_size_cycles_through_three_sizes(win, qtbot):
    sizes = []
    for _ in range(4):
        sizes.append(win.slides.body.font().pixelSize() or win.metrics.body)
        tap(qtbot, win.slides.comfort.text_size_button)
    body = [40, 50, 60, 40]  # design sizes at 1080p: normal, large, largest, normal again
    assert [round(win.metrics.unit * b) for b in body] == [round(s) for s in sizes] or sizes == [
        40,
        50,
        60,
        40,
    ]


def test_larger_text_really_makes_the_words_bigger(win, qtbot):
    slides = win.slides
    before = [
        w.fontInfo().pixelSize() for w in (slides.body, slides.title_label, slides.more_button)
    ]
    tap(qtbot, slides.comfort.text_size_button)
    tap(qtbot, slides.comfort.text_size_button)
    after = [
        w.fontInfo().pixelSize() for w in (slides.body, slides.title_label, slides.more_button)
    ]
    # The reading text by half again; the title and the buttons grow too,
    # by less, so the words keep the room (theme.Metrics).
    assert after[0] >= before[0] * 1.45
    assert after[1] >= before[1] * 1.1
    assert after[2] >= before[2] * 1.15


def test_contrast_is_one_tap_and_changes_the_colours(win, qtbot):
    assert win.theme is CALM
    tap(qtbot, win.slides.comfort.contrast_button)
    assert win.theme is HIGH_CONTRAST
    assert win.slides.comfort.contrast_button.isChecked()
    colour = win.slides.title_label.palette().windowText().color().name()
    assert colour == HIGH_CONTRAST.ink.lower()
    tap(qtbot, win.slides.comfort.contrast_button)
    assert win.theme is CALM


def test_idle_reset_puts_language_size_and_contrast_back(win, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    lock_down(win)
    clock = FakeClock()
    session = KioskSession(win, clock=clock)
    try:
        tap(qtbot, win.slides.next_button)  # ends the attract loop
        tap(qtbot, win.slides.comfort.language_button)
        tap(qtbot, win.slides.comfort.text_size_button)
        tap(qtbot, win.slides.comfort.contrast_button)
        assert (win.pack.language, win.text_size, win.theme) == ("es", 1, HIGH_CONTRAST)
        clock.advance(90)
        fire(session)
        assert session.idle.prompt.title.text() == "Still reading?"  # Spanish pack lacks it
        clock.advance(30)
        fire(session)
        assert (win.pack.language, win.text_size, win.theme) == ("en", 0, CALM)
        assert win.slides.title_label.text() == "First slide"
    finally:
        end_session(session)


def tts_available() -> bool:
    try:
        import PySide6.QtTextToSpeech  # noqa: F401
    except ImportError:
        return False
    return True


# CI installs the one system library QtTextToSpeech needs (libpulse0) and sets
# CLINIC_KIOSK_REQUIRE_TTS, so there this test can never be skipped.
needs_tts = pytest.mark.skipif(
    not tts_available() and not os.environ.get("CLINIC_KIOSK_REQUIRE_TTS"),
    reason="QtTextToSpeech cannot load here (Debian package libpulse0 is missing)",
)


def wait_for_voices(qtbot, window):
    """Voices are looked for a moment after start-up (not to slow it), and the
    engine loads on the speech thread."""
    qtbot.waitUntil(lambda: window.comfort._reader is not None and window.comfort.reader.available)


class Words(QObject):
    """What the mock engine says, word by word (its signal comes from the
    speech thread, so it is received here, queued)."""

    def __init__(self, speech) -> None:
        super().__init__()
        self.said: list[str] = []
        speech.sayingWord.connect(self.heard, Qt.ConnectionType.QueuedConnection)

    def heard(self, word: str, *_) -> None:
        self.said.append(word)


@needs_tts
def test_read_aloud_speaks_title_and_text_without_citation_marks(win, qtbot):
    button = win.slides.comfort.read_aloud_button
    assert not button.isVisible()  # not before the engine is known
    wait_for_voices(qtbot, win)
    assert button.isVisible()
    assert button.accessibleName() == "Listen"
    words = Words(win.comfort.reader._speech)
    tap(qtbot, button)
    qtbot.waitUntil(lambda: win.comfort.reader.speaking)
    assert button.accessibleName() == "Stop"
    qtbot.waitUntil(lambda: len(words.said) >= 7)
    assert words.said[:7] == ["First", "slide", "Hello", "from", "the", "first", "slide"]
    assert not any("@" in word or "1" in word for word in words.said)
    tap(qtbot, button)
    qtbot.waitUntil(lambda: not win.comfort.reader.speaking)
    assert button.accessibleName() == "Listen"


@needs_tts
def test_read_aloud_reads_in_the_slide_language_or_not_at_all(win, qtbot):
    wait_for_voices(qtbot, win)
    speech = win.comfort.reader._speech
    tap(qtbot, win.slides.comfort.read_aloud_button)
    qtbot.waitUntil(lambda: win.comfort.reader.speaking)
    assert speech.locale().language() == QLocale.Language.English
    # Qt's mock engine has no Spanish voice: Listen goes away rather than
    # reading Spanish words in an English voice.
    tap(qtbot, win.slides.comfort.language_button)
    qtbot.waitUntil(lambda: not win.comfort.reader.speaking)  # switching language stops it
    assert not win.slides.comfort.read_aloud_button.isVisible()


@needs_tts
def test_read_aloud_is_hidden_without_a_speech_engine(qtbot, bilingual, monkeypatch):
    from PySide6.QtTextToSpeech import QTextToSpeech

    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    window = MainWindow(speech_engine=None)  # the real choice: not "mock"
    qtbot.addWidget(window)
    window.load(bilingual)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.comfort._reader is not None)
    assert window.comfort.reader._thread is None  # no engine: no speech thread either
    assert not window.slides.comfort.read_aloud_button.isVisible()


@needs_tts
def test_the_speech_thread_ends_when_comfort_shuts_down(win, qtbot):
    wait_for_voices(qtbot, win)
    thread = win.comfort.reader._thread
    assert thread.isRunning()
    assert win.comfort.shut_down()
    assert thread.isFinished()
    assert read_aloud.threads_left_running() == []


def test_screens_opened_after_a_language_switch_are_in_that_language(win, qtbot):
    # Topics, references and contact are filled on first opening: a switch
    # before that must still reach them.
    tap(qtbot, win.slides.comfort.language_button)
    tap(qtbot, win.slides.topics_button)
    assert [t.text_label.text() for t in win.topics.tiles][0] == "1. Primera"


def test_warm_up_keeps_the_other_language_in_memory_for_a_quick_first_switch(
    qtbot, bilingual, monkeypatch
):
    window = MainWindow(speech_engine="mock", warm_up_ms=0)
    qtbot.addWidget(window)
    window.load(bilingual)
    assert not window.shelf.holds("es")
    with qtbot.waitSignal(window.warmedUp, timeout=10_000):
        window.show()
    assert window.shelf.holds("es")

    # The switch now comes from memory, without loading the pack again.
    def no_loading(*args):
        raise AssertionError("the pack was loaded from its files again")

    monkeypatch.setattr("app.content.pack_shelf.load_pack", no_loading)
    tap(qtbot, window.slides.comfort.language_button)
    assert window.pack.language == "es"
    assert window.slides.title_label.text() == "Primera"


def test_after_a_language_switch_the_other_screens_are_readied_in_the_background(qtbot, bilingual):
    window = MainWindow(speech_engine="mock", warm_up_ms=0)
    qtbot.addWidget(window)
    window.load(bilingual)
    with qtbot.waitSignal(window.warmedUp, timeout=10_000):
        window.show()
    tap(qtbot, window.slides.comfort.language_button)
    assert window.current_screen is window.slides
    # Filled in Spanish before anyone opens it, so the first tap is quick.
    qtbot.waitUntil(lambda: window.topics.tiles[0].text_label.text() == "1. Primera")
    assert window.current_screen is window.slides
