"""The first screen's share of a pack, read before the window is shown.

A patient meets the first slide of the first language, so start-up reads
the pack-wide files, lists the slide files and renders only the first slide
that loads: the same work for 13 slides as for 2000. The other slides are
placeholders (their id and file, nothing to show) until the full load, in a
worker thread after the first paint (app/ui/pack_completion.py), replaces
the pack. The first slide renders exactly as in the full load: citations are
numbered from the first slide on, so its numbers are already the final ones.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.content.files import inside_pack
from app.content.loader import (
    LanguageResult,
    build_pack,
    language_files,
    log,
    missing_folder,
    read_shared,
    render_slide,
    unreadable,
)
from app.content.model import Clinic, LoadResult, Slide
from app.content.problems import sort_problems
from app.content.slide_file import read_slide


def placeholder(path: Path, slide_id: str) -> Slide:
    """A slide not rendered yet: Pack.rendered says where they start."""
    return Slide(slide_id, path, "", "", "", "", (), (), "")


def load_opening(root: Path, language: str | None = None) -> LoadResult:
    """`language` (None, or one the deck does not list: its first) with only
    its first slide rendered and `Pack.rendered` = 1. Never raises. Problems
    are only the ones met on the way: the full load reports them all."""
    root = Path(root)
    try:
        return _opening(root, language)
    except Exception as exc:  # a bug of ours met by a pack nobody foresaw
        log.exception("cannot load the content pack %s", root)
        return LoadResult(None, Clinic(), [unreadable(root, exc)])


def _opening(root: Path, language: str | None) -> LoadResult:
    if problem := missing_folder(root):
        return LoadResult(None, Clinic(), [problem])
    shared = read_shared(root, date.today())
    languages = shared.deck.languages
    chosen = language if language in languages else languages[0]
    loaded = LanguageResult()
    files = language_files(shared, chosen, loaded, links_checked=False)
    first: Slide | None = None
    ids: set[str] = set()
    rest: list[Slide] = []
    for path, slide_id in files:
        if first is None:
            if not inside_pack(root, path):
                continue  # a link out of the pack: the full load reports it
            source, problems = read_slide(path)
            loaded.problems += problems
            if source is not None:
                numbers: dict[str, int] = {}
                first, problems = render_slide(
                    shared, path, slide_id, source, (numbers, loaded.pictures)
                )
                loaded.problems += problems
                ids.add(slide_id)
        elif slide_id not in ids:  # a repeated id is skipped by the full load too
            ids.add(slide_id)
            rest.append(placeholder(path, slide_id))
    problems = sort_problems(shared.problems + loaded.problems)
    if first is None:
        return LoadResult(None, shared.clinic, problems)
    loaded.slides = [first, *rest]
    pack = build_pack(shared, chosen, loaded)
    pack.rendered = 1
    return LoadResult(pack, shared.clinic, problems)
