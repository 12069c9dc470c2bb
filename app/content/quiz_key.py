"""The answer key of a check-yourself slide, as plain text for staff: the
presenter console shows it before the audience taps, the handout prints it
under the questions."""

from __future__ import annotations

from app.content.model import Question
from app.content.strings import word


def answer_key(questions: tuple[Question, ...], strings: dict[str, str]) -> str:
    """Each question, its right answer first, every answer with its feedback."""
    if not questions:
        return ""
    blocks = [word(strings, "check_answer_key")]
    for number, question in enumerate(questions, start=1):
        lines = [f"{number}. {question.text}"]
        ordered = sorted(question.answers, key=lambda answer: not answer.right)
        for answer in ordered:
            key = "check_key_right" if answer.right else "check_key_other"
            lines.append("\u2022 " + word(strings, key).format(answer=answer.text))
            lines.append(f"  {answer.feedback}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
