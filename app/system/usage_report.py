"""Usage counts summed for people: per slide, per day, comfort settings, and
as CSV (hour, language, slide, event, count). Qt-free; the staff Usage page
and `clinic-kiosk stats` both read these.

CSV files from several kiosks merge by adding rows: rows with the same hour,
language, slide and event add their counts (`merge`)."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from app.system import usage_store as kinds
from app.system.usage_store import EVENTS, Row

COLUMNS = ("hour", "language", "slide", "event", "count")
# The columns of "topics viewed", in the order shown.
TOPIC_EVENTS = (kinds.SLIDE_VIEWED, kinds.LEARN_MORE, kinds.REFERENCES, kinds.CONTACT)
COMFORT_EVENTS = (kinds.TEXT_SIZE, kinds.CONTRAST, kinds.LISTEN, kinds.LANGUAGE)
# Things only a person at the screen does, for "kiosk use by day".
PATIENT_EVENTS = tuple(e for e in EVENTS if e not in (kinds.ATTRACT_SHOWN, kinds.IDLE_RESET))


def merge(*row_lists: Iterable[Row]) -> list[Row]:
    """Rows of several kiosks (or files) as one: counts of a key add up."""
    total: Counter[tuple[str, str, str, str]] = Counter()
    for rows in row_lists:
        for hour, language, slide, event, count in rows:
            total[(hour, language, slide, event)] += count
    return [(*key, total[key]) for key in sorted(total)]


def write_csv(rows: Iterable[Row], path: Path) -> int:
    """The rows as CSV with a header line; how many rows were written."""
    written = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(COLUMNS)
        for row in rows:
            out.writerow(row)
            written += 1
    return written


def read_csv(path: Path) -> list[Row]:
    """A file write_csv wrote (from any kiosk). ValueError names a bad line."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}: the first line must be {','.join(COLUMNS)}")
        rows = []
        for line, record in enumerate(reader, start=2):
            try:
                rows.append((*(record[c] for c in COLUMNS[:4]), int(record["count"])))
            except (TypeError, ValueError):
                raise ValueError(f"{path}:{line}: not a usage row") from None
    return rows


def since(rows: Iterable[Row], first_day: str) -> list[Row]:
    """The rows from the day 'YYYY-MM-DD' on."""
    return [row for row in rows if row[0] >= first_day]


def per_slide(rows: Iterable[Row], events: Iterable[str] = TOPIC_EVENTS) -> dict[str, Counter]:
    """slide -> {event: count}, every language together."""
    wanted = set(events)
    table: dict[str, Counter] = {}
    for _, _, slide, event, count in rows:
        if slide and event in wanted:
            table.setdefault(slide, Counter())[event] += count
    return table


def per_day(rows: Iterable[Row], events: Iterable[str]) -> Counter:
    """'YYYY-MM-DD' -> the sum of `events` that day."""
    return _summed(rows, events, lambda row: row[0][:10])


def totals(rows: Iterable[Row], events: Iterable[str]) -> Counter:
    """event -> its sum over the rows."""
    return _summed(rows, events, lambda row: row[3])


def _summed(rows: Iterable[Row], events: Iterable[str], key) -> Counter:
    wanted = set(events)
    result: Counter[str] = Counter()
    for row in rows:
        if row[3] in wanted:
            result[key(row)] += row[4]
    return result


def summary(rows: list[Row]) -> str:
    """The numbers for IT on a terminal: topics, use by day, comfort settings."""
    if not rows:
        return "No usage counted in this period."
    lines = [f"From {rows[0][0][:10]} to {max(r[0] for r in rows)[:10]}", "", "Topics viewed"]
    header = ("slide", "viewed", "learn more", "references", "contact")
    table = per_slide(rows)
    width = max(len(header[0]), *(len(s) for s in table))
    lines.append(f"  {header[0]:<{width}}" + "".join(f"{h:>12}" for h in header[1:]))
    for slide, seen in sorted(table.items(), key=lambda item: -item[1][kinds.SLIDE_VIEWED]):
        lines.append(f"  {slide:<{width}}" + "".join(f"{seen[e]:>12}" for e in TOPIC_EVENTS))
    lines += ["", "Kiosk use by day", f"  {'day':<10}{'actions':>10}{'resets':>10}"]
    used, resets = per_day(rows, PATIENT_EVENTS), per_day(rows, (kinds.IDLE_RESET,))
    for day in sorted(set(used) | set(resets)):
        lines.append(f"  {day:<10}{used[day]:>10}{resets[day]:>10}")
    comfort = totals(rows, COMFORT_EVENTS)
    lines += ["", "Comfort settings used"]
    lines += [f"  {event:<12}{comfort[event]:>10}" for event in COMFORT_EVENTS]
    return "\n".join(lines)
