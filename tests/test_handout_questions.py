"""The handout's page to write on: the take-home questions with lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import resources
from app.content.loader import load_pack
from app.content.take_home import questions
from app.export.handout import build_handout
from app.export.handout_questions import ANSWER_LINES, OWN_LINES, question_page

pypdf = pytest.importorskip("pypdf")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_questions_are_the_last_sheet_after_the_contact_details(tmp_path, language):
    from app.export.pdf import export_pdf

    out = tmp_path / "handout.pdf"
    export_pdf(Path(resources.content_dir()), out, language=language)
    pages = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(out).pages]
    pack = load_pack(Path(resources.content_dir()), language).pack
    asked = questions(pack.strings)
    assert len(asked) == 6
    title = pack.strings["take_home_questions_title"]
    # The questions are the last sheet, after the contact details.
    assert pages[-1].startswith(title)
    for question in asked:
        assert question in pages[-1]  # one page, all of them
    assert pack.strings["handout_own_questions"] in pages[-1]
    assert pack.strings["contact_title"] in pages[-2]


def test_each_question_gets_lines_and_a_pack_without_questions_gets_no_page():
    pack = load_pack(Path(resources.content_dir()), "en").pack
    page = question_page(pack)
    assert page.count("border-bottom") == ANSWER_LINES * 6 + OWN_LINES
    assert "page-break-before" in page  # a sheet of its own
    assert page in build_handout(pack).html
    pack.strings["take_home_questions"] = ""
    assert question_page(pack) == ""
    assert "My own questions" not in build_handout(pack).html
