"""A pack changed on disk while the kiosk runs, wired as app.main wires it:
the watcher offers the new pack and the window swaps it in at the next page
turn, in the language the patient is reading."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.ui.content_watcher import ContentWatcher
from app.ui.main_window import MainWindow
from tests.ui.helpers import wait_loaded


@pytest.fixture
def reader(qtbot, bilingual: Path):
    window = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(window)
    window.load(bilingual)
    window.slides.transition.enabled = False
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    wait_loaded(qtbot, window)
    watcher = ContentWatcher(bilingual, settle_ms=50, parent=window)
    watcher.packReady.connect(window.offer_pack)
    return window, watcher


def tap(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def retitle(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_an_update_keeps_a_spanish_reader_in_spanish(qtbot, reader, bilingual):
    window, watcher = reader
    tap(qtbot, window.slides.comfort.language_button)
    assert window.slides.title_label.text() == "Primera"
    with qtbot.waitSignal(watcher.packReady, timeout=5000):
        retitle(bilingual / "es" / "020-second.md", "Segunda", "Segunda, nueva")
    assert window.has_pending_pack
    assert window.slides.title_label.text() == "Primera"  # nothing moves under a finger
    tap(qtbot, window.slides.next_button)
    assert window.pack.language == "es"
    assert window.slides.title_label.text() == "Segunda, nueva"
    assert "English" in window.slides.comfort.language_button.text()
    assert not window.has_pending_pack


def test_a_language_switch_after_an_update_shows_the_new_version(qtbot, reader, bilingual):
    window, watcher = reader
    with qtbot.waitSignal(watcher.packReady, timeout=5000):
        retitle(bilingual / "es" / "010-first.md", "Primera", "Primera, nueva")
    tap(qtbot, window.slides.comfort.language_button)  # before any page turn
    assert window.slides.title_label.text() == "Primera, nueva"
    tap(qtbot, window.slides.comfort.language_button)
    assert window.pack.language == "en"
    assert window.slides.title_label.text() == "First slide"


def test_an_update_during_a_page_turn_shows_the_slide_turned_to_once(qtbot, reader, bilingual):
    window, watcher = reader
    shown = []
    window.controller.slideChanged.connect(lambda index, _: shown.append(index))
    with qtbot.waitSignal(watcher.packReady, timeout=5000):
        retitle(bilingual / "en" / "030-third.md", "Third slide", "Third, new")
    tap(qtbot, window.slides.next_button)
    tap(qtbot, window.slides.next_button)
    assert window.slides.title_label.text() == "Third, new"
    assert shown == [1, 2]  # the swap inside the first turn did not turn again
