import pytest

from app.content.model import KioskTimings
from app.core.kiosk_policy import KioskAction, KioskPolicy, KioskState
from tests.fake_clock import FakeClock

TIMINGS = KioskTimings(attract_seconds=10, idle_seconds=90, warning_seconds=30)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make(clock: FakeClock, **kwargs) -> KioskPolicy:
    return KioskPolicy(TIMINGS, clock=clock, **kwargs)


def to_warning(policy: KioskPolicy, clock: FakeClock) -> None:
    policy.input()
    clock.advance(90)
    assert policy.poll() == [KioskAction.WARN]


def test_starts_in_attract_and_advances_every_interval(clock):
    policy = make(clock)
    assert policy.state == KioskState.ATTRACT
    clock.advance(9.9)
    assert policy.poll() == []
    clock.advance(0.1)
    assert policy.poll() == [KioskAction.ADVANCE]
    clock.advance(10)
    assert policy.poll() == [KioskAction.ADVANCE]
    assert policy.state == KioskState.ATTRACT


def test_attract_never_warns_or_resets(clock):
    policy = make(clock)
    for _ in range(30):
        clock.advance(10)
        assert policy.poll() == [KioskAction.ADVANCE]
    assert policy.state == KioskState.ATTRACT


def test_late_poll_in_attract_gives_one_advance_and_restarts_the_interval(clock):
    policy = make(clock)
    clock.advance(55)  # five steps overdue
    assert policy.poll() == [KioskAction.ADVANCE]
    assert policy.poll() == []
    assert policy.seconds_until_due() == 10


def test_early_poll_does_nothing(clock):
    policy = make(clock)
    clock.advance(5)
    assert policy.poll() == []
    assert policy.seconds_until_due() == 5


def test_first_touch_in_attract_is_swallowed_and_the_rest_are_not(clock):
    policy = make(clock)
    assert policy.input() is True
    assert policy.state == KioskState.ACTIVE
    assert policy.input() is False
    assert policy.state == KioskState.ACTIVE


def test_idle_warns_then_resets_to_attract(clock):
    policy = make(clock)
    policy.input()
    clock.advance(89)
    assert policy.poll() == []
    clock.advance(1)
    assert policy.poll() == [KioskAction.WARN]
    assert policy.state == KioskState.WARNING
    clock.advance(29)
    assert policy.poll() == []
    clock.advance(1)
    assert policy.poll() == [KioskAction.RESET]
    assert policy.state == KioskState.ATTRACT
    # The attract timer starts over from the reset.
    assert policy.seconds_until_due() == 10
    clock.advance(10)
    assert policy.poll() == [KioskAction.ADVANCE]


def test_input_restarts_the_idle_timer(clock):
    policy = make(clock)
    policy.input()
    clock.advance(80)
    policy.input()
    clock.advance(80)
    assert policy.poll() == []
    assert policy.seconds_until_due() == 10


def test_late_poll_when_idle_still_gives_the_full_warning(clock):
    policy = make(clock)
    policy.input()
    clock.advance(500)  # past idle + warning: the patient must still be asked
    assert policy.poll() == [KioskAction.WARN]
    assert policy.warning_seconds_left() == 30
    clock.advance(30)
    assert policy.poll() == [KioskAction.RESET]


def test_late_poll_in_warning_gives_one_reset(clock):
    policy = make(clock)
    to_warning(policy, clock)
    clock.advance(300)
    assert policy.poll() == [KioskAction.RESET]
    assert policy.poll() == []
    assert policy.state == KioskState.ATTRACT


def test_input_during_the_warning_is_not_swallowed_and_counts(clock):
    policy = make(clock)
    to_warning(policy, clock)
    clock.advance(10)
    assert policy.input() is False
    assert policy.state == KioskState.ACTIVE
    assert policy.seconds_until_due() == 90


def test_keep_reading_returns_to_active_with_a_fresh_idle_timer(clock):
    policy = make(clock)
    to_warning(policy, clock)
    clock.advance(25)
    policy.keep_reading()
    assert policy.state == KioskState.ACTIVE
    clock.advance(89)
    assert policy.poll() == []
    clock.advance(1)
    assert policy.poll() == [KioskAction.WARN]


def test_keep_reading_after_a_reset_does_not_leave_attract(clock):
    policy = make(clock)
    to_warning(policy, clock)
    clock.advance(30)
    assert policy.poll() == [KioskAction.RESET]
    policy.keep_reading()
    assert policy.state == KioskState.ATTRACT


def test_pause_stops_the_attract_loop(clock):
    policy = make(clock)
    policy.pause()
    assert policy.paused
    assert policy.seconds_until_due() is None
    clock.advance(1000)
    assert policy.poll() == []
    assert policy.state == KioskState.ATTRACT


def test_resume_gives_the_slide_a_full_interval(clock):
    policy = make(clock)
    clock.advance(8)
    policy.pause()
    clock.advance(100)
    policy.resume()
    assert not policy.paused
    assert policy.seconds_until_due() == 10
    clock.advance(9)
    assert policy.poll() == []
    clock.advance(1)
    assert policy.poll() == [KioskAction.ADVANCE]


def test_resume_when_not_paused_keeps_the_timer(clock):
    policy = make(clock)
    clock.advance(4)
    policy.resume()
    assert policy.seconds_until_due() == 6


def test_pause_does_not_stop_the_idle_reset(clock):
    policy = make(clock)
    policy.pause()
    policy.input()
    clock.advance(90)
    assert policy.poll() == [KioskAction.WARN]


def test_reset_unpauses_for_the_next_patient(clock):
    policy = make(clock)
    policy.pause()
    to_warning(policy, clock)
    clock.advance(30)
    assert policy.poll() == [KioskAction.RESET]
    assert not policy.paused
    assert policy.seconds_until_due() == 10


def test_seconds_until_due_in_each_state(clock):
    policy = make(clock)
    assert policy.seconds_until_due() == 10  # attract
    clock.advance(3)
    assert policy.seconds_until_due() == 7
    policy.input()
    assert policy.seconds_until_due() == 90  # active
    clock.advance(90)
    assert policy.seconds_until_due() == 0  # overdue: poll now
    policy.poll()
    assert policy.seconds_until_due() == 30  # warning
    clock.advance(12.5)
    assert policy.seconds_until_due() == 17.5
    clock.advance(100)
    assert policy.seconds_until_due() == 0


def test_warning_countdown_rounds_up_and_never_goes_negative(clock):
    policy = make(clock)
    assert policy.warning_seconds_left() == 0  # not warning
    to_warning(policy, clock)
    assert policy.warning_seconds_left() == 30
    clock.advance(0.2)
    assert policy.warning_seconds_left() == 30
    clock.advance(0.8)
    assert policy.warning_seconds_left() == 29
    clock.advance(28.9)
    assert policy.warning_seconds_left() == 1
    clock.advance(0.1)
    assert policy.warning_seconds_left() == 0
    clock.advance(50)
    assert policy.warning_seconds_left() == 0


def test_countdown_ignores_float_noise(clock):
    policy = make(clock)
    to_warning(policy, clock)
    clock.advance(0.999999999)  # a hair short of one second
    assert policy.warning_seconds_left() == 29


def test_start_active_applies_the_idle_reset(clock):
    policy = make(clock, start_in_attract=False)
    assert policy.state == KioskState.ACTIVE
    assert policy.input() is False
    clock.advance(90)
    assert policy.poll() == [KioskAction.WARN]


def test_reset_now_returns_to_attract_from_any_state(clock):
    policy = make(clock)
    to_warning(policy, clock)
    clock.advance(5)
    policy.reset_now()
    assert policy.state == KioskState.ATTRACT
    assert policy.warning_seconds_left() == 0
    assert policy.seconds_until_due() == 10
    assert policy.input() is True


def test_new_timings_apply_after_a_reset(clock):
    policy = make(clock)
    policy.set_timings(KioskTimings(attract_seconds=4, idle_seconds=30, warning_seconds=20))
    policy.reset_now()
    assert policy.seconds_until_due() == 4


def test_new_timings_count_from_the_moments_already_kept(clock):
    # A pack swapped in while someone reads: the idle timer keeps its start.
    policy = make(clock)
    policy.input()
    clock.advance(20)
    policy.set_timings(KioskTimings(attract_seconds=4, idle_seconds=30, warning_seconds=20))
    assert policy.state == KioskState.ACTIVE
    assert policy.seconds_until_due() == 10
    clock.advance(10)
    assert policy.poll() == [KioskAction.WARN]
    assert policy.warning_seconds_left() == 20


@pytest.mark.parametrize("field", ["attract_seconds", "idle_seconds", "warning_seconds"])
def test_new_zero_timings_are_refused_and_the_old_ones_stay(clock, field):
    policy = make(clock)
    with pytest.raises(ValueError, match=field):
        policy.set_timings(KioskTimings(**{field: 0}))
    assert policy.timings == TIMINGS
    assert policy.seconds_until_due() == 10


@pytest.mark.parametrize("field", ["attract_seconds", "idle_seconds", "warning_seconds"])
def test_zero_timings_are_refused(field):
    with pytest.raises(ValueError, match=field):
        KioskPolicy(KioskTimings(**{field: 0}))


def test_default_clock_is_monotonic():
    policy = KioskPolicy(TIMINGS)
    due = policy.seconds_until_due()
    assert due is not None and 0 < due <= 10
