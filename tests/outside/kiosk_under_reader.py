"""The bundled pack on the real kiosk, read over AT-SPI: the pieces the
screen reader tests share (a pack copy with calm timings, the words the
tests expect, and the moves a keyboard user makes)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import resources
from app.content.loader import load_pack
from app.content.model import Pack
from tests.outside.atspi_session import AtspiSession, missing_tools, walk

BUTTONS = ("push button", "toggle button", "check box")
# What a focused object may be for a reader to say something useful.
CONTROLS = (*BUTTONS, "radio button", "link", "list item", "menu item", "page tab", "entry")
MOST_TABS = 40  # more than every control of any screen


def require_tools() -> None:
    """Skip without Xvfb, at-spi2-core or pyatspi; in CI, fail instead."""
    missing = missing_tools()
    if not missing:
        return
    message = "the screen reader tests need " + ", ".join(missing)
    if os.environ.get("CI"):
        pytest.fail(message + " (CI installs them in .ci/run)", pytrace=False)
    pytest.skip(message + " (apt-get install xvfb xdotool at-spi2-core python3-pyatspi)")


def copy_pack(target: Path, idle_seconds: int, warning_seconds: int = 60) -> Path:
    """The bundled pack with the kiosk's clock slowed (or the idle reset
    hurried), so nothing moves on screen unless a test asks."""
    shutil.copytree(resources.content_dir(), target)
    deck = target / "deck.toml"
    text = deck.read_text(encoding="utf-8")
    for key, value in (
        ("attract_seconds", 3600),
        ("idle_seconds", idle_seconds),
        ("warning_seconds", warning_seconds),
    ):
        text, found = re.subn(rf"(?m)^{key}\s*=\s*\d+", f"{key} = {value}", text)
        assert found == 1, f"{key} not found once in {deck}"
    deck.write_text(text, encoding="utf-8")
    # Open around the clock: the closed screen would cover the slides at night.
    clinic = target / "clinic.toml"
    details = clinic.read_text(encoding="utf-8").split("[opening_hours]")[0]
    days = "".join(
        f'{day} = "00:00-24:00"\n' for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    )
    clinic.write_text(f"{details}[opening_hours]\n{days}", encoding="utf-8")
    return target


@dataclass
class Kiosk:
    """A running kiosk, its pack in both languages, and what it showed at start."""

    session: AtspiSession
    english: Pack
    spanish: Pack
    focus_at_start: dict | None
    tree_at_start: dict

    @property
    def strings(self) -> dict[str, str]:
        return self.english.strings

    def progress(self, index: int, pack: Pack | None = None) -> str:
        pack = pack or self.english
        return pack.strings["progress"].format(current=index + 1, total=len(pack.slides))


@contextmanager
def running_kiosk(folder: Path, idle_seconds: int, warning_seconds: int = 60) -> Iterator[Kiosk]:
    """A kiosk on a copy of the bundled pack, woken from its attract loop;
    afterwards no process of it is left."""
    pack = copy_pack(folder / "pack", idle_seconds, warning_seconds)
    english, spanish = load_pack(pack, "en").pack, load_pack(pack, "es").pack
    assert english is not None and spanish is not None and spanish.language == "es"
    with AtspiSession(pack, folder) as session:
        kiosk = Kiosk(
            session, english, spanish, session.focused(), session.tree(showing_only=False)
        )
        # Shift is input (the attract loop ends, the key is swallowed) but pages nothing.
        banner = english.strings["touch_to_start"]
        session.wait_until(lambda: session.find("label", banner), 10, "the attract banner")
        session.key("shift")
        session.wait_until(lambda: not session.find("label", banner), 10, "the banner to go")
        yield kiosk
    left = session.leftover_pids()
    assert not left, f"the kiosk's session left processes behind: {left}"


def title_objects(session: AtspiSession, title: str) -> list[dict]:
    """The slide's heading, named with its place ("2 of 14: What is ketamine?")
    (a heading: Orca ignores a renamed label, and reads a renamed heading).
    (The slide body carries the bare title as its name too.)"""
    return [
        n
        for n in walk(session.tree())
        if n["role"] == "heading"
        and n["name"].endswith(f": {title}")
        and "focusable" in n["states"]
    ]


def labels_saying(session: AtspiSession, words: str) -> list[dict]:
    """Labels on screen whose name holds `words` ("Call us: 555 0100")."""
    return [n for n in walk(session.tree()) if n["role"] == "label" and words in n["name"]]


def slide_body(session: AtspiSession, title: str) -> dict:
    bodies = [n for n in session.find("label", title) if "multi line" in n["states"]]
    assert bodies, f"no slide text named {title!r} on screen"
    return bodies[0]


def focus_gained(events: list[dict]) -> list[dict]:
    return [
        e["source"]
        for e in events
        if e["type"] == "object:state-changed:focused" and e["detail1"] == 1
    ]


def press_tab(session: AtspiSession, keys: str = "Tab") -> dict | None:
    """Tab once; the object that then says it has the focus (None: no focus event)."""
    mark = session.mark()
    session.key(keys)
    try:
        gained = session.wait_until(
            lambda: focus_gained(session.events_since(mark)), 2, "a focus event after Tab"
        )
    except AssertionError:
        return None
    return gained[-1]


def tab_to(session: AtspiSession, name: str, role: str = "push button") -> None:
    """Tab until the control named `name` has the focus, as a keyboard user does."""
    seen = []
    for _ in range(MOST_TABS):
        gained = press_tab(session)
        seen.append(gained)
        if gained == {"role": role, "name": name}:
            return
    raise AssertionError(f"Tab never reached [{role}] {name!r}; it reached {seen}")


def press(session: AtspiSession, name: str, role: str = "push button") -> None:
    """Tab to a button and press it with Space."""
    tab_to(session, name, role)
    session.key("space")


def showing_screen_title(session: AtspiSession, title: str) -> bool:
    return bool(session.find("label", title))


def back_to_first_slide(kiosk: Kiosk) -> None:
    """Slides screen, English, first slide: where every test starts."""
    session = kiosk.session
    english_button = kiosk.english.language_names.get("en", "English")
    session.key("Escape")  # any overlay back to the slides
    for button in session.find("push button", english_button):
        session.action(button, "Press")  # Spanish was left on screen
    session.key("Home")
    first = kiosk.english.slides[0].title
    session.wait_until(
        lambda: title_objects(session, first) and session.find("label", kiosk.progress(0)),
        10,
        "the first slide in English",
    )
