"""`clinic-kiosk export --pdf`: the printed handout, read back with pypdf
and its QR codes decoded from the printed pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from app import resources  # noqa: E402
from app.cli import main  # noqa: E402
from app.content.loader import load_pack  # noqa: E402
from app.export.handout import PLACEHOLDER, build_handout  # noqa: E402
from app.export.pdf import HandoutError, export_pdf  # noqa: E402
from tests.ui.conftest import write_pack  # noqa: E402
from tests.ui.helpers import decode_qr_image  # noqa: E402

# PDF points (1/72 inch): A4 is 210 x 297 mm, Letter 8.5 x 11 in.
PAPER_POINTS = {"a4": (595, 842), "letter": (612, 792)}


def words(page) -> str:
    """A page's text with its spacing made plain (PDFs space words variously)."""
    return " ".join(page.extract_text().split())


def scanned(pdf: Path, index: int, dpi: int = 150) -> list[str]:
    """What a phone reads from the QR codes of page `index`, printed at `dpi`."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    assert document.load(str(pdf)) == QPdfDocument.Error.None_
    points = document.pagePointSize(index)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    codes = decode_qr_image(document.render(index, size))
    document.close()
    return sorted(codes)


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "pack")


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("notes", [False, True])
def test_the_slides_flow_then_the_references_then_the_contact(tmp_path, pack, paper, notes):
    out = tmp_path / "handout.pdf"
    pages = export_pdf(pack, out, paper=paper, notes=notes)
    reader = pypdf.PdfReader(out)
    # Three slides (one long), the references and the contact details: three
    # pages of paper, not a page for each slide.
    assert len(reader.pages) == pages == 3
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == PAPER_POINTS[paper]
    text = [words(page) for page in reader.pages]
    first = text[0]
    assert first.startswith("Test deck")
    assert "First slide" in first and "Hello from the first slide." in first
    assert "Learn more" in first and "More words about alpha." in first
    assert "Second slide" in first  # straight after the first, on the same page
    assert ("Say hello." in first) is notes
    assert ("Speaker notes" in first) is notes
    everything = " ".join(text)
    assert "See the review." in everything and "The end." in everything
    # One page-numbering scheme: the footer's, not the kiosk's "1 of 3".
    for number, page in enumerate(text, start=1):
        assert f"Page {number} of 3" in page
    assert "1 of 3" not in everything.replace("Page 1 of 3", "")
    # The references in full: Vancouver text and the plain note.
    assert "The science behind this" in everything
    for expected in (
        "Alpha AB. Alpha study of things.",
        "Alpha found something small.",
        "Beta looked at many studies.",
        "10.1000/alpha",
    ):
        assert expected in everything, expected
    # The clinic, whole, on the last page.
    contact = text[-1]
    for expected in (
        "Contact us",
        "Test Clinic",
        "+1 555 010 0100",
        "+1 555 010 0101",
        "1 Test Road",
        "Mon-Fri 9-5",
        "In a crisis? Call 988 any time.",
        "https://clinic.example",
    ):
        assert expected in contact, expected


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_printed_qr_codes_scan_to_the_dois_and_the_clinic(tmp_path, pack, paper):
    out = tmp_path / "handout.pdf"
    export_pdf(pack, out, paper=paper)
    assert scanned(out, 1) == ["https://doi.org/10.1000/alpha", "https://doi.org/10.1000/beta"]
    assert scanned(out, 2) == ["https://clinic.example", "sms:+15550100101", "tel:+15550100100"]
    assert scanned(out, 0) == []  # a page of slides has none


def test_the_document_lists_its_pictures_in_placeholder_order(pack):
    handout = build_handout(load_pack(pack).pack)
    numbers = [int(n) for n in PLACEHOLDER.findall(handout.html)]
    assert numbers == list(range(len(handout.pictures)))
    assert [p.data for p in handout.pictures if p.kind == "qr"] == [
        "https://doi.org/10.1000/alpha",
        "https://doi.org/10.1000/beta",
        "tel:+15550100100",
        "sms:+15550100101",
        "https://clinic.example",
    ]
    assert handout.title == "Test deck" and handout.page_label == "Page {page} of {pages}"


def test_the_handout_document_is_built_without_qt(pack):
    # Only app/export/pdf.py prints; the words and pictures are plain data.
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.content.loader import load_pack\n"
        "from app.export.handout import build_handout\n"
        f"build_handout(load_pack(Path({str(pack)!r})).pack, notes=True)\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_pictures_are_vectors_not_images(tmp_path):
    out = tmp_path / "handout.pdf"
    export_pdf(resources.content_dir(), out)
    reader = pypdf.PdfReader(out)
    brain = next(p for p in reader.pages if "How addiction works in the brain" in words(p))
    # The SVG's own words are text in the PDF: it was drawn, not pasted as pixels.
    assert "Dopamine rises" in words(brain)
    assert not list(brain.images)
    assert all(not list(page.images) for page in reader.pages)  # QR codes too


def test_handout_in_another_language(tmp_path, pack):
    es = pack / "es"
    es.mkdir()
    (es / "010-first.md").write_text(
        "---\ntitle: Primera\nicon: fa6s.house\n---\nHola. [@alpha2020]\n", encoding="utf-8"
    )
    (es / "strings.toml").write_text('contact_title = "Contáctenos"\n', encoding="utf-8")
    deck = pack / "deck.toml"
    deck.write_text(
        deck.read_text(encoding="utf-8").replace('["en"]', '["en", "es"]'), encoding="utf-8"
    )
    out = tmp_path / "es.pdf"
    export_pdf(pack, out, language="es")
    text = " ".join(words(page) for page in pypdf.PdfReader(out).pages)
    assert "Primera" in text and "Contáctenos" in text


def test_a_pack_with_no_slides_is_refused(tmp_path):
    with pytest.raises(HandoutError):
        export_pdf(tmp_path / "missing", tmp_path / "x.pdf")


def test_cli_export_pdf(tmp_path, pack, capsys):
    out = tmp_path / "out" / "handout.pdf"
    code = main(
        ["--content", str(pack), "export", "--pdf", str(out), "--paper", "letter", "--notes"]
    )
    assert code == 0
    assert "3-page handout" in capsys.readouterr().out
    assert len(pypdf.PdfReader(out).pages) == 3


def test_cli_export_needs_png_or_pdf(capsys):
    with pytest.raises(SystemExit):
        main(["export"])
    with pytest.raises(SystemExit):
        main(["export", "--pdf", "a.pdf", "--paper", "a3"])


def test_cli_present_flag():
    from app.cli import build_parser

    assert build_parser().parse_args(["--present"]).present
    assert not build_parser().parse_args([]).present
