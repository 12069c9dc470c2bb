"""Which qtawesome icon names exist, read from its charmap JSON files.

Importing qtawesome would import Qt, so we only locate the package and read its
files: the prefix -> charmap table comes from `_BUNDLED_FONTS` in its __init__.py
(parsed, not imported), with a fallback for a future layout we do not recognise.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import json
from pathlib import Path

# Used only when _BUNDLED_FONTS cannot be read: prefix -> charmap file name start.
_FALLBACK = {
    "fa5": "fontawesome5-regular-webfont-charmap",
    "fa5s": "fontawesome5-solid-webfont-charmap",
    "fa5b": "fontawesome5-brands-webfont-charmap",
    "fa6": "fontawesome6-regular-webfont-charmap",
    "fa6s": "fontawesome6-solid-webfont-charmap",
    "fa6b": "fontawesome6-brands-webfont-charmap",
    "ei": "elusiveicons-webfont-charmap",
    "mdi": "materialdesignicons5-webfont-charmap",
    "mdi6": "materialdesignicons6-webfont-charmap",
    "ph": "phosphor-charmap",
    "ri": "remixicon-charmap",
    "msc": "codicon-charmap",
}


@functools.cache
def _package_dir() -> Path | None:
    try:
        spec = importlib.util.find_spec("qtawesome")
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) if locations else None


@functools.cache
def charmap_files() -> dict[str, Path]:
    """Prefix -> charmap JSON path for every bundled qtawesome font."""
    package = _package_dir()
    if package is None:
        return {}
    fonts = package / "fonts"
    table = _bundled_fonts(package / "__init__.py")
    if table:
        return {prefix: fonts / charmap for prefix, charmap in table.items()}
    found = {}
    for prefix, stem in _FALLBACK.items():
        matches = sorted(fonts.glob(f"{stem}-*.json"))
        if matches:
            found[prefix] = matches[-1]
    return found


def _bundled_fonts(init_file: Path) -> dict[str, str]:
    try:
        text = init_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    # Only the table is parsed, not the whole file (a millisecond less at
    # every start): from its name to the line that closes it.
    start = text.find("\n_BUNDLED_FONTS = (")
    end = text.find("\n)\n", start)
    if start < 0 or end < 0:
        return {}
    try:
        value = ast.literal_eval(text[text.index("(", start) : end + 2])
        return {str(row[0]): str(row[2]) for row in value}
    except (ValueError, TypeError, IndexError, SyntaxError, MemoryError, RecursionError):
        return {}


@functools.cache
def _charmap(prefix: str) -> dict[str, str] | None:
    """One font's icon name -> code point as its charmap writes it ("0xf48e"),
    or None when the charmap cannot be read."""
    path = charmap_files().get(prefix)
    if path is None:
        return None
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return table if isinstance(table, dict) else None


def can_check_icons() -> bool:
    return bool(charmap_files())


def icon_problem(name: str) -> str:
    """Why `name` is not a usable qtawesome icon; "" when it is (or cannot be checked)."""
    if not can_check_icons():
        return ""  # qtawesome is missing: nothing to compare with
    prefix, dot, icon = name.partition(".")
    if not dot or not icon:
        return f"icon '{name}' should look like fa6s.syringe (font prefix, dot, icon name)"
    if prefix not in charmap_files():
        known = ", ".join(sorted(charmap_files()))
        return f"unknown icon font '{prefix}' in '{name}' (known: {known})"
    names = _charmap(prefix)
    if names is not None and icon not in names:
        return f"unknown icon '{name}': no icon '{icon}' in qtawesome's {prefix} font"
    return ""


def glyph(name: str) -> tuple[Path, int] | None:
    """(font file, code point) that draws icon `name`, or None. The UI draws
    qtawesome's bundled fonts itself: importing qtawesome (and the qtpy shim it
    needs) costs about 0.2 s of start-up."""
    prefix, _, icon = name.partition(".")
    try:  # one name read as a number, not the font's thousands
        code = int((_charmap(prefix) or {})[icon], 16)
    except (KeyError, TypeError, ValueError):
        return None
    charmap = charmap_files().get(prefix)
    if charmap is None:
        return None
    # qtawesome names each font after its charmap: x-charmap-1.2.json <-> x-1.2.ttf
    font = charmap.with_name(charmap.name.replace("-charmap", "")).with_suffix(".ttf")
    return (font, code) if font.is_file() else None
