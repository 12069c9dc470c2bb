"""Vancouver (NLM, as PubMed prints it) citations from CSL-JSON."""

from __future__ import annotations

import json

import pytest

from app.content.references import initials, number_references, parse_references, vancouver
from tests.content.packs import REAL_REFERENCES

EXPECTED = {
    "simmler2022dual": (
        "Simmler LD, Li Y, Hadjas LC, Hiver A, van Zessen R, Lüscher C. Dual action of ketamine "
        "confines addiction liability. Nature. 2022 Aug;608(7922):368-373. "
        "doi: 10.1038/s41586-022-04993-7. PMID: 35896744."
    ),
    "walsh2021ketamine": (
        "Walsh Z, Mollaahmetoglu OM, Rootman J, Golsof S, Keeler J, Marsh B, Nutt DJ, Morgan CJA. "
        "Ketamine for the treatment of mental health and substance use disorders: comprehensive "
        "systematic review. BJPsych Open. 2021 Dec 23;8(1):e19. doi: 10.1192/bjo.2021.1061. "
        "PMID: 35048815; PMCID: PMC8715255."
    ),
    "ezquerraromano2018ketamine": (
        "Ezquerra-Romano I, Lawn W, Krupitsky E, Morgan CJA. Ketamine for the treatment of "
        "addiction: Evidence and potential mechanisms. Neuropharmacology. 2018 Nov;142:72-82. "
        "doi: 10.1016/j.neuropharm.2018.01.017. PMID: 29339294."
    ),
}


@pytest.fixture(scope="module")
def real_entries():
    entries, problems = parse_references(REAL_REFERENCES.read_text(encoding="utf-8"), "refs")
    assert problems == []
    assert entries is not None
    return {e.id: e for e in entries}


@pytest.mark.parametrize("ref_id", sorted(EXPECTED))
def test_real_references_print_as_pubmed_does(real_entries, ref_id):
    assert vancouver(real_entries[ref_id].data) == EXPECTED[ref_id]


def test_entry_lines_point_at_their_ids(real_entries):
    lines = REAL_REFERENCES.read_text(encoding="utf-8").split("\n")
    for entry in real_entries.values():
        assert f'"id": "{entry.id}"' in lines[entry.line - 1]


@pytest.mark.parametrize(
    ("given", "expected"),
    [("Celia J. A.", "CJA"), ("Jean-Paul", "JP"), ("Ozden Merve", "OM"), ("Yue", "Y"), ("", "")],
)
def test_initials(given, expected):
    assert initials(given) == expected


def test_missing_fields_and_other_forms():
    data = {
        "id": "x",
        "author": [
            {"literal": "WHO Expert Committee"},
            {"family": "Smith", "given": "Ann", "suffix": "Jr"},
        ],
        "title": "Is it safe?",
        "container-title": "Some Journal",
        "issued": {"date-parts": [[2019]]},
        "volume": 12,
        "page": "1–9",
        "PMCID": "123",
    }
    entries, problems = parse_references(json.dumps([data]), "r")
    assert problems == [] and entries
    assert vancouver(entries[0].data) == (
        "WHO Expert Committee, Smith A Jr. Is it safe? Some Journal. 2019;12:1-9. PMCID: PMC123."
    )


def test_url_is_doi_link_else_url_field():
    with_doi = {"id": "a", "DOI": "10.1/x", "URL": "https://other"}
    without = {"id": "b", "URL": "https://example.org/b"}
    entries, _ = parse_references(json.dumps([with_doi, without]), "r")
    refs = number_references(entries, ["b"])
    assert [(r.id, r.number, r.url) for r in refs] == [
        ("b", 1, "https://example.org/b"),
        ("a", 2, "https://doi.org/10.1/x"),
    ]


def test_wrongly_typed_fields_are_reported_and_dropped():
    entries, problems = parse_references('[{"id": "a", "title": 5, "issued": "2020"}]', "r.json")
    assert entries and "title" not in entries[0].data
    assert [str(p) for p in problems] == [
        "r.json:1: error: reference 'a': \"title\" must be text, not a number",
        'r.json:1: error: reference \'a\': "issued" must look like {"date-parts": [[2022, 8, 1]]}',
    ]


def test_top_level_must_be_an_array():
    entries, problems = parse_references('{"id": "a"}', "r.json")
    assert entries is None
    assert [(p.line, p.severity) for p in problems] == [(1, "error")]
