"""Which slide files a language folder holds, how large they are together,
and whether the languages of a pack have the same slides."""

from __future__ import annotations

import re
from pathlib import Path

from app.content.files import inside_pack
from app.content.limits import SLIDE_LIMIT
from app.content.model import Problem
from app.content.problems import error, warning

SLIDE_NAME = re.compile(r"^(\d+)-(.+)\.md$")


def list_slide_files(
    folder: Path, links_checked: bool = True
) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """(path, slide id) in file name order, and warnings for .md files with odd names.
    `links_checked=False` leaves out the test that each file is inside the
    pack (a path resolved each; app/content/opening.py tests the one it reads)."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        return [], [error(str(folder), 1, f"cannot list folder: {exc.strerror or exc}")]
    files, problems = [], []
    for path in entries:
        if path.name.startswith("."):
            continue
        found = SLIDE_NAME.match(path.name)
        if not path.name.isprintable():
            # A newline or a text-direction override would hide what the name says.
            problems.append(
                error(
                    str(path),
                    1,
                    "file name has a control or text-direction character in it; "
                    "rename the file (it is not loaded)",
                )
            )
        elif found and links_checked and not inside_pack(folder.parent, path):
            # A link to a file elsewhere on the PC: never shown to patients.
            problems.append(
                error(
                    str(path),
                    1,
                    "slide is a link to a file outside the pack, or a link that leads "
                    "nowhere; it is not loaded",
                )
            )
        elif found:
            files.append((path, found.group(2)))
        elif path.suffix.lower() == ".md":
            problems.append(
                warning(str(path), 1, "not loaded: slide files are named like 010-topic.md")
            )
    return files, problems


def slides_size(root: Path, languages: tuple[str, ...]) -> int:
    """Bytes of every slide file of every language, from the folder listing
    alone: the budget is known before any slide is read."""
    total = 0
    for language in languages:
        folder = root / language
        try:
            entries = list(folder.iterdir()) if folder.is_dir() else []
            sizes = (p.stat().st_size for p in entries if SLIDE_NAME.match(p.name))
            total += sum(size for size in sizes if size <= SLIDE_LIMIT)  # larger: never read
        except OSError:
            continue  # a link loop or a file gone: reported when the slides are read
    return total


def slide_set_problems(
    first: tuple[str, dict[str, Path], set[str]], language: str, ids: set[str], folder: Path
) -> list[Problem]:
    """Slides of the first language missing from `language`, and slides only
    `language` has. `first`: that language, its slides (id -> file) and the
    ids of all its slide files. A pack update whose languages differ is
    half copied, so the kiosk does not take it."""
    first_language, first_slides, first_ids = first
    found = [
        error(
            str(path),
            1,
            f"no '{language}' version of this slide (expected {Path(language) / path.name} "
            "or another number); updates whose languages have different slides are not shown",
        )
        for slide_id, path in first_slides.items()
        if slide_id not in ids
    ]
    found += [
        error(
            str(folder), 1, f"slide '{slide_id}' is only in '{language}', not in '{first_language}'"
        )
        for slide_id in sorted(ids - first_ids)
    ]
    return found
