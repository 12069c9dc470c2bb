"""The take-home text: the pack's questions, the clinic's numbers and the
help lines, in the pack's language (app/content/take_home.py, no Qt)."""

from __future__ import annotations

from pathlib import Path

from app import resources
from app.content.characters import BREAK
from app.content.loader import load_pack
from app.content.model import Clinic
from app.content.strings import DEFAULT_STRINGS
from app.content.take_home import MAX_TAKE_HOME_BYTES, questions, take_home_text

CLINIC = Clinic(
    name="Test Clinic",
    phone="+1 555 010 0100",
    text="+1 555 010 0101",
    crisis_line="988",
    crisis_text="988",
    emergency="911",
)


def test_questions_one_a_line_without_blanks_dashes_or_break_chances():
    strings = {"take_home_questions": f"\n- What is next?\n\n  Who do I call{BREAK}?  \n"}
    assert questions(strings) == ["What is next?", "Who do I call?"]
    assert questions({}) == []


def test_the_text_in_blocks():
    strings = {**DEFAULT_STRINGS, "take_home_questions": "What is next?\nWho do I call?"}
    assert take_home_text(CLINIC, strings) == (
        "Questions to ask us\n- What is next?\n- Who do I call?\n\n"
        "Test Clinic\nCall us: +1 555 010 0100\nText us: +1 555 010 0101\n\n"
        "Crisis line, any time: Call or text 988\nIn an emergency, call 911"
    )


def test_a_pack_without_questions_or_numbers_leaves_those_blocks_out():
    clinic = Clinic(crisis_line="116 123", crisis_text="", emergency="112")
    assert take_home_text(clinic, DEFAULT_STRINGS) == (
        "Crisis line, any time: Call 116 123\nIn an emergency, call 112"
    )
    assert take_home_text(Clinic(emergency=""), DEFAULT_STRINGS) == ""


def test_made_up_details_say_so_in_the_text_too():
    sample = Clinic(name="Example Clinic", phone="+1 555 010 0100", sample=True)
    assert "Example Clinic\nSample clinic details\nCall us" in take_home_text(
        sample, DEFAULT_STRINGS
    )


def test_the_bundled_pack_in_both_languages_reuses_the_slide_words():
    root = resources.content_dir()
    for language, question, crisis in (
        ("en", "- What are the risks for me?", "Crisis line, any time: Call or text 988"),
        ("es", "- ¿Cuáles son los riesgos en mi caso?", "Llame o mande un mensaje al 988"),
    ):
        pack = load_pack(Path(root), language).pack
        text = take_home_text(pack.clinic, pack.strings)
        assert question in text and crisis in text
        assert "911" in text and pack.clinic.phone in text
        # Every question of the slide "Questions to ask us" is one of its lines.
        slide = next(s for s in pack.slides if s.id == "talk-with-us")
        for asked in questions(pack.strings):
            assert asked in slide.body_text + slide.more_text
        assert len(text.encode("utf-8")) <= MAX_TAKE_HOME_BYTES
