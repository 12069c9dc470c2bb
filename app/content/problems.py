"""Collecting, sorting and printing the problems found in a pack."""

from __future__ import annotations

from collections.abc import Iterable

from app.content.model import Problem

ERROR = "error"
WARNING = "warning"
NOTE = "note"


def error(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, ERROR, message)


def warning(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, WARNING, message)


def note(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, NOTE, message)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Drop repeats and order by path, then line (stable, so file order wins ties)."""
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (p.path, p.line))


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


def format_problems(problems: Iterable[Problem]) -> str:
    """One `path:line: severity: message` line per problem."""
    return "\n".join(str(p) for p in problems)
