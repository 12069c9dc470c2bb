"""One test per error `check` reports: exact path, line, severity and message."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.content.check import check_pack, has_errors
from app.content.model import Problem
from tests.content.checking import cites_both, findings, slide
from tests.content.packs import SIMMLER, WALSH, deck_toml, references_json, write_pack

SLIDE = "en/020-is-it-safe.md"


def error(root: Path, relative: str, line: int, message: str) -> Problem:
    return Problem(str(root / relative), line, "error", message)


def test_toml_syntax_error_uses_tomllib_line(tmp_path):
    deck = 'title = "Ketamine"\nlanguages = ["en"]\nreviewed = 2026-13-01\n'
    root, found = findings(tmp_path, {"deck.toml": deck})
    assert found == [
        error(
            root,
            "deck.toml",
            3,
            "TOML syntax error: Expected newline or end of document after a statement (column 16)",
        )
    ]


def test_toml_syntax_error_at_end_of_file(tmp_path):
    root, found = findings(
        tmp_path, {"clinic.toml": 'name = "A"\nphone = "+1 206 342 0100"\nhours = ['}
    )
    assert found == [
        error(root, "clinic.toml", 3, "TOML syntax error: Invalid value (at the end of the file)")
    ]


def test_json_syntax_error_reports_lineno(tmp_path):
    text = references_json(SIMMLER, WALSH).replace('"volume": "608",', '"volume": "608"', 1)
    line = text.split("\n").index('  "issue": "7922",'.replace("  ", "    ")) + 1
    root, found = findings(tmp_path, {"references.json": text})
    assert found == [
        error(
            root, "references.json", line, "JSON syntax error: Expecting ',' delimiter (column 5)"
        )
    ]


@pytest.mark.parametrize("name", ["deck.toml", "clinic.toml", "references.json"])
def test_missing_pack_file(tmp_path, name):
    root, found = findings(tmp_path, {name: None})
    assert found == [error(root, name, 1, f"{name} is missing")]


def test_missing_pack_folder(tmp_path):
    assert check_pack(tmp_path / "nope") == [
        Problem(str(tmp_path / "nope"), 1, "error", "content pack folder not found")
    ]


def test_listed_language_without_its_folder(tmp_path):
    root, found = findings(tmp_path, {"deck.toml": deck_toml(("en", "es"))})
    assert found == [
        error(
            root, "deck.toml", 2, f"language 'es' is listed but the folder {root / 'es'} is missing"
        )
    ]


def test_unreadable_file(tmp_path, monkeypatch):
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "020-is-it-safe.md":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    root = write_pack(tmp_path)
    monkeypatch.setattr(Path, "open", refuse)
    found = [p for p in check_pack(root) if p.severity != "note"]
    assert found == [error(root, SLIDE, 1, "cannot read slide: permission denied")]


def test_invalid_utf8_reports_line_of_first_bad_byte(tmp_path):
    body = "Fine line.\nStill fine, café.\n".encode() + b"Bad \xff here.\n"
    data = slide(cites_both()).encode() + body
    root, found = findings(tmp_path, {SLIDE: data})
    assert found == [error(root, SLIDE, 9, "not valid UTF-8 text; save the file as UTF-8")]


def test_unknown_citation_id(tmp_path):
    text = slide(cites_both("Line five.\nLine six cites [@simmler2022dual; @nobody2020]."))
    root, found = findings(tmp_path, {SLIDE: text})
    assert found == [
        error(root, SLIDE, 6, "unknown citation id 'nobody2020' (not in references.json)")
    ]


def test_unknown_citation_after_more_keeps_file_line(tmp_path):
    text = slide(cites_both("Short.\n\n<!-- more -->\n<!-- a\nnote -->\nMore [@ghost].\n"))
    root, found = findings(tmp_path, {SLIDE: text})
    assert found == [error(root, SLIDE, 10, "unknown citation id 'ghost' (not in references.json)")]


def test_missing_image(tmp_path):
    text = slide(cites_both("Text.\n\n![A chart](media/chart.svg)\n"))
    root, found = findings(tmp_path, {SLIDE: text})
    assert found == [
        error(
            root,
            SLIDE,
            7,
            "image media/chart.svg not found (paths are relative to the pack folder)",
        )
    ]


@pytest.mark.parametrize(
    "src",
    [
        "https://pictures.test/a.png",
        "http://pictures.test/a.png",
        "//pictures.test/a.png",
        "data:image/svg+xml;base64,PHN2Zy8+",
        "file:///etc/passwd",
    ],
)
def test_remote_image(tmp_path, src):
    text = slide(cites_both(f"Text.\n\n![A chart]({src})\n"))
    root, found = findings(tmp_path, {SLIDE: text})
    assert found == [
        error(
            root,
            SLIDE,
            7,
            f"image {src} is refused: images must be files in the pack "
            "(no http:, https:, data: or other URLs)",
        )
    ]


def test_image_outside_the_pack_by_dot_dot(tmp_path):
    (tmp_path / "outside.svg").write_text("<svg/>")
    text = slide(cites_both("![A chart](../outside.svg)"))
    root, found = findings(tmp_path, {SLIDE: text})
    assert found == [
        error(root, SLIDE, 5, "image ../outside.svg is refused: it is outside the pack folder")
    ]


def test_image_outside_the_pack_by_symlink(tmp_path):
    (tmp_path / "outside.svg").write_text("<svg/>")
    text = slide(cites_both("![A chart](media/link.svg)"))
    root = tmp_path / "pack"
    (root / "media").mkdir(parents=True)
    (root / "media" / "link.svg").symlink_to(tmp_path / "outside.svg")
    root, found = findings(tmp_path, {SLIDE: text})
    assert found == [
        error(root, SLIDE, 5, "image media/link.svg is refused: it is outside the pack folder")
    ]


def test_absolute_image_path(tmp_path):
    absolute = str(tmp_path / "pack" / "media" / "pill.svg")
    root, found = findings(tmp_path, {SLIDE: slide(cites_both(f"![A pill]({absolute})"))})
    assert found == [
        error(
            root,
            SLIDE,
            5,
            f"image {absolute} is refused: use a path relative to the pack folder, "
            "like media/x.svg",
        )
    ]


@pytest.mark.parametrize("alt", ["", "  "])
def test_image_without_alt_text(tmp_path, alt):
    text = slide(cites_both(f"![ok](media/pill.svg)\n\n![{alt}](media/pill.svg)"))
    root, found = findings(tmp_path, {SLIDE: text})
    assert found == [
        error(
            root,
            SLIDE,
            7,
            "image media/pill.svg has no alt text; describe it for people who cannot see it",
        )
    ]


@pytest.mark.parametrize("key", ["name", "phone"])
def test_missing_required_clinic_field(tmp_path, key):
    clinic = (
        'name = ""\nphone = "+1 206 342 0100"\n' if key == "name" else 'name = "Example Clinic"\n'
    )
    clinic += 'crisis_line = "988"\n'
    root, found = findings(tmp_path, {"clinic.toml": clinic})
    assert found == [
        error(root, "clinic.toml", 1, f"clinic.toml needs '{key}'; it is missing or empty")
    ]


def test_pack_with_no_slides(tmp_path):
    overrides = {"en/010-what-is-ketamine.md": None, "en/020-is-it-safe.md": None}
    root, found = findings(tmp_path, {**overrides, "references.json": "[]"})
    assert found == [
        error(root, "en", 1, "no slides here (slide files are named like 010-topic.md)")
    ]


def test_slide_without_title(tmp_path):
    root, found = findings(tmp_path, {SLIDE: "---\nicon: fa6s.syringe\n---\nHello.\n"})
    assert found == [
        error(
            root,
            SLIDE,
            1,
            "slide has no title (add 'title: ...' between --- lines at the top); it is not shown",
        )
    ]


def test_slide_with_empty_title_points_at_it(tmp_path):
    root, found = findings(tmp_path, {SLIDE: "---\nicon: fa6s.syringe\ntitle:\n---\nHi.\n"})
    assert [(p.path, p.line, p.severity) for p in found] == [(str(root / SLIDE), 3, "error")]


def test_multi_megabyte_slide_is_refused_unparsed(tmp_path):
    # Refused from its size alone: none of its many problems is reported,
    # which shows it was never parsed (the speed is in the benchmark).
    big = slide(cites_both()) + ("Ketamine is a medicine. [@ghost] <b>x</b>\n" * 80_000)
    root, found = findings(tmp_path, {SLIDE: big})
    size = len(big.encode()) / 2**20
    assert found == [
        error(root, SLIDE, 1, f"slide is {size:.1f} MB; slides over 32 KiB are not loaded")
    ]


@pytest.mark.parametrize(
    ("deck", "line", "message"),
    [
        ("title = 3\n", 1, "'title' must be text (in quotes), not a whole number"),
        (
            'languages = "en"\n',
            1,
            """'languages' must be a list of text, like ["a", "b"], not text""",
        ),
        (
            'title = "T"\nreview_due = "2027-01-01"\n',
            2,
            "'review_due' must be a date like 2027-11-20 (no quotes), not text",
        ),
        (
            "[kiosk]\nidle_seconds = 1.5\n",
            2,
            "'kiosk.idle_seconds' must be a whole number, not a decimal number",
        ),
        (
            "[kiosk]\nattract_seconds = 0\n",
            2,
            "'kiosk.attract_seconds' must be at least 1 second, not 0",
        ),
        (
            "[kiosk]\nwarning_seconds = true\n",
            2,
            "'kiosk.warning_seconds' must be a whole number, not true/false",
        ),
        ("languages = []\n", 1, "'languages' must list at least one language folder"),
    ],
)
def test_wrong_type_in_deck_names_the_key(tmp_path, deck, line, message):
    root, found = findings(tmp_path, {"deck.toml": deck})
    assert found == [error(root, "deck.toml", line, message)]


def test_warning_seconds_below_20_is_an_error(tmp_path):
    deck = deck_toml().replace("warning_seconds = 30", "warning_seconds = 19")
    root, found = findings(tmp_path, {"deck.toml": deck})
    assert found == [
        error(
            root,
            "deck.toml",
            9,
            "'kiosk.warning_seconds' is 19; people need at least 20 seconds to answer (WCAG 2.2.1)",
        )
    ]


def test_wrong_type_in_clinic_names_the_key(tmp_path):
    clinic = 'name = "Example Clinic"\nphone = "+1 206 342 0100"\nhours = ["Mon", 9]\n'
    clinic += 'crisis_line = "988"\n'
    root, found = findings(tmp_path, {"clinic.toml": clinic})
    assert found == [
        error(
            root,
            "clinic.toml",
            3,
            """'hours' must be a list of text, like ["a", "b"], not a list""",
        )
    ]


def test_bad_placeholder_in_strings(tmp_path):
    root, found = findings(tmp_path, {"en/strings.toml": 'next = "Next"\nprogress = "{page}"\n'})
    assert found == [
        error(
            root,
            "en/strings.toml",
            2,
            "'progress': unknown placeholder {page} (this text may use: {current}, {total}); "
            "the English words are used instead",
        )
    ]


def test_reference_without_id(tmp_path):
    text = references_json(SIMMLER, WALSH, {"title": "No id"})
    lines = text.split("\n")
    line = max(i for i, t in enumerate(lines, start=1) if t == "  {")
    root, found = findings(tmp_path, {"references.json": text})
    assert found == [error(root, "references.json", line, 'reference has no "id" (text)')]


def test_duplicate_reference_id(tmp_path):
    text = references_json(SIMMLER, WALSH, {**WALSH, "title": "Again"})
    id_lines = [i for i, t in enumerate(text.split("\n"), 1) if '"id": "walsh2021ketamine"' in t]
    root, found = findings(tmp_path, {"references.json": text})
    assert found == [
        error(
            root,
            "references.json",
            id_lines[1],
            f"duplicate reference id 'walsh2021ketamine' (first used on line {id_lines[0]}); "
            "this one is ignored",
        )
    ]


def test_duplicate_slide_id(tmp_path):
    root, found = findings(tmp_path, {"en/030-is-it-safe.md": slide("Hi.")})
    assert found == [
        error(
            root,
            "en/030-is-it-safe.md",
            1,
            "slide id 'is-it-safe' is already used by 020-is-it-safe.md; this slide is skipped",
        )
    ]


def test_errors_make_has_errors_true(tmp_path):
    root, _ = findings(tmp_path, {"clinic.toml": None})
    assert has_errors(check_pack(root))
