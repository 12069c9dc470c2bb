"""Presenter mode's keyboard map, without Qt."""

from __future__ import annotations

import pytest

from app.core import presenter_keys as k
from app.core.presenter_keys import Command, PresenterKeys, View, format_elapsed


@pytest.mark.parametrize(
    ("key", "action"),
    [
        ("Right", k.NEXT),
        ("Down", k.NEXT),
        ("PageDown", k.NEXT),  # clickers
        ("Space", k.NEXT),
        ("N", k.NEXT),
        ("Enter", k.NEXT),
        ("Left", k.PREVIOUS),
        ("Up", k.PREVIOUS),
        ("PageUp", k.PREVIOUS),  # clickers
        ("P", k.PREVIOUS),
        ("Backspace", k.PREVIOUS),
        ("Shift+Space", k.PREVIOUS),
        ("Home", k.FIRST),
        ("End", k.LAST),
        ("O", k.OVERVIEW),
        ("Escape", k.OVERVIEW),  # clickers' stop button
        ("B", k.BLACK),
        ("Period", k.BLACK),  # clickers' blank button
        ("W", k.WHITE),
        ("R", k.REFERENCES),
        ("C", k.CONTACT),
        ("F", k.FULLSCREEN),
        ("Question", k.HELP),
        ("F5", k.START),  # clickers' start button
        ("Shift+F5", k.RESUME),
        ("S", k.SWITCH_VIEW),
    ],
)
def test_key_on_a_slide(key, action):
    assert PresenterKeys().press(key) == Command(action)


@pytest.mark.parametrize("key", ["X", "Tab", "F1", "Shift+Tab", "Ctrl+Q", ""])
def test_other_keys_are_not_presenter_keys(key):
    assert PresenterKeys().press(key) is None


def test_a_number_then_enter_jumps():
    keys = PresenterKeys()
    assert keys.press("1") == Command(k.DIGITS)
    assert keys.press("2") == Command(k.DIGITS)
    assert keys.digits == "12"
    assert keys.press("Enter") == Command(k.GO, 11)
    assert keys.digits == ""
    assert keys.press("Enter") == Command(k.NEXT)  # no number: Enter is next


def test_number_entry_edits_and_limits():
    keys = PresenterKeys()
    for digit in "12345":
        keys.press(digit)
    assert keys.digits == "123"
    assert keys.press("Backspace") == Command(k.DIGITS)
    assert keys.digits == "12"
    assert keys.press("Right") == Command(k.NEXT)  # another key drops the number
    assert keys.digits == ""
    keys.press("0")
    assert keys.press("Enter") == Command(k.GO, 0)


@pytest.mark.parametrize("blank", [k.BLACK, k.WHITE])
@pytest.mark.parametrize("key", ["B", "Period", "Right", "X", "Escape", "3"])
def test_any_key_ends_a_blank_screen_and_does_nothing_else(blank, key):
    keys = PresenterKeys()
    assert keys.press(key, View(blank=blank)) == Command(k.UNBLANK)
    assert keys.digits == ""


def test_w_on_black_turns_white_and_w_on_white_ends_it():
    keys = PresenterKeys()
    assert keys.press("W", View(blank=k.BLACK)) == Command(k.WHITE)
    assert keys.press("W", View(blank=k.WHITE)) == Command(k.UNBLANK)


@pytest.mark.parametrize("key", ["Question", "Right", "X", "Escape"])
def test_any_key_closes_the_key_map(key):
    assert PresenterKeys().press(key, View(help=True)) == Command(k.CLOSE_HELP)


@pytest.mark.parametrize(
    ("screen", "key", "action"),
    [
        (k.OVERVIEW, "Escape", k.BACK),
        (k.OVERVIEW, "O", k.BACK),
        (k.OVERVIEW, "PageDown", k.BACK),  # a clicker brings the slide back
        (k.OVERVIEW, "R", k.REFERENCES),
        (k.REFERENCES, "R", k.BACK),
        (k.REFERENCES, "Backspace", k.BACK),
        (k.REFERENCES, "C", k.CONTACT),
        (k.CONTACT, "C", k.BACK),
        (k.CONTACT, "Left", k.BACK),
        (k.CONTACT, "B", k.BLACK),
        (k.CONTACT, "F5", k.START),
        (k.CONTACT, "Shift+F5", k.RESUME),
        (k.CONTACT, "Question", k.HELP),
    ],
)
def test_keys_over_another_screen(screen, key, action):
    assert PresenterKeys().press(key, View(screen=screen)) == Command(action)


def test_a_number_jumps_from_the_overview():
    keys = PresenterKeys()
    keys.press("3", View(screen=k.OVERVIEW))
    assert keys.press("Enter", View(screen=k.OVERVIEW)) == Command(k.GO, 2)


def test_every_action_has_a_help_row():
    described = {k.KEY_MAP[key] for key in k.KEY_MAP}
    rows = {row[1] for row in k.HELP_ROWS}
    assert len(rows) == len(k.HELP_ROWS)
    # next, previous, first/last, overview, black, white, references, contact,
    # full screen, start/resume, switch view, help; and the number jump.
    assert len(described) == 14
    assert len(rows) == 13


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00"),
        (59.9, "00:59"),
        (61, "01:01"),
        (3600, "1:00:00"),
        (3725, "1:02:05"),
        (-3, "00:00"),
    ],
)
def test_elapsed_time(seconds, text):
    assert format_elapsed(seconds) == text
