"""Presenter mode with one screen (the test platform's): keys and clickers
drive the audience window, the console follows it, blackout, key help, the
timer, and leaving."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.presenter_keys import Action, Blank, Command
from app.ui.presenter.presenter_mode import PresenterMode
from tests.ui.kiosk_helpers import FakeClock

K = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

# The README's presenter keyboard map: each key, and the action it stands for.
README_KEYS = [
    (K.Key_Right, NONE, Action.NEXT),
    (K.Key_Down, NONE, Action.NEXT),
    (K.Key_PageDown, NONE, Action.NEXT),
    (K.Key_Space, NONE, Action.NEXT),
    (K.Key_N, NONE, Action.NEXT),
    (K.Key_Return, NONE, Action.NEXT),
    (K.Key_Left, NONE, Action.PREVIOUS),
    (K.Key_Up, NONE, Action.PREVIOUS),
    (K.Key_PageUp, NONE, Action.PREVIOUS),
    (K.Key_P, NONE, Action.PREVIOUS),
    (K.Key_Backspace, NONE, Action.PREVIOUS),
    (K.Key_Space, SHIFT, Action.PREVIOUS),
    (K.Key_Home, NONE, Action.FIRST),
    (K.Key_End, NONE, Action.LAST),
    (K.Key_O, NONE, Action.OVERVIEW),
    (K.Key_Escape, NONE, Action.OVERVIEW),
    (K.Key_B, NONE, Action.BLACK),
    (K.Key_Period, NONE, Action.BLACK),
    (K.Key_W, NONE, Action.WHITE),
    (K.Key_R, NONE, Action.REFERENCES),
    (K.Key_C, NONE, Action.CONTACT),
    (K.Key_F, NONE, Action.FULLSCREEN),
    (K.Key_F5, NONE, Action.START),
    (K.Key_F5, SHIFT, Action.RESUME),
    (K.Key_S, NONE, Action.SWITCH_VIEW),
    (K.Key_Question, SHIFT, Action.HELP),
]


@pytest.fixture
def presenter(window, qtbot):
    clock = FakeClock()
    mode = PresenterMode(window, clock=clock, now=lambda: datetime(2026, 3, 4, 14, 5))
    mode.clock_ = clock
    mode.start()
    yield mode
    mode.finish()


def title(mode: PresenterMode) -> str:
    return mode.audience.slides.title_label.text()


def press(qtbot, mode: PresenterMode, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(mode.audience.slides, key, modifiers)


@pytest.fixture
def applied(presenter, monkeypatch) -> list[Command]:
    """Every command the presenter's keys carry out, in order."""
    commands: list[Command] = []
    apply = presenter.apply

    def spy(command: Command, window=None) -> None:
        commands.append(command)
        apply(command, window)

    monkeypatch.setattr(presenter, "apply", spy)
    return commands


@pytest.mark.parametrize(("key", "modifiers", "action"), README_KEYS)
def test_every_key_of_the_readme_reaches_its_action(
    presenter, qtbot, applied, key, modifiers, action
):
    press(qtbot, presenter, key, modifiers)
    assert applied == [Command(action)]


def test_a_number_then_enter_reaches_go(presenter, qtbot, applied):
    for key in (K.Key_1, K.Key_2, K.Key_Enter):
        press(qtbot, presenter, key)
    assert applied == [Command(Action.DIGITS), Command(Action.DIGITS), Command(Action.GO, 11)]


def test_every_action_has_a_handler(presenter):
    handlers = presenter.handlers(Command(Action.GO, 0), presenter.audience)
    assert set(handlers) == set(Action)


def test_help_opens_on_the_window_it_was_asked_on(presenter, qtbot):
    presenter.switch_view()  # one screen: the console comes up
    qtbot.keyClick(presenter.console, K.Key_Question, SHIFT)
    assert presenter.console_help.isVisible()
    assert not presenter.audience_help.isVisible()
    qtbot.keyClick(presenter.console, K.Key_X)  # any key closes it
    assert not presenter.console_help.isVisible()
    presenter.console.help_button.click()
    assert presenter.console_help.isVisible()


def test_the_console_black_button_blanks_the_slides(presenter, qtbot):
    presenter.switch_view()
    presenter.console.black_button.click()
    assert presenter.blackout.isVisible()
    assert presenter.blackout.colour is Blank.BLACK
    assert presenter.console.status_label.text() == "The audience sees a black screen"


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([K.Key_Right], "Second slide"),
        ([K.Key_Down], "Second slide"),
        ([K.Key_PageDown], "Second slide"),
        ([K.Key_Space], "Second slide"),
        ([K.Key_N], "Second slide"),
        ([K.Key_Return], "Second slide"),
        ([K.Key_End], "Third slide"),
        ([K.Key_End, K.Key_Left], "Second slide"),
        ([K.Key_End, K.Key_Up], "Second slide"),
        ([K.Key_End, K.Key_PageUp], "Second slide"),
        ([K.Key_End, K.Key_P], "Second slide"),
        ([K.Key_End, K.Key_Backspace], "Second slide"),
        ([K.Key_End, K.Key_Home], "First slide"),
        ([K.Key_3, K.Key_Return], "Third slide"),
        ([K.Key_3, K.Key_Backspace, K.Key_2, K.Key_Enter], "Second slide"),
    ],
)
def test_paging_keys(presenter, qtbot, keys, expected):
    for key in keys:
        press(qtbot, presenter, key)
    assert title(presenter) == expected


def test_the_typed_number_shows_on_the_console(presenter, qtbot):
    press(qtbot, presenter, K.Key_1)
    assert "1" in presenter.console.digits_label.text()
    press(qtbot, presenter, K.Key_Right)
    assert presenter.console.digits_label.text() == ""


def test_keys_typed_on_the_console_drive_the_slides(presenter, qtbot):
    presenter.switch_view()  # one screen: the console comes up
    assert presenter.console.isVisible()
    qtbot.keyClick(presenter.console.slide_list, K.Key_PageDown)
    assert title(presenter) == "Second slide"


def test_console_shows_number_notes_next_and_pictures(presenter, qtbot):
    console = presenter.console
    assert console.slide_label.text() == "Slide 1 of 3"
    assert console.notes.toPlainText() == "Say hello."
    assert console.next_title.text() == "Second slide"
    assert console.slide_list.count() == 3
    assert console.slide_list.currentRow() == 0
    qtbot.waitUntil(lambda: not console.current.picture.isNull())
    assert not console.next.picture.isNull()
    press(qtbot, presenter, K.Key_End)
    assert console.slide_label.text() == "Slide 3 of 3"
    assert console.notes.toPlainText() == "No notes for this slide."
    assert console.next_title.text() == "End of the slides"
    qtbot.waitUntil(lambda: console.next.picture.isNull())


def test_previews_are_the_audience_view_at_its_size(presenter, qtbot):
    picture = presenter.feed.previews.slide(1)
    assert picture.size() == presenter.audience.size()
    assert presenter.feed.previews.window.slides.title_label.text() == "Second slide"
    assert title(presenter) == "First slide"  # the audience did not move


def test_jump_from_the_list(presenter, qtbot):
    console = presenter.console
    presenter.audience.open_topics()
    item = console.slide_list.item(2)
    console.slide_list.itemClicked.emit(item)
    assert title(presenter) == "Third slide"
    assert presenter.audience.current_screen is presenter.audience.slides


@pytest.mark.parametrize(
    ("key", "colour"),
    [(K.Key_B, Blank.BLACK), (K.Key_Period, Blank.BLACK), (K.Key_W, Blank.WHITE)],
)
def test_blank_screen_and_any_key_brings_it_back(presenter, qtbot, key, colour):
    press(qtbot, presenter, key)
    assert presenter.blackout.isVisible()
    assert presenter.blackout.colour is colour
    assert presenter.blackout.geometry() == presenter.audience.rect()
    assert presenter.console.status_label.text() == f"The audience sees a {colour.value} screen"
    press(qtbot, presenter, K.Key_Right)  # only unblanks
    assert not presenter.blackout.isVisible()
    assert title(presenter) == "First slide"
    press(qtbot, presenter, key)
    press(qtbot, presenter, key)  # the same key toggles it back
    assert not presenter.blackout.isVisible()


def test_blackout_paints_the_whole_window(presenter, qtbot):
    press(qtbot, presenter, K.Key_B)
    image = presenter.audience.grab().toImage()
    for x, y in ((5, 5), (image.width() // 2, image.height() // 2), (image.width() - 5, 5)):
        assert image.pixelColor(x, y).name() == "#000000"


@pytest.mark.parametrize(
    ("key", "screen"),
    [(K.Key_O, "topics"), (K.Key_Escape, "topics"), (K.Key_R, "references"), (K.Key_C, "contact")],
)
def test_screens_open_and_close(presenter, qtbot, key, screen):
    audience = presenter.audience
    press(qtbot, presenter, key)
    assert audience.current_screen is getattr(audience, screen)
    assert presenter.console.status_label.text().startswith("The audience sees:")
    press(qtbot, presenter, key)  # the same key again
    assert audience.current_screen is audience.slides
    press(qtbot, presenter, key)
    press(qtbot, presenter, K.Key_Escape)
    assert audience.current_screen is audience.slides


def test_a_page_key_over_a_screen_returns_to_the_same_slide(presenter, qtbot):
    audience = presenter.audience
    press(qtbot, presenter, K.Key_Escape)  # a clicker's stop button
    press(qtbot, presenter, K.Key_PageDown)
    assert audience.current_screen is audience.slides
    assert title(presenter) == "First slide"


def test_key_help_lists_the_keys_and_any_key_closes_it(presenter, qtbot):
    press(qtbot, presenter, K.Key_Question, SHIFT)
    help_ = presenter.audience_help
    assert help_.isVisible()
    assert help_.title.text() == "Keys"
    texts = [label.text() for label in help_.actions]
    assert "Next slide" in texts and "Black screen (any key: back)" in texts
    press(qtbot, presenter, K.Key_Right)
    assert not help_.isVisible()
    assert title(presenter) == "First slide"


def test_f_toggles_full_screen(presenter, qtbot):
    audience = presenter.audience
    assert audience.isFullScreen()
    press(qtbot, presenter, K.Key_F)
    assert not audience.isFullScreen()
    press(qtbot, presenter, K.Key_F)
    assert audience.isFullScreen()


def test_s_switches_between_console_and_audience_on_one_screen(presenter, qtbot):
    assert presenter.one_screen
    assert not presenter.console.isVisible()
    assert presenter.console.switch_button.isVisible() is False  # hidden with its window
    press(qtbot, presenter, K.Key_S)
    assert presenter.console.isVisible()
    assert presenter.console.switch_button.isVisible()
    qtbot.keyClick(presenter.console, K.Key_S)
    assert not presenter.console.isVisible()


def test_clicker_start_and_resume(presenter, qtbot):
    press(qtbot, presenter, K.Key_End)
    press(qtbot, presenter, K.Key_B)
    press(qtbot, presenter, K.Key_F5, SHIFT)  # resume: here, uncovered
    assert not presenter.blackout.isVisible()
    assert title(presenter) == "Third slide"
    press(qtbot, presenter, K.Key_R)
    press(qtbot, presenter, K.Key_F5, SHIFT)
    assert presenter.audience.current_screen is presenter.audience.slides
    presenter.switch_view()
    qtbot.keyClick(presenter.console, K.Key_F5)  # start: first slide, slides in view
    assert title(presenter) == "First slide"
    assert not presenter.console.isVisible()


def test_elapsed_time_and_clock(presenter):
    console = presenter.console
    assert console.elapsed_label.text() == "Elapsed 00:00"
    assert console.clock_label.text() == "Clock 14:05"
    assert presenter.feed.tick.isActive()
    presenter.clock_.advance(65)
    presenter.feed.tick.timeout.emit()
    assert console.elapsed_label.text() == "Elapsed 01:05"
    console.reset_timer_button.click()
    assert console.elapsed_label.text() == "Elapsed 00:00"


def test_text_size_applies_to_both_windows(presenter, qtbot):
    audience = presenter.audience
    before = presenter.console.notes.font().pixelSize()
    presenter.console.text_size_button.click()
    assert audience.text_size == 1
    assert presenter.feed.previews.window.text_size == 1
    assert presenter.console.text_scale > 1
    assert presenter.console.metrics.text > 1
    assert presenter.console.notes.font().pixelSize() >= before


def test_a_new_pack_reaches_the_console(presenter, qtbot, pack_dir):
    from app.content.loader import load_pack

    slide = pack_dir / "en" / "010-first.md"
    slide.write_text(
        slide.read_text(encoding="utf-8").replace("Say hello.", "Say hi."), encoding="utf-8"
    )
    presenter.audience.set_content(load_pack(pack_dir))
    assert presenter.console.notes.toPlainText() == "Say hi."
    assert presenter.feed.previews.window.pack is presenter.audience.pack


def test_end_closes_the_console_and_keys_go_back_to_the_window(presenter, qtbot):
    presenter.switch_view()
    with qtbot.waitSignal(presenter.finished):
        presenter.console.end_button.click()
    assert not presenter.active
    assert not presenter.console.isVisible()
    assert presenter.feed.previews is None
    press(qtbot, presenter, K.Key_B)  # not a key of the kiosk window itself
    assert not presenter.blackout.isVisible()
    press(qtbot, presenter, K.Key_Right)  # the window's own map again
    assert title(presenter) == "Second slide"


def test_closing_the_console_window_ends_presenter_mode(presenter, qtbot):
    presenter.switch_view()
    with qtbot.waitSignal(presenter.finished):
        presenter.console.close()
    assert QApplication.instance() is not None


def test_chords_are_not_presenter_keys(presenter, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    from app.ui.presenter.key_names import key_name

    def event(key, modifiers=Qt.KeyboardModifier.NoModifier):
        return QKeyEvent(QEvent.Type.KeyPress, key, modifiers)

    assert key_name(event(K.Key_S, Qt.KeyboardModifier.ControlModifier)) == ""
    assert key_name(event(K.Key_F5, SHIFT)) == "Shift+F5"
    assert key_name(event(K.Key_Space, SHIFT)) == "Shift+Space"
    assert key_name(event(K.Key_Question, SHIFT)) == "Question"
    assert key_name(event(K.Key_N, SHIFT)) == "N"
    assert key_name(event(K.Key_7, Qt.KeyboardModifier.KeypadModifier)) == "7"
    assert key_name(event(K.Key_Enter, Qt.KeyboardModifier.KeypadModifier)) == "Enter"
