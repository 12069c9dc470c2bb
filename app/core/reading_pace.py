"""How long the attract loop keeps a slide up: long enough for a slow reader.

The rule, in plain words: a reader with low literacy reads about 100 words
a minute. Every word counts once, and a word of more than 6 letters counts
one and a half times (long words are sounded out). A slide's time is its
title and short part at that pace, rounded up to a whole second, and never
less than deck.toml's `attract_seconds`. No Qt: a pure function of the words.
"""

from __future__ import annotations

import math
import re

from app.content.limits import KIOSK_LIMITS

WORDS_PER_MINUTE = 100
LONG_WORD_LETTERS = 6  # a word with more letters than this is a long word
LONG_WORD_WEIGHT = 1.5  # ... and counts as this many words

# A word: letters and digits (any script), joined by an apostrophe or a hyphen.
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_LONGEST = KIOSK_LIMITS["attract_seconds"][1]  # a Qt timer stays far from its end


def weighted_words(text: str) -> float:
    """The words of `text`, a long word counting LONG_WORD_WEIGHT."""
    total = 0.0
    for word in _WORD.findall(text):
        letters = sum(c.isalpha() for c in word)
        total += LONG_WORD_WEIGHT if letters > LONG_WORD_LETTERS else 1
    return total


def reading_seconds(text: str) -> int:
    """Whole seconds to read `text` at WORDS_PER_MINUTE."""
    return math.ceil(round(weighted_words(text) * 60 / WORDS_PER_MINUTE, 6))


def attract_seconds_for(text: str, attract_seconds: int) -> int:
    """How long the attract loop shows a slide whose words are `text`:
    its reading time, never less than `attract_seconds` (nor over an hour)."""
    return min(_LONGEST, max(attract_seconds, reading_seconds(text)))
