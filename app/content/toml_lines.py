"""Line numbers for TOML keys and syntax errors (tomllib reports neither as data)."""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]*?)\s*\]")
# A key, bare or quoted, dotted or not, before its "=" at the start of a line.
_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_KEY = re.compile(rf"^\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=")
_SYNTAX_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_SYNTAX_END = re.compile(r"\s*\(at end of document\)")


def _split_dotted(name: str) -> tuple[str, ...]:
    parts = [p.strip().strip("\"'") for p in name.split(".")]
    return tuple(p for p in parts if p)


class KeyLines:
    """The line of every key and table header of one TOML text, found in one
    pass: a file with thousands of problems is read once, not once per message."""

    def __init__(self, text: str) -> None:
        self.keys: dict[tuple[str, ...], int] = {}  # full key path -> first line
        self.headers: dict[tuple[str, ...], int] = {}  # table path -> first header line
        self.nested: dict[tuple[str, ...], int] = {}  # every prefix of a header -> its line
        current: tuple[str, ...] = ()
        for number, line in enumerate(text.split("\n"), start=1):
            header = _HEADER.match(line)
            if header:
                current = _split_dotted(header.group(1))
                self.headers.setdefault(current, number)
                for end in range(1, len(current) + 1):
                    self.nested.setdefault(current[:end], number)
                continue
            key = _KEY.match(line)
            if key:
                self.keys.setdefault((*current, *_split_dotted(key.group(1))), number)

    def line(self, section: tuple[str, ...], key: str) -> int:
        """Line of `key` inside table `section` (() is the top level); 1 if not found.

        Also finds dotted keys written at the top level (`kiosk.idle_seconds = 3`)
        and a key that is itself a table (its header), and falls back to the
        table's header line so the editor still lands nearby.
        """
        wanted = (*section, key)
        if wanted in self.keys:
            return self.keys[wanted]
        if wanted in self.nested:
            return self.nested[wanted]
        return self.headers.get(section, 1) if section else 1


def key_line(text: str, section: tuple[str, ...], key: str) -> int:
    """One look-up; build a KeyLines for many."""
    return KeyLines(text).line(section, key)


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
