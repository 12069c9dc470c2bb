"""One CSL-JSON item of references.json, field by field: what is kept, and
what is wrong with the rest. Every kept value is of the type and size the
screens and the handout print: text is text (a JSON null is not "None"),
dates are real dates, links scan."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from app.content.characters import strip_unsafe, unsafe_characters, unsafe_message
from app.content.limits import MAX_AUTHORS, MAX_LINK_LENGTH, MAX_TEXT
from app.content.links import web_link_problem

# Reference ids go into `cite:` links and back out of them: letters, digits
# and _ . : - only, so no `#` or `?` can cut an id short and open another paper.
PLAIN_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:-]{0,99}")
NOT_PLAIN = "is not a plain id: use up to 100 letters, digits and _ . : - (no spaces, # or ?)"

TEXT_FIELDS = (
    "title",
    "container-title",
    "container-title-short",
    "DOI",
    "PMID",
    "PMCID",
    "URL",
    "note",
)
# CSL-JSON allows numbers for these.
NUMBER_OR_TEXT_FIELDS = ("volume", "issue", "page")
NAME_PARTS = ("family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle")
# "10." + registrant + "/" + suffix (the DOI Handbook, 2.2); short enough for a QR code.
_DOI = re.compile(r"10\.\d+(?:\.\d+)*/\S+")
_DOI_LINK = "https://doi.org/"
_DATE_RANGES = ((1, 9999, "year"), (1, 12, "month"), (1, 31, "day"))


def clean_entry(item: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A copy holding only well-typed fields, and what was wrong with the rest."""
    bad: list[str] = []
    out: dict[str, Any] = {"id": item["id"]}
    for key in TEXT_FIELDS:
        if key in item:
            value = _text(item[key], f'"{key}"', bad)
            if value is not None:
                out[key] = value
    for key in NUMBER_OR_TEXT_FIELDS:
        value = item.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if key in item:
            value = _text(value, f'"{key}"', bad, "text or a whole number", limit=100)
            if value is not None:
                out[key] = value
    _check_links(out, bad)
    out["author"] = _authors(item.get("author", []), bad)
    parts = date_parts(item.get("issued"))
    if isinstance(parts, str):
        if "issued" in item:
            bad.append(parts)
        parts = []
    out["issued"] = parts
    return out, bad


def _text(
    value: Any, name: str, bad: list[str], wanted: str = "text", limit: int = MAX_TEXT
) -> str | None:
    if not isinstance(value, str):
        bad.append(f"{name} must be {wanted}, not {_json_type(value)}")
        return None
    if len(value) > limit:
        bad.append(f"{name} is {len(value)} characters long; at most {limit} are shown")
        value = value[:limit]
    found = unsafe_characters(value)
    if found:
        bad.append(f"{name}: {unsafe_message(found)}")
        value = strip_unsafe(value)
    return value.strip()


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return {list: "a list", dict: "an object"}.get(type(value), "text")


def _check_links(out: dict[str, Any], bad: list[str]) -> None:
    doi = out.get("DOI")
    if doi and not (_DOI.fullmatch(doi) and len(doi_link(doi)) <= MAX_LINK_LENGTH):
        bad.append(f'"DOI" {doi[:40]!r} is not a DOI like 10.1038/s41586-022-04993-7')
        del out["DOI"]
    url = out.get("URL")
    problem = web_link_problem(url, ("https", "http")) if url else ""
    if problem:
        bad.append(f'"URL": {problem}')
        del out["URL"]


def doi_link(doi: str) -> str:
    """The doi.org address of a DOI; a DOI may hold # or ?, which a URL must escape."""
    return _DOI_LINK + quote(doi, safe="/:;()._-")


def _authors(authors: Any, bad: list[str]) -> list[dict[str, str]]:
    wanted = '"author" must be a list of {"family": ..., "given": ...} objects'
    if not isinstance(authors, list) or not all(isinstance(a, dict) for a in authors):
        bad.append(wanted)
        return []
    if len(authors) > MAX_AUTHORS:
        bad.append(f'"author" lists {len(authors)} names; the first {MAX_AUTHORS} are shown')
    kept = []
    for number, author in enumerate(authors[:MAX_AUTHORS], start=1):
        name = {}
        for part in NAME_PARTS:
            if part in author:
                value = _text(author[part], f'author {number} "{part}"', bad, limit=200)
                if value:
                    name[part] = value
        kept.append(name)
    return kept


def date_parts(issued: Any) -> list[int] | str:
    """[year, month, day] (month and day optional) from {"date-parts": [[...]]},
    or what is wrong with it. CSL-JSON allows the numbers as text."""
    wanted = '"issued" must look like {"date-parts": [[2022, 8, 1]]}'
    if not isinstance(issued, dict):
        return wanted
    parts = issued.get("date-parts")
    if not (isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]):
        return wanted
    numbers = []
    for value, (low, high, name) in zip(parts[0], _DATE_RANGES, strict=False):
        if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 4:
            value = int(value.strip())
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            return f'"issued": the {name} must be a whole number from {low} to {high}'
        numbers.append(value)
    return numbers
