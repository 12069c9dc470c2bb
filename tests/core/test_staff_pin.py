import pytest

from app.core.staff_pin import (
    Lockout,
    PinGate,
    PinResult,
    hash_pin,
    is_pin_hash,
    valid_pin,
    verify_pin,
)
from tests.fake_clock import FakeClock


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin("2468")


# valid_pin


@pytest.mark.parametrize("pin", ["1234", "0000", "123456789012"])
def test_valid_pins(pin):
    assert valid_pin(pin) is None


@pytest.mark.parametrize(
    ("pin", "words"),
    [
        ("", "Enter"),
        ("123", "at least 4"),
        ("1234567890123", "at most 12"),
        ("12a4", "digits 0 to 9"),
        (" 1234", "digits 0 to 9"),
        ("12²4", "digits 0 to 9"),
        ("١٢٣٤", "digits 0 to 9"),  # Arabic-Indic digits: isdigit() says yes
    ],
)
def test_invalid_pins_get_a_reason(pin, words):
    reason = valid_pin(pin)
    assert reason is not None and words in reason


# hash_pin / verify_pin


def test_hash_is_self_describing(stored):
    parts = stored.split("$")
    assert parts[:4] == ["scrypt", "16384", "8", "1"]
    assert len(parts[4]) == 32  # 16-byte salt
    assert "2468" not in stored
    assert is_pin_hash(stored)


def test_same_pin_hashes_differently_each_time(stored):
    other = hash_pin("2468")
    assert other != stored
    assert verify_pin("2468", stored) and verify_pin("2468", other)


def test_verify_rejects_other_pins(stored):
    assert not verify_pin("2469", stored)
    assert not verify_pin("", stored)
    assert not verify_pin("24680", stored)


def test_hash_refuses_an_invalid_pin():
    with pytest.raises(ValueError, match="digits"):
        hash_pin("12")


def _with(stored: str, index: int, value: str) -> str:
    parts = stored.split("$")
    parts[index] = value
    return "$".join(parts)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "2468",
        "scrypt$16384$8$1$abc",
        "bcrypt$16384$8$1$" + "00" * 16 + "$" + "00" * 32,
        "scrypt$16384$8$1$" + "zz" * 16 + "$" + "00" * 32,
        "scrypt$16384$8$1$" + "0" * 33 + "$" + "00" * 32,  # odd hex
        "scrypt$1000$8$1$" + "00" * 16 + "$" + "00" * 32,  # n not a power of two
        "scrypt$1$8$1$" + "00" * 16 + "$" + "00" * 32,
        "scrypt$16384$0$1$" + "00" * 16 + "$" + "00" * 32,
        "scrypt$16384$8$0$" + "00" * 16 + "$" + "00" * 32,
        "scrypt$1048576$8$1$" + "00" * 16 + "$" + "00" * 32,  # 1 GiB: refused unread
        "scrypt$16384$8$99$" + "00" * 16 + "$" + "00" * 32,  # far too slow
        "scrypt$-16384$8$1$" + "00" * 16 + "$" + "00" * 32,
    ],
)
def test_malformed_stored_strings_never_verify_or_raise(bad):
    assert not is_pin_hash(bad)
    assert verify_pin("2468", bad) is False


def test_tampered_parts_do_not_verify(stored):
    assert not verify_pin("2468", _with(stored, 4, "11" * 16))  # other salt
    assert not verify_pin("2468", _with(stored, 5, "00" * 32))  # other hash
    assert not verify_pin("2468", stored + "\n")
    assert not verify_pin("2468", None)  # type: ignore[arg-type]


# PinGate


def test_right_pin_opens(stored):
    gate = PinGate(stored, clock=FakeClock())
    assert gate.has_pin
    assert gate.attempt("2468") == PinResult.OK
    assert gate.tries_left == 5
    assert gate.locked_for() == 0


def test_no_pin_set():
    gate = PinGate(None, clock=FakeClock())
    assert not gate.has_pin
    assert gate.attempt("2468") == PinResult.NO_PIN


def test_a_malformed_hash_counts_as_no_pin():
    assert PinGate("scrypt$nonsense", clock=FakeClock()).attempt("2468") == PinResult.NO_PIN


def test_wrong_pins_count_down(stored):
    gate = PinGate(stored, clock=FakeClock())
    assert gate.attempt("0000") == PinResult.WRONG
    assert gate.tries_left == 4
    assert gate.attempt("0000") == PinResult.WRONG
    assert gate.tries_left == 3


def test_success_resets_the_count(stored):
    gate = PinGate(stored, clock=FakeClock())
    for _ in range(4):
        assert gate.attempt("0000") == PinResult.WRONG
    assert gate.attempt("2468") == PinResult.OK
    assert gate.tries_left == 5
    for _ in range(4):
        assert gate.attempt("0000") == PinResult.WRONG
    assert gate.locked_for() == 0


def test_fifth_miss_locks_for_a_minute(stored):
    clock = FakeClock()
    gate = PinGate(stored, clock=clock)
    for _ in range(4):
        assert gate.attempt("0000") == PinResult.WRONG
    assert gate.attempt("0000") == PinResult.LOCKED
    assert gate.tries_left == 0
    assert gate.locked_for() == 60
    clock.now += 0.5
    assert gate.locked_for() == 60  # rounded up
    clock.now += 59.4
    assert gate.locked_for() == 1


def test_attempts_while_locked_are_refused_and_do_not_extend(stored):
    clock = FakeClock()
    gate = PinGate(stored, clock=clock)
    for _ in range(5):
        gate.attempt("0000")
    clock.now += 30
    assert gate.attempt("2468") == PinResult.LOCKED  # even the right PIN
    assert gate.attempt("0000") == PinResult.LOCKED
    assert gate.locked_for() == 30
    clock.now += 30
    assert gate.locked_for() == 0
    assert gate.tries_left == 5
    assert gate.attempt("2468") == PinResult.OK


def test_after_a_lockout_a_full_set_of_tries(stored):
    clock = FakeClock()
    gate = PinGate(stored, clock=clock)
    for _ in range(5):
        gate.attempt("0000")
    clock.now += 60
    for _ in range(4):
        assert gate.attempt("0000") == PinResult.WRONG
    assert gate.attempt("0000") == PinResult.LOCKED


def test_custom_limits(stored):
    clock = FakeClock()
    gate = PinGate(stored, clock=clock, max_tries=2, lockout_seconds=10)
    assert gate.attempt("0000") == PinResult.WRONG
    assert gate.attempt("0000") == PinResult.LOCKED
    assert gate.locked_for() == 10


def test_max_tries_must_be_positive(stored):
    with pytest.raises(ValueError):
        PinGate(stored, max_tries=0)


def lock_out(gate: PinGate) -> PinResult:
    results = [gate.attempt("0000") for _ in range(gate.max_tries)]
    return results[-1]


def test_each_lockout_in_a_row_is_twice_as_long_up_to_an_hour(stored):
    clock = FakeClock()
    gate = PinGate(stored, clock=clock)
    lengths = []
    for _ in range(9):
        assert lock_out(gate) == PinResult.LOCKED
        lengths.append(gate.locked_for())
        clock.advance(gate.locked_for())
    assert lengths == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]


def test_the_right_pin_starts_the_doubling_afresh(stored):
    clock = FakeClock()
    gate = PinGate(stored, clock=clock)
    lock_out(gate)
    clock.advance(60)
    lock_out(gate)
    assert gate.locked_for() == 120
    clock.advance(120)
    assert gate.attempt("2468") == PinResult.OK
    lock_out(gate)
    assert gate.locked_for() == 60


def test_guesses_in_the_first_hour_and_then_each_hour(stored):
    """The rate the README states for a 4-digit PIN: 30 guesses in the first
    hour, then 5 an hour (one lockout of an hour each)."""
    clock = FakeClock()
    gate = PinGate(stored, clock=clock)
    start, checked = clock.now, []
    while clock.now - start < 5 * 3600:
        assert gate.locked_for() == 0  # so this guess is checked
        checked.append(clock.now - start)
        gate.attempt("0000")
        clock.advance(gate.locked_for())
    first_hour = sum(1 for t in checked if t < 3600)
    fifth_hour = sum(1 for t in checked if 4 * 3600 <= t < 5 * 3600)
    assert (first_hour, fifth_hour) == (30, 5)


def test_every_checked_attempt_reports_the_lockout_to_save(stored):
    clock = FakeClock()
    saved: list[Lockout] = []
    gate = PinGate(stored, clock=clock, on_change=saved.append)
    gate.attempt("0000")
    assert saved == [Lockout(misses=1, lockouts=0, seconds_left=0.0)]
    for _ in range(4):
        gate.attempt("0000")
    assert saved[-1] == Lockout(misses=0, lockouts=1, seconds_left=60.0)
    gate.attempt("0000")  # refused while locked: nothing changed, nothing saved
    assert len(saved) == 5
    clock.advance(60)
    gate.attempt("2468")
    assert saved[-1] == Lockout()
    gate.attempt("2468")  # nothing to reset: no write
    assert len(saved) == 6


def test_a_restarted_gate_carries_on_where_the_last_one_stopped(stored):
    clock = FakeClock()
    left_off = Lockout(misses=0, lockouts=2, seconds_left=100.0)
    gate = PinGate(stored, clock=clock, lockout=left_off)
    assert gate.attempt("2468") == PinResult.LOCKED
    assert gate.locked_for() == 100
    clock.advance(100)
    assert lock_out(gate) == PinResult.LOCKED
    assert gate.locked_for() == 240  # the third lockout in a row

    two_misses = PinGate(stored, clock=clock, lockout=Lockout(misses=2))
    assert two_misses.tries_left == 3
    # A record that claims more than the cap, or more misses than tries, is held to them.
    wild = PinGate(stored, clock=clock, lockout=Lockout(misses=99, seconds_left=1e9))
    assert wild.locked_for() == 3600
    clock.advance(3600)
    assert wild.tries_left == 1
