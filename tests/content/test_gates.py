"""The gates `check` holds a pack to: a crisis line, no made-up details
passed off as real, languages that agree, findings with a source."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import resources
from app.content.check import check_pack
from app.content.gates import stated_numbers
from app.content.loader import load_pack
from app.content.model import Problem
from app.content.sample_details import example_domains, fictional_numbers
from tests.content.checking import findings, slide
from tests.content.packs import CLINIC_TOML, SLIDE_2, SPANISH_SLIDE_2, spanish_files


def both(english: str, spanish: str) -> dict[str, str | bytes | None]:
    """A bilingual pack whose second slide says `english` and `spanish`."""
    return {**spanish_files(), "en/020-is-it-safe.md": english, "es/020-is-it-safe.md": spanish}


def errors(found: list[Problem]) -> list[Problem]:
    return [p for p in found if p.is_error]


def where(root: Path, found: list[Problem]) -> list[tuple[str, int, str]]:
    return [(str(Path(p.path).relative_to(root)), p.line, p.severity) for p in found]


# --- the crisis line -------------------------------------------------------


def test_a_pack_without_a_crisis_line_is_an_error(tmp_path):
    clinic = CLINIC_TOML.replace('crisis_line = "988"\n', "")
    root, found = findings(tmp_path, {"clinic.toml": clinic})
    assert where(root, found) == [("clinic.toml", 1, "error")]
    assert found[0].message.startswith("no crisis line: set crisis_line")


def test_an_empty_crisis_line_is_an_error_at_its_line(tmp_path):
    clinic = CLINIC_TOML.replace('crisis_line = "988"', 'crisis_line = " "')
    line = clinic.splitlines().index('crisis_line = " "') + 1
    root, found = findings(tmp_path, {"clinic.toml": clinic})
    assert where(root, found) == [("clinic.toml", line, "error")]


def test_the_help_lines_are_read_from_clinic_toml(tmp_path):
    root, _ = findings(tmp_path)
    clinic = load_pack(root).clinic
    assert (clinic.crisis_line, clinic.crisis_text) == ("988", "988")
    assert (clinic.emergency, clinic.helpline, clinic.sample) == ("911", "+1 800 662 4357", False)


def test_help_line_defaults(tmp_path):
    clinic = 'name = "C"\nphone = "+1 206 010 0100"\ncrisis_line = "116 123"\n'
    root, found = findings(tmp_path, {"clinic.toml": clinic})
    loaded = load_pack(root).clinic
    assert found == []
    assert (loaded.crisis_text, loaded.emergency, loaded.helpline) == ("", "911", "")


def test_sample_must_be_true_or_false(tmp_path):
    root, found = findings(tmp_path, {"clinic.toml": 'sample = "yes"\n' + CLINIC_TOML})
    assert where(root, found) == [("clinic.toml", 1, "error")]
    assert found[0].message == "'sample' must be true or false (no quotes), not text"


# --- made-up details -------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["+1 555 010 0100", "(555) 010-0199", "555-0150", "(212) 555-0123", "+15550100100"]
)
def test_numbers_kept_for_fiction_are_found_in_any_format(number):
    assert fictional_numbers(f"Call us on {number} today.") == [number]


@pytest.mark.parametrize("text", ["555-0200", "1-800-662-4357", "988", "In 2021, 61 to 75%"])
def test_other_numbers_are_not_made_up(text):
    assert fictional_numbers(text) == []


def test_example_domains_are_found_and_words_are_not():
    text = "See https://clinic.example, www.example.com and example.org/a, for example. Done."
    assert example_domains(text) == ["clinic.example", "www.example.com", "example.org"]
    assert example_domains("Example Street; counterexample.com; an example.") == []


def test_made_up_details_without_sample_are_errors_at_their_lines(tmp_path):
    clinic = CLINIC_TOML.replace("+1 206 010 0100", "+1 555 010 0100").replace(
        "riverside-clinic.test", "clinic.example"
    )
    text_slide = slide("Call us on (555) 010-0199. [@simmler2022dual; @walsh2021ketamine]")
    root, found = findings(tmp_path, {"clinic.toml": clinic, "en/020-is-it-safe.md": text_slide})
    assert where(root, found) == [
        ("clinic.toml", 2, "error"),
        ("clinic.toml", 5, "error"),
        ("en/020-is-it-safe.md", 5, "error"),
    ]
    assert found[0].message.startswith("'+1 555 010 0100' is a made-up phone number")
    assert found[1].message.startswith("'clinic.example' is an example web domain")
    assert "sample = true" in found[2].message


def test_a_sample_pack_may_carry_them_and_is_reminded_once(tmp_path):
    clinic = "sample = true\n" + CLINIC_TOML.replace("+1 206 010 0100", "+1 555 010 0100")
    root, found = findings(tmp_path, {"clinic.toml": clinic})
    assert where(root, found) == [("clinic.toml", 1, "warning")]
    assert "Sample clinic details" in found[0].message
    assert load_pack(root).clinic.sample is True


def test_a_made_up_number_in_a_comment_is_not_shown_so_not_reported(tmp_path):
    clinic = "# for example +1 555 010 0100\n" + CLINIC_TOML
    _, found = findings(tmp_path, {"clinic.toml": clinic})
    assert found == []


# --- the languages agree ---------------------------------------------------


def test_a_slide_missing_in_another_language_is_an_error(tmp_path):
    root, found = findings(tmp_path, {**spanish_files(), "es/020-is-it-safe.md": None})
    assert where(root, found) == [("en/020-is-it-safe.md", 1, "error")]
    assert found[0].message == (
        "no 'es' version of this slide: es/020-is-it-safe.md is missing "
        "(every language needs the same slide files)"
    )


def test_a_slide_only_in_another_language_or_renumbered_is_an_error(tmp_path):
    overrides = {**spanish_files(), "es/020-is-it-safe.md": None}
    overrides["es/025-is-it-safe.md"] = SPANISH_SLIDE_2
    root, found = findings(tmp_path, overrides)
    assert where(root, found) == [
        ("en/020-is-it-safe.md", 1, "error"),
        ("es/025-is-it-safe.md", 1, "error"),
    ]
    assert found[1].message.startswith("'en' has no slide en/025-is-it-safe.md")


def test_a_slide_citing_other_studies_is_an_error(tmp_path):
    overrides = both(SLIDE_2, slide("Es segura. [@walsh2021ketamine]"))
    root, found = findings(tmp_path, overrides)
    assert where(root, found) == [("es/020-is-it-safe.md", 1, "error")]
    assert found[0].message == (
        "cites other studies than en/020-is-it-safe.md: "
        "missing here simmler2022dual; only here walsh2021ketamine"
    )


def test_a_slide_stating_other_numbers_is_an_error(tmp_path):
    english = slide("In 2021, 61 to 75% felt dreamy. Call 988. [@simmler2022dual]")
    spanish = slide("En 2021, del 61 al 57 % se sintió así. [@simmler2022dual]")
    root, found = findings(tmp_path, both(english, spanish))
    assert where(root, errors(found)) == [("es/020-is-it-safe.md", 1, "error")]
    assert errors(found)[0].message == (
        "states other numbers than en/020-is-it-safe.md (write them as digits in both): "
        "missing here 75, 988; only here 57"
    )


def test_the_same_numbers_written_each_language_s_way_agree(tmp_path):
    english = slide("About 1.5 hours, 61-75% of 1,000. Call 988 (press 2). [@simmler2022dual]")
    spanish = slide(
        "Cerca de 1,5 horas, 61 a 75 % de 1.000. Llame al 988; "
        "para español, oprima el 2. [@simmler2022dual]"
    )
    _, found = findings(tmp_path, both(english, spanish))
    assert errors(found) == []


def test_stated_numbers_are_counted_and_citations_are_not_numbers():
    assert stated_numbers("988, 988 and 2021 [@ghost2019]; oprima el 2") == {"988": 2, "2021": 1}


# --- findings have a source ------------------------------------------------


@pytest.mark.parametrize(
    ("body", "trigger"),
    [
        ("A study found that it helps.", "study"),
        ("It helps 40% of people.", "40"),
        ("Un estudio en ratones lo sugiere.", "estudio"),
    ],
)
def test_a_finding_without_a_citation_is_a_warning(tmp_path, body, trigger):
    root, found = findings(tmp_path, {"en/030-claim.md": slide(body)})
    assert where(root, found) == [("en/030-claim.md", 1, "warning")]
    assert found[0].message == (
        f"this slide cites nothing, but {trigger!r} reads like a finding; "
        "cite its source with [@id], or reword it"
    )


def test_help_lines_and_plain_advice_need_no_citation(tmp_path):
    body = (
        "Questions? Call us on +1 206 010 0100. Need help now? Call or text 988. "
        "The helpline is 1-800-662-HELP. In an emergency, call 911."
    )
    _, found = findings(tmp_path, {"en/030-talk.md": slide(body)})
    assert found == []


# --- the bundled pack ------------------------------------------------------


def test_the_bundled_pack_passes_every_gate():
    problems = check_pack(resources.content_dir())
    assert [p for p in problems if p.severity != "note"] == [
        Problem(
            str(resources.content_dir() / "clinic.toml"),
            7,
            "warning",
            "sample = true: the contact screen says 'Sample clinic details'; "
            "put in your clinic's real details and delete this line before going live",
        )
    ]
