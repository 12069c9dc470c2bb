"""The bundled pack's handout as paper: read back from the PDF in each
language, on A4 and Letter, with and without speaker notes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from app import resources  # noqa: E402
from app.content.loader import load_pack  # noqa: E402
from app.content.screen_words import screen_words  # noqa: E402
from app.content.strings import word  # noqa: E402
from app.export.pdf import MARGIN_MM, export_pdf  # noqa: E402

LANGUAGES = ("en", "es")
PRINTS = [
    (lang, paper, notes)
    for lang in LANGUAGES
    for paper in ("a4", "letter")
    for notes in (False, True)
]


def lines(page) -> list[str]:
    return [" ".join(line.split()) for line in page.extract_text().splitlines() if line.strip()]


def filled(pdf: Path, index: int) -> float:
    """How far down its text area page `index` is printed on (0 to 1), as
    seen on the page drawn at 40 dpi, footer aside."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    assert document.load(str(pdf)) == QPdfDocument.Error.None_
    points = document.pagePointSize(index)
    size = QSize(round(points.width() * 40 / 72), round(points.height() * 40 / 72))
    image = QImage(size, QImage.Format.Format_Grayscale8)
    image.fill(0xFFFFFFFF)  # paper: the render is transparent where nothing is printed
    painter = QPainter(image)
    painter.drawImage(0, 0, document.render(index, size))
    painter.end()
    document.close()
    dots = 40 / 25.4  # per mm
    top, bottom = round(MARGIN_MM * dots), image.height() - round((MARGIN_MM + 9) * dots)
    pixels = bytes(image.constBits())
    line = image.bytesPerLine()
    inked = [
        r for r in range(top, bottom) if min(pixels[r * line : r * line + image.width()]) < 128
    ]
    return (max(inked) - top) / (bottom - top) if inked else 0.0


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[tuple[str, str, bool], Path]:
    """Every print, each made once."""
    folder = tmp_path_factory.mktemp("handouts")
    made = {}
    for lang, paper, notes in PRINTS:
        out = made[lang, paper, notes] = folder / f"{lang}-{paper}-{notes}.pdf"
        count = export_pdf(resources.content_dir(), out, language=lang, paper=paper, notes=notes)
        assert len(pypdf.PdfReader(out).pages) == count
    return made


@pytest.fixture(scope="module")
def printed(pdfs) -> dict[tuple[str, str, bool], list[list[str]]]:
    """Every print's pages as lines of text."""
    return {key: [lines(page) for page in pypdf.PdfReader(out).pages] for key, out in pdfs.items()}


def pack(lang: str):
    return load_pack(resources.content_dir(), lang).pack


@pytest.mark.parametrize("lang, paper, notes", PRINTS)
def test_every_page_has_the_title_and_one_page_number(printed, lang, paper, notes):
    strings = pack(lang).strings
    title = word(strings, "handout_title") or pack(lang).deck.title
    pages = printed[lang, paper, notes]
    for number, page in enumerate(pages, start=1):
        # The footer: the running title in the patient's language, then the page.
        assert page[-2:] == [
            title,
            word(strings, "handout_page").format(page=number, pages=len(pages)),
        ]
    everything = " ".join(" ".join(page) for page in pages)
    # No slide numbers ("3 of 14") beside the page numbers.
    total = len(pack(lang).slides)
    progress = strings["progress"]
    for current in range(1, total + 1):
        assert progress.format(current=current, total=total) not in everything


def test_the_running_title_follows_the_language(printed):
    assert printed["es", "a4", False][0][-2] == "La ketamina y la adicción: lo que dice la ciencia"
    assert printed["en", "a4", False][0][-2] == "Ketamine and addiction: what the science says"


@pytest.mark.parametrize("lang, paper, notes", PRINTS)
def test_no_screen_words_on_paper(printed, lang, paper, notes):
    words = screen_words(word(pack(lang).strings, "screen_words"))
    assert "Tap" in words or "Toque" in words
    for page in printed[lang, paper, notes]:
        for line in page:
            for screen_word in words:  # capitalised: where a sentence starts
                assert not re.search(rf"\b{re.escape(screen_word)}\b", line), line


@pytest.mark.parametrize("lang, paper, notes", PRINTS)
def test_slides_flow_and_no_page_is_mostly_empty(pdfs, printed, lang, paper, notes):
    pages = printed[lang, paper, notes]
    if not notes:
        assert len(pages) < len(pack(lang).slides)  # not a page (or more) for each slide
    pdf = pdfs[lang, paper, notes]
    fill = [filled(pdf, index) for index in range(len(pages))]
    # The bundled pack ends with a sheet of questions to write on, after the
    # contact details. Only the two pages before it may end early: a study
    # beside its QR code, and the contact details, are each kept on one page.
    assert min(fill[:-3]) > 0.5, fill
    # The contact page is never a line or two: it holds every contact detail,
    # half a page with its QR codes; the sheet to write on is a full page.
    assert fill[-2] > 0.4 and fill[-1] > 0.5, fill


@pytest.mark.parametrize("lang, paper, notes", PRINTS)
def test_the_contact_details_are_whole_on_the_page_before_the_questions(
    printed, lang, paper, notes
):
    the_pack = pack(lang)
    strings, clinic = the_pack.strings, the_pack.clinic
    pages = printed[lang, paper, notes]
    assert " ".join(pages[-1]).startswith(strings["take_home_questions_title"])
    last = " ".join(pages[-2])
    for expected in (
        strings["contact_title"],
        clinic.name,
        clinic.phone,
        clinic.text,
        strings["hours"],
    ):
        assert expected in last, expected
    assert clinic.crisis_line in last


@pytest.mark.parametrize("lang, paper, notes", PRINTS)
def test_a_heading_never_ends_a_page(printed, lang, paper, notes):
    the_pack = pack(lang)
    strings = the_pack.strings
    headings = {slide.title.replace("\u200b", "") for slide in the_pack.slides}
    headings |= {
        strings["learn_more"],
        word(strings, "presenter_notes"),
        strings["references_title"],
    }
    for number, page in enumerate(printed[lang, paper, notes], start=1):
        body = page[:-2]
        assert body[-1] not in headings, (number, body[-1])
