"""The gates `clinic-kiosk check` holds a pack to before patients see it.

Errors:
- no crisis line in clinic.toml (it is shown on every patient screen);
- made-up contact details (555-0100 to 555-0199, `example.` domains) in a
  pack that does not say `sample = true`;
- languages that differ: in their slide files, in the studies a slide cites,
  or in the numbers a slide states;
- check-yourself questions that link to no slide of their language, or that
  differ between languages (app/content/quiz.py).
Warnings:
- `sample = true`: a reminder that the details are not real;
- a slide that states a finding but cites nothing.
Reading levels are assessed in check.py (readability.py).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path

from app.content.files import read_text
from app.content.limits import SLIDE_LIMIT, TOML_LIMIT
from app.content.loader import LanguageResult, Shared, list_slide_files
from app.content.model import Clinic, Problem, Slide
from app.content.problems import error, warning
from app.content.quiz import linked_problems, questions_differ
from app.content.sample_details import PHONE_LIKE, example_domains, fictional_numbers
from app.content.toml_lines import key_line


def _read(path: Path) -> str:
    """A pack file's text, "" when it cannot be read (the loader reported why)."""
    limit = SLIDE_LIMIT if path.suffix == ".md" else TOML_LIMIT
    text, _ = read_text(path, limit, what=path.name)
    return text or ""


# --- clinic.toml ---------------------------------------------------------


def crisis_line(shared: Shared) -> list[Problem]:
    path = shared.root / "clinic.toml"
    text = _read(path)
    try:
        written = tomllib.loads(text).get("crisis_line") if text else None
    except tomllib.TOMLDecodeError:
        return []  # the file's own error says it cannot be read
    if not text or shared.clinic.crisis_line or not isinstance(written, str | None):
        return []  # a missing file or a wrong type is reported already
    return [
        error(
            str(path),
            key_line(text, (), "crisis_line"),
            "no crisis line: set crisis_line to the number people call in a crisis "
            '(in the United States, "988"); every patient screen shows it',
        )
    ]


def sample_details(shared: Shared) -> list[Problem]:
    """Made-up numbers and domains anywhere in the pack's text, unless the
    pack says it is a sample; then one reminder that it is."""
    clinic_path = shared.root / "clinic.toml"
    if shared.clinic.sample:
        line = key_line(_read(clinic_path), (), "sample")
        return [
            warning(
                str(clinic_path),
                line,
                "sample = true: the contact screen says 'Sample clinic details'; "
                "put in your clinic's real details and delete this line before going live",
            )
        ]
    files = [clinic_path]
    for language in shared.deck.languages:
        folder = shared.root / language
        if folder.is_dir():
            files.append(folder / "strings.toml")
            files += [path for path, _ in list_slide_files(folder)[0]]
    found = []
    for path in files:
        if not path.is_file():
            continue
        is_toml = path.suffix == ".toml"
        for number, line in enumerate(_read(path).splitlines(), start=1):
            if is_toml and line.lstrip().startswith("#"):
                continue  # a comment is not shown to anyone
            found += [
                error(str(path), number, f"{value!r} is a made-up phone number{_SAMPLE_HINT}")
                for value in fictional_numbers(line)
            ]
            found += [
                error(str(path), number, f"{value!r} is an example web domain{_SAMPLE_HINT}")
                for value in example_domains(line)
            ]
    return found


_SAMPLE_HINT = (
    " (555-0100 to 555-0199 and example. domains are kept for made-up examples); "
    "put in the real one, or say `sample = true` in clinic.toml if this pack is an example"
)


# --- the languages agree -------------------------------------------------

# A number as a slide states it: digits, with a decimal or thousands mark
# between them ("2021", "61", "1.5", "1,000"). The mark is dropped, so "1.5"
# and its Spanish "1,5" are the same number. "61 to 75" is two numbers.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Not stated numbers: a citation of an unknown id, left in the text as
# "@id", and a key to press on a phone line's menu ("press 2", "oprima el 2"):
# a line's language options are told in the language they are for.
_NOT_NUMBERS = re.compile(
    r"@\S+|\b(?:press|oprima|marque|pulse|presione)\s+(?:el\s+)?\d+", re.IGNORECASE
)


def stated_numbers(text: str) -> Counter[str]:
    """Every number in `text`, counted: "988 ... 988 ... 2021" -> {988: 2, 2021: 1}."""
    text = _NOT_NUMBERS.sub(" ", text)
    return Counter(str(int(re.sub(r"[.,]", "", n))) for n in _NUMBER.findall(text))


def languages_agree(shared: Shared, results: dict[str, LanguageResult]) -> list[Problem]:
    """Every language has the first one's slide files, and each slide cites
    the same studies and states the same numbers in both."""
    first, *others = shared.deck.languages
    found = []
    for language in others:
        if not results[language].folder_found:
            continue  # the missing folder is already an error
        found += _same_files(shared.root, first, language)
        theirs = {slide.path.name: slide for slide in results[language].slides}
        for slide in results[first].slides:
            if slide.path.name in theirs:
                found += _same_slide(first, slide, theirs[slide.path.name])
    return found


def _same_files(root: Path, first: str, language: str) -> list[Problem]:
    ours = {path.name: path for path, _ in list_slide_files(root / first)[0]}
    theirs = {path.name: path for path, _ in list_slide_files(root / language)[0]}
    same = "(every language needs the same slide files)"
    missing = [
        (path, f"no '{language}' version of this slide: {Path(language) / name} is missing {same}")
        for name, path in ours.items()
        if name not in theirs
    ]
    extra = [
        (path, f"'{first}' has no slide {Path(first) / name} {same}")
        for name, path in theirs.items()
        if name not in ours
    ]
    return [error(str(path), 1, message) for path, message in missing + extra]


def _same_slide(first: str, ours: Slide, theirs: Slide) -> list[Problem]:
    """Problems of `theirs` (another language's slide) against `ours`."""
    where = str(theirs.path)
    original = Path(first) / ours.path.name
    found = []
    only_ours = [ref for ref in ours.citations if ref not in theirs.citations]
    only_theirs = [ref for ref in theirs.citations if ref not in ours.citations]
    if only_ours or only_theirs:
        differ = _both(only_ours, only_theirs)
        found.append(error(where, 1, f"cites other studies than {original}: {differ}"))
    our_numbers = stated_numbers(ours.body_text + "\n" + ours.more_text)
    their_numbers = stated_numbers(theirs.body_text + "\n" + theirs.more_text)
    if our_numbers != their_numbers:
        missing = sorted((our_numbers - their_numbers).elements(), key=int)
        extra = sorted((their_numbers - our_numbers).elements(), key=int)
        found.append(
            error(
                where,
                1,
                f"states other numbers than {original} (write them as digits in both): "
                + _both(missing, extra),
            )
        )
    return found


def _both(missing: list[str], extra: list[str]) -> str:
    parts = []
    if missing:
        parts.append("missing here " + ", ".join(missing))
    if extra:
        parts.append("only here " + ", ".join(extra))
    return "; ".join(parts)


# --- check-yourself questions ------------------------------------------


def check_questions(shared: Shared, results: dict[str, LanguageResult]) -> list[Problem]:
    """Each question links to a slide of its language; every language asks
    the first one's questions, with the same right answers."""
    found = []
    for result in results.values():
        names = {slide.path.name for slide in result.slides}
        for slide in result.slides:
            found += linked_problems(slide.questions, slide.path, names)
    first, *others = shared.deck.languages
    ours = {slide.path.name: slide for slide in results[first].slides}
    for language in others:
        for slide in results[language].slides:
            original = ours.get(slide.path.name)
            if original is None or (original.kind, slide.kind) == ("", ""):
                continue
            where = Path(first) / slide.path.name
            if original.kind != slide.kind:
                message = f"is kind '{slide.kind or 'ordinary'}' but {where} is not"
                found.append(error(str(slide.path), 1, message))
                continue
            for line, message in questions_differ(original.questions, slide.questions):
                found.append(error(str(slide.path), line, f"{message} ({where})"))
    return found


# --- findings have a source ----------------------------------------------

# Words that say "a study found this", in English and Spanish.
_FINDING_WORDS = re.compile(
    r"\b(?:stud(?:y|ies|ied)|research(?:ers?)?|found|show(?:s|ed|n)|evidence|trials?|"
    r"estudios?|investigaci[oó]n(?:es)?|investigador(?:es|as)?|encontr(?:ó|aron)|"
    r"muestra(?:n)?|mostr(?:ó|aron)|demostr(?:ó|aron)|evidencia|ensayos?)\b",
    re.IGNORECASE,
)


def uncited_findings(shared: Shared, results: dict[str, LanguageResult]) -> list[Problem]:
    """A slide that cites nothing, yet states a finding: a number (other
    than the clinic's own phone numbers) or a word like "study" or "found"."""
    found = []
    for result in results.values():
        for slide in result.slides:
            if slide.citations or slide.kind:
                continue  # a question links to the slide that cites its source
            trigger = finding_in(slide.body_text + "\n" + slide.more_text, shared.clinic)
            if trigger:
                found.append(
                    warning(
                        str(slide.path),
                        1,
                        f"this slide cites nothing, but {trigger!r} reads like a finding; "
                        "cite its source with [@id], or reword it",
                    )
                )
    return found


def finding_in(text: str, clinic: Clinic) -> str:
    """The first word or number in `text` that states a finding, "" if none.
    Phone numbers (and the clinic's short ones, like 988) are not findings."""
    own = (clinic.phone, clinic.text, clinic.crisis_line, clinic.crisis_text)
    for number in (*own, clinic.emergency, clinic.helpline):
        digits = re.sub(r"\D", "", number)
        if digits:
            text = re.sub(r"(?<!\d)" + r"[ ().\-]*".join(digits) + r"(?!\d)", " ", text)
    # Seven digits or more, "1-800-662-HELP" too, are a phone number.
    text = PHONE_LIKE.sub(lambda m: " " if len(re.sub(r"\D", "", m[0])) >= 7 else m[0], text)
    text = _NOT_NUMBERS.sub(" ", text)
    word = _FINDING_WORDS.search(text)
    number = _NUMBER.search(text)
    firsts = [m for m in (word, number) if m is not None]
    return min(firsts, key=lambda m: m.start()).group(0) if firsts else ""
