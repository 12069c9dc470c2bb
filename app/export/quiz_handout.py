"""A check-yourself slide on paper: each question with boxes to tick, then
the answers, each with why and the page that explains it. HTML for the
handout (app/export/handout.py); no Qt."""

from __future__ import annotations

import html

from app.content.model import Slide
from app.content.strings import word

BOX = "\u2610"  # a ballot box, to tick with a pen


def check_handout(slide: Slide, strings: dict[str, str]) -> str:
    """The questions and answers of `slide`; "" for an ordinary slide."""
    if not slide.questions:
        return ""
    parts = [f'<p class="small">{_e(word(strings, "check_tick"))}</p>']
    for number, question in enumerate(slide.questions, start=1):
        parts.append(f"<h3>{number}. {_e(question.text)}</h3>")
        boxes = "<br/>".join(f"{BOX}\u2002{_e(answer.text)}" for answer in question.answers)
        parts.append(f"<p>{boxes}</p>")
    parts.append(f"<h3>{_e(word(strings, 'check_answer_key'))}</h3>")
    for number, question in enumerate(slide.questions, start=1):
        right = question.answers[question.right_answer]
        answer = word(strings, "check_key_right").format(answer=right.text)
        see = word(strings, "check_see").format(title=question.link_words)
        parts.append(
            f"<p><b>{number}. {_e(answer)}</b><br/>{_e(right.feedback)}<br/>"
            f'<span class="small">{_e(see)}</span></p>'
        )
    return "\n".join(parts)


def _e(text: str) -> str:
    return html.escape(text, quote=True)
