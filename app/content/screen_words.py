"""Touchscreen instructions out of a slide's words, for paper and projector:
a slide says "Tap Next to go on"; the printed handout and the audience
view of presenter mode cannot be tapped.

A sentence that starts with one of the language's screen words
(`screen_words` in strings.toml, "Tap, Touch, ..." or "Toque, ...")
is an instruction for the touchscreen and is left out, with a short
question that leads into it ("Questions? Tap Contact us ..."). The handout
says once, under its title, how to read the numbers on paper.
No Qt here: this works on the HTML text of a slide.
"""

from __future__ import annotations

import re

_EMPTY_BLOCK = re.compile(r"<(p|li)>\s*</\1>")
_BEFORE_CITATION = re.compile(r"\s+(?=<sup\b)")


def screen_words(listed: str) -> tuple[str, ...]:
    """The comma-separated words of `screen_words`, blanks dropped."""
    return tuple(word.strip() for word in listed.split(",") if word.strip())


def for_paper(fragment: str, words: tuple[str, ...]) -> str:
    """`fragment` (a slide's HTML) without its sentences that start with
    `words`, and no line break before a citation number."""
    # A citation number stays on the line of the sentence it ends.
    fragment = _BEFORE_CITATION.sub("\u00a0", fragment)
    if not words:
        return fragment
    return _EMPTY_BLOCK.sub("", _sentences(words).sub("", fragment))


def _sentences(words: tuple[str, ...]) -> re.Pattern[str]:
    verb = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    lead_in = r"(?:[¿¡]?[^\s.!?<>]+(?:\s[^\s.!?<>]+){0,2}\?\s+)?"  # "Questions? "
    sentence = rf"{lead_in}(?:{verb})\b[^.!?<]*[.!?]"
    # After a sentence's end (taking the space before it), or at a tag's end
    # or a line's start (taking the space after it): the words around it stay
    # spaced once.
    return re.compile(rf"(?<=[.!?])\s+{sentence}|(?:(?<=>)|^){sentence}\s*", re.MULTILINE)
