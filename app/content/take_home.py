"""The words a patient takes home: the pack's questions to ask, the clinic's
numbers, the crisis line and the emergency number, in the pack's language.

This plain text is what the take-home screen shows beside its QR code and
what the code itself holds (text, not a link: a phone camera shows it with
nothing looked up). The handout's question page uses the same questions.
No Qt here.
"""

from __future__ import annotations

from app.content.characters import BREAK
from app.content.model import Clinic
from app.content.strings import DEFAULT_STRINGS


def questions(strings: dict[str, str]) -> list[str]:
    """strings.toml's `take_home_questions`, one question a line; blank lines
    and a leading list dash are dropped."""
    text = strings.get("take_home_questions", "").replace(BREAK, "")
    lines = (line.strip().removeprefix("- ").strip() for line in text.splitlines())
    return [line for line in lines if line]


# Past this the code is too dense to scan from a metre (version 20 at level
# M holds 666 bytes): the screen then shows the words without a code.
MAX_TAKE_HOME_BYTES = 600


def take_home_text(clinic: Clinic, strings: dict[str, str]) -> str:
    """The whole text, its blocks a blank line apart ("" when there is nothing)."""
    blocks = take_home_blocks(clinic, strings)
    return "\n\n".join("\n".join(lines) for _, lines in blocks)


def take_home_blocks(clinic: Clinic, strings: dict[str, str]) -> list[tuple[str, list[str]]]:
    """The text's blocks, each a kind and its lines: "questions" (a title
    and the questions), "clinic" (how to reach it), "help" (where to get
    help now). A block with nothing is left out."""
    # The UI's break chances in long words are no part of the words.
    s = {key: value.replace(BREAK, "") for key, value in {**DEFAULT_STRINGS, **strings}.items()}
    asked = questions(s)
    ask = [s["take_home_questions_title"], *(f"- {q}" for q in asked)] if asked else []
    reach = [clinic.name] if clinic.name else []
    if clinic.sample:  # made-up numbers never leave unmarked
        reach.append(s["sample_details"])
    if clinic.phone:
        reach.append(f"{s['call_us']}: {clinic.phone}")
    if clinic.text:
        reach.append(f"{s['text_us']}: {clinic.text}")
    help_now = []
    if clinic.crisis_line:
        both = clinic.crisis_text == clinic.crisis_line
        how = s["help_call_or_text" if both else "help_call"].format(number=clinic.crisis_line)
        help_now.append(f"{s['take_home_crisis']}: {how}")
    if clinic.emergency:
        help_now.append(f"{s['emergency']} {clinic.emergency}")
    blocks = (("questions", ask), ("clinic", reach), ("help", help_now))
    return [(kind, lines) for kind, lines in blocks if lines]
