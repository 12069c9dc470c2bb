"""The unattended kiosk's clock rules: the attract loop and the idle reset.

One small state machine with an injectable clock, so tests drive time instead
of sleeping. The UI owns a single single-shot timer: it arms it for
`seconds_until_due()`, calls `poll()` when it fires and acts on the returned
actions, and forwards every touch, click or key to `input()`.
"""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable

from app.content.limits import KIOSK_LIMITS
from app.content.model import KioskTimings


class KioskState(enum.Enum):
    ATTRACT = "attract"  # the loop turns the slides; the first touch only wakes the kiosk
    ACTIVE = "active"  # someone is reading; the idle timer runs
    WARNING = "warning"  # "Still reading?" counts down to the reset


class KioskAction(enum.Enum):
    ADVANCE = "advance"  # attract loop: show the next slide, wrapping
    WARN = "warn"  # show the "Still reading?" prompt
    RESET = "reset"  # close overlays, reset language/text size/scroll, first slide, attract


def _checked_timings(timings: KioskTimings) -> KioskTimings:
    """`timings` when each is within KIOSK_LIMITS (the table `check` uses);
    ValueError naming the first that is not. Zero would make poll() due again
    at once, a busy loop; a month would overflow the UI's Qt timer."""
    for name, (lowest, highest) in KIOSK_LIMITS.items():
        value = getattr(timings, name)
        if not lowest <= value <= highest:
            raise ValueError(f"{name} must be from {lowest} to {highest}, not {value}")
    return timings


class KioskPolicy:
    """Attract loop and idle reset for one kiosk window."""

    def __init__(
        self,
        timings: KioskTimings,
        clock: Callable[[], float] = time.monotonic,
        start_in_attract: bool = True,
    ) -> None:
        self._timings = _checked_timings(timings)
        self._clock = clock
        self._paused = False
        self._slide_seconds = 0  # the slide showing's reading time (reading_pace)
        now = clock()
        self._state = KioskState.ATTRACT if start_in_attract else KioskState.ACTIVE
        self._attract_since = now  # last advance (or entry into attract)
        self._last_input = now
        self._warning_since = now

    @property
    def timings(self) -> KioskTimings:
        return self._timings

    def set_timings(self, timings: KioskTimings) -> None:
        """A swapped-in pack's timings, checked as the constructor checks them
        (ValueError, and the old ones stay). They count from now on: the
        current state and the moments it started are kept."""
        self._timings = _checked_timings(timings)

    @property
    def state(self) -> KioskState:
        return self._state

    @property
    def paused(self) -> bool:
        """The attract loop was paused by the patient (WCAG 2.2.2)."""
        return self._paused

    def set_slide_seconds(self, seconds: int) -> None:
        """The slide now showing takes `seconds` to read (app.core.reading_pace):
        the attract loop keeps it up that long, never less than
        `attract_seconds`. Counted from the slide's start, as before."""
        self._slide_seconds = seconds

    def _attract_due(self) -> float:
        return self._attract_since + max(self._timings.attract_seconds, self._slide_seconds)

    def pause(self) -> None:
        self._paused = True

    def resume(self) -> None:
        if self._paused:
            self._paused = False
            # A full interval on the current slide, not an instant jump.
            self._attract_since = self._clock()

    def input(self) -> bool:
        """User input happened now. True when the UI must swallow it.

        The touch that ends the attract loop is swallowed: it should wake the
        kiosk, not also press whatever was under the finger. In WARNING any
        input counts as "still reading" and is not swallowed, so a press on
        the prompt's own button still reaches it.
        """
        now = self._clock()
        self._last_input = now
        if self._state == KioskState.ATTRACT:
            self._state = KioskState.ACTIVE
            return True
        self._state = KioskState.ACTIVE
        return False

    def keep_reading(self) -> None:
        """The prompt's button: back to reading with a fresh idle timer."""
        # Ignored in attract: a press queued behind a reset must not undo it.
        if self._state != KioskState.ATTRACT:
            self._state = KioskState.ACTIVE
            self._last_input = self._clock()

    def poll(self) -> list[KioskAction]:
        """Actions due now, in order. Safe to call late or early.

        Late calls yield at most one step: a kiosk that stalled for a minute
        shows the next slide, not five in a burst, and a patient always gets
        the full warning even when it starts late (WCAG 2.2.1).
        """
        now = self._clock()
        if self._state == KioskState.ATTRACT:
            if self._paused or now < self._attract_due():
                return []
            self._attract_since = now
            return [KioskAction.ADVANCE]
        if self._state == KioskState.ACTIVE:
            if now < self._last_input + self._timings.idle_seconds:
                return []
            self._state = KioskState.WARNING
            self._warning_since = now
            return [KioskAction.WARN]
        if now < self._warning_since + self._timings.warning_seconds:
            return []
        self._enter_attract(now)
        return [KioskAction.RESET]

    def seconds_until_due(self) -> float | None:
        """Seconds until poll() has something to do; None when nothing ever will.

        0.0 means "overdue: poll now". The UI arms one single-shot timer for
        this, so nothing ticks while nothing changes.
        """
        if self._state == KioskState.ATTRACT:
            if self._paused:
                return None
            due = self._attract_due()
        elif self._state == KioskState.ACTIVE:
            due = self._last_input + self._timings.idle_seconds
        else:
            due = self._warning_since + self._timings.warning_seconds
        return max(0.0, due - self._clock())

    def warning_seconds_left(self) -> int:
        """Whole seconds left on the "Still reading?" countdown; 0 outside it."""
        if self._state != KioskState.WARNING:
            return 0
        left = self._warning_since + self._timings.warning_seconds - self._clock()
        # Round off float noise first, or 29.0000001 s would show as 30.
        return max(0, math.ceil(round(left, 3)))

    def reset_now(self) -> None:
        """Back to the attract loop at once (leaving presenter mode, a pack swap)."""
        self._enter_attract(self._clock())

    def _enter_attract(self, now: float) -> None:
        self._state = KioskState.ATTRACT
        self._attract_since = now
        # The pause was the last patient's choice; the next one sees the loop run.
        self._paused = False
