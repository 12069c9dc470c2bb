"""Check-yourself slides (`kind: check`): read into questions, and every
malformed one caught by `check` at its file line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.content.loader import load_pack
from tests.content.checking import findings
from tests.content.packs import spanish_files

QUESTION_1 = """\
## What did the mouse study not show?
- [ ] That ketamine raises dopamine.
  It did raise dopamine in mice.
- [x] That ketamine is safe for people.
  The study was in **mice**, not people.

[Is it safe?](020-is-it-safe.md)
"""
QUESTION_2 = """\
## Who can you call tonight?
- [x] 988
  You can call or text 988 at any time.
- [ ] Nobody
  You do not have to wait: 988 is open all day.

[Is it safe?](020-is-it-safe.md)
"""


def check_slide(questions: str, title: str = "Check yourself") -> str:
    """Front matter takes lines 1-5, the intro line 6, so questions start on line 7."""
    front = f"---\ntitle: {title}\nicon: fa6s.circle-check\nkind: check\n---\n"
    return f"{front}Tap an answer.\n{questions}"


def with_check(text: str, es: str | None = None) -> dict[str, str | bytes | None]:
    files: dict[str, str | bytes | None] = {"en/030-check.md": text}
    if es is not None:
        files |= {**spanish_files(), "es/030-check.md": es}
    return files


def messages(root: Path, found) -> list[tuple[str, int, str]]:
    return [(str(Path(p.path).relative_to(root)), p.line, p.message) for p in found]


def test_a_check_slide_is_read_into_questions(tmp_path):
    root, found = findings(tmp_path, with_check(check_slide(QUESTION_1 + "\n" + QUESTION_2)))
    assert found == []
    slide = load_pack(root).pack.slides[2]
    assert slide.kind == "check"
    assert "Tap an answer." in slide.body_html
    assert "##" not in slide.body_html and "mouse" not in slide.body_html
    first, second = slide.questions
    assert first.text == "What did the mouse study not show?"
    assert [a.text for a in first.answers] == [
        "That ketamine raises dopamine.",
        "That ketamine is safe for people.",
    ]
    assert [a.right for a in first.answers] == [False, True]
    assert first.answers[1].feedback == "The study was in mice, not people."
    assert (first.explained_by, first.link_words, first.line, first.link_line) == (
        "020-is-it-safe.md",
        "Is it safe?",
        7,
        13,
    )
    assert second.right_answer == 0
    # Read aloud: the questions and answers, never the feedback.
    assert "Who can you call tonight?" in slide.body_text
    assert "open all day" not in slide.body_text
    assert "open all day" in slide.more_text


BROKEN = [
    # (the questions, the line, the start of the message)
    ("", 4, "a check-yourself slide needs questions"),
    (QUESTION_1.replace("[x]", "[ ]"), 7, "this question has 0 right answers"),
    (QUESTION_1.replace("[ ]", "[x]"), 7, "this question has 2 right answers"),
    (QUESTION_1.replace("  The study was in **mice**, not people.\n", ""), 10,
     "this answer has no feedback"),
    (QUESTION_1.replace("- [ ] That ketamine raises dopamine.\n  It did raise dopamine in mice.\n",
                        ""),
     7, "this question has 1 answers; give it 2 to 4"),
    (QUESTION_1.replace("\n[", "- [ ] C\n  c.\n- [ ] D\n  d.\n- [ ] E\n  e.\n["), 7,
     "this question has 5 answers; give it 2 to 4"),
    (QUESTION_1.replace("[x]", "[v]"), 10, "'[v]' is not a mark"),
    (QUESTION_1.replace("- [ ]", "-"), 8, "this list item is not an answer"),
    (QUESTION_1.replace("[Is it safe?](020-is-it-safe.md)\n", ""), 7, "this question has no link"),
    (QUESTION_1.replace("020-is-it-safe.md", "025-gone.md"), 13,
     "this question links to 025-gone.md, which is not a slide of this language"),
    (QUESTION_1.replace("020-is-it-safe.md", "030-check.md"), 13,
     "this question links to its own slide"),
    (QUESTION_1.replace("020-is-it-safe.md", "https://example.org"), 13,
     "link to 'https://example.org': name a slide file"),
    (QUESTION_1.replace("[Is it safe?]", "[]"), 13, "this link has no words"),
    (QUESTION_1.replace("## What did the mouse study not show?", "##"), 7,
     "this question has no words after ##"),
    (QUESTION_1.replace("in mice.", "in mice. [@simmler2022dual]"), 9,
     "cite studies on the slide this question links to"),
    ("- [x] Yes\n  Right.\n" + QUESTION_1, 7, "this answer comes before any question"),
    ((QUESTION_1 + "\n") * 4, 31, "4 questions; at most 3 are shown"),
]  # fmt: skip


@pytest.mark.parametrize(("questions", "line", "message"), BROKEN)
def test_check_finds_each_malformed_question(tmp_path, questions, line, message):
    root, found = findings(tmp_path, with_check(check_slide(questions)))
    errors = [p for p in found if p.is_error]
    assert errors, "no error for a malformed question"
    assert any(
        (where, at) == ("en/030-check.md", line) and text.startswith(message)
        for where, at, text in messages(root, errors)
    ), messages(root, errors)


def test_a_malformed_question_never_reaches_the_kiosk(tmp_path):
    broken = QUESTION_1.replace("[x]", "[ ]")
    root, _ = findings(tmp_path, with_check(check_slide(broken + "\n" + QUESTION_2)))
    questions = load_pack(root).pack.slides[2].questions
    assert [q.text for q in questions] == ["Who can you call tonight?"]


def test_an_unknown_kind_is_an_error_and_an_ordinary_slide(tmp_path):
    text = check_slide(QUESTION_1).replace("kind: check", "kind: quiz")
    root, found = findings(tmp_path, with_check(text))
    assert ("en/030-check.md", 4) in [(w, n) for w, n, _ in messages(root, found)]
    assert load_pack(root).pack.slides[2].kind == ""


def test_words_after_a_link_and_a_learn_more_part_are_warned_about(tmp_path):
    text = check_slide(QUESTION_1 + "Stray words.\n<!-- more -->\nMore.\n")
    root, found = findings(tmp_path, with_check(text))
    assert [(n, p.severity) for p in found for w, n, _ in messages(root, [p])] == [
        (14, "warning"),
        (15, "warning"),
    ]


SPANISH_1 = """\
## ¿Qué no mostró el estudio en ratones?
- [ ] Que la ketamina aumenta la dopamina.
  Sí la aumentó en ratones.
- [x] Que la ketamina es segura para las personas.
  El estudio fue en ratones, no en personas.

[¿Es segura?](020-is-it-safe.md)
"""
SPANISH_2 = """\
## ¿A quién puede llamar esta noche?
- [x] Al 988
  Puede llamar o mandar un mensaje al 988 a cualquier hora.
- [ ] A nadie
  No tiene que esperar: el 988 abre todo el día.

[¿Es segura?](020-is-it-safe.md)
"""


def es_slide(questions: str) -> str:
    return check_slide(questions, "Compruebe").replace("Tap an answer.", "Toque una respuesta.")


def test_languages_with_the_same_questions_pass(tmp_path):
    files = with_check(check_slide(QUESTION_1 + QUESTION_2), es_slide(SPANISH_1 + SPANISH_2))
    _, found = findings(tmp_path, files)
    assert [p for p in found if p.is_error] == []


LANGUAGES_DIFFER = [
    (SPANISH_1, 7, "has 1 questions where the first language has 2"),
    (SPANISH_1.replace("[x]", "[@]").replace("[ ]", "[x]").replace("[@]", "[ ]") + SPANISH_2,
     7, "question 1's right answer is answer 1, the first language's is answer 2"),
    (SPANISH_1.replace("\n[", "- [ ] Otra\n  Otra cosa.\n[") + SPANISH_2, 7,
     "question 1 has 3 answers, the first language's has 2"),
    (SPANISH_1 + SPANISH_2.replace("020-is-it-safe.md", "010-what-is-ketamine.md"), 20,
     "question 2 links to 010-what-is-ketamine.md, the first language's to 020-is-it-safe.md"),
]  # fmt: skip


@pytest.mark.parametrize(("spanish", "line", "message"), LANGUAGES_DIFFER)
def test_languages_must_ask_the_same_questions(tmp_path, spanish, line, message):
    files = with_check(check_slide(QUESTION_1 + QUESTION_2), es_slide(spanish))
    root, found = findings(tmp_path, files)
    assert ("es/030-check.md", line, f"{message} (en/030-check.md)") in messages(root, found)


def test_a_check_slide_in_one_language_only_is_an_error(tmp_path):
    ordinary = "---\ntitle: Compruebe\n---\nToque una respuesta. [@simmler2022dual]\n"
    files = with_check(check_slide(QUESTION_1), ordinary)
    root, found = findings(tmp_path, files)
    assert any(
        w == "es/030-check.md" and m.startswith("is kind 'ordinary'")
        for w, _, m in messages(root, found)
    )


def test_the_numbers_in_questions_must_agree(tmp_path):
    spanish = SPANISH_1 + SPANISH_2.replace("Al 988", "Al 911")
    root, found = findings(
        tmp_path, with_check(check_slide(QUESTION_1 + QUESTION_2), es_slide(spanish))
    )
    assert any(
        w == "es/030-check.md" and "states other numbers" in m for w, _, m in messages(root, found)
    )


def test_a_check_slide_needs_no_citation(tmp_path):
    # It says "study", but its questions link to the slides that cite.
    root, found = findings(tmp_path, with_check(check_slide(QUESTION_1)))
    assert found == []
