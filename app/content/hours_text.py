"""Opening hours in the patient's language: the week as lines for Contact and
the handout ("Monday–Friday: 8:00–17:00"), and "when we open again" for the
closed screen. Day names and words come from the language's strings.toml."""

from __future__ import annotations

import datetime as dt

from app.content.model import Clinic, OpeningHours
from app.content.strings import word

DAY_KEYS = (
    "day_monday",
    "day_tuesday",
    "day_wednesday",
    "day_thursday",
    "day_friday",
    "day_saturday",
    "day_sunday",
)
DASH = "\u2013"  # en dash, for ranges of days and times


def clock_time(minutes: int) -> str:
    """Minutes after midnight on a 24-hour clock: 480 -> "8:00"."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _times(ranges: tuple[tuple[int, int], ...], strings: dict[str, str]) -> str:
    if not ranges:
        return word(strings, "hours_closed")
    return ", ".join(f"{clock_time(a)}{DASH}{clock_time(b)}" for a, b in ranges)


def week_lines(hours: OpeningHours, strings: dict[str, str]) -> list[str]:
    """One line for each run of days with the same hours, Monday first."""
    lines = []
    day = 0
    while day < 7:
        last = day
        while last + 1 < 7 and hours.week[last + 1] == hours.week[day]:
            last += 1
        days = word(strings, DAY_KEYS[day])
        if last > day:
            days += DASH + word(strings, DAY_KEYS[last])
        line = word(strings, "hours_line").format(days=days, times=_times(hours.week[day], strings))
        lines.append(line[:1].upper() + line[1:])  # "lunes–viernes" starts a line: "Lunes"
        day = last + 1
    return lines


def shown_hours(clinic: Clinic, strings: dict[str, str]) -> list[str]:
    """The hours as Contact and the handout show them: from [opening_hours]
    in this language, else the old free-text `hours` as written."""
    if clinic.opening_hours is not None:
        return week_lines(clinic.opening_hours, strings)
    return list(clinic.hours)


def opening_words(now: dt.datetime, opening: dt.datetime | None, strings: dict[str, str]) -> str:
    """ "We open again tomorrow at 8:00." (or the words for no known opening)."""
    if opening is None:
        return word(strings, "closed_call_later")
    days = (opening.date() - now.date()).days
    if days == 0:
        when = word(strings, "closed_today")
    elif days == 1:
        when = word(strings, "closed_tomorrow")
    else:
        # Within the week the day's name says it; further off, the date itself.
        day = word(strings, DAY_KEYS[opening.weekday()]) if days < 7 else opening.date().isoformat()
        when = word(strings, "closed_on_day").format(day=day)
    time = clock_time(opening.hour * 60 + opening.minute)
    return word(strings, "closed_opens").format(when=when, time=time)
