"""`check` and the kiosk agree on every value the kiosk uses: what check
refuses never reaches the screen, and what check passes the kiosk can use."""

from __future__ import annotations

import pytest

from app.content.limits import KIOSK_LIMITS
from app.content.loader import load_pack
from app.content.model import KioskTimings
from app.content.pack_toml import parse_deck
from app.content.strings import DEFAULT_STRINGS
from app.core.kiosk_policy import KioskPolicy
from tests.content.packs import deck_toml, write_pack


def edges():
    for key, (lowest, highest) in KIOSK_LIMITS.items():
        for value in (lowest - 1, lowest, highest, highest + 1, 2147484, 3000000):
            yield key, value


@pytest.mark.parametrize(("key", "value"), list(edges()))
def test_check_and_the_policy_take_the_same_timings(key, value):
    text = deck_toml().replace(f"{key} = ", f"{key} = {value} #")
    deck, problems = parse_deck(text, "deck.toml")
    passed = not [p for p in problems if p.is_error]
    try:
        KioskPolicy(KioskTimings(**{key: value}), clock=lambda: 0.0)
        taken = True
    except ValueError:
        taken = False
    assert passed == taken
    # A refused value leaves the default, which the policy takes.
    KioskPolicy(deck.kiosk, clock=lambda: 0.0)
    if not passed:
        assert getattr(deck.kiosk, key) == getattr(KioskTimings(), key)


def test_every_limit_fits_a_qt_timer():
    for _lowest, highest in KIOSK_LIMITS.values():
        assert highest * 1000 < 2**31 - 1


@pytest.mark.parametrize(
    "template",
    ["{current:s} of {total}", "{current!x} of {total}", "{current:>400000000}", "{current.real}"],
)
def test_a_refused_template_falls_back_to_english_in_the_kiosk(tmp_path, template):
    root = write_pack(tmp_path, {"en/strings.toml": f'progress = "{template}"\n'})
    result = load_pack(root)
    assert result.pack.strings["progress"] == DEFAULT_STRINGS["progress"]
    assert any(p.is_error and "progress" in p.message for p in result.problems)
    # Every template the kiosk holds fills in with plain values.
    for key, text in result.pack.strings.items():
        text.format(**dict.fromkeys(_names(DEFAULT_STRINGS[key]), 7))


def _names(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]
