"""Helpers for the check tests: run check on a pack and keep what matters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.content.check import check_pack
from app.content.model import Problem
from tests.content.packs import write_pack


def findings(
    tmp_path: Path, overrides: dict | None = None, today: date | None = None
) -> tuple[Path, list[Problem]]:
    """The pack root and its errors and warnings (reading-level notes left out)."""
    root = write_pack(tmp_path, overrides)
    problems = check_pack(root, today)
    return root, [p for p in problems if p.severity != "note"]


def slide(body: str, title: str = "A slide", icon: str = "fa6s.syringe") -> str:
    """Front matter takes lines 1-4, so the body starts on line 5."""
    return f"---\ntitle: {title}\nicon: {icon}\n---\n{body}"


def cites_both(text: str = "") -> str:
    """A slide body that cites both sample references, so none goes uncited."""
    return text + "\nSee this. [@simmler2022dual; @walsh2021ketamine]\n"
