"""A slide file taken apart: front matter, presenter notes, short part and "Learn more".

Comments are cut out before Markdown runs and replaced by as many newlines as they
spanned, so every later line number is still the line in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from markdown.extensions.meta import BEGIN_RE, END_RE, META_RE

from app.content.characters import breakable
from app.content.files import read_text
from app.content.limits import MAX_TITLE, SLIDE_LIMIT
from app.content.model import Problem
from app.content.problems import error, warning

FRONT_MATTER_KEYS = ("title", "icon", "kind")
# Kinds of slide other than the ordinary one: "check" holds questions (app/content/quiz.py).
SLIDE_KINDS = ("check",)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_MORE = "more"


@dataclass(frozen=True)
class Section:
    """Markdown source of one part of a slide and the file line it starts on."""

    text: str
    first_line: int


@dataclass
class SlideSource:
    title: str = ""
    icon: str = ""
    title_line: int = 1
    icon_line: int = 1
    kind: str = ""  # "" for an ordinary slide, or one of SLIDE_KINDS
    kind_line: int = 1
    has_front_matter: bool = False
    unfinished: bool = False  # the front matter never closes: the file is cut short
    body: Section = Section("", 1)
    more: Section = Section("", 1)
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def split_slide(text: str, path: str) -> SlideSource:
    """Take a slide's (newline-normalised) text apart; never raises."""
    source = SlideSource()
    text, more_line = _pull_comments(text, path, source)
    lines = text.split("\n")
    lines = _front_matter(lines, path, source)
    if more_line is None:
        source.body = Section("\n".join(lines), 1)
    else:
        source.body = Section("\n".join(lines[: more_line - 1]), 1)
        source.more = Section("\n".join(lines[more_line:]), more_line + 1)
    return source


def _pull_comments(text: str, path: str, source: SlideSource) -> tuple[str, int | None]:
    """Text without comments, and the line of the first `<!-- more -->` (or None)."""
    more_line: int | None = None
    pieces: list[str] = []
    last = 0
    for match in _COMMENT.finditer(text):
        line = _line_at(text, match.start())
        pieces.append(text[last : match.start()])
        pieces.append("\n" * match.group(0).count("\n"))
        last = match.end()
        content = match.group(1).strip()
        if content.lower() == _MORE:
            if more_line is None:
                more_line = line
            else:
                source.problems.append(
                    warning(
                        path,
                        line,
                        "only the first <!-- more --> splits the slide; this one is ignored",
                    )
                )
        elif content:
            source.notes.append(content)
    rest = text[last:]
    start = rest.find("<!--")
    if start != -1:
        # An unclosed comment would otherwise swallow text silently: keep it as a note.
        line = _line_at(text, last + start)
        source.problems.append(
            warning(
                path,
                line,
                "HTML comment is never closed (missing -->); "
                "the rest of the file is treated as a presenter note",
            )
        )
        note = rest[start + 4 :].strip()
        if note:
            source.notes.append(note)
        rest = rest[:start] + "\n" * rest[start:].count("\n")
    pieces.append(rest)
    return "".join(pieces), more_line


def _front_matter(lines: list[str], path: str, source: SlideSource) -> list[str]:
    """Read the `---` block with Python-Markdown's meta extension; blank it out."""
    if not lines or not BEGIN_RE.match(lines[0]):
        return lines
    md = markdown.Markdown(extensions=["meta"])
    rest = md.preprocessors["meta"].run(list(lines))
    used = len(lines) - len(rest)
    meta: dict[str, list[str]] = md.Meta  # type: ignore[attr-defined]
    source.has_front_matter = True
    if used < 2 or not END_RE.match(lines[used - 1]):
        # A file still being copied stops anywhere; a slide whose front
        # matter never closes is not shown (the loader refuses it untitled).
        source.problems.append(
            error(
                path,
                used or 1,
                "front matter starts with --- but has no closing --- line "
                "(is the file complete?); the slide is not shown",
            )
        )
        source.unfinished = True
    key_lines: dict[str, int] = {}
    for number, line in enumerate(lines[:used], start=1):
        found = META_RE.match(line)
        if found:
            key_lines.setdefault(found.group("key").lower().strip(), number)
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            source.problems.append(
                warning(
                    path,
                    key_lines.get(key, 1),
                    f"unknown front matter key '{key}'; only title, icon and kind are read",
                )
            )
    source.title = " ".join(v for v in meta.get("title", []) if v).strip()
    source.icon = " ".join(v for v in meta.get("icon", []) if v).strip()
    kind = " ".join(v for v in meta.get("kind", []) if v).strip().lower()
    if kind in SLIDE_KINDS:
        source.kind = kind
    elif kind:
        source.problems.append(
            error(
                path,
                key_lines.get("kind", 1),
                f"unknown slide kind '{kind}'; the only kind is 'check' "
                "(questions to check yourself); it is shown as an ordinary slide",
            )
        )
    source.kind_line = key_lines.get("kind", 1)
    source.title_line = key_lines.get("title", 1)
    source.icon_line = key_lines.get("icon", 1)
    return [""] * used + rest


def read_slide(path: Path) -> tuple[SlideSource | None, list[Problem]]:
    """A slide's parts, or None (with an error) when it cannot be shown at all."""
    text, problems = read_text(path, SLIDE_LIMIT, "slide")
    if text is None:
        return None, problems
    source = split_slide(text, str(path))
    problems += source.problems
    if source.unfinished:
        return None, problems
    if not source.title:
        problems.append(
            error(
                str(path),
                source.title_line,
                "slide has no title (add 'title: ...' between --- lines "
                "at the top); it is not shown",
            )
        )
        return None, problems
    if len(source.title) > MAX_TITLE:
        message = f"title is {len(source.title)} characters; at most {MAX_TITLE} are shown"
        problems.append(error(str(path), source.title_line, message))
        source.title = source.title[: MAX_TITLE - 1].rstrip() + "…"
    source.title = breakable(source.title)
    return source, problems
