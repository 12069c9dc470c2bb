"""Nothing but the kiosk's own window is ever shown: not the warm-up's
throwaway widgets, not a screen built before its parent (issue 17). Counted
from the start, as `clinic-kiosk --kiosk` starts, to the first idle reset."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from app.content.opening import load_opening
from app.main import make_application
from app.ui.kiosk.kiosk_session import KioskSession
from app.ui.kiosk.lock_down import lock_down
from app.ui.main_window import MainWindow
from tests.fake_clock import FakeClock
from tests.ui.kiosk_helpers import end_session, fire


class WindowsShown(QObject):
    """Every widget that is a window of its own when it is shown."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Show and watched.isWidgetType() and watched.isWindow():
            self.shown.append(type(watched).__name__)
        return False


def with_picture(pack_dir) -> None:
    """A picture on the second slide, so the warm-up draws a figure."""
    (pack_dir / "media").mkdir()
    (pack_dir / "media" / "box.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90">'
        '<rect width="160" height="90" fill="#0A4E57"/></svg>',
        encoding="utf-8",
    )
    second = pack_dir / "en" / "020-second.md"
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace("\n---\n", "\n---\n![A box](media/box.svg)\n\n", 1))


def test_from_start_to_the_first_idle_reset_only_the_kiosk_window_shows(qtbot, bilingual):
    with_picture(bilingual)
    references = bilingual / "references.json"  # a study with no link to scan, too
    references.write_text(
        references.read_text(encoding="utf-8").replace('"DOI": "10.1000/beta",', ""),
        encoding="utf-8",
    )
    app = make_application()
    spy = WindowsShown()
    app.installEventFilter(spy)
    try:
        window = MainWindow(speech_engine="mock", warm_up_ms=0)
        qtbot.addWidget(window)
        window.resize(1920, 1080)
        window.load(bilingual, loaded=load_opening(bilingual))  # as app.main.run
        lock_down(window)
        with qtbot.waitSignal(window.warmedUp, timeout=10_000):
            window.showFullScreen()
        clock = FakeClock()
        session = KioskSession(window, clock=clock)
        for _ in range(2):  # the first tap leaves the attract loop
            qtbot.mouseClick(window.slides.next_button, Qt.MouseButton.LeftButton)
        assert window.slides.title_label.text() == "Second slide"
        window.open_topics()
        clock.advance(90)
        fire(session)  # "Still reading?"
        assert session.idle.prompt.isVisible()
        clock.advance(30)
        fire(session)  # the reset
        assert window.controller.index == 0
        end_session(session)
    finally:
        app.removeEventFilter(spy)
    assert spy.shown == ["MainWindow"]
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]
    # Nor a hidden one: a widget left out of every layout has no parent and
    # stays a window of its own (a study with no link once left its caption).
    assert QApplication.topLevelWidgets() == [window]
