"""The handout's page to write on: the pack's questions to ask (the same
ones the take-home QR code holds), each with lines for the answer, then
lines for the patient's own questions. No Qt: HTML for the handout."""

from __future__ import annotations

import html

from app.content.model import Pack
from app.content.strings import word
from app.content.take_home import questions

ANSWER_LINES = 2  # lines under each question
OWN_LINES = 5  # lines for questions of the patient's own

# A line to write on: an empty table cell with a bottom rule. QTextDocument
# draws table cell borders; it has no CSS for a paragraph's.
_LINE = (
    '<tr><td style="border-bottom: 1px solid #8A96A3;'
    ' border-top: none; border-left: none; border-right: none">&nbsp;</td></tr>'
)


def question_page(pack: Pack) -> str:
    """The section's HTML, flowing after the references like the rest of the
    handout (a forced new page left the one before it half empty); "" when the
    pack has no questions."""
    asked = questions(pack.strings)
    if not asked:
        return ""
    s = pack.strings
    parts = [
        f'<h2>{_e(word(s, "take_home_questions_title"))}</h2>',
        f'<p class="small">{_e(word(s, "handout_questions_hint"))}</p>',
    ]
    for question in asked:
        parts.append(f"<h3>{_e(question)}</h3>{_lines(ANSWER_LINES)}")
    parts.append(f"<h3>{_e(word(s, 'handout_own_questions'))}</h3>{_lines(OWN_LINES)}")
    return "\n".join(parts)


def _lines(count: int) -> str:
    return (
        '<table width="100%" cellspacing="0" cellpadding="9" border="0"'
        ' style="border-collapse: collapse; margin-bottom: 6pt">' + _LINE * count + "</table>"
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)
