"""Words of presenter mode and the printed handout.

They live with every other UI word in app/content/strings.py (English
defaults) and the pack's strings.toml; `word` keeps the callers short."""

from __future__ import annotations

from app.content.strings import DEFAULT_STRINGS


def word(strings: dict[str, str], key: str) -> str:
    """The pack's word for `key`, or the English default."""
    return strings.get(key) or DEFAULT_STRINGS[key]
