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
    """The sheet's HTML: the handout's last page, after the contact details,
    so a patient can take it to the visit; "" when the pack has no questions."""
    asked = questions(pack.strings)
    if not asked:
        return ""
    s = pack.strings
    rows = [f'<tr><td><p class="small">{_e(word(s, "handout_questions_hint"))}</p></td></tr>']
    for question in asked:
        rows.append(f"<tr><td><h3>{_e(question)}</h3></td></tr>" + _LINE * ANSWER_LINES)
    own = _e(word(s, "handout_own_questions"))
    rows.append(f"<tr><td><h3>{own}</h3></td></tr>" + _LINE * OWN_LINES)
    # A page of its own, and one table (never split: app/export/page_breaks.py).
    return (
        f'<h2 style="page-break-before: always">{_e(word(s, "take_home_questions_title"))}</h2>'
        '<table width="100%" cellspacing="0" cellpadding="6" border="0"'
        ' style="border-collapse: collapse">' + "\n".join(rows) + "</table>"
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)
