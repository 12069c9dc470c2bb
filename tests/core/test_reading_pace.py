"""The attract loop's time per slide: its words at a slow reader's pace."""

import pytest

from app.content.model import KioskTimings
from app.core.kiosk_policy import KioskAction, KioskPolicy
from app.core.reading_pace import attract_seconds_for, reading_seconds, weighted_words
from tests.fake_clock import FakeClock


def words(count: int, word: str = "cat") -> str:
    return " ".join([word] * count)


def test_a_short_word_counts_once_and_a_long_one_half_again():
    assert weighted_words("The cat sat") == 3
    assert weighted_words("medicine") == 1.5  # 8 letters
    assert weighted_words("helped") == 1  # 6 letters: not long
    # Apostrophes and hyphens join a word; punctuation and spaces do not count.
    assert weighted_words("Don't stop — well-known, ¿Qué?") == 1 + 1 + 1.5 + 1
    assert weighted_words("  \n—  ") == 0


def test_one_hundred_words_a_minute():
    assert reading_seconds(words(100)) == 60
    assert reading_seconds(words(50)) == 30
    assert reading_seconds(words(51)) == 31  # rounded up: never short of time
    assert reading_seconds(words(100, "treatment")) == 90


def test_never_less_than_attract_seconds_and_never_over_an_hour():
    assert attract_seconds_for("Welcome", 12) == 12
    assert attract_seconds_for(words(100), 12) == 60
    assert attract_seconds_for(words(100), 90) == 90
    assert attract_seconds_for(words(10_000), 12) == 3600


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_the_policy_keeps_a_long_slide_up_for_its_reading_time(clock):
    policy = KioskPolicy(KioskTimings(attract_seconds=12), clock=clock)
    policy.set_slide_seconds(attract_seconds_for(words(60), 12))  # 36 s
    assert policy.seconds_until_due() == 36
    clock.advance(35.9)
    assert policy.poll() == []
    clock.advance(0.1)
    assert policy.poll() == [KioskAction.ADVANCE]
    # The next slide is short: the deck's floor again.
    policy.set_slide_seconds(attract_seconds_for("Call us", 12))
    assert policy.seconds_until_due() == 12


def test_a_shorter_reading_time_than_attract_seconds_changes_nothing(clock):
    policy = KioskPolicy(KioskTimings(attract_seconds=20), clock=clock)
    policy.set_slide_seconds(5)
    clock.advance(19)
    assert policy.poll() == []
    clock.advance(1)
    assert policy.poll() == [KioskAction.ADVANCE]


def test_pause_still_stops_a_long_slide_and_resume_gives_its_full_time(clock):
    policy = KioskPolicy(KioskTimings(attract_seconds=12), clock=clock)
    policy.set_slide_seconds(40)
    clock.advance(30)
    policy.pause()
    assert policy.seconds_until_due() is None
    clock.advance(600)
    assert policy.poll() == []
    policy.resume()
    assert policy.seconds_until_due() == 40
