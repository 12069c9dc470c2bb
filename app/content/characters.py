"""Characters a pack may not put on screen: control characters and the
bidirectional embeddings and overrides that make text read in another order
than it is stored (U+202A to U+202E). They are removed wherever pack text is
read, and reported, so a title never shows a box, rings a terminal bell or
reads backwards. Tabs and newlines are kept; the bidirectional isolates and
marks (U+2066 to U+2069, U+200E, U+200F) are kept too: right-to-left
languages need them."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, embeddings and overrides.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


def unsafe_characters(text: str) -> list[tuple[int, str]]:
    """(offset, character) of every character that is removed."""
    return [(m.start(), m.group()) for m in _UNSAFE.finditer(text)]


def strip_unsafe(text: str) -> str:
    return _UNSAFE.sub("", text)


def describe(char: str) -> str:
    """`U+202E` for a message."""
    return f"U+{ord(char):04X}"


def unsafe_message(found: list[tuple[int, str]]) -> str:
    """What a problem says about the characters `unsafe_characters` found."""
    kinds = ", ".join(dict.fromkeys(describe(c) for _, c in found))
    return (
        f"{len(found)} control or text-direction character(s) ({kinds}) are removed; "
        "they would show as boxes or turn text around"
    )


def printable(text: str) -> str:
    """`text` with every non-printable character written as an escape
    (`\\n`, `\\u202e`), for one-line messages: a file name with a newline
    must not split check's `path:line:` line in two."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


# A zero-width space: no width, no sound, but a place a line may break.
BREAK = "\u200b"
_LONG_WORD = re.compile(r"[^\s{}]{25,}")  # braces: placeholders stay whole


def breakable(text: str, every: int = 12) -> str:
    """`text` with a break chance every `every` characters inside words of
    25 or more (a German compound, a pasted link), so a title wraps in any
    screen's width instead of pushing the buttons beside it away."""

    def split(word: re.Match[str]) -> str:
        piece = word.group()
        return BREAK.join(piece[i : i + every] for i in range(0, len(piece), every))

    return _LONG_WORD.sub(split, text)
