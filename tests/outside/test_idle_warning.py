"""The idle warning and the reset, as a screen reader meets them: "Still
reading?" is an alert with the focus on Keep reading, its countdown reads
well down to "1 second", and after the reset the focus is on the first
slide's heading.

Its own kiosk: the warning comes one second after the last input and lasts
as short as a pack may make it (20 s, WCAG 2.2.1); the last two tests share
one warning."""

from __future__ import annotations

import pytest

from app.content.limits import KIOSK_LIMITS
from tests.outside.atspi_session import find_all, outline
from tests.outside.kiosk_under_reader import Kiosk, focus_gained, require_tools, running_kiosk

WARNING_SECONDS = KIOSK_LIMITS["warning_seconds"][0]


@pytest.fixture(scope="module")
def idle_kiosk(tmp_path_factory) -> Kiosk:
    require_tools()
    folder = tmp_path_factory.mktemp("idle")
    with running_kiosk(folder, idle_seconds=1, warning_seconds=WARNING_SECONDS) as kiosk:
        yield kiosk


def warning(kiosk: Kiosk) -> dict:
    """Wait for "Still reading?" (waking the kiosk if it went back to its loop)."""
    reader, s = kiosk.session, kiosk.strings
    if reader.find("label", s["touch_to_start"]):
        reader.key("shift")
    found = reader.wait_until(
        lambda: reader.find("alert", s["still_reading"]), 10, "the idle warning"
    )
    return found[0]


def test_the_idle_warning_is_an_alert_with_the_focus_on_keep_reading(idle_kiosk):
    reader, s = idle_kiosk.session, idle_kiosk.strings
    alert = warning(idle_kiosk)
    assert find_all(alert, "push button", s["keep_reading"]), outline(alert)
    # Read with the alert when the focus lands inside it: the countdown.
    assert alert["description"].startswith(s["starting_over"].split("{")[0])
    focus = reader.wait_until(reader.focused, 5, "the focus")
    assert focus["name"] == s["keep_reading"], focus


def test_the_countdown_ends_with_one_second_not_one_seconds(idle_kiosk):
    reader, s = idle_kiosk.session, idle_kiosk.strings
    mark = reader.mark()
    warning(idle_kiosk)
    last = s["starting_over_one"].format(seconds=1)

    def told() -> list[str]:  # what the alert's description said, second by second
        return [
            e["data"]
            for e in reader.events_since(mark)
            if e["type"] == "object:property-change:accessible-description"
            and e["source"] == {"role": "alert", "name": s["still_reading"]}
        ]

    reader.wait_until(lambda: last in told(), WARNING_SECONDS + 5, repr(last))
    assert s["starting_over"].format(seconds=2) in told()
    assert s["starting_over"].format(seconds=1) not in told()  # "in 1 seconds"


def test_after_the_reset_the_welcome_is_read_and_a_key_opens_the_first_heading(idle_kiosk):
    """The welcome screen (a dialog named for the clinic) has the focus on its
    invitation, so a screen reader reads it; a key then starts on the first
    slide, its heading focused and read with its place."""
    reader, s = idle_kiosk.session, idle_kiosk.strings
    if not reader.find("alert", s["still_reading"]):
        warning(idle_kiosk)
    reader.wait_until(
        lambda: reader.find("label", s["touch_to_start"]), WARNING_SECONDS + 5, "the reset"
    )
    focus = reader.wait_until(reader.focused, 5, "the focus")
    assert focus["role"] == "label" and "focusable" in focus["states"], focus
    assert focus["name"] == s["touch_to_start"]
    assert reader.find("dialog", idle_kiosk.english.clinic.name)
    first = idle_kiosk.english.slides[0].title
    mark = reader.mark()
    reader.key("shift")
    gained = reader.wait_until(
        lambda: [f for f in focus_gained(reader.events_since(mark)) if f.get("role") == "heading"],
        5,
        "the first slide's heading",
    )
    assert gained[0]["name"] == f"{idle_kiosk.progress(0)}: {first}"
