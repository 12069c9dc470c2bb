"""Open now? When does that change? Opening hours against the local clock.

Pure functions over `OpeningHours` (clinic.toml) and a datetime the caller
passes in, so tests choose the moment, the time zone and its DST rules.
Opening hours are wall-clock times: "08:00" is eight on the clock on the
wall, whatever the UTC offset that day. Ranges that touch (Monday until
24:00, Tuesday from 00:00) are one stretch of opening.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from app.content.model import OpeningHours

# How far ahead to look for the next opening: a year and a few days covers
# any list of closed dates an office writes.
HORIZON_DAYS = 370


@dataclass(frozen=True)
class OpenStatus:
    open: bool
    # When it opens or closes next, in the caller's time zone; None when it
    # never changes within the horizon (open around the clock, or never open).
    next_change: dt.datetime | None
    # While closed: when it opens next (the same moment as next_change).
    next_opening: dt.datetime | None


def ranges_on(hours: OpeningHours, day: dt.date) -> tuple[tuple[int, int], ...]:
    """The open ranges of one calendar day, in minutes after midnight."""
    if day in hours.closed_dates:
        return ()
    return hours.week[day.weekday()]


def _stretches(hours: OpeningHours, first: dt.date) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """Open stretches as naive wall times, in order, from the start of
    `first` on; a stretch running over midnight into the next day's range is
    given whole."""
    start = end = None
    for offset in range(HORIZON_DAYS + 1):
        day = first + dt.timedelta(days=offset)
        midnight = dt.datetime.combine(day, dt.time())
        for begin, finish in ranges_on(hours, day):
            begin_at = midnight + dt.timedelta(minutes=begin)
            finish_at = midnight + dt.timedelta(minutes=finish)
            if end is not None and begin_at <= end:
                end = max(end, finish_at)
                continue
            if start is not None:
                yield start, end
            start, end = begin_at, finish_at
    if start is not None:
        horizon = dt.datetime.combine(first + dt.timedelta(days=HORIZON_DAYS + 1), dt.time())
        # Still open at the horizon: no end is known.
        yield start, dt.datetime.max if end >= horizon else end


def status(hours: OpeningHours, now: dt.datetime) -> OpenStatus:
    """Whether the clinic is open at `now` (aware, in the kiosk's zone, or
    naive local time) and when that changes next."""
    wall = now.replace(tzinfo=None)
    yesterday = wall.date() - dt.timedelta(days=1)  # a stretch may run on past midnight
    for start, end in _stretches(hours, yesterday):
        if end <= wall:
            continue
        if start <= wall:
            change = None if end == dt.datetime.max else _aware(end, now)
            return OpenStatus(True, change, None)
        opening = _aware(start, now)
        return OpenStatus(False, opening, opening)
    return OpenStatus(False, None, None)


def _aware(wall: dt.datetime, like: dt.datetime) -> dt.datetime:
    """`wall` on the clock of `like`'s zone (a zone with DST rules gives each
    day its own offset)."""
    return wall.replace(tzinfo=like.tzinfo)


def seconds_until(now: dt.datetime, later: dt.datetime) -> float:
    """Real seconds from `now` to `later`. Python subtracts two datetimes of
    one zone by their wall clocks; through UTC the hour a DST change adds or
    takes is counted."""
    return (later.astimezone(dt.UTC) - now.astimezone(dt.UTC)).total_seconds()


def local_now() -> dt.datetime:
    """Now, in the computer's local time with its current UTC offset."""
    return dt.datetime.now().astimezone()
