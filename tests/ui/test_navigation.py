"""Moving through the deck with buttons, keys and drags."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.helpers import drag


def shown(window) -> str:
    return window.slides.title_label.text()


def test_opens_on_the_first_slide(window):
    assert shown(window) == "First slide"
    assert window.slides.progress_label.text() == "1 of 3"
    assert not window.slides.previous_button.isEnabled()
    assert window.slides.next_button.isEnabled()


def test_next_and_previous_buttons(window, qtbot):
    window.slides.next_button.click()
    assert shown(window) == "Second slide"
    assert window.slides.progress_label.text() == "2 of 3"
    window.slides.next_button.click()
    assert shown(window) == "Third slide"
    assert not window.slides.next_button.isEnabled()
    window.slides.previous_button.click()
    assert shown(window) == "Second slide"


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (Qt.Key.Key_Right, "Third slide"),
        (Qt.Key.Key_PageDown, "Third slide"),
        (Qt.Key.Key_Space, "Third slide"),
        (Qt.Key.Key_Left, "First slide"),
        (Qt.Key.Key_PageUp, "First slide"),
        (Qt.Key.Key_Home, "First slide"),
        (Qt.Key.Key_End, "Third slide"),
    ],
)
def test_keys_move_from_the_middle(window, qtbot, key, expected):
    window.controller.go(1)
    window.slides.setFocus()
    qtbot.keyClick(window.slides, key)
    assert shown(window) == expected


def test_next_on_the_last_slide_stays(window, qtbot):
    qtbot.keyClick(window.slides, Qt.Key.Key_End)
    qtbot.keyClick(window.slides, Qt.Key.Key_Right)
    assert shown(window) == "Third slide"


def test_down_scrolls_long_text_before_changing_slide(window, qtbot):
    window.controller.go(1)
    bar = window.slides.body.verticalScrollBar()
    assert bar.maximum() > 0, "the long slide should need scrolling at 1920x1080"
    qtbot.keyClick(window.slides, Qt.Key.Key_Down)
    assert bar.value() > 0
    assert shown(window) == "Second slide"


def test_drag_left_goes_to_next_and_right_goes_back(window):
    viewport = window.slides.body.viewport()
    middle = viewport.rect().center()
    drag(viewport, middle + QPoint(300, 0), middle - QPoint(300, 0))
    assert shown(window) == "Second slide"
    drag(viewport, middle - QPoint(300, 0), middle + QPoint(300, 0))
    assert shown(window) == "First slide"


def test_short_drag_does_not_change_slide(window):
    viewport = window.slides.body.viewport()
    middle = viewport.rect().center()
    drag(viewport, middle, middle - QPoint(10, 0), steps=2)
    assert shown(window) == "First slide"


def test_vertical_drag_scrolls_instead_of_changing_slide(window, qtbot):
    window.controller.go(1)
    viewport = window.slides.body.viewport()
    bar = window.slides.body.verticalScrollBar()
    middle = viewport.rect().center()
    drag(viewport, middle + QPoint(0, 200), middle - QPoint(0, 200))
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert shown(window) == "Second slide"


def test_swipe_animates_when_motion_is_on(window, qtbot):
    window.slides.transition.enabled = True
    with qtbot.waitSignal(window.slides.transition.finished, timeout=2000):
        window.slides.next_button.click()
        assert window.slides.transition.running
    assert not window.slides.transition.isVisible()
    assert shown(window) == "Second slide"


def test_learn_more_shows_the_detail(window):
    slides = window.slides
    assert slides.more_button.isVisible()
    assert "More words about alpha" not in slides.body.toPlainText()
    slides.more_button.click()
    assert "More words about alpha" in slides.body.toPlainText()
    assert slides.more_button.accessibleName() == "Show less"
    slides.more_button.click()
    assert "More words about alpha" not in slides.body.toPlainText()


def test_learn_more_hidden_when_slide_has_no_detail(window):
    window.controller.go(2)
    assert not window.slides.more_button.isVisible()


def test_the_slide_heading_has_keyboard_focus_at_start(window, qtbot):
    # Keys page the deck from the start, and a screen reader says where we are.
    qtbot.waitUntil(lambda: window.slides.title_label.hasFocus())
    assert window.slides.title_label.accessibleName() == "1 of 3: First slide"


def test_arrows_page_even_when_a_button_has_focus(window, qtbot):
    # Found under Xvfb: a focused button used to swallow the arrow keys.
    window.slides.topics_button.setFocus()
    qtbot.waitUntil(lambda: window.slides.topics_button.hasFocus())
    qtbot.keyClick(window.slides.topics_button, Qt.Key.Key_Right)
    assert shown(window) == "Second slide"
    qtbot.keyClick(window.slides.topics_button, Qt.Key.Key_Left)
    assert shown(window) == "First slide"


def test_space_presses_the_focused_button(window, qtbot):
    window.slides.contact_button.setFocus()
    qtbot.waitUntil(lambda: window.slides.contact_button.hasFocus())
    qtbot.keyClick(window.slides.contact_button, Qt.Key.Key_Space)
    assert window.current_screen is window.contact
