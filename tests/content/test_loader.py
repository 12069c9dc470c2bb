"""load_pack on the valid sample pack and on broken ones: it never raises."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.content.loader import LoadResult, load_pack
from app.content.model import Clinic, Figure, Pack
from app.content.strings import DEFAULT_STRINGS
from tests.content.packs import SPANISH_SLIDE_1, spanish_files, write_pack


def loaded(result: LoadResult) -> Pack:
    assert result.pack is not None, result.problems
    return result.pack


def test_valid_pack_loads_without_problems(tmp_path):
    result = load_pack(write_pack(tmp_path))
    assert result.problems == []
    pack = loaded(result)
    assert pack.language == "en"
    assert pack.deck.title == "Ketamine and addiction"
    assert pack.deck.kiosk.warning_seconds == 30
    assert result.clinic == pack.clinic
    hours = pack.clinic.opening_hours
    assert hours.week[0] == ((8 * 60, 17 * 60),) and hours.week[5] == ((9 * 60, 12 * 60),)
    assert hours.week[6] == ()  # Sunday is left out: closed


def test_slides_in_file_name_order_with_ids_without_numbers(tmp_path):
    pack = loaded(
        load_pack(write_pack(tmp_path, {"en/005-first.md": "---\ntitle: First\n---\nHi.\n"}))
    )
    assert [s.id for s in pack.slides] == ["first", "what-is-ketamine", "is-it-safe"]
    assert pack.slides[1].title == "What is ketamine?"
    assert pack.slides[1].icon == "fa6s.syringe"
    assert pack.slides[1].path == tmp_path / "pack" / "en" / "010-what-is-ketamine.md"


def test_citations_are_numbered_links_in_order_of_first_use(tmp_path):
    pack = loaded(load_pack(write_pack(tmp_path)))
    first, second = pack.slides
    # walsh is cited first, so it is 1 although references.json lists simmler first.
    assert [(r.id, r.number) for r in pack.references] == [
        ("walsh2021ketamine", 1),
        ("simmler2022dual", 2),
    ]
    assert '<sup class="cite">\u00a0<a href="cite:walsh2021ketamine">1</a></sup>' in first.body_html
    assert (
        '<sup class="cite">\u00a0<a href="cite:walsh2021ketamine">1</a>,'
        '<a href="cite:simmler2022dual">2</a></sup>' in first.more_html
    )
    assert '<a href="cite:simmler2022dual">2</a>' in second.body_html
    assert first.citations == ("walsh2021ketamine", "simmler2022dual")
    assert pack.slides_citing("simmler2022dual") == [0, 1]


def test_uncited_references_are_numbered_after_cited_ones_in_file_order(tmp_path):
    root = write_pack(tmp_path, {"en/020-is-it-safe.md": "---\ntitle: Safe\n---\nYes.\n"})
    pack = loaded(load_pack(root))
    assert [(r.id, r.number) for r in pack.references] == [
        ("walsh2021ketamine", 1),
        ("simmler2022dual", 2),
    ]
    only_second = write_pack(
        tmp_path,
        {"en/010-what-is-ketamine.md": "---\ntitle: A\n---\nA.\n", "en/020-is-it-safe.md": None},
        name="other",
    )
    pack = loaded(load_pack(only_second))
    assert [r.id for r in pack.references] == ["simmler2022dual", "walsh2021ketamine"]


def test_more_splits_short_part_from_learn_more(tmp_path):
    slide = loaded(load_pack(write_pack(tmp_path))).slides[0]
    assert "Doctors use it" in slide.body_html
    assert "feel sad" not in slide.body_html
    assert "feel sad" in slide.more_html
    assert slide.more_text == "It can also help some people who feel sad."
    assert loaded(load_pack(write_pack(tmp_path))).slides[1].more_html == ""


def test_other_comments_are_notes_and_not_rendered(tmp_path):
    slide = loaded(load_pack(write_pack(tmp_path))).slides[0]
    assert slide.notes == ("Ask what they already know.",)
    assert "<!--" not in slide.body_html + slide.more_html
    assert "already know" not in slide.body_html + slide.more_html


def test_plain_text_has_no_markup_or_citation_marks(tmp_path):
    slide = loaded(load_pack(write_pack(tmp_path))).slides[0]
    assert slide.body_text == (
        "Ketamine is a medicine. Doctors use it to put people to sleep for surgery."
    )
    assert "@" not in slide.more_text and "1" not in slide.more_text


def test_short_part_picture_is_lifted_out_as_a_figure(tmp_path):
    slide = loaded(load_pack(write_pack(tmp_path))).slides[0]
    assert slide.figures == (Figure("media/pill.svg", "A drawing of a pill"),)
    assert "<img" not in slide.body_html
    assert "pill" not in slide.body_text


def test_learn_more_picture_stays_in_the_text_with_pack_relative_path(tmp_path):
    root = write_pack(tmp_path)
    first = sorted((root / "en").glob("*.md"))[0]
    text = first.read_text(encoding="utf-8")
    picture = "![A drawing of a pill](media/pill.svg)"
    assert picture in text
    body, _, rest = text.partition(picture)
    first.write_text(body + rest + "\n<!-- more -->\n" + picture + "\n", encoding="utf-8")
    slide = loaded(load_pack(root)).slides[0]
    assert slide.figures == ()
    assert '<img alt="A drawing of a pill" src="media/pill.svg">' in slide.more_html


def test_reference_fields(tmp_path):
    pack = loaded(load_pack(write_pack(tmp_path)))
    simmler = pack.reference("simmler2022dual")
    assert simmler is not None
    assert simmler.title == "Dual action of ketamine confines addiction liability"
    assert simmler.doi == "10.1038/s41586-022-04993-7"
    assert simmler.url == "https://doi.org/10.1038/s41586-022-04993-7"
    assert simmler.note.startswith("In mice")
    walsh = pack.reference("walsh2021ketamine")
    assert walsh is not None and walsh.url == "https://example.org/walsh"  # no DOI: URL


def test_language_choice_and_fallback(tmp_path):
    root = write_pack(tmp_path, spanish_files())
    assert loaded(load_pack(root)).language == "en"
    spanish = loaded(load_pack(root, "es"))
    assert spanish.language == "es"
    assert spanish.slides[0].title == "¿Qué es la ketamina?"
    result = load_pack(root, "fr")
    assert loaded(result).language == "en"
    assert [p.severity for p in result.problems] == ["warning"]
    assert "'fr' is not listed" in result.problems[0].message


def test_strings_overlay_defaults_then_english_then_language(tmp_path):
    overrides = {
        **spanish_files(),
        "en/strings.toml": 'next = "Onward"\nback = "Go back"\n',
        "es/strings.toml": 'next = "Siguiente"\n',
    }
    root = write_pack(tmp_path, overrides)
    english = loaded(load_pack(root, "en")).strings
    assert english["next"] == "Onward"
    assert english["topics"] == DEFAULT_STRINGS["topics"]
    spanish = loaded(load_pack(root, "es")).strings
    assert spanish["next"] == "Siguiente"
    assert spanish["back"] == "Go back"  # from the pack's English
    assert spanish["topics"] == DEFAULT_STRINGS["topics"]
    assert set(spanish) == set(DEFAULT_STRINGS)


def test_string_with_unknown_placeholder_falls_back(tmp_path):
    root = write_pack(tmp_path, {"en/strings.toml": 'progress = "{current} / {all}"\n'})
    result = load_pack(root)
    assert loaded(result).strings["progress"] == DEFAULT_STRINGS["progress"]
    assert [(p.line, p.severity) for p in result.problems] == [(1, "error")]


def test_unknown_citation_renders_as_plain_text(tmp_path):
    slide_text = "---\ntitle: T\n---\nSure. [@nobody2020; @simmler2022dual]\n"
    result = load_pack(write_pack(tmp_path, {"en/020-is-it-safe.md": slide_text}))
    slide = loaded(result).slides[1]
    assert 'href="cite:nobody2020"' not in slide.body_html
    assert '<sup class="cite">\u00a0@nobody2020,<a href="cite:simmler2022dual">2</a></sup>' in (
        slide.body_html
    )
    assert slide.citations == ("simmler2022dual",)
    assert [p.severity for p in result.problems] == ["error"]


def test_missing_folder(tmp_path):
    result = load_pack(tmp_path / "nowhere")
    assert result.pack is None
    assert result.clinic == Clinic()
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'nowhere'}:1: error: content pack folder not found"
    ]


def test_broken_deck_uses_defaults_and_reports(tmp_path):
    result = load_pack(write_pack(tmp_path, {"deck.toml": 'title = "x\n'}))
    pack = loaded(result)
    assert pack.deck.title == ""
    assert pack.deck.kiosk.idle_seconds == 90
    assert [(p.path, p.line, p.severity) for p in result.problems] == [
        (str(tmp_path / "pack" / "deck.toml"), 1, "error")
    ]


def test_clinic_is_returned_even_when_no_slide_loads(tmp_path):
    overrides = {"en/010-what-is-ketamine.md": b"\xff\xfe", "en/020-is-it-safe.md": "no title"}
    result = load_pack(write_pack(tmp_path, overrides))
    assert result.pack is None
    assert result.clinic.name == "Riverside Clinic"
    assert all(p.is_error for p in result.problems)
    assert len(result.problems) == 2


def test_whatever_parses_of_a_broken_clinic_is_kept(tmp_path):
    clinic = 'name = "Example Clinic"\nphone = 5550100\nhours = "all day"\n'
    result = load_pack(write_pack(tmp_path, {"clinic.toml": clinic}))
    assert result.clinic.name == "Example Clinic"
    assert result.clinic.phone == ""
    assert [(p.line, p.message) for p in result.problems] == [
        (2, "'phone' must be text (in quotes), not a whole number"),
        (3, """'hours' must be a list of text, like ["a", "b"], not text"""),
    ]


def test_bad_slide_is_skipped_and_the_rest_load(tmp_path):
    result = load_pack(write_pack(tmp_path, {"en/015-broken.md": b"---\ntitle: x\n---\n\xc3("}))
    assert [s.id for s in loaded(result).slides] == ["what-is-ketamine", "is-it-safe"]
    assert [(Path(p.path).name, p.line) for p in result.problems] == [("015-broken.md", 4)]


def test_slide_deleted_while_loading(tmp_path):
    root = write_pack(tmp_path)
    # Listed by the folder scan, gone when read: a dangling symlink behaves the same.
    (root / "en" / "015-gone.md").symlink_to(root / "en" / "does-not-exist.md")
    result = load_pack(root)
    assert len(loaded(result).slides) == 2
    assert [str(p) for p in result.problems] == [
        f"{root / 'en' / '015-gone.md'}:1: error: slide is missing"
    ]


def test_unreadable_file(tmp_path, monkeypatch):
    root = write_pack(tmp_path)
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "clinic.toml":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = load_pack(root)
    assert result.pack is not None
    assert result.clinic == Clinic()
    assert [str(p) for p in result.problems] == [
        f"{root / 'clinic.toml'}:1: error: cannot read clinic.toml: permission denied"
    ]


@pytest.mark.parametrize(
    "overrides",
    [
        {"references.json": "{"},
        {"references.json": None},
        {"references.json": "[1, {}]"},
        {"deck.toml": "languages = []\n[kiosk]\nidle_seconds = -1\n"},
        {"deck.toml": "kiosk = 3\n"},
        {"en/010-what-is-ketamine.md": "<!-- never closed\n---\ntitle: x\n---\n"},
        {"en/010-what-is-ketamine.md": "---\ntitle: T\n---\n<div>\n<script>x</script>\n"},
        {"en/010-what-is-ketamine.md": "---\ntitle: T\n---\n![a](media)\n![b](\x00)"},
        {"en/010-what-is-ketamine.md": "---\ntitle: T\n---\n![a](media/pill.svg?x=1#y)"},
        {"en/strings.toml": "= broken"},
        {"en/strings.toml": b"\xff"},
        {"media/pill.svg": None},
        {"references.json": "[" * 100_000},
        {"clinic.toml": "a = " + "[" * 100_000},
        {"en/010-what-is-ketamine.md": "---\ntitle: T\n---\n" + "1. " * 1_000},
    ],
)
def test_broken_input_never_raises(tmp_path, overrides):
    result = load_pack(write_pack(tmp_path, overrides))
    assert isinstance(result, LoadResult)
    assert result.problems


def test_root_given_as_a_file(tmp_path):
    file = tmp_path / "file.txt"
    file.write_text("x")
    assert load_pack(file).pack is None


def test_spanish_slide_text_is_kept(tmp_path):
    assert "medicamento" in SPANISH_SLIDE_1
    pack = loaded(load_pack(write_pack(tmp_path, spanish_files()), "es"))
    assert pack.slides[0].body_text == (
        "La ketamina es un medicamento. Los médicos la usan para dormir."
    )


def test_language_codes_cannot_leave_the_pack(tmp_path):
    root = write_pack(tmp_path, {"deck.toml": 'languages = ["../outside", "en"]\n'})
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "010-evil.md").write_text("---\ntitle: Evil\n---\nx\n")
    result = load_pack(root, "../outside")
    assert loaded(result).language == "en"
    assert [(p.line, p.severity) for p in result.problems] == [(1, "error"), (1, "warning")]
    assert result.problems[0].message == (
        "'languages': '../outside' is not a language code like en or pt-BR"
    )


def test_spanish_pack_shows_spanish_study_notes(tmp_path):
    pack = loaded(load_pack(write_pack(tmp_path, spanish_files()), "es"))
    assert pack.reference("walsh2021ketamine").note == "Una revisión de muchos estudios."
    assert pack.language_names == {"en": "English", "es": "Español"}


def test_translation_status_is_read_from_the_deck(tmp_path):
    files = spanish_files()
    files["deck.toml"] += '\n[translations]\nes = "awaiting medical review"\n'
    pack = loaded(load_pack(write_pack(tmp_path, files)))
    assert pack.deck.translations == {"es": "awaiting medical review"}
