"""deck.toml, clinic.toml and <lang>/strings.toml: parse, type-check, report by line."""

from __future__ import annotations

import datetime as dt
import re
import string
import tomllib
from collections.abc import Callable, Collection
from typing import Any

from app.content.characters import breakable, strip_unsafe, unsafe_characters, unsafe_message
from app.content.hours_toml import take_hours
from app.content.limits import KIOSK_LIMITS, MAX_LANGUAGES
from app.content.links import web_link_problem
from app.content.model import Clinic, Deck, KioskTimings, Problem, phone_problem
from app.content.problems import error, warning
from app.content.strings import DEFAULT_STRINGS
from app.content.toml_lines import KeyLines, syntax_error

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


# Each kind: (test, what the message calls it).
_KINDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "text": (lambda v: isinstance(v, str), "text (in quotes)"),
    "int": (lambda v: isinstance(v, int) and not isinstance(v, bool), "a whole number"),
    "date": (
        lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
        "a date like 2027-11-20 (no quotes)",
    ),
    "bool": (lambda v: isinstance(v, bool), "true or false (no quotes)"),
    "text_list": (
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        'a list of text, like ["a", "b"]',
    ),
}


class _TomlFile:
    """One parsed TOML file plus the problems found in it."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.problems: list[Problem] = []
        self._lines = KeyLines(text)  # one pass, however many problems are found
        self.data: dict[str, Any] | None
        try:
            self.data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line, message = syntax_error(str(exc), text)
            self.problems.append(error(path, line, message))
            self.data = None
        except RecursionError:
            self.problems.append(error(path, 1, "TOML is nested too deeply to read"))
            self.data = None

    def line(self, section: tuple[str, ...], key: str) -> int:
        return self._lines.line(section, key)

    def error(self, section: tuple[str, ...], key: str, message: str) -> None:
        self.problems.append(error(self.path, self.line(section, key), message))

    def warn(self, section: tuple[str, ...], key: str, message: str) -> None:
        self.problems.append(warning(self.path, self.line(section, key), message))

    def warn_unknown(
        self, table: dict[str, Any], section: tuple[str, ...], known: Collection[str]
    ) -> None:
        for key in table:
            if key not in known:
                name = ".".join((*section, key))
                where = f" in [{'.'.join(section)}]" if section else ""
                self.problems.append(
                    warning(
                        self.path,
                        self.line(section, key),
                        f"unknown key '{name}'{where}; it is ignored (a typo?)",
                    )
                )

    def take(self, table: dict[str, Any], section: tuple[str, ...], key: str, kind: str):
        """The value if present and of the right kind, else None (with an error)."""
        if key not in table:
            return None
        value = table[key]
        test, wanted = _KINDS[kind]
        name = ".".join((*section, key))
        if not test(value):
            self.error(section, key, f"'{name}' must be {wanted}, not {_type_name(value)}")
            return None
        if kind == "text":
            return self._clean(section, key, value)
        if kind == "text_list":
            return [self._clean(section, key, item) for item in value]
        return value

    def _clean(self, section: tuple[str, ...], key: str, value: str) -> str:
        """`value` without control or text-direction characters (written as
        escapes like \\u202e: the file's raw text was cleaned when it was read)."""
        found = unsafe_characters(value)
        if not found:
            return value
        self.error(section, key, f"'{'.'.join((*section, key))}': {unsafe_message(found)}")
        return strip_unsafe(value)


_DECK_KEYS = ("title", "languages", "reviewed", "review_due", "kiosk", "translations", "usage")


def parse_deck(text: str, path: str) -> tuple[Deck, list[Problem]]:
    """Deck settings; defaults for anything missing or wrong."""
    toml = _TomlFile(text, path)
    if toml.data is None:
        return Deck(), toml.problems
    data = toml.data
    if not data:  # a file still being written, or emptied by mistake
        toml.problems.append(error(path, 1, "deck.toml sets nothing (is the file complete?)"))
    toml.warn_unknown(data, (), _DECK_KEYS)
    values: dict[str, Any] = {}
    title = toml.take(data, (), "title", "text")
    if title is not None:
        values["title"] = title
    languages = toml.take(data, (), "languages", "text_list")
    if languages is not None:
        cleaned = tuple(dict.fromkeys(lang.strip() for lang in languages if lang.strip()))
        # Each one names a folder: refuse anything that could point outside the pack.
        bad = [lang for lang in cleaned if not _LANGUAGE.match(lang)]
        if bad:
            toml.error(
                (), "languages", f"'languages': {bad[0]!r} is not a language code like en or pt-BR"
            )
            cleaned = tuple(lang for lang in cleaned if lang not in bad)
        if len(cleaned) > MAX_LANGUAGES:
            toml.error(
                (),
                "languages",
                f"'languages' lists {len(cleaned)}; a pack may have {MAX_LANGUAGES}, "
                "the rest are not loaded",
            )
            cleaned = cleaned[:MAX_LANGUAGES]
        if cleaned:
            values["languages"] = cleaned
        elif not bad:
            toml.error((), "languages", "'languages' must list at least one language folder")
    for key in ("reviewed", "review_due"):
        value = toml.take(data, (), key, "date")
        if value is not None:
            values[key] = value
    kiosk = data.get("kiosk", {})
    if not isinstance(kiosk, dict):
        toml.error((), "kiosk", f"'kiosk' must be a table ([kiosk]), not {_type_name(kiosk)}")
        kiosk = {}
    values["kiosk"] = _parse_kiosk(toml, kiosk)
    values["translations"] = _parse_translations(toml, data.get("translations", {}))
    usage = data.get("usage", {})
    if isinstance(usage, dict):
        toml.warn_unknown(usage, ("usage",), ("counting",))
        counting = toml.take(usage, ("usage",), "counting", "bool")
        if counting is not None:
            values["usage_counting"] = counting
    else:
        toml.error((), "usage", f"'usage' must be a table ([usage]), not {_type_name(usage)}")
    return Deck(**values), toml.problems


def _parse_translations(toml: _TomlFile, table: Any) -> dict[str, str]:
    """[translations]: a review status per language, shown to staff."""
    if not isinstance(table, dict):
        toml.error((), "translations", f"'translations' must be a table, not {_type_name(table)}")
        return {}
    statuses = {}
    for language in table:
        value = toml.take(table, ("translations",), language, "text")
        if value is not None:
            statuses[language] = value
    return statuses


def _parse_kiosk(toml: _TomlFile, kiosk: dict[str, Any]) -> KioskTimings:
    section = ("kiosk",)
    toml.warn_unknown(kiosk, section, KIOSK_LIMITS)
    timings: dict[str, int] = {}
    for key, (lowest, highest) in KIOSK_LIMITS.items():
        value = toml.take(kiosk, section, key, "int")
        if value is None:
            continue
        if key == "warning_seconds" and value < lowest:
            toml.error(
                section,
                key,
                f"'kiosk.warning_seconds' is {value}; people need at least "
                f"{lowest} seconds to answer (WCAG 2.2.1)",
            )
        elif value < lowest:
            toml.error(section, key, f"'kiosk.{key}' must be at least {lowest} second, not {value}")
        elif value > highest:
            toml.error(
                section,
                key,
                f"'kiosk.{key}' is {value}; at most {highest} seconds "
                f"({highest // 60} minutes) make sense on a kiosk",
            )
        else:
            timings[key] = value
    return KioskTimings(**timings)


_CLINIC_TEXT_KEYS = (
    "name",
    "phone",
    "text",
    "address",
    "website",
    "crisis_line",
    "crisis_text",
    "emergency",
    "helpline",
)
_CLINIC_REQUIRED = ("name", "phone")


def parse_clinic(text: str, path: str) -> tuple[Clinic, list[Problem]]:
    """Clinic contact details: whatever parses, even when other keys are broken."""
    toml = _TomlFile(text, path)
    if toml.data is None:
        return Clinic(), toml.problems
    data = toml.data
    toml.warn_unknown(data, (), (*_CLINIC_TEXT_KEYS, "hours", "opening_hours", "sample"))
    values: dict[str, Any] = {}
    for key in _CLINIC_TEXT_KEYS:
        value = toml.take(data, (), key, "text")
        if value is not None:
            values[key] = value.strip()
    _check_links(toml, values)
    if "name" in values:  # the title of the contact screen: it must wrap in any width
        values["name"] = breakable(values["name"])
    take_hours(toml, data, values)
    sample = toml.take(data, (), "sample", "bool")
    if sample is not None:
        values["sample"] = sample
    for key in _CLINIC_REQUIRED:
        if key in data and not isinstance(data[key], str):
            continue  # already reported as the wrong type
        if not values.get(key):
            toml.problems.append(
                error(path, 1, f"clinic.toml needs '{key}'; it is missing or empty")
            )
    return Clinic(**values), toml.problems


def _check_links(toml: _TomlFile, values: dict[str, Any]) -> None:
    """The numbers and the website become QR codes: each must reach the
    clinic. A number that cannot is still shown, without a code; a website
    that cannot is not shown at all."""
    for key, scheme in (
        ("phone", "tel"),
        ("text", "sms"),
        ("crisis_line", "tel"),
        ("crisis_text", "sms"),
        ("emergency", "tel"),
        ("helpline", "tel"),
    ):
        number = values.get(key)
        problem = phone_problem(scheme, number) if number else ""
        if problem:
            toml.error((), key, f"'{key}' {number!r} {problem}; it is shown without a QR code")
    website = values.get("website")
    problem = web_link_problem(website) if website else ""
    if problem:
        toml.error((), "website", f"'website': {problem}; it is not shown")
        del values["website"]


def parse_strings(text: str, path: str) -> tuple[dict[str, str], list[Problem]]:
    """UI words for one language; keys it lacks are left out (the caller falls back)."""
    toml = _TomlFile(text, path)
    if toml.data is None:
        return {}, toml.problems
    data = toml.data
    toml.warn_unknown(data, (), DEFAULT_STRINGS)
    strings: dict[str, str] = {}
    for key in DEFAULT_STRINGS:
        value = toml.take(data, (), key, "text")
        if value is None:
            continue
        bad = _placeholder_problem(value, DEFAULT_STRINGS[key])
        if bad:
            toml.error((), key, f"'{key}': {bad}; the English words are used instead")
            continue
        strings[key] = breakable(value)  # a screen title or a button: it must wrap
    return strings, toml.problems


def placeholders(text: str) -> set[str]:
    """Names in braces, as str.format sees them; ValueError on unbalanced braces."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _placeholder_problem(value: str, default: str) -> str:
    """Why the UI may not fill `value` in: only the plain `{name}`s of the
    English text may appear. A format spec or conversion (`{seconds:>400000000}`,
    `{current!x}`, `{crisis_line:d}`) would make str.format raise, or build a
    string of gigabytes, in the kiosk."""
    allowed = placeholders(default)
    known = ", ".join("{" + n + "}" for n in sorted(allowed)) or "none"
    try:
        fields = [f for f in string.Formatter().parse(value) if f[1] is not None]
    except ValueError:
        return "unbalanced { or } (write {{ or }} for a literal brace)"
    for _, name, spec, conversion in fields:
        if name not in allowed:
            return f"unknown placeholder {{{name}}} (this text may use: {known})"
        if spec or conversion:
            written = (
                "{"
                + name
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
            return f"placeholder {written} has a format; write it plain, as {{{name}}}"
    return ""


def parse_reference_notes(
    text: str, path: str, known_ids: Collection[str]
) -> tuple[dict[str, str], list[Problem]]:
    """`<lang>/references.toml`: each study's plain-language note in that
    language, one table per reference id:  [simmler2022dual]  note = "..." """
    toml = _TomlFile(text, path)
    if toml.data is None:
        return {}, toml.problems
    notes: dict[str, str] = {}
    for ref_id, table in toml.data.items():
        if ref_id not in known_ids:
            toml.error((), ref_id, f"'{ref_id}' is not a reference id in references.json")
            continue
        if not isinstance(table, dict):
            toml.error((), ref_id, f"'{ref_id}' must be a table ([{ref_id}]) with a note")
            continue
        toml.warn_unknown(table, (ref_id,), ("note",))
        note = toml.take(table, (ref_id,), "note", "text")
        if note:
            notes[ref_id] = note
    return notes, toml.problems
