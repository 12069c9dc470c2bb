"""Presenter mode's audience view: the slide alone on the projector (no
kiosk buttons, no "Tap ..." sentences), in the console's previews too, and
the kiosk's controls back when presenting ends; the console's slide list
in the console's own look."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.ui.presenter.presenter_mode import PresenterMode
from tests.ui.conftest import open_pack
from tests.ui.kiosk_helpers import FakeClock

TAPPED = (
    "---\ntitle: First slide\nicon: fa6s.house\n---\n"
    "Hello from the first slide. Tap Next to go on. [@alpha2020]\n\n"
    "<!-- more -->\nMore words about alpha.\n"
)


@pytest.fixture
def window(qtbot, pack_dir):
    (pack_dir / "en" / "010-first.md").write_text(TAPPED, encoding="utf-8")
    return open_pack(qtbot, pack_dir)


def kiosk_controls(screen) -> list:
    return [
        screen.comfort,
        screen.topics_button,
        screen.references_button,
        screen.contact_button,
        screen.help_now,
        screen.previous_button,
        screen.next_button,
        screen.dots,
        screen.more_button,
        screen.citations,
    ]


def shown(screen) -> list[str]:
    return [c.accessibleName() or type(c).__name__ for c in kiosk_controls(screen) if c.isVisible()]


def test_the_projector_shows_the_slide_alone_and_the_kiosk_comes_back(window, qtbot):
    screen = window.slides
    assert "Tap Next" in screen.body.toPlainText()
    assert len(shown(screen)) == len(kiosk_controls(screen))  # a patient's screen
    mode = PresenterMode(window, clock=FakeClock(), now=lambda: datetime(2026, 3, 4, 14, 5))
    mode.start()
    try:
        for _ in range(2):  # this slide, and the next one drawn
            assert shown(screen) == []
            assert screen.title_label.isVisible() and screen.body.isVisible()
            assert screen.disclaimer.isVisible()
            assert "Tap" not in screen.body.toPlainText()
            assert "Hello from the first slide." in screen.body.toPlainText()
            window.controller.next()
            window.controller.previous()
        # The console's previews are pictures of that view.
        preview = mode.feed.previews.window.slides
        assert preview.audience_view is not None
        assert "Tap" not in preview.body.toPlainText()
        assert not preview.next_button.isVisibleTo(preview)
    finally:
        mode.finish()
    qtbot.waitUntil(lambda: len(shown(screen)) == len(kiosk_controls(screen)))
    assert screen.audience_view is None
    assert "Tap Next" in screen.body.toPlainText()


def test_the_slide_list_scrolls_in_the_consoles_look(window, qtbot):
    mode = PresenterMode(window, clock=FakeClock(), now=lambda: datetime(2026, 3, 4, 14, 5))
    mode.start()
    try:
        console = mode.console
        console.showNormal()
        console.resize(1366, 768)
        qtbot.waitUntil(lambda: console.slide_list.isVisible())
        titles = console.slide_list
        assert titles.horizontalScrollBar().maximum() == 0  # titles wrap, never sideways
        assert not titles.horizontalScrollBar().isVisible()
        bar = titles.verticalScrollBar()
        # The console's own bar, not the platform's: its width from the style sheet.
        assert bar.sizeHint().width() == console.metrics.px(16, 10)
    finally:
        mode.finish()
