"""Presenter mode's keyboard map, without Qt."""

from __future__ import annotations

import pytest

from app.core import presenter_keys as k
from app.core.presenter_keys import (
    Action,
    Blank,
    Command,
    PresenterKeys,
    Screen,
    View,
    format_elapsed,
)


@pytest.mark.parametrize(
    ("key", "action"),
    [
        ("Right", Action.NEXT),
        ("Down", Action.NEXT),
        ("PageDown", Action.NEXT),  # clickers
        ("Space", Action.NEXT),
        ("N", Action.NEXT),
        ("Enter", Action.NEXT),
        ("Left", Action.PREVIOUS),
        ("Up", Action.PREVIOUS),
        ("PageUp", Action.PREVIOUS),  # clickers
        ("P", Action.PREVIOUS),
        ("Backspace", Action.PREVIOUS),
        ("Shift+Space", Action.PREVIOUS),
        ("Home", Action.FIRST),
        ("End", Action.LAST),
        ("O", Action.OVERVIEW),
        ("Escape", Action.OVERVIEW),  # clickers' stop button
        ("B", Action.BLACK),
        ("Period", Action.BLACK),  # clickers' blank button
        ("W", Action.WHITE),
        ("R", Action.REFERENCES),
        ("C", Action.CONTACT),
        ("F", Action.FULLSCREEN),
        ("Question", Action.HELP),
        ("F5", Action.START),  # clickers' start button
        ("Shift+F5", Action.RESUME),
        ("S", Action.SWITCH_VIEW),
    ],
)
def test_key_on_a_slide(key, action):
    assert PresenterKeys().press(key) == Command(action)


@pytest.mark.parametrize("key", ["X", "Tab", "F1", "Shift+Tab", "Ctrl+Q", ""])
def test_other_keys_are_not_presenter_keys(key):
    assert PresenterKeys().press(key) is None


def test_a_number_then_enter_jumps():
    keys = PresenterKeys()
    assert keys.press("1") == Command(Action.DIGITS)
    assert keys.press("2") == Command(Action.DIGITS)
    assert keys.digits == "12"
    assert keys.press("Enter") == Command(Action.GO, 11)
    assert keys.digits == ""
    assert keys.press("Enter") == Command(Action.NEXT)  # no number: Enter is next


def test_number_entry_edits_and_limits():
    keys = PresenterKeys()
    for digit in "12345":
        keys.press(digit)
    assert keys.digits == "123"
    assert keys.press("Backspace") == Command(Action.DIGITS)
    assert keys.digits == "12"
    assert keys.press("Right") == Command(Action.NEXT)  # another key drops the number
    assert keys.digits == ""
    keys.press("0")
    assert keys.press("Enter") == Command(Action.GO, 0)


@pytest.mark.parametrize("blank", [Blank.BLACK, Blank.WHITE])
@pytest.mark.parametrize("key", ["B", "Period", "Right", "X", "Escape", "3"])
def test_any_key_ends_a_blank_screen_and_does_nothing_else(blank, key):
    keys = PresenterKeys()
    assert keys.press(key, View(blank=blank)) == Command(Action.UNBLANK)
    assert keys.digits == ""


def test_w_on_black_turns_white_and_w_on_white_ends_it():
    keys = PresenterKeys()
    assert keys.press("W", View(blank=Blank.BLACK)) == Command(Action.WHITE)
    assert keys.press("W", View(blank=Blank.WHITE)) == Command(Action.UNBLANK)


@pytest.mark.parametrize("key", ["Question", "Right", "X", "Escape"])
def test_any_key_closes_the_key_map(key):
    assert PresenterKeys().press(key, View(help=True)) == Command(Action.CLOSE_HELP)


@pytest.mark.parametrize(
    ("screen", "key", "action"),
    [
        (Screen.TOPICS, "Escape", Action.BACK),
        (Screen.TOPICS, "O", Action.BACK),
        (Screen.TOPICS, "PageDown", Action.BACK),  # a clicker brings the slide back
        (Screen.TOPICS, "R", Action.REFERENCES),
        (Screen.REFERENCES, "R", Action.BACK),
        (Screen.REFERENCES, "Backspace", Action.BACK),
        (Screen.REFERENCES, "C", Action.CONTACT),
        (Screen.CONTACT, "C", Action.BACK),
        (Screen.CONTACT, "Left", Action.BACK),
        (Screen.CONTACT, "B", Action.BLACK),
        (Screen.CONTACT, "F5", Action.START),
        (Screen.CONTACT, "Shift+F5", Action.RESUME),
        (Screen.CONTACT, "Question", Action.HELP),
    ],
)
def test_keys_over_another_screen(screen, key, action):
    assert PresenterKeys().press(key, View(screen=screen)) == Command(action)


def test_a_number_jumps_from_the_overview():
    keys = PresenterKeys()
    keys.press("3", View(screen=Screen.TOPICS))
    assert keys.press("Enter", View(screen=Screen.TOPICS)) == Command(Action.GO, 2)


def test_every_action_has_a_help_row():
    described = {k.KEY_MAP[key] for key in k.KEY_MAP}
    rows = {row[1] for row in k.HELP_ROWS}
    assert len(rows) == len(k.HELP_ROWS)
    # next, previous, first/last, overview, black, white, references, contact,
    # full screen, start/resume, switch view, help; and the number jump.
    assert len(described) == 14
    assert len(rows) == 13


def test_every_action_comes_from_a_key():
    # The key map's own actions, and those press() gives in a situation:
    # tested above (a number, Enter over a screen, a blank screen, the key map).
    situational = {Action.GO, Action.DIGITS, Action.BACK, Action.UNBLANK, Action.CLOSE_HELP}
    assert set(k.KEY_MAP.values()) | situational == set(Action)


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
