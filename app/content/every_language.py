"""One UI word in every language of a pack at once, for the screens that
speak to whoever walks up (the attract loop's "Touch the screen to start ·
Toque la pantalla para empezar"), before anyone has chosen a language."""

from __future__ import annotations

from pathlib import Path

from app.content.pack_strings import PackStrings


def word_in_every_language(root: Path, languages: tuple[str, ...], key: str) -> dict[str, str]:
    """`key` in each of `languages`, in their order; a language that lacks it
    falls back as every word does (the pack's English, then the default).
    Each strings.toml is read once; problems are `check`'s to report."""
    strings = PackStrings(root)
    return {language: strings.words(language)[0][key] for language in languages}
