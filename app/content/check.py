"""check_pack: every problem in a pack, across all its languages, each reported once."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from app.content import gates
from app.content.loader import (
    IconCheck,
    LanguageResult,
    load_language,
    missing_folder,
    read_shared,
    unreadable,
)
from app.content.model import Problem
from app.content.problems import format_problems, has_errors, note, sort_problems, warning
from app.content.progress_line import Report
from app.content.readability import assess

__all__ = ["check_pack", "format_problems", "has_errors"]
log = logging.getLogger(__name__)


def check_pack(
    root: Path,
    today: date | None = None,
    icon_problem: IconCheck | None = None,
    progress: Report | None = None,
) -> list[Problem]:
    """All errors, warnings and reading-level notes, sorted by path then line.
    Icon names are checked when `icon_problem` is given (see IconCheck);
    `progress` hears of each slide read (app/content/progress_line.py)."""
    root = Path(root)
    try:
        return _check_pack(root, today, icon_problem, progress)
    except Exception as exc:  # never a traceback: name the pack and what failed
        log.exception("cannot check the content pack %s", root)
        return [unreadable(root, exc)]


def _check_pack(
    root: Path, today: date | None, icon_problem: IconCheck | None, progress: Report | None
) -> list[Problem]:
    if problem := missing_folder(root):
        return [problem]
    shared = read_shared(root, today or date.today())
    problems = list(shared.problems)
    results: dict[str, LanguageResult] = {}
    for language in shared.deck.languages:
        step = None
        if progress is not None:
            step = lambda slides, _, language=language: progress(language, len(slides))  # noqa: E731
        result = load_language(shared, language, icon_problem, step)
        results[language] = result
        problems += result.problems
        for slide in result.slides:
            level = assess(slide.body_text, language)
            problems.append(note(str(slide.path), 1, level.note))
            if level.warning:
                problems.append(warning(str(slide.path), 1, level.warning))
    problems += _uncited(shared, results)
    # The gates for clinic staff (app/content/gates.py).
    problems += gates.crisis_line(shared)
    problems += gates.sample_details(shared)
    problems += gates.languages_agree(shared, results)
    problems += gates.check_questions(shared, results)
    problems += gates.uncited_findings(shared, results)
    return sort_problems(problems)


def _uncited(shared, results: dict[str, LanguageResult]) -> list[Problem]:
    cited = {ref_id for r in results.values() for s in r.slides for ref_id in s.citations}
    return [
        warning(
            str(shared.root / "references.json"),
            entry.line,
            f"reference '{entry.id}' is never cited in any slide",
        )
        for entry in shared.entries
        if entry.id not in cited
    ]
