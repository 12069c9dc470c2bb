"""The staff PIN: how it is hashed, checked, and locked out after misses
(longer after each lockout in a row)."""

from __future__ import annotations

import enum
import hashlib
import hmac
import math
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

MIN_DIGITS = 4
MAX_DIGITS = 12

# scrypt costs for new hashes: about 16 MiB and a few tens of milliseconds, so
# a copied hash file cannot be brute-forced cheaply even though PINs are short.
_N, _R, _P = 2**14, 8, 1
_SALT_BYTES = 16
_KEY_BYTES = 32
# Parameters are read back from the stored string so they can be raised later;
# these bounds stop a tampered file from making one check take seconds or GiB.
_MAX_MEMORY = 64 * 1024 * 1024  # scrypt uses about 128 * n * r bytes
_MAX_P = 4
_STORED = re.compile(
    r"scrypt\$(?P<n>[0-9]{1,8})\$(?P<r>[0-9]{1,3})\$(?P<p>[0-9]{1,3})"
    r"\$(?P<salt>[0-9a-f]{16,128})\$(?P<hash>[0-9a-f]{32,128})"
)
_DIGITS = re.compile(r"[0-9]+")


def valid_pin(pin: str) -> str | None:
    """None when `pin` is an acceptable PIN, else a plain-English reason."""
    if not pin:
        return "Enter a PIN."
    # ASCII digits only: str.isdigit() would accept "²" or Arabic-Indic digits
    # that the kiosk's keypad cannot type.
    if not _DIGITS.fullmatch(pin):
        return "The PIN can contain only the digits 0 to 9."
    if len(pin) < MIN_DIGITS:
        return f"The PIN must be at least {MIN_DIGITS} digits long."
    if len(pin) > MAX_DIGITS:
        return f"The PIN must be at most {MAX_DIGITS} digits long."
    return None


def hash_pin(pin: str) -> str:
    """A salted scrypt hash: `scrypt$16384$8$1$<salt hex>$<hash hex>`.

    Raises ValueError for a PIN `valid_pin` rejects: a PIN the keypad cannot
    enter would lock staff out for good.
    """
    reason = valid_pin(pin)
    if reason:
        raise ValueError(reason)
    salt = secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(pin, salt, _N, _R, _P, _KEY_BYTES)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def is_pin_hash(stored: str) -> bool:
    """True when `stored` has the shape and sane costs of a `hash_pin` result."""
    return _parse(stored) is not None


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches `stored`. A malformed `stored` is simply False."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, expected = parsed
    try:
        digest = _scrypt(pin, salt, n, r, p, len(expected))
    except (ValueError, OverflowError, MemoryError):
        return False
    return hmac.compare_digest(digest, expected)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, size: int) -> bytes:
    # Headroom over 128*n*r so every parameter set _parse accepts fits.
    maxmem = 2 * 128 * n * r + 1024 * 1024
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=size)


def _parse(stored: object) -> tuple[int, int, int, bytes, bytes] | None:
    if not isinstance(stored, str):
        return None
    match = _STORED.fullmatch(stored)
    if match is None:
        return None
    n, r, p = int(match["n"]), int(match["r"]), int(match["p"])
    # scrypt needs n to be a power of two above 1.
    if n < 2 or n & (n - 1) or r < 1 or not 1 <= p <= _MAX_P or 128 * n * r > _MAX_MEMORY:
        return None
    salt, digest = match["salt"], match["hash"]
    if len(salt) % 2 or len(digest) % 2:
        return None
    return n, r, p, bytes.fromhex(salt), bytes.fromhex(digest)


class PinResult(enum.Enum):
    OK = "ok"  # the right PIN: open the staff menu
    WRONG = "wrong"  # a miss, with tries left
    LOCKED = "locked"  # locked out (this miss used up the last try, or already locked)
    NO_PIN = "no-pin"  # no staff PIN is set: nothing can open the door


@dataclass(frozen=True)
class Lockout:
    """What the gate remembers across restarts (app.core.pin_store saves it)."""

    misses: int = 0  # wrong PINs since the last lockout or the right PIN
    lockouts: int = 0  # lockouts in a row without the right PIN in between
    seconds_left: float = 0.0  # of the lockout under way


class PinGate:
    """The staff PIN prompt's rule: `max_tries` misses in a row lock it out,
    each lockout in a row twice as long as the one before, up to
    `max_lockout_seconds`; the right PIN starts afresh.

    The miss that uses up the last try returns LOCKED (the PIN was checked
    and wrong) so the UI can show the lockout straight away. Attempts while
    locked are not checked, not counted and do not extend the lockout.
    `lockout` is where a restarted kiosk left off; `on_change` is called with
    the new `Lockout` after every checked attempt, to save it.
    """

    def __init__(
        self,
        stored: str | None,
        clock: Callable[[], float] = time.monotonic,
        max_tries: int = 5,
        lockout_seconds: float = 60,
        max_lockout_seconds: float = 3600,
        lockout: Lockout | None = None,
        on_change: Callable[[Lockout], None] | None = None,
    ) -> None:
        if max_tries < 1:
            raise ValueError(f"max_tries must be at least 1, not {max_tries}")
        # A malformed hash could never match: say so instead of counting misses.
        self._stored = stored if stored is not None and is_pin_hash(stored) else None
        self._clock = clock
        self.max_tries = max_tries
        self.lockout_seconds = lockout_seconds
        self.max_lockout_seconds = max_lockout_seconds
        self._on_change = on_change
        lockout = lockout or Lockout()
        self._misses = min(max(lockout.misses, 0), max_tries - 1)
        self._lockouts = max(lockout.lockouts, 0)
        left = min(lockout.seconds_left, max_lockout_seconds)
        self._locked_until: float | None = clock() + left if left > 0 else None

    @property
    def has_pin(self) -> bool:
        return self._stored is not None

    @property
    def tries_left(self) -> int:
        """Attempts before the lockout; 0 while locked."""
        if self._is_locked():
            return 0
        return self.max_tries - self._misses

    @property
    def lockout(self) -> Lockout:
        left = self._locked_until - self._clock() if self._is_locked() else 0.0
        return Lockout(self._misses, self._lockouts, max(left, 0.0))

    def locked_for(self) -> int:
        """Whole seconds of lockout left, rounded up; 0 when open."""
        if not self._is_locked():
            return 0
        assert self._locked_until is not None
        return max(1, math.ceil(round(self._locked_until - self._clock(), 3)))

    def attempt(self, pin: str) -> PinResult:
        if self._stored is None:
            return PinResult.NO_PIN
        if self._is_locked():
            return PinResult.LOCKED
        if verify_pin(pin, self._stored):
            if self._misses or self._lockouts:
                self._misses = self._lockouts = 0
                self._changed()
            return PinResult.OK
        self._misses += 1
        if self._misses < self.max_tries:
            self._changed()
            return PinResult.WRONG
        self._misses = 0  # a full set of tries once the lockout ends
        self._lockouts += 1
        self._locked_until = self._clock() + self._lockout_length()
        self._changed()
        return PinResult.LOCKED

    def _lockout_length(self) -> float:
        # 60 s, 120 s, 240 s ... for the 1st, 2nd, 3rd lockout in a row.
        doublings = min(self._lockouts - 1, 32)  # 2**32 minutes is past any cap
        return min(self.lockout_seconds * 2**doublings, self.max_lockout_seconds)

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change(self.lockout)

    def _is_locked(self) -> bool:
        if self._locked_until is None:
            return False
        if self._clock() >= self._locked_until:
            self._locked_until = None
            return False
        return True
