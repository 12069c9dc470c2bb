"""Every language of one pack folder, each loaded once and kept in memory.

The window asks the shelf for the language it shows; a language switch after
the first one costs no loading. A change on disk replaces the whole shelf at
once (see `load_every_language`), so the languages never mix an old and a new
version of the pack."""

from __future__ import annotations

from pathlib import Path

from app.content.loader import Progress, load_languages, load_pack
from app.content.model import LoadResult
from app.content.slide_set import slide_set_problems


def has_errors(result: LoadResult) -> bool:
    return result.pack is None or any(p.is_error for p in result.problems)


def load_every_language(root: Path, progress: Progress | None = None) -> dict[str, LoadResult]:
    """The pack in each language its deck.toml lists, first language first
    (`progress` follows its slides as they are rendered, see loader.Progress).
    A folder with no loadable slide gives its one result under the key "".
    A language whose slides differ from the first's gets an error: a pack
    copied halfway is never offered."""
    first, *others = load_languages(root, progress)
    if first.pack is None:
        return {"": first}
    results = {first.pack.language: first}
    slides = {slide.id: slide.path for slide in first.pack.slides}
    for result in others:
        if result.pack is None:
            continue
        language = result.pack.language
        ids = {slide.id for slide in result.pack.slides}
        result.problems += slide_set_problems(
            (first.pack.language, slides, set(slides)), language, ids, root / language
        )
        results[language] = result
    return results


class PackShelf:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._results: dict[str, LoadResult] = {}

    def get(self, language: str | None) -> LoadResult:
        """The pack in `language`, loaded on first use (None, or a language
        the pack does not list: its first language, loaded afresh)."""
        if language in self._results:
            return self._results[language]
        result = load_pack(self.root, language)
        self.put(result)
        return result

    def holds(self, language: str) -> bool:
        return language in self._results

    def put(self, result: LoadResult) -> None:
        """Keep a loaded result for its language (nothing when no pack loaded)."""
        if result.pack is not None:
            self._results[result.pack.language] = result

    def replace(self, results: dict[str, LoadResult]) -> None:
        """A new version of the whole pack: forget every old language."""
        self._results = {}
        for result in results.values():
            self.put(result)
