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
