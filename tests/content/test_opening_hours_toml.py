"""clinic.toml's [opening_hours]: what an office writes, what the kiosk
understands, and a `clinic.toml:LINE: error: ...` for each kind of mistake."""

from __future__ import annotations

import datetime as dt

import pytest

from app.content.hours_text import opening_words, shown_hours, week_lines
from app.content.model import Clinic, OpeningHours
from app.content.pack_toml import parse_clinic, parse_strings
from app.content.strings import DEFAULT_STRINGS
from app.resources import content_dir
from tests.content.checking import findings
from tests.content.packs import CLINIC_TOML

HEAD = 'name = "Riverside Clinic"\nphone = "+1 206 010 0100"\n'


def parsed(table: str) -> tuple[Clinic, list[str]]:
    clinic, problems = parse_clinic(HEAD + "[opening_hours]\n" + table, "clinic.toml")
    return clinic, [str(p) for p in problems]


def test_days_ranges_closed_days_and_dates():
    clinic, problems = parsed(
        'mon = "08:00-17:00"\nwed = "8:00 - 12:00, 13:00-17:30"\nsat = "09:00-12:00"\n'
        'sun = "closed"\nclosed_dates = [2026-12-25]\n'
        'display_off_when_closed = true\ndisplay_output = "HDMI-A-1"\n'
    )
    assert problems == []
    hours = clinic.opening_hours
    assert hours.week[0] == ((480, 1020),)
    assert hours.week[2] == ((480, 720), (780, 1050))
    assert hours.week[1] == hours.week[6] == ()  # tue left out, sun closed
    assert hours.closed_dates == {dt.date(2026, 12, 25)}
    assert hours.display_off_when_closed and hours.display_output == "HDMI-A-1"
    assert hours.display_tool == "wlr-randr"  # the default


def test_full_day_names_and_24_00_are_understood():
    clinic, problems = parsed('monday = "00:00-24:00"\n')
    assert problems == [] and clinic.opening_hours.week[0] == ((0, 1440),)


BAD = (
    "[opening_hours] has errors: no closed screen and no opening hours are shown "
    "until they are fixed"
)


@pytest.mark.parametrize(
    ("table", "line", "message"),
    [
        (
            'mon = "08:00-17:00"\ntue = "8:60-17:00"\n',
            5,
            "'opening_hours.tue': '8:60' is not a time of day (00:00 to 24:00)",
        ),
        (
            'tue = "8am-5pm"\n',
            4,
            "'opening_hours.tue': '8am' is not a time; write hours:minutes like 08:30",
        ),
        (
            'fri = "17:00-08:00"\n',
            4,
            "'opening_hours.fri': 17:00-08:00 ends before it starts; opening past midnight "
            'is two ranges, like fri = "20:00-24:00" and sat = "00:00-02:00"',
        ),
        (
            'mon = "08:00-17:00"\nthur = "08:00-17:00"\n',
            5,
            "'opening_hours.thur' is not a day; the days are mon, tue, wed, thu, fri, sat, sun",
        ),
        (
            'wed = "08:00-13:00, 12:00-17:00"\n',
            4,
            "'opening_hours.wed': the ranges in '08:00-13:00, 12:00-17:00' overlap",
        ),
        (
            'mon = "all day"\n',
            4,
            "'opening_hours.mon': 'all day' is not a range like 08:00-17:00 (or write \"closed\")",
        ),
        (
            "mon = 8\n",
            4,
            "'opening_hours.mon' must be text (in quotes), not a whole number",
        ),
        (
            'mon = "08:00-17:00"\nclosed_dates = ["2026-12-25"]\n',
            5,
            "'opening_hours.closed_dates' must be a list of dates like "
            "[2026-12-25, 2027-01-01] (no quotes)",
        ),
        (
            'mon = "08:00-17:00"\ndisplay_tool = "xrandr"\n',
            5,
            "'opening_hours.display_tool' is 'xrandr'; it may be wlr-randr or wlopm",
        ),
        (
            'mon = "08:00-17:00"\nmonday = "09:00-17:00"\n',
            5,
            "'opening_hours.monday' gives mon a second time",
        ),
    ],
)
def test_each_kind_of_mistake_has_its_line(table, line, message):
    clinic, problems = parsed(table)
    assert problems == [
        f"clinic.toml:{line}: error: {message}",
        f"clinic.toml:3: warning: {BAD}",
    ]
    assert clinic.opening_hours is None  # half-understood hours drive nothing
    assert clinic.name == "Riverside Clinic"  # the rest of the file still counts


def test_a_week_with_no_open_day_is_a_warning():
    _, problems = parsed('sun = "closed"\n')
    assert problems == [
        "clinic.toml:3: warning: [opening_hours] opens on no day: the kiosk would show "
        "the closed screen all the time"
    ]


def test_the_old_hours_list_is_shown_as_written_with_a_warning():
    clinic, problems = parse_clinic(HEAD + 'hours = ["Mon-Fri 9-5"]\n', "clinic.toml")
    assert clinic.hours == ("Mon-Fri 9-5",) and clinic.opening_hours is None
    assert [str(p) for p in problems] == [
        "clinic.toml:3: warning: 'hours' is free text: it is shown as written in every "
        "language and cannot tell the kiosk when the clinic is closed; write an "
        "[opening_hours] table instead"
    ]
    assert shown_hours(clinic, DEFAULT_STRINGS) == ["Mon-Fri 9-5"]


def test_both_old_and_new_hours_the_old_is_ignored():
    text = HEAD + 'hours = ["Mon-Fri 9-5"]\n[opening_hours]\nmon = "09:00-17:00"\n'
    clinic, problems = parse_clinic(text, "clinic.toml")
    assert clinic.hours == () and clinic.opening_hours.week[0] == ((540, 1020),)
    assert [str(p) for p in problems] == [
        "clinic.toml:3: warning: 'hours' is ignored: [opening_hours] gives the hours"
    ]


def test_check_reports_the_pack_path_and_line(tmp_path):
    clinic = CLINIC_TOML.replace('tue = "08:00-17:00"', 'tue = "08:00-25:00"')
    root, found = findings(tmp_path, {"clinic.toml": clinic})
    assert sorted((p.path, p.line, p.severity) for p in found) == [
        (str(root / "clinic.toml"), 11, "warning"),
        (str(root / "clinic.toml"), 13, "error"),
    ]


# --- the hours in words, per language --------------------------------------

WEEK = OpeningHours(week=(((480, 1020),),) * 4 + (((480, 720), (780, 1020)), ((540, 720),), ()))


def spanish() -> dict[str, str]:
    text = (content_dir() / "es" / "strings.toml").read_text(encoding="utf-8")
    strings, problems = parse_strings(text, "es/strings.toml")
    assert problems == []
    return {**DEFAULT_STRINGS, **strings}


def test_week_lines_group_days_with_the_same_hours():
    assert week_lines(WEEK, DEFAULT_STRINGS) == [
        "Monday\u2013Thursday: 8:00\u201317:00",
        "Friday: 8:00\u201312:00, 13:00\u201317:00",
        "Saturday: 9:00\u201312:00",
        "Sunday: Closed",
    ]


def test_week_lines_in_spanish_from_its_strings():
    assert week_lines(WEEK, spanish()) == [
        "Lunes\u2013jueves: 8:00\u201317:00",
        "Viernes: 8:00\u201312:00, 13:00\u201317:00",
        "Sábado: 9:00\u201312:00",
        "Domingo: cerrado",
    ]


def test_when_we_open_again_in_words():
    now = dt.datetime(2026, 12, 1, 18, 0)  # Tuesday evening
    s = DEFAULT_STRINGS
    assert opening_words(now, now.replace(hour=20), s) == "We open again today at 20:00."
    assert opening_words(now, dt.datetime(2026, 12, 2, 8), s) == ("We open again tomorrow at 8:00.")
    assert opening_words(now, dt.datetime(2026, 12, 5, 9), s) == (
        "We open again on Saturday at 9:00."
    )
    assert opening_words(now, dt.datetime(2027, 1, 4, 8), s) == (
        "We open again on 2027-01-04 at 8:00."
    )
    assert opening_words(now, None, s) == "Please call us to find out when we open again."
    assert opening_words(now, dt.datetime(2026, 12, 5, 9), spanish()) == (
        "Abrimos de nuevo el sábado a las 9:00."
    )
