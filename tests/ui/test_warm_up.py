"""Right after the first slide is painted, the warm-up fills the other screens
and lays out every slide once, without changing what is on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.main import make_application
from app.ui.main_window import MainWindow
from app.ui.screens.figure_view import FigureView
from app.ui.widgets.qr_code import QrCode


def new_window(qtbot, pack_dir: Path, warm_up_ms: int | None) -> MainWindow:
    make_application()
    window = MainWindow(speech_engine="mock", warm_up_ms=warm_up_ms)
    qtbot.addWidget(window)
    window.slides.transition.enabled = False
    window.resize(1920, 1080)
    window.load(pack_dir)
    return window


def tap(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_first_slide_shows_before_the_warm_up(qtbot, pack_dir):
    window = new_window(qtbot, pack_dir, warm_up_ms=None)
    window.show()
    qtbot.waitExposed(window)
    assert window.current_screen is window.slides
    assert window.slides.title_label.text() == "First slide"
    assert not window.warmed_up
    assert not window.topics.tiles  # filled when first opened or warmed up


def test_the_warm_up_never_shows_a_window_or_a_widget_of_its_own(qtbot, pack_dir):
    (pack_dir / "media").mkdir()
    (pack_dir / "media" / "box.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90">'
        '<rect width="160" height="90" fill="#0A4E57"/></svg>',
        encoding="utf-8",
    )
    second = pack_dir / "en" / "020-second.md"
    second.write_text(
        second.read_text(encoding="utf-8").replace(
            "See the review.", "![A teal box](media/box.svg)\n\nSee the review."
        ),
        encoding="utf-8",
    )
    window = new_window(qtbot, pack_dir, warm_up_ms=0)
    windows, figures = set(), set()

    def look() -> None:  # after every event-loop turn
        windows.update(QApplication.topLevelWidgets())
        figures.update(f for f in window.findChildren(FigureView) if f.isVisible())

    timer = QTimer(window, interval=0)
    timer.timeout.connect(look)
    timer.start()
    with qtbot.waitSignal(window.warmedUp, timeout=10_000):
        window.show()
    timer.stop()
    assert windows == {window}
    assert figures <= {window.slides.figure}  # the first slide has no picture


def test_warm_up_builds_and_fills_every_screen_without_moving(qtbot, pack_dir):
    window = new_window(qtbot, pack_dir, warm_up_ms=0)
    with qtbot.waitSignal(window.warmedUp, timeout=10_000):
        window.show()
    assert window.warmed_up
    assert window.current_screen is window.slides
    assert window.controller.index == 0
    assert window.slides.title_label.text() == "First slide"
    titles = [tile.text_label.text() for tile in window.topics.tiles]
    assert titles == ["1. First slide", "2. Second slide", "3. Third slide"]
    codes = window.contact.findChildren(QrCode) + window.references.findChildren(QrCode)
    assert len(codes) >= 5 and all(code.encoded for code in codes)
    # the speech engine was looked for: Listen shows once the tests' mock
    # engine has loaded on the speech thread
    qtbot.waitUntil(window.slides.comfort.read_aloud_button.isVisible)

    # Opening a screen now shows the one already built, filled.
    built = window.contact
    tap(qtbot, window.slides.contact_button)
    assert window.current_screen is built


def test_a_tap_before_the_warm_up_is_answered_and_kept(qtbot, pack_dir):
    window = new_window(qtbot, pack_dir, warm_up_ms=50)
    window.show()
    qtbot.waitExposed(window)
    tap(qtbot, window.slides.topics_button)  # before the warm-up has begun
    assert window.current_screen is window.topics
    screen = window.topics
    qtbot.waitUntil(lambda: window.warmed_up, timeout=10_000)
    assert window.current_screen is screen  # the warm-up did not move the patient


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
    qtbot.waitUntil(window.slides.comfort.read_aloud_button.isVisible)  # the step after it ran


def test_preparing_the_slides_changes_nothing_on_screen_and_keeps_no_widgets(qtbot, pack_dir):
    window = new_window(qtbot, pack_dir, warm_up_ms=None)
    window.show()
    qtbot.waitExposed(window)
    window.controller.go(1)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    before = len(QApplication.allWidgets())
    html = window.slides.body.toHtml()
    steps = window.slides.preparation_steps()
    assert len(steps) == 1 + 3 + 1  # the question cards, one per slide, then the clean-up
    for step in steps:
        step()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert len(QApplication.allWidgets()) == before
    assert window.slides.title_label.text() == "Second slide"
    assert window.slides.body.toHtml() == html
