"""Presenter mode's keyboard map (reveal.js and PowerPoint conventions).

Keys are plain names ("Right", "PageDown", "N", "Period", "Shift+F5"); the Qt
side turns a key event into one of these names. `PresenterKeys.press` says
what a key means given what is on screen, and keeps the typed slide number
("1", "2", Enter: slide 12). No Qt here (docs/architecture.md: layers).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Action(Enum):
    """What the UI is told to do."""

    NEXT = "next"
    PREVIOUS = "previous"
    FIRST = "first"
    LAST = "last"
    GO = "go"  # Command.slide holds the 0-based slide index
    OVERVIEW = "overview"  # open Topics
    REFERENCES = "references"
    CONTACT = "contact"
    BACK = "back"  # close Topics, References or Contact: back to the slide
    BLACK = "black"
    WHITE = "white"
    UNBLANK = "unblank"
    HELP = "help"
    CLOSE_HELP = "close_help"
    FULLSCREEN = "fullscreen"
    START = "start"  # F5: the first slide, nothing over it
    RESUME = "resume"  # Shift+F5: this slide, nothing over it
    SWITCH_VIEW = "switch_view"  # one screen: console <-> audience view
    DIGITS = "digits"  # the typed slide number changed; show it


class Screen(Enum):
    """Screens of the audience window. The values are MainWindow's names for
    them (MainWindow.showing) and the string keys of their names."""

    SLIDES = "slides"
    TOPICS = "topics"
    REFERENCES = "references"
    CONTACT = "contact"


class Blank(Enum):
    """The colour covering the audience window (B, ".", W)."""

    BLACK = "black"
    WHITE = "white"


KEY_MAP: dict[str, Action] = {
    "Right": Action.NEXT,
    "Down": Action.NEXT,
    "PageDown": Action.NEXT,
    "Space": Action.NEXT,
    "N": Action.NEXT,
    "Enter": Action.NEXT,
    "Left": Action.PREVIOUS,
    "Up": Action.PREVIOUS,
    "PageUp": Action.PREVIOUS,
    "P": Action.PREVIOUS,
    "Backspace": Action.PREVIOUS,
    "Shift+Space": Action.PREVIOUS,
    "Home": Action.FIRST,
    "End": Action.LAST,
    "O": Action.OVERVIEW,
    "Escape": Action.OVERVIEW,
    "B": Action.BLACK,
    "Period": Action.BLACK,
    "W": Action.WHITE,
    "R": Action.REFERENCES,
    "C": Action.CONTACT,
    "F": Action.FULLSCREEN,
    "Question": Action.HELP,
    "F5": Action.START,
    "Shift+F5": Action.RESUME,
    "S": Action.SWITCH_VIEW,
}

# The key help overlay and the README list these, in this order:
# (keys as people write them, string key of the action's description).
HELP_ROWS: tuple[tuple[str, str], ...] = (
    ("Right, Down, Page Down, Space, N, Enter", "key_next"),
    ("Left, Up, Page Up, P, Backspace, Shift+Space", "key_previous"),
    ("Home, End", "key_first_last"),
    ("1 2 Enter", "key_go"),
    ("O, Esc", "key_overview"),
    ("B, .", "key_black"),
    ("W", "key_white"),
    ("R", "key_references"),
    ("C", "key_contact"),
    ("F", "key_fullscreen"),
    ("F5, Shift+F5", "key_start"),
    ("S", "key_switch"),
    ("?", "key_help"),
)

PAGING = frozenset({Action.NEXT, Action.PREVIOUS, Action.FIRST, Action.LAST})
# The screen each action opens: over it, the same key goes back to the slide.
OPENS = {
    Action.OVERVIEW: Screen.TOPICS,
    Action.REFERENCES: Screen.REFERENCES,
    Action.CONTACT: Screen.CONTACT,
}
MAX_DIGITS = 3


@dataclass(frozen=True)
class Command:
    action: Action
    slide: int | None = None  # GO only: 0-based index


@dataclass(frozen=True)
class View:
    """What the audience window shows when the key arrives."""

    screen: Screen = Screen.SLIDES
    blank: Blank | None = None
    help: bool = False  # the key map is open


class PresenterKeys:
    """Keys to commands, with the slide number being typed."""

    def __init__(self) -> None:
        self.digits = ""

    def press(self, name: str, view: View = View()) -> Command | None:
        """The command for key `name`; None when the key is not presenter mode's."""
        if view.help:  # any key closes the key map, and does only that
            self.digits = ""
            return Command(Action.CLOSE_HELP)
        if view.blank is not None:  # any key brings the slide back; W on black turns it white
            self.digits = ""
            if KEY_MAP.get(name) is Action.WHITE and view.blank is Blank.BLACK:
                return Command(Action.WHITE)
            return Command(Action.UNBLANK)
        if len(name) == 1 and name.isdigit():
            if len(self.digits) < MAX_DIGITS:
                self.digits += name
            return Command(Action.DIGITS)
        if self.digits:
            if name == "Enter":
                number, self.digits = int(self.digits), ""
                return Command(Action.GO, max(0, number - 1))
            if name == "Backspace":
                self.digits = self.digits[:-1]
                return Command(Action.DIGITS)
            self.digits = ""
        action = KEY_MAP.get(name)
        if action is None:
            return None
        # Over another screen, Esc, that screen's own key or a page key
        # (a clicker's, or Backspace) go back to the slide that was showing.
        closing = name == "Escape" or action in PAGING or OPENS.get(action) is view.screen
        if view.screen is not Screen.SLIDES and closing:
            return Command(Action.BACK)
        return Command(action)


def format_elapsed(seconds: float) -> str:
    """Elapsed presenting time as H:MM:SS (or MM:SS under an hour)."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
