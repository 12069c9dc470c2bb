"""What a patient sees of their choices: a dead button looks dead, the focus
ring follows the keyboard (not the finger), high contrast reaches the
pictures, and the Text size button shows its level."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor

from app.ui.screens.level_icon import level_icon
from app.ui.screens.picture_colours import for_theme
from app.ui.theme import CALM, HIGH_CONTRAST, contrast_ratio
from tests.ui.test_figure import picture_window

LEFT = Qt.MouseButton.LeftButton


def edge(widget) -> str:
    """The colour of the widget's left edge, where a focus ring is drawn."""
    image = widget.grab().toImage()
    return image.pixelColor(2, image.height() // 2).name()


# --- a disabled button -------------------------------------------------------
@pytest.mark.parametrize("contrast", [False, True])
def test_the_dead_next_on_the_last_slide_looks_dead(window, qtbot, contrast):
    if contrast:
        window.comfort.toggle_contrast()
    theme = window.theme
    button = window.slides.next_button
    live = button.grab().toImage()
    window.controller.go(len(window.pack.slides) - 1)
    assert not button.isEnabled()
    dead = button.grab().toImage()
    x, y = dead.width() // 2, 10  # inside the border, above the words
    assert live.pixelColor(x, y).name() == theme.accent.lower()  # a filled primary button
    assert dead.pixelColor(x, y).name() == theme.paper.lower()  # no fill when dead
    assert dead.pixelColor(x, 1).name() != theme.accent.lower()  # nor the live outline


# --- the focus ring ----------------------------------------------------------
def test_a_tap_leaves_no_ring_and_a_key_brings_it(window, qtbot):
    focus = window.theme.focus.lower()
    more = window.slides.more_button
    qtbot.mouseClick(more, LEFT)  # Learn more: the screen stays, the button keeps the focus
    assert more.hasFocus()
    assert edge(more) != focus
    qtbot.keyClick(more, Qt.Key.Key_Tab)
    reached = window.focusWidget()
    assert reached is not more
    assert edge(reached) == focus
    qtbot.mouseClick(more, LEFT)  # back to the finger: the ring goes with the focus
    assert more.hasFocus()
    assert edge(more) != focus


def test_the_heading_shows_the_ring_after_a_key_not_after_a_tap(window, qtbot):
    focus = window.theme.focus.lower()
    heading = window.slides.title_label
    qtbot.mouseClick(window.slides.next_button, LEFT)
    assert heading.hasFocus()  # a screen reader reads "2 of 3: ..."
    assert edge(heading) != focus
    qtbot.keyClick(heading, Qt.Key.Key_Right)  # paging keys are window shortcuts
    assert heading.hasFocus() and heading.text() == "Third slide"
    assert edge(heading) == focus


# --- high contrast pictures --------------------------------------------------
def test_high_contrast_turns_the_pictures_over(qtbot, pack_dir):
    win = picture_window(qtbot, pack_dir, (1920, 1080))
    figure = win.slides.figure

    def middle() -> QColor:
        centre = figure.mapTo(win, figure.picture_rect().center().toPoint())
        return win.grab().toImage().pixelColor(centre)

    assert middle().name() == "#0a4e57"  # the calm teal box
    win.comfort.toggle_contrast()
    turned = middle()
    assert turned.lightnessF() > 0.7  # a light tint of the teal, on black
    assert contrast_ratio(turned.name(), HIGH_CONTRAST.paper) >= 7
    win.comfort.toggle_contrast()
    assert middle().name() == "#0a4e57"


def test_recolouring_touches_paint_only():
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<rect id="abc" fill="#FAF7F2" stroke="#1A2330" stroke-width="3"/>'
        b'<use xlink:href="#abc"/><text style="fill:#1A2330">Hi</text></svg>'
    )
    assert for_theme(svg, CALM) == svg
    turned = for_theme(svg, HIGH_CONTRAST).decode()
    assert 'xlink:href="#abc"' in turned and 'id="abc"' in turned
    assert 'stroke-width="3"' in turned
    assert "#FAF7F2" not in turned and "#1A2330" not in turned
    assert f'fill="{HIGH_CONTRAST.ink}"' in turned.split(">")[0]  # the default paint


# --- the Text size level -----------------------------------------------------
def filled_steps(icon) -> int:
    image = icon.pixmap(QSize(64, 64)).toImage()
    # The middle of each step's lowest part: filled, or only outlined.
    columns = [image.width() * x // 6 for x in (1, 3, 5)]
    y = image.height() - image.height() // 8
    return sum(image.pixelColor(x, y).alpha() > 128 for x in columns)


def test_the_level_picture_fills_one_step_per_size():
    assert [filled_steps(level_icon(level, 3, "#0A4E57", QSize(64, 64))) for level in range(3)] == [
        1,
        2,
        3,
    ]


def test_the_text_size_button_shows_its_level(window, qtbot):
    button = window.slides.comfort.text_size_button
    seen = []
    for _ in range(3):
        seen.append((filled_steps(button.icon()), button.accessibleDescription()))
        qtbot.mouseClick(button, LEFT)
    assert seen == [(1, "Normal"), (2, "Large"), (3, "Largest")]
    assert filled_steps(button.icon()) == 1  # round again to normal
