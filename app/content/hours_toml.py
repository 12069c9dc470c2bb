"""clinic.toml's [opening_hours]: days of the week, closed dates and the
display setting, checked value by value with the line of each.

    [opening_hours]
    mon = "08:00-17:00"
    wed = "08:00-12:00, 13:00-17:00"   # two ranges: closed over lunch
    sat = "09:00-12:00"
    sun = "closed"                     # a day left out is closed too
    closed_dates = [2026-12-25, 2027-01-01]
    display_off_when_closed = true
    display_output = "HDMI-A-1"        # optional: else every output
    display_tool = "wlopm"             # optional: wlr-randr (the default) or wlopm
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from app.content.model import OpeningHours
from app.content.problems import warning

if TYPE_CHECKING:
    from app.content.pack_toml import _TomlFile

SECTION = ("opening_hours",)
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SETTINGS = ("closed_dates", "display_off_when_closed", "display_output", "display_tool")
TOOLS = ("wlr-randr", "wlopm")  # as app/system/display_power.py runs them
_RANGE = re.compile(r"^\s*(\S+?)\s*[-\u2013]\s*(\S+?)\s*$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_CLOSED_WORDS = ("closed", "")


class _Bad(Exception):
    """One value's problem, raised inside this module only and turned into
    a Problem at the value's line."""


def _minutes(text: str) -> int:
    found = _TIME.match(text)
    if not found:
        raise _Bad(f"{text!r} is not a time; write hours:minutes like 08:30")
    hours, minutes = int(found.group(1)), int(found.group(2))
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise _Bad(f"{text!r} is not a time of day (00:00 to 24:00)")
    return hours * 60 + minutes


def _day_ranges(value: str) -> tuple[tuple[int, int], ...]:
    if value.strip().lower() in _CLOSED_WORDS:
        return ()
    ranges = []
    for part in value.split(","):
        found = _RANGE.match(part)
        if not found:
            raise _Bad(f'{part.strip()!r} is not a range like 08:00-17:00 (or write "closed")')
        start, end = _minutes(found.group(1)), _minutes(found.group(2))
        if end <= start:
            raise _Bad(
                f"{part.strip()} ends before it starts; opening past midnight is two "
                'ranges, like fri = "20:00-24:00" and sat = "00:00-02:00"'
            )
        ranges.append((start, end))
    ranges.sort()
    for (_, end), (start, _) in zip(ranges, ranges[1:], strict=False):
        if start < end:
            raise _Bad(f"the ranges in {value.strip()!r} overlap")
    return tuple(ranges)


def _day_index(key: str) -> int | None:
    name = key.lower()
    if name in DAYS:
        return DAYS.index(name)
    if name in _FULL_DAYS:
        return _FULL_DAYS.index(name)
    return None


def parse_opening_hours(toml: _TomlFile, table: Any) -> OpeningHours | None:
    """The table as OpeningHours, or None (with errors) when any value is
    wrong: hours half understood could show the closed screen, or turn the
    display off, while the clinic is open."""
    if not isinstance(table, dict):
        toml.error((), "opening_hours", "'opening_hours' must be a table ([opening_hours])")
        return None
    before = len(toml.problems)
    week: list[tuple[tuple[int, int], ...]] = [()] * 7
    seen: dict[int, str] = {}
    for key in table:
        if key in _SETTINGS:
            continue
        index = _day_index(key)
        if index is None:
            toml.error(
                SECTION,
                key,
                f"'opening_hours.{key}' is not a day; the days are {', '.join(DAYS)}",
            )
            continue
        if index in seen:
            toml.error(SECTION, key, f"'opening_hours.{key}' gives {seen[index]} a second time")
            continue
        seen[index] = key
        text = toml.take(table, SECTION, key, "text")
        if text is None:
            continue
        try:
            week[index] = _day_ranges(text)
        except _Bad as bad:
            toml.error(SECTION, key, f"'opening_hours.{key}': {bad}")
    closed = _closed_dates(toml, table)
    off = toml.take(table, SECTION, "display_off_when_closed", "bool")
    output = toml.take(table, SECTION, "display_output", "text")
    tool = toml.take(table, SECTION, "display_tool", "text")
    if tool is not None and tool not in TOOLS:
        toml.error(
            SECTION,
            "display_tool",
            f"'opening_hours.display_tool' is {tool!r}; it may be {' or '.join(TOOLS)}",
        )
    if len(toml.problems) > before:
        toml.problems.append(
            warning(
                toml.path,
                toml.line((), "opening_hours"),
                "[opening_hours] has errors: no closed screen and no opening hours "
                "are shown until they are fixed",
            )
        )
        return None
    if not any(week):
        toml.problems.append(
            warning(
                toml.path,
                toml.line((), "opening_hours"),
                "[opening_hours] opens on no day: the kiosk would show the closed screen "
                "all the time",
            )
        )
    return OpeningHours(
        week=tuple(week),
        closed_dates=closed,
        display_off_when_closed=bool(off),
        display_output=(output or "").strip(),
        display_tool=tool or TOOLS[0],
    )


def _closed_dates(toml: _TomlFile, table: dict[str, Any]) -> frozenset[dt.date]:
    value = table.get("closed_dates", [])
    if not isinstance(value, list) or not all(
        isinstance(item, dt.date) and not isinstance(item, dt.datetime) for item in value
    ):
        toml.error(
            SECTION,
            "closed_dates",
            "'opening_hours.closed_dates' must be a list of dates like "
            "[2026-12-25, 2027-01-01] (no quotes)",
        )
        return frozenset()
    return frozenset(value)


def take_hours(toml: _TomlFile, data: dict[str, Any], values: dict[str, Any]) -> None:
    """[opening_hours] (app/content/hours_toml.py), and the old free-text
    `hours`, still shown as written, though it cannot say when it is closed."""
    if "opening_hours" in data:
        values["opening_hours"] = parse_opening_hours(toml, data["opening_hours"])
    hours = toml.take(data, (), "hours", "text_list")
    if hours is None:
        return
    if "opening_hours" in data:
        toml.warn((), "hours", "'hours' is ignored: [opening_hours] gives the hours")
        return
    values["hours"] = tuple(hours)
    toml.warn(
        (),
        "hours",
        "'hours' is free text: it is shown as written in every language and cannot "
        "tell the kiosk when the clinic is closed; write an [opening_hours] table instead",
    )
