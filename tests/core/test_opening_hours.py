"""Open now, and when next: a pure function of the hours and a moment."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from app.content.model import OpeningHours
from app.core.opening_hours import seconds_until, status

NEW_YORK = ZoneInfo("America/New_York")
H = 60  # minutes in an hour
WEEKDAYS = ((8 * H, 17 * H),)
CLINIC = OpeningHours(week=(WEEKDAYS,) * 5 + (((9 * H, 12 * H),), ()))


def at(text: str, zone=NEW_YORK) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=zone)


def test_open_in_the_middle_of_a_weekday_until_its_closing():
    now = at("2026-12-01T10:30")  # a Tuesday
    found = status(CLINIC, now)
    assert found.open and found.next_opening is None
    assert found.next_change == at("2026-12-01T17:00")


def test_the_start_is_open_and_the_end_is_closed():
    assert status(CLINIC, at("2026-12-01T08:00")).open
    assert not status(CLINIC, at("2026-12-01T17:00")).open
    assert not status(CLINIC, at("2026-12-01T07:59:59")).open


def test_after_closing_it_opens_the_next_morning():
    found = status(CLINIC, at("2026-12-01T17:00"))
    assert not found.open
    assert found.next_opening == found.next_change == at("2026-12-02T08:00")


def test_saturday_afternoon_opens_monday_skipping_a_closed_sunday():
    found = status(CLINIC, at("2026-12-05T12:30"))
    assert found.next_opening == at("2026-12-07T08:00")


def test_a_day_with_two_ranges_is_closed_over_lunch():
    split = OpeningHours(week=(((8 * H, 12 * H), (13 * H, 17 * H)),) * 7)
    assert status(split, at("2026-12-01T11:59")).next_change == at("2026-12-01T12:00")
    lunch = status(split, at("2026-12-01T12:15"))
    assert not lunch.open and lunch.next_opening == at("2026-12-01T13:00")
    assert status(split, at("2026-12-01T13:00")).open


def test_open_over_midnight_is_one_stretch():
    # Friday 20:00-24:00 and Saturday 00:00-02:00: open at midnight, closing at 2.
    late = OpeningHours(week=((),) * 4 + (((20 * H, 24 * H),), ((0, 2 * H),), ()))
    friday_night = status(late, at("2026-12-04T23:59"))
    assert friday_night.open and friday_night.next_change == at("2026-12-05T02:00")
    midnight = status(late, at("2026-12-05T00:00"))
    assert midnight.open and midnight.next_change == at("2026-12-05T02:00")
    assert status(late, at("2026-12-05T02:00")).next_opening == at("2026-12-11T20:00")


def test_midnight_closing_opens_the_next_day():
    evening = OpeningHours(week=(((18 * H, 24 * H),),) * 7)
    found = status(evening, at("2026-12-01T00:00"))
    assert not found.open and found.next_opening == at("2026-12-01T18:00")
    assert status(evening, at("2026-12-01T23:59")).next_change == at("2026-12-02T00:00")


def test_closed_dates_are_skipped():
    holidays = OpeningHours(
        week=CLINIC.week, closed_dates=frozenset({dt.date(2026, 12, 25), dt.date(2026, 12, 28)})
    )
    # Thursday 24 December after closing: Friday is Christmas, then the weekend
    # (Saturday opens), and Monday the 28th is closed too.
    found = status(holidays, at("2026-12-24T18:00"))
    assert found.next_opening == at("2026-12-26T09:00")
    assert status(holidays, at("2026-12-26T12:00")).next_opening == at("2026-12-29T08:00")
    assert not status(holidays, at("2026-12-25T10:00")).open


def test_never_open_and_always_open_have_no_next_change():
    never = status(OpeningHours(), at("2026-12-01T10:00"))
    assert (never.open, never.next_change, never.next_opening) == (False, None, None)
    always = status(OpeningHours(week=(((0, 24 * H),),) * 7), at("2026-12-01T10:00"))
    assert always.open and always.next_change is None


def test_the_night_the_clocks_go_back_has_an_hour_more():
    # 1 November 2026, 02:00 EDT becomes 01:00 EST. Saturday 12:00 to Monday
    # 08:00 is 44 hours on the wall clock and 45 hours of real time.
    now = at("2026-10-31T12:00")
    found = status(CLINIC, now)
    assert found.next_opening == at("2026-11-02T08:00")
    assert found.next_opening.utcoffset() == dt.timedelta(hours=-5)
    assert seconds_until(now, found.next_opening) == 45 * 3600


def test_the_night_the_clocks_go_forward_has_an_hour_less():
    # 8 March 2026, 02:00 EST becomes 03:00 EDT.
    now = at("2026-03-07T12:00")
    found = status(CLINIC, now)
    assert found.next_opening == at("2026-03-09T08:00")
    assert seconds_until(now, found.next_opening) == 43 * 3600


def test_hours_are_wall_clock_times_in_any_zone():
    tokyo = ZoneInfo("Asia/Tokyo")
    found = status(CLINIC, at("2026-12-01T07:00", tokyo))
    assert found.next_opening == at("2026-12-01T08:00", tokyo)
    assert seconds_until(at("2026-12-01T07:00", tokyo), found.next_opening) == 3600
