"""Start-up builds only the slide screen; the rest is built right after the
first slide is painted (the warm-up), without changing what is on screen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from app.main import make_application
from app.ui.main_window import MainWindow
from app.ui.widgets.qr_code import QrCode


def new_window(qtbot, pack_dir: Path, warm_up_ms: int | None) -> MainWindow:
    make_application()
    window = MainWindow()
    window.warm_up_ms = warm_up_ms
    qtbot.addWidget(window)
    window.slides.transition.enabled = False
    window.resize(1920, 1080)
    window.load(pack_dir)
    return window


def tap(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_only_the_slide_screen_is_built_for_the_first_paint(qtbot, pack_dir):
    window = new_window(qtbot, pack_dir, warm_up_ms=None)
    window.show()
    qtbot.waitExposed(window)
    assert window.stack.count() == 1
    assert window.current_screen is window.slides
    assert window.slides.title_label.text() == "First slide"
    assert not window.showing("topics")  # asking builds nothing
    assert window.stack.count() == 1


def test_the_first_paint_imports_no_overlay_qr_or_speech_modules(tmp_path):
    # In a fresh interpreter: what building and loading the window imports.
    script = (
        "import sys\n"
        "from app.main import build_window, make_application\n"
        "from app import resources\n"
        "make_application()\n"
        "w = build_window(resources.content_dir(), None, (1920, 1080))\n"
        "lazy = ['segno', 'PySide6.QtTextToSpeech', 'PySide6.QtNetwork', 'markdown',\n"
        "        'app.ui.screens.topics_screen', 'app.ui.screens.reference_screen',\n"
        "        'app.ui.screens.contact_screen',\n"
        "        'app.ui.screens.front_desk_screen', 'app.ui.read_aloud']\n"
        "print(sorted(m for m in lazy if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    # markdown may be needed once to fill the pack cache, never afterwards.
    again = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() in ("[]", "['markdown']"), out.stdout
    assert again.stdout.strip() == "[]", again.stdout


def test_warm_up_builds_and_fills_every_screen_without_moving(qtbot, pack_dir):
    window = new_window(qtbot, pack_dir, warm_up_ms=0)
    with qtbot.waitSignal(window.warmedUp, timeout=10_000):
        window.show()
    assert window.warmed_up
    # slides, topics, references, contact; no front desk (the pack loaded)
    assert window.stack.count() == 4
    assert window.current_screen is window.slides
    assert window.controller.index == 0
    assert window.slides.title_label.text() == "First slide"
    titles = [tile.text_label.text() for tile in window.topics.tiles]
    assert titles == ["1. First slide", "2. Second slide", "3. Third slide"]
    codes = window.contact.findChildren(QrCode) + window.references.findChildren(QrCode)
    assert len(codes) >= 5 and all(code.encoded for code in codes)
    # the speech engine was looked for: Listen shows (the tests' mock engine)
    assert window.slides.comfort.read_aloud_button.isVisible()

    # Opening a screen now shows the one already built, filled.
    built = window.contact
    tap(qtbot, window.slides.contact_button)
    assert window.current_screen is built
    assert window.stack.count() == 4


def test_a_tap_before_the_warm_up_is_answered_and_kept(qtbot, pack_dir):
    window = new_window(qtbot, pack_dir, warm_up_ms=50)
    window.show()
    qtbot.waitExposed(window)
    tap(qtbot, window.slides.topics_button)  # before the warm-up has begun
    assert window.current_screen is window.topics
    screen = window.topics
    qtbot.waitUntil(lambda: window.warmed_up, timeout=10_000)
    assert window.current_screen is screen  # the warm-up did not move the patient
    assert window.stack.count() == 4


def test_a_failing_warm_up_step_is_logged_and_the_rest_still_runs(
    qtbot, pack_dir, monkeypatch, caplog
):
    def broken() -> None:
        raise RuntimeError("no pictures today")

    window = new_window(qtbot, pack_dir, warm_up_ms=0)
    monkeypatch.setattr(window.slides, "preparation_steps", lambda: [broken])
    with qtbot.waitSignal(window.warmedUp, timeout=10_000):
        window.show()
    assert "warm-up step failed" in caplog.text
    assert window.slides.comfort.read_aloud_button.isVisible()  # the step after it ran


def test_preparing_the_slides_changes_nothing_on_screen_and_keeps_no_widgets(qtbot, pack_dir):
    window = new_window(qtbot, pack_dir, warm_up_ms=None)
    window.show()
    qtbot.waitExposed(window)
    window.controller.go(1)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    before = len(QApplication.allWidgets())
    html = window.slides.body.toHtml()
    steps = window.slides.preparation_steps()
    assert len(steps) == 3 + 1  # one per slide, then the clean-up
    for step in steps:
        step()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert len(QApplication.allWidgets()) == before
    assert window.slides.title_label.text() == "Second slide"
    assert window.slides.body.toHtml() == html
