"""Presenter mode's keyboard map (reveal.js and PowerPoint conventions).

Keys are plain names ("Right", "PageDown", "N", "Period", "Shift+F5"); the Qt
side turns a key event into one of these names. `PresenterKeys.press` says
what a key means given what is on screen, and keeps the typed slide number
("1", "2", Enter: slide 12). No Qt here (DESIGN.md: layers).
"""

from __future__ import annotations

from dataclasses import dataclass

# What the UI is told to do.
NEXT = "next"
PREVIOUS = "previous"
FIRST = "first"
LAST = "last"
GO = "go"  # Command.slide holds the 0-based slide index
OVERVIEW = "overview"
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

# Screens of the audience window.
SLIDES = "slides"
SCREENS = (SLIDES, OVERVIEW, REFERENCES, CONTACT)

KEY_MAP: dict[str, str] = {
    "Right": NEXT,
    "Down": NEXT,
    "PageDown": NEXT,
    "Space": NEXT,
    "N": NEXT,
    "Enter": NEXT,
    "Left": PREVIOUS,
    "Up": PREVIOUS,
    "PageUp": PREVIOUS,
    "P": PREVIOUS,
    "Backspace": PREVIOUS,
    "Shift+Space": PREVIOUS,
    "Home": FIRST,
    "End": LAST,
    "O": OVERVIEW,
    "Escape": OVERVIEW,
    "B": BLACK,
    "Period": BLACK,
    "W": WHITE,
    "R": REFERENCES,
    "C": CONTACT,
    "F": FULLSCREEN,
    "Question": HELP,
    "F5": START,
    "Shift+F5": RESUME,
    "S": SWITCH_VIEW,
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

PAGING = {NEXT, PREVIOUS, FIRST, LAST}
MAX_DIGITS = 3


@dataclass(frozen=True)
class Command:
    action: str
    slide: int | None = None  # GO only: 0-based index


@dataclass(frozen=True)
class View:
    """What the audience window shows when the key arrives."""

    screen: str = SLIDES  # one of SCREENS
    blank: str = ""  # "", BLACK or WHITE
    help: bool = False  # the key map is open


class PresenterKeys:
    """Keys to commands, with the slide number being typed."""

    def __init__(self) -> None:
        self.digits = ""

    def press(self, name: str, view: View = View()) -> Command | None:
        """The command for key `name`; None when the key is not presenter mode's."""
        if view.help:  # any key closes the key map, and does only that
            self.digits = ""
            return Command(CLOSE_HELP)
        if view.blank:  # any key brings the slide back; W on black turns it white
            self.digits = ""
            if KEY_MAP.get(name) == WHITE and view.blank == BLACK:
                return Command(WHITE)
            return Command(UNBLANK)
        if len(name) == 1 and name.isdigit():
            if len(self.digits) < MAX_DIGITS:
                self.digits += name
            return Command(DIGITS)
        if self.digits:
            if name == "Enter":
                number, self.digits = int(self.digits), ""
                return Command(GO, max(0, number - 1))
            if name == "Backspace":
                self.digits = self.digits[:-1]
                return Command(DIGITS)
            self.digits = ""
        action = KEY_MAP.get(name)
        if action is None:
            return None
        # Over another screen, Esc, Backspace, that screen's own key or a
        # clicker's page key go back to the slide that was showing.
        closing = action in PAGING or action == view.screen or name in ("Escape", "Backspace")
        if view.screen != SLIDES and closing:
            return Command(BACK)
        return Command(action)


def format_elapsed(seconds: float) -> str:
    """Elapsed presenting time as H:MM:SS (or MM:SS under an hour)."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
