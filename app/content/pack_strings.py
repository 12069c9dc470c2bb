"""The UI words of every language of one pack: defaults, overlaid by
en/strings.toml, overlaid by <language>/strings.toml. Each file is read and
parsed once per load, however many languages need it (every language's
pack carries every language's own name for the language button)."""

from __future__ import annotations

from pathlib import Path

from app.content.files import read_text
from app.content.limits import TOML_LIMIT
from app.content.model import Problem
from app.content.pack_toml import parse_strings
from app.content.problems import warning
from app.content.strings import DEFAULT_STRINGS

SOURCE_LANGUAGE = "en"  # strings fall back to the pack's English, then to the defaults


class PackStrings:
    def __init__(self, root: Path) -> None:
        self.root = root
        # language -> (its own words, or None without a usable file; problems)
        self._files: dict[str, tuple[dict[str, str] | None, list[Problem]]] = {}

    def words(self, language: str) -> tuple[dict[str, str], list[Problem]]:
        """Every UI word in `language`, and the problems of the files read for it."""
        strings = dict(DEFAULT_STRINGS)
        problems: list[Problem] = []
        for lang in dict.fromkeys((SOURCE_LANGUAGE, language)):
            values, found = self._file(lang)
            problems += found
            strings.update(values or {})
        own, _ = self._file(language)
        if language != SOURCE_LANGUAGE and own is not None:
            missing = [key for key in DEFAULT_STRINGS if key not in own]
            if missing:
                problems.append(
                    warning(
                        str(self.root / language / "strings.toml"),
                        1,
                        f"{len(missing)} UI words not translated, shown in English: "
                        + ", ".join(missing),
                    )
                )
        return strings, problems

    def names(self, languages: tuple[str, ...]) -> dict[str, str]:
        """Every listed language's own name (its strings.toml `language_name`)."""
        names = {}
        for language in languages:
            own = self.words(language)[0]["language_name"]  # problems: reported by check
            # A language without its own name would show the English one: use its code.
            names[language] = own if language == SOURCE_LANGUAGE or own != "English" else language
        return names

    def _file(self, language: str) -> tuple[dict[str, str] | None, list[Problem]]:
        if language not in self._files:
            self._files[language] = self._read(language)
        return self._files[language]

    def _read(self, language: str) -> tuple[dict[str, str] | None, list[Problem]]:
        path = self.root / language / "strings.toml"
        if not path.exists() and not path.is_symlink():
            if language != SOURCE_LANGUAGE and (self.root / language).is_dir():
                return None, [
                    warning(str(path), 1, "strings.toml is missing; the UI words are in English")
                ]
            return None, []
        text, problems = read_text(path, TOML_LIMIT, "strings.toml")
        if text is None:
            return None, problems
        values, found = parse_strings(text, str(path))
        return values, problems + found
