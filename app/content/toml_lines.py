"""Line numbers for TOML keys and syntax errors (tomllib reports neither as data)."""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]*?)\s*\]")
_SYNTAX_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_SYNTAX_END = re.compile(r"\s*\(at end of document\)")


def _split_dotted(name: str) -> tuple[str, ...]:
    parts = [p.strip().strip("\"'") for p in name.split(".")]
    return tuple(p for p in parts if p)


def key_line(text: str, section: tuple[str, ...], key: str) -> int:
    """Line of `key` inside table `section` (() is the top level); 1 if not found.

    Also finds dotted keys written at the top level (`kiosk.idle_seconds = 3`), and
    falls back to the table's header line so the editor still lands nearby.
    """
    current: tuple[str, ...] = ()
    header_line = 0
    wanted = re.compile(r"^\s*(?:" + _key_pattern(key) + r")\s*=")
    dotted = re.compile(r"^\s*(?:" + _dotted_pattern((*section, key)) + r")\s*=")
    for number, line in enumerate(text.split("\n"), start=1):
        header = _HEADER.match(line)
        if header:
            current = _split_dotted(header.group(1))
            if current == section:
                header_line = number
            elif current[: len(section) + 1] == (*section, key):
                return number  # the key is itself a table: point at its header
            continue
        if current == section and wanted.match(line):
            return number
        if section and current == () and dotted.match(line):
            return number
    return header_line or 1


def _key_pattern(key: str) -> str:
    quoted = re.escape(key)
    return rf"{quoted}|\"{quoted}\"|'{quoted}'"


def _dotted_pattern(parts: tuple[str, ...]) -> str:
    return r"\s*\.\s*".join(f"(?:{_key_pattern(p)})" for p in parts)


def syntax_error(message: str, text: str) -> tuple[int, str]:
    """(line, message) from a TOMLDecodeError's text, which ends "(at line N, column M)"."""
    found = _SYNTAX_POS.search(message)
    if found:
        short = _SYNTAX_POS.sub("", message)
        return int(found.group(1)), f"TOML syntax error: {short} (column {found.group(2)})"
    if _SYNTAX_END.search(message):
        return max(1, text.rstrip("\n").count("\n") + 1), (
            f"TOML syntax error: {_SYNTAX_END.sub('', message)} (at the end of the file)"
        )
    return 1, f"TOML syntax error: {message}"
