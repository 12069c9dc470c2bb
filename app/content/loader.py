"""load_pack: a content pack folder to a Pack, never raising; problems are returned."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from app.content.files import read_text
from app.content.limits import (
    JSON_LIMIT,
    MAX_SLIDES,
    PACK_SLIDES_LIMIT,
    PICTURES_LIMIT,
    TOML_LIMIT,
    KiB,
    MiB,
)
from app.content.model import Clinic, Deck, LoadResult, Pack, Problem, Slide
from app.content.pack_strings import SOURCE_LANGUAGE, PackStrings
from app.content.pack_toml import parse_clinic, parse_deck, parse_reference_notes
from app.content.problems import error, sort_problems, warning
from app.content.quiz import CHECK, read_check, with_questions
from app.content.references import Entry, number_references, parse_references
from app.content.render import render_section
from app.content.slide_file import SlideSource, read_slide
from app.content.slide_set import list_slide_files, slides_size
from app.content.toml_lines import key_line

log = logging.getLogger(__name__)
# Why an icon name cannot be drawn, "" when it can. Only the Qt side can tell
# (app.ui.widgets.icons.icon_problem: qtawesome needs Qt), so `clinic-kiosk
# check` passes one in. Without one, icon names are not checked here and the
# kiosk draws its default icon for a name it does not know.
IconCheck = Callable[[str], str]


@dataclass
class Shared:
    """The files every language uses: deck.toml, clinic.toml, references.json."""

    root: Path
    deck: Deck = field(default_factory=Deck)
    deck_text: str = ""
    clinic: Clinic = field(default_factory=Clinic)
    entries: list[Entry] = field(default_factory=list)
    references_ok: bool = False
    too_big: bool = False  # past PACK_SLIDES_LIMIT: no slide is loaded
    strings: PackStrings = field(init=False)  # every language's UI words, each file read once
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.strings = PackStrings(self.root)

    @property
    def deck_path(self) -> str:
        return str(self.root / "deck.toml")

    @property
    def known_ids(self) -> set[str]:
        return {entry.id for entry in self.entries}

    def deck_line(self, key: str) -> int:
        return key_line(self.deck_text, (), key) if self.deck_text else 1


def read_shared(root: Path, today: date | None) -> Shared:
    """Read the pack-wide files; `today` enables the review_due warning."""
    shared = Shared(root)
    text, problems = read_text(root / "deck.toml", TOML_LIMIT, "deck.toml")
    shared.problems += problems
    if text is not None:
        shared.deck_text = text
        shared.deck, problems = parse_deck(text, shared.deck_path)
        shared.problems += problems
    due = shared.deck.review_due
    if today is not None and due is not None and due < today:
        shared.problems.append(
            warning(
                shared.deck_path,
                shared.deck_line("review_due"),
                f"review_due {due.isoformat()} has passed; have the pack medically "
                "reviewed, then update reviewed and review_due",
            )
        )
    size = slides_size(root, shared.deck.languages)
    if size > PACK_SLIDES_LIMIT:
        shared.too_big = True
        shared.problems.append(
            error(
                str(root),
                1,
                f"the slides of all languages together are {size // KiB} KiB; a pack may "
                f"have {PACK_SLIDES_LIMIT // KiB} KiB, so no slide is loaded",
            )
        )
    text, problems = read_text(root / "clinic.toml", TOML_LIMIT, "clinic.toml")
    shared.problems += problems
    if text is not None:
        shared.clinic, problems = parse_clinic(text, str(root / "clinic.toml"))
        shared.problems += problems
    text, problems = read_text(root / "references.json", JSON_LIMIT, "references.json")
    shared.problems += problems
    if text is not None:
        entries, problems = parse_references(text, str(root / "references.json"))
        shared.problems += problems
        shared.references_ok = entries is not None
        shared.entries = entries or []
    return shared


@dataclass
class LanguageResult:
    slides: list[Slide] = field(default_factory=list)
    strings: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    folder_found: bool = True
    file_ids: set[str] = field(default_factory=set)  # every slide file, loaded or not
    notes: dict[str, str] = field(default_factory=dict)  # reference notes in this language
    pictures: dict[str, bytes] = field(default_factory=dict)  # src -> bytes (Pack.pictures)


# Called after each slide is rendered, in the loader's thread, with the
# slides so far and the pictures they show (both still growing: copy what
# must outlive the call). Raising stops the load (the exception goes up).
Progress = Callable[[list[Slide], dict[str, bytes]], None]


def load_language(
    shared: Shared,
    language: str,
    icon_problem: IconCheck | None = None,
    progress: Progress | None = None,
) -> LanguageResult:
    """Slides and UI strings of one language, citations numbered for that language."""
    result = LanguageResult()
    files = language_files(shared, language, result)
    drafts: list[tuple[Path, str, SlideSource]] = []
    seen: dict[str, str] = {}
    for path, slide_id in files:
        source, problems = read_slide(path)
        result.problems += problems
        if source is None:
            continue
        if slide_id in seen:
            result.problems.append(
                error(
                    str(path),
                    1,
                    f"slide id '{slide_id}' is already used by {seen[slide_id]}; "
                    "this slide is skipped",
                )
            )
            continue
        seen[slide_id] = path.name
        drafts.append((path, slide_id, source))
    # Rendered in order, so each reference takes its number where it is first cited.
    numbers: dict[str, int] = {}
    for path, slide_id, source in drafts:
        slide, problems = render_slide(shared, path, slide_id, source, (numbers, result.pictures))
        result.slides.append(slide)
        result.problems += problems
        if icon_problem is not None and slide.icon and (bad := icon_problem(slide.icon)):
            result.problems.append(error(str(path), source.icon_line, bad))
        if progress is not None:
            progress(result.slides, result.pictures)
    size = sum(len(data) for data in result.pictures.values())
    if size > PICTURES_LIMIT:
        message = (
            f"the pictures of '{language}' together are {size // MiB} MiB; a language may "
            f"have {PICTURES_LIMIT // MiB} MiB, so none is shown"
        )
        result.problems.append(error(str(language_folder(shared, language)), 1, message))
        result.pictures.clear()  # the screens show each picture's alt text
    return result


def language_folder(shared: Shared, language: str) -> Path:
    return shared.root / language


def language_files(
    shared: Shared, language: str, result: LanguageResult, links_checked: bool = True
) -> list[tuple[Path, str]]:
    """One language's UI words, study notes and the slide files to load, in
    order (path, slide id); what is wrong with them goes into `result`
    (`links_checked`: see list_slide_files)."""
    result.strings, problems = shared.strings.words(language)
    result.problems += problems
    result.notes, problems = load_reference_notes(shared, language)
    result.problems += problems
    folder = language_folder(shared, language)
    if not folder.is_dir():
        result.folder_found = False
        result.problems.append(
            error(
                shared.deck_path,
                shared.deck_line("languages"),
                f"language '{language}' is listed but the folder {folder} is missing",
            )
        )
        return []
    files, problems = list_slide_files(folder, links_checked)
    result.problems += problems
    result.file_ids = {slide_id for _, slide_id in files}
    if shared.too_big:
        return []
    if not files:
        result.problems.append(
            error(str(folder), 1, "no slides here (slide files are named like 010-topic.md)")
        )
    if len(files) > MAX_SLIDES:
        message = f"{len(files)} slides; a language may have {MAX_SLIDES}, the rest are not loaded"
        result.problems.append(error(str(folder), 1, message))
        files = files[:MAX_SLIDES]
    return files


def load_reference_notes(shared: Shared, language: str) -> tuple[dict[str, str], list[Problem]]:
    """The studies' plain-language notes in `language` (references.json has
    the English ones); a study without one is shown with the English note."""
    folder = shared.root / language
    if language == SOURCE_LANGUAGE or not folder.is_dir() or not shared.entries:
        return {}, []
    path = folder / "references.toml"
    ids = [e.id for e in shared.entries]
    notes: dict[str, str] = {}
    problems: list[Problem] = []
    if path.exists():
        text, problems = read_text(path, TOML_LIMIT, "references.toml")
        if text is not None:
            notes, found = parse_reference_notes(text, str(path), ids)
            problems += found
    missing = [ref_id for ref_id in ids if ref_id not in notes]
    if missing:
        message = "study notes not translated, shown in English: " + ", ".join(missing)
        problems.append(warning(str(path), 1, message))
    return notes, problems


def render_slide(
    shared: Shared,
    path: Path,
    slide_id: str,
    source: SlideSource,
    given: tuple[dict[str, int], dict[str, bytes]],
) -> tuple[Slide, list[Problem]]:
    """`given`: the citation numbers and the pictures the slides before gave out."""
    numbers, pictures = given
    shown = str(path)
    check = read_check(source, shown, shared.root) if source.kind == CHECK else None
    if check is not None:  # its questions are read apart; the intro is its short part
        source = check.source
    parts = [
        render_section(
            section,
            path=shown,
            root=shared.root,
            known=shared.known_ids,
            numbers=numbers,
            report_unknown=shared.references_ok,
            # The short slide's pictures sit beside its words, not inside them.
            lift_figures=section is source.body,
            pictures=pictures,
        )
        for section in (source.body, source.more)  # in this order: it gives the numbers
    ]
    body, more = parts
    problems = [p for part in parts for p in part.problems]
    slide = Slide(
        id=slide_id,
        path=path,
        title=source.title,
        icon=source.icon,
        body_html=body.html,
        more_html=more.html,
        notes=tuple(source.notes),
        citations=tuple(dict.fromkeys(body.citations + more.citations)),
        body_text=body.text,
        more_text=more.text,
        figures=body.figures,
    )
    if check is not None:
        slide = with_questions(slide, check)
        problems += check.problems
    return slide, problems


def missing_folder(root: Path) -> Problem | None:
    """The error for a pack folder that is not there (or cannot be looked at)."""
    try:
        is_dir = root.is_dir()
    except OSError:
        is_dir = False
    return None if is_dir else error(str(root), 1, "content pack folder not found")


def load_pack(root: Path, language: str | None = None) -> LoadResult:
    """Load one language of a pack (None or an unlisted one: the deck's first).
    Never raises: the kiosk must come up, at worst on the front desk screen."""
    return _guarded(Path(root), [language])[0]


def load_languages(root: Path, progress: Progress | None = None) -> list[LoadResult]:
    """Every language the deck lists, first language first, the shared files
    and each strings.toml read once; only the first when it has no slide.
    `progress` follows the first language's slides. Never raises."""
    return _guarded(Path(root), None, progress)


def _guarded(
    root: Path, wanted: list[str | None] | None, progress: Progress | None = None
) -> list[LoadResult]:
    try:
        return _load(root, wanted, progress)
    except Exception as exc:  # a bug of ours met by a pack nobody foresaw
        log.exception("cannot load the content pack %s", root)
        return [LoadResult(None, Clinic(), [unreadable(root, exc)])]


def unreadable(root: Path, exc: Exception) -> Problem:
    """The error for a pack that made the loader itself fail."""
    return error(str(root), 1, f"the pack cannot be read ({type(exc).__name__}: {exc})")


def _load(
    root: Path, wanted: list[str | None] | None, progress: Progress | None
) -> list[LoadResult]:
    if problem := missing_folder(root):
        return [LoadResult(None, Clinic(), [problem])]
    shared = read_shared(root, date.today())
    languages = shared.deck.languages
    results = []
    for language in languages if wanted is None else wanted:
        problems = list(shared.problems)
        chosen = language if language in languages else languages[0]
        if language is not None and language != chosen:
            problems.append(
                warning(
                    shared.deck_path,
                    shared.deck_line("languages"),
                    f"language '{language}' is not listed in deck.toml; showing '{chosen}'",
                )
            )
        loaded = load_language(shared, chosen, progress=None if results else progress)
        problems += loaded.problems
        pack = build_pack(shared, chosen, loaded) if loaded.slides else None
        results.append(LoadResult(pack, shared.clinic, sort_problems(problems)))
        if pack is None and wanted is None:
            break  # no slide in the first language: the front desk screen
    return results


def build_pack(shared: Shared, language: str, loaded: LanguageResult) -> Pack:
    """One language's pack; its references numbered as its slides' links are."""
    cited = [ref_id for slide in loaded.slides for ref_id in slide.citations]
    return Pack(
        root=shared.root,
        language=language,
        deck=shared.deck,
        clinic=shared.clinic,
        strings=loaded.strings,
        slides=tuple(loaded.slides),
        references=tuple(
            replace(ref, note=loaded.notes.get(ref.id, ref.note))
            for ref in number_references(shared.entries, cited)
        ),
        language_names=shared.strings.names(shared.deck.languages),
        pictures=loaded.pictures,
    )
