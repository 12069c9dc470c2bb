"""The PIN pad and the last slide's buttons show their words whole at the
largest text, measured as `check --layout` measures (layout_measure.py)."""

from __future__ import annotations

import pytest

from app.export.layout_check import SIZES, settle_layout
from app.export.layout_measure import misfits
from app.main import make_application
from app.ui.kiosk.staff_door import StaffDoor
from app.ui.main_window import MainWindow
from tests.ui.conftest import bundled_at, write_pack

LARGEST = 2


@pytest.fixture(autouse=True)
def application(qapp):
    make_application()  # the bundled font, as the checker has it
    return qapp


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_pin_pad_at_the_largest_text_is_the_staff_size(qtbot, size, language):
    window = bundled_at(qtbot, size, language)
    door = StaffDoor(window, clock=lambda: 0.0, diagnostics=str, parent=window)
    pad = door.pin_pad
    keys = (*pad.digit_buttons.values(), pad.delete_button, pad.ok_button, pad.cancel_button)
    looks = []
    for text_size in (0, LARGEST):
        window.comfort.set_text_size(text_size)
        pad.open()
        settle_layout()
        assert [m.message for m in misfits(pad)] == [], text_size
        looks.append([(key.font().pixelSize(), key.sizeHint().toTuple()) for key in keys])
        pad.hide()
    door.suspend()
    # The patient's text size does not reach the keys: same words, same hint.
    assert looks[0] == looks[1]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_last_slide_buttons_show_their_words_at_every_text_size(qtbot, size, language):
    window = bundled_at(qtbot, size, language)
    slides = window.slides
    window.controller.go(len(window.pack.slides) - 1)
    for text_size in (0, 1, LARGEST):
        window.comfort.set_text_size(text_size)
        for expanded in (False, True):  # Learn more open or not: the same bottom row
            if slides.expanded != expanded:
                slides.toggle_more()
            settle_layout()
            assert [m.message for m in misfits(slides)] == [], (text_size, expanded)
            buttons = slides.last_slide
            assert buttons.start_again.isVisibleTo(slides)
            assert buttons.take_home.isVisibleTo(slides)
            # The row stays inside the screen; in landscape the two side by side.
            assert slides.rect().contains(buttons.geometry())
            landscape = size[0] > size[1]
            assert (buttons.start_again.y() == buttons.take_home.y()) == landscape
        if text_size == 0:  # room for all: "15 of 15" stays
            assert slides.progress_label.isVisibleTo(slides)
    # Back to the first slide, its progress shows again at the largest text.
    window.controller.go(0)
    settle_layout()
    assert slides.progress_label.isVisibleTo(slides)
    assert slides.dots.isVisibleTo(slides)


def test_words_too_long_for_one_row_put_the_buttons_one_above_the_other(qtbot, tmp_path):
    pack = write_pack(tmp_path / "pack")
    words = "Start again from the very first slide of the deck, for the same patient"
    (pack / "en" / "strings.toml").write_text(f'start_again = "{words}"\n', encoding="utf-8")
    window = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.load(pack)
    window.show()
    qtbot.waitExposed(window)
    window.controller.go(len(window.pack.slides) - 1)
    settle_layout()
    buttons = window.slides.last_slide
    assert buttons.start_again.accessibleName() == words
    assert buttons.take_home.y() > buttons.start_again.y()  # stacked
    assert window.slides.progress_label.isVisibleTo(window.slides)  # room for it then
    assert [m.message for m in misfits(window.slides)] == []
