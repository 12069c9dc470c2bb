"""One test per warning `check` reports, plus notes, ordering and exit semantics."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app.content.check import check_pack, format_problems, has_errors
from app.content.model import Problem
from app.content.strings import DEFAULT_STRINGS
from tests.content.checking import cites_both, findings, slide
from tests.content.packs import (
    SIMMLER,
    SPANISH_NOTES,
    WALSH,
    deck_toml,
    references_json,
    spanish_files,
    spanish_strings,
    write_pack,
)

SLIDE = "en/020-is-it-safe.md"


def warning(root: Path, relative: str, line: int, message: str) -> Problem:
    return Problem(str(root / relative), line, "warning", message)


def test_valid_pack_has_only_notes(tmp_path):
    problems = check_pack(write_pack(tmp_path))
    assert {p.severity for p in problems} == {"note"}
    assert not has_errors(problems)


def test_valid_bilingual_pack_has_only_notes(tmp_path):
    problems = check_pack(write_pack(tmp_path, spanish_files()))
    assert [p.severity for p in problems] == ["note"] * 4


def test_reading_level_notes(tmp_path):
    root = write_pack(tmp_path, spanish_files())
    notes = [str(p) for p in check_pack(root)]
    assert notes == [
        f"{root / 'en/010-what-is-ketamine.md'}:1: note: reading grade 4.8 (Flesch-Kincaid), "
        "14 words",
        f"{root / 'en/020-is-it-safe.md'}:1: note: reading grade 1.6 (Flesch-Kincaid), 11 words",
        f"{root / 'es/010-what-is-ketamine.md'}:1: note: Szigriszt-Pazos readability 76.7 "
        "(65+ is fairly easy or easier), 11 words",
        f"{root / 'es/020-is-it-safe.md'}:1: note: Szigriszt-Pazos readability 93.0 "
        "(65+ is fairly easy or easier), 7 words",
    ]


def test_reference_never_cited(tmp_path):
    extra = {**WALSH, "id": "unused2020"}
    text = references_json(SIMMLER, WALSH, extra)
    line = text.split("\n").index('    "id": "unused2020",') + 1
    root, found = findings(tmp_path, {"references.json": text})
    assert found == [
        warning(root, "references.json", line, "reference 'unused2020' is never cited in any slide")
    ]


def test_reference_cited_only_in_another_language_counts_as_cited(tmp_path):
    only_spanish = {**WALSH, "id": "solo2020"}
    overrides = {
        **spanish_files(),
        "references.json": references_json(SIMMLER, WALSH, only_spanish),
        "es/020-is-it-safe.md": slide("En la clínica, la dosis es pequeña. [@solo2020]"),
        "es/references.toml": SPANISH_NOTES + '\n[solo2020]\nnote = "Solo en español."\n',
    }
    root, found = findings(tmp_path, overrides)
    # The languages cite differently, an error of its own; solo2020 is cited.
    assert [(p.path, p.severity) for p in found] == [(str(root / "es/020-is-it-safe.md"), "error")]
    assert "cites other studies" in found[0].message


def test_raw_html(tmp_path):
    text = slide(cites_both("Plain line.\nThis is <b>bold</b> and <i>this</i> too.\n"))
    root, found = findings(tmp_path, {SLIDE: text})
    assert found == [warning(root, SLIDE, 6, "raw HTML is not shown: <b>")]


def test_raw_html_block(tmp_path):
    text = slide(cites_both('<div class="x">\nInside.\n</div>\n'))
    root, found = findings(tmp_path, {SLIDE: text})
    assert found == [warning(root, SLIDE, 5, 'raw HTML is not shown: <div class="x">')]


@pytest.mark.parametrize(
    ("relative", "content", "line", "message"),
    [
        (
            "deck.toml",
            "subtitle = 'x'\n" + deck_toml(),
            1,
            "unknown key 'subtitle'; it is ignored (a typo?)",
        ),
        (
            "deck.toml",
            deck_toml().replace("idle_seconds", "idle_second"),
            8,
            "unknown key 'kiosk.idle_second' in [kiosk]; it is ignored (a typo?)",
        ),
        (
            "clinic.toml",
            'name = "C"\nphone = "+1 206 342 0100"\nemail = "a@b.c"\ncrisis_line = "988"\n',
            3,
            "unknown key 'email'; it is ignored (a typo?)",
        ),
        (
            "en/strings.toml",
            'next = "Next"\nnxet = "Next"\n',
            2,
            "unknown key 'nxet'; it is ignored (a typo?)",
        ),
        (
            SLIDE,
            "---\ntitle: T\nicon: fa6s.syringe\nsubtitle: S\n---\nHi.\n",
            4,
            "unknown front matter key 'subtitle'; only title, icon and kind are read",
        ),
    ],
)
def test_unknown_keys(tmp_path, relative, content, line, message):
    root, found = findings(tmp_path, {relative: content})
    assert found == [warning(root, relative, line, message)]


def test_unknown_key_line_is_section_aware(tmp_path):
    # Unknown keys inside [kiosk] and an unknown table: each points at its own line.
    deck = deck_toml().replace("[kiosk]\n", "[kiosk]\ncolor = 1\n") + "\n[extra]\ncolor = 2\n"
    root, found = findings(tmp_path, {"deck.toml": deck})
    assert found == [
        warning(
            root, "deck.toml", 7, "unknown key 'kiosk.color' in [kiosk]; it is ignored (a typo?)"
        ),
        warning(root, "deck.toml", 12, "unknown key 'extra'; it is ignored (a typo?)"),
    ]


def test_review_due_in_the_past(tmp_path):
    due = date(2026, 1, 31)
    root, found = findings(tmp_path, {"deck.toml": deck_toml(review_due=due)}, date(2026, 2, 1))
    assert found == [
        warning(
            root,
            "deck.toml",
            4,
            "review_due 2026-01-31 has passed; have the pack medically "
            "reviewed, then update reviewed and review_due",
        )
    ]
    _, on_the_day = findings(tmp_path, {"deck.toml": deck_toml(review_due=due)}, due)
    assert on_the_day == []


def test_review_due_defaults_to_today(tmp_path):
    past = date.today() - timedelta(days=1)
    _, found = findings(tmp_path, {"deck.toml": deck_toml(review_due=past)})
    assert [p.line for p in found] == [4]


@pytest.mark.parametrize(
    ("markdown", "href"),
    [
        ("[our site](https://clinic.test)", "https://clinic.test"),
        ("<https://clinic.test/a>", "https://clinic.test/a"),
        ("[a slide](other.md)", "other.md"),
    ],
)
def test_external_link(tmp_path, markdown, href):
    root, found = findings(tmp_path, {SLIDE: slide(cites_both(f"Line five.\nSee {markdown}."))})
    assert found == [
        warning(
            root, SLIDE, 6, f"link to {href} is not opened on the kiosk; it is shown as plain text"
        )
    ]
    html = check_slide_html(root)
    assert "<a" not in html.replace('<a href="cite:', "")


def check_slide_html(root: Path) -> str:
    from app.content.loader import load_pack

    pack = load_pack(root).pack
    assert pack is not None
    return pack.slides[1].body_html


def test_reading_grade_above_8(tmp_path):
    hard = (
        "Pharmacological administration of dissociative anaesthetics necessitates "
        "comprehensive cardiovascular monitoring by appropriately credentialed personnel."
    )
    root, found = findings(tmp_path, {SLIDE: slide(cites_both(hard))})
    assert len(found) == 1
    assert (found[0].path, found[0].line, found[0].severity) == (str(root / SLIDE), 1, "warning")
    assert found[0].message.startswith("reading grade ")
    assert found[0].message.endswith(" is above 8; use shorter sentences and everyday words")


def test_spanish_readability_below_65(tmp_path):
    hard = (
        "La administración farmacológica de anestésicos disociativos requiere una monitorización "
        "cardiovascular exhaustiva por profesionales debidamente acreditados y experimentados."
    )
    cited = hard + " [@simmler2022dual]"  # as the English slide, so the languages agree
    overrides = {**spanish_files(), "es/020-is-it-safe.md": slide(cited)}
    root, found = findings(tmp_path, overrides)
    assert [(p.path, p.line, p.severity) for p in found] == [
        (str(root / "es/020-is-it-safe.md"), 1, "warning")
    ]
    assert found[0].message.startswith("Szigriszt-Pazos readability ")
    assert found[0].message.endswith(" is below 65; use shorter sentences and everyday words")


def test_slide_only_in_another_language_is_an_error(tmp_path):
    extra = {"es/030-extra.md": "---\ntitle: Extra\n---\nHola. [@walsh2021ketamine]\n"}
    root, found = findings(tmp_path, {**spanish_files(), **extra})
    assert [(p.path, p.severity, p.message) for p in found if p.is_error] == [
        (
            str(root / "es/030-extra.md"),
            "error",
            "'en' has no slide en/030-extra.md (every language needs the same slide files)",
        )
    ]


def test_broken_translation_is_not_also_reported_missing(tmp_path):
    root, found = findings(tmp_path, {**spanish_files(), "es/020-is-it-safe.md": b"\xff"})
    assert [(p.path, p.severity) for p in found] == [(str(root / "es/020-is-it-safe.md"), "error")]


def test_strings_missing_in_a_language(tmp_path):
    strings = spanish_strings(drop=("topics", "hours"))
    root, found = findings(tmp_path, {**spanish_files(), "es/strings.toml": strings})
    assert found == [
        warning(
            root, "es/strings.toml", 1, "2 UI words not translated, shown in English: topics, hours"
        )
    ]


def test_empty_strings_file_in_a_language(tmp_path):
    root, found = findings(tmp_path, {**spanish_files(), "es/strings.toml": "# todo\n"})
    assert [(p.path, p.line, p.severity) for p in found] == [
        (str(root / "es/strings.toml"), 1, "warning")
    ]
    count = len(DEFAULT_STRINGS)
    assert found[0].message.startswith(f"{count} UI words not translated, shown in English: ")


def test_strings_file_missing_in_a_language(tmp_path):
    root, found = findings(tmp_path, {**spanish_files(), "es/strings.toml": None})
    assert found == [
        warning(root, "es/strings.toml", 1, "strings.toml is missing; the UI words are in English")
    ]


def test_markdown_file_with_a_slide_name_that_does_not_match(tmp_path):
    root, found = findings(tmp_path, {"en/intro.md": slide("Hi.")})
    assert found == [
        warning(root, "en/intro.md", 1, "not loaded: slide files are named like 010-topic.md")
    ]


def test_second_more_marker(tmp_path):
    text = slide(cites_both("A.\n<!-- more -->\nB.\n<!-- more -->\nC.\n"))
    root, found = findings(tmp_path, {SLIDE: text})
    assert found == [
        warning(
            root, SLIDE, 8, "only the first <!-- more --> splits the slide; this one is ignored"
        )
    ]


def test_unclosed_comment(tmp_path):
    root, found = findings(tmp_path, {SLIDE: slide(cites_both("A.\n\n<!-- oops\nB.\n"))})
    assert found == [
        warning(
            root,
            SLIDE,
            7,
            "HTML comment is never closed (missing -->); the rest of the "
            "file is treated as a presenter note",
        )
    ]


def test_warnings_alone_do_not_fail_check(tmp_path):
    root = write_pack(tmp_path, {"en/intro.md": "x"})
    problems = check_pack(root)
    assert any(p.severity == "warning" for p in problems)
    assert not has_errors(problems)


def test_paths_are_relative_to_the_invocation(tmp_path, monkeypatch):
    write_pack(tmp_path, {"en/intro.md": "x"})
    monkeypatch.chdir(tmp_path)
    problems = check_pack(Path("pack"))
    assert [p.path for p in problems if p.severity == "warning"] == ["pack/en/intro.md"]
    assert str(problems[0]).startswith("pack/en/010-what-is-ketamine.md:1: note: ")


def test_problems_sorted_by_path_then_line(tmp_path):
    overrides = {
        SLIDE: slide(cites_both("<b>x</b>\n[@ghost]\n![](media/pill.svg)")),
        "clinic.toml": 'name = "C"\nphone = "+1 206 342 0100"\nfax = "2"\ncrisis_line = "988"\n',
        "deck.toml": deck_toml() + "x = 1\n",
    }
    problems = check_pack(write_pack(tmp_path, overrides))
    keys = [(p.path, p.line) for p in problems]
    assert keys == sorted(keys)
    assert [Path(p.path).name for p in problems][:2] == ["clinic.toml", "deck.toml"]


def test_shared_findings_are_reported_once_for_all_languages(tmp_path):
    overrides = {**spanish_files()}
    overrides["deck.toml"] = overrides["deck.toml"] + "extra = 1\n"
    overrides["references.json"] = references_json(SIMMLER, WALSH, {**WALSH, "id": "x"})
    overrides["es/references.toml"] = SPANISH_NOTES + '\n[x]\nnote = "Otra."\n'
    _, found = findings(tmp_path, overrides)
    assert len(found) == 2


def test_study_note_missing_in_a_language(tmp_path):
    overrides = {**spanish_files(), "es/references.toml": '[walsh2021ketamine]\nnote = "Una."\n'}
    root, found = findings(tmp_path, overrides)
    assert found == [
        warning(
            root,
            "es/references.toml",
            1,
            "study notes not translated, shown in English: simmler2022dual",
        )
    ]


def test_study_note_for_an_unknown_reference(tmp_path):
    notes = SPANISH_NOTES + '\n[nobody2020]\nnote = "?"\n'
    root, found = findings(tmp_path, {**spanish_files(), "es/references.toml": notes})
    assert found == [
        Problem(
            str(root / "es/references.toml"),
            7,
            "error",
            "'nobody2020' is not a reference id in references.json",
        )
    ]


def test_format_problems(tmp_path):
    problems = [Problem("a.md", 3, "error", "bad"), Problem("b.md", 1, "warning", "meh")]
    assert format_problems(problems) == "a.md:3: error: bad\nb.md:1: warning: meh"
    assert format_problems([]) == ""
    assert has_errors(problems)
    assert not has_errors(problems[1:])
    assert references_json() == "[]\n"
