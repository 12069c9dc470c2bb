"""references.json (CSL-JSON): validate entries and print them the way PubMed's NLM
format does, e.g. `Author AB, Other C. Title. Journal. 2022 Aug;608(7922):368-373.
doi: 10.x/y. PMID: 1; PMCID: PMC2.`"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from app.content.model import Problem, Reference
from app.content.problems import error

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_TEXT_FIELDS = (
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
_NUMBER_OR_TEXT_FIELDS = ("volume", "issue", "page")
_WS = re.compile(r"\s*")


@dataclass(frozen=True)
class Entry:
    """One valid CSL-JSON item and the line its id is on."""

    id: str
    line: int
    data: dict[str, Any]


def parse_references(text: str, path: str) -> tuple[list[Entry] | None, list[Problem]]:
    """Valid entries in file order; invalid or duplicate ones are reported and left out.

    None (not []) when the file as a whole is unusable, so citations are not blamed.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [error(path, exc.lineno, f"JSON syntax error: {exc.msg} (column {exc.colno})")]
    except RecursionError:
        return None, [error(path, 1, "JSON is nested too deeply to read")]
    if not isinstance(data, list):
        return None, [
            error(path, 1, "references.json must be a JSON array [ ... ] of CSL-JSON items")
        ]
    spans = _item_spans(text)
    problems: list[Problem] = []
    entries: list[Entry] = []
    first_line: dict[str, int] = {}
    for index, item in enumerate(data):
        start, end = spans[index] if index < len(spans) else (0, len(text))
        item_line = text.count("\n", 0, start) + 1
        if not isinstance(item, dict):
            problems.append(error(path, item_line, "each reference must be a JSON object { ... }"))
            continue
        ref_id = item.get("id")
        if not isinstance(ref_id, str) or not ref_id.strip():
            problems.append(error(path, item_line, 'reference has no "id" (text)'))
            continue
        id_at = re.compile(r'"id"\s*:').search(text, start, end)
        line = text.count("\n", 0, id_at.start()) + 1 if id_at else item_line
        if ref_id in first_line:
            problems.append(
                error(
                    path,
                    line,
                    f"duplicate reference id '{ref_id}' "
                    f"(first used on line {first_line[ref_id]}); this one is ignored",
                )
            )
            continue
        first_line[ref_id] = line
        cleaned, bad = _clean(item)
        problems.extend(error(path, line, f"reference '{ref_id}': {m}") for m in bad)
        entries.append(Entry(ref_id, line, cleaned))
    return entries, problems


def _item_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each top-level array item; json.loads gives no positions."""
    decoder = json.JSONDecoder()
    spans = []
    index = _WS.match(text, 0).end() + 1  # past "["
    while True:
        index = _WS.match(text, index).end()
        if index >= len(text) or text[index] == "]":
            return spans
        try:
            _, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError:
            return spans
        spans.append((index, end))
        index = _WS.match(text, end).end()
        if index < len(text) and text[index] == ",":
            index += 1


def _clean(item: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A copy holding only well-typed fields, and what was wrong with the rest."""
    bad: list[str] = []
    out: dict[str, Any] = {"id": item["id"]}
    for key in _TEXT_FIELDS:
        if key in item:
            if isinstance(item[key], str):
                out[key] = item[key].strip()
            else:
                bad.append(f'"{key}" must be text')
    for key in _NUMBER_OR_TEXT_FIELDS:
        value = item.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool):
            out[key] = str(value).strip()
        elif key in item:
            bad.append(f'"{key}" must be text or a number')
    authors = item.get("author", [])
    if isinstance(authors, list) and all(isinstance(a, dict) for a in authors):
        out["author"] = authors
    else:
        bad.append('"author" must be a list of {"family": ..., "given": ...} objects')
    parts = _date_parts(item.get("issued"))
    if parts is None and "issued" in item:
        bad.append('"issued" must look like {"date-parts": [[2022, 8, 1]]}')
    out["issued"] = parts or []
    return out, bad


def _date_parts(issued: Any) -> list[int] | None:
    if not isinstance(issued, dict):
        return None
    parts = issued.get("date-parts")
    if not (isinstance(parts, list) and parts and isinstance(parts[0], list)):
        return None
    try:
        return [int(p) for p in parts[0][:3]]
    except (TypeError, ValueError):
        return None


def initials(given: str) -> str:
    """'Celia J. A.' -> 'CJA'; 'Jean-Paul' -> 'JP' (NLM drops the periods and hyphen)."""
    return "".join(part[0].upper() for part in re.split(r"[\s.\-‐]+", given) if part)


def author_name(author: dict[str, Any]) -> str:
    if isinstance(author.get("literal"), str):
        return author["literal"].strip()
    family = " ".join(
        str(author.get(k, "")).strip()
        for k in ("dropping-particle", "non-dropping-particle", "family")
        if str(author.get(k, "")).strip()
    )
    name = " ".join(p for p in (family, initials(str(author.get("given", "")))) if p)
    suffix = str(author.get("suffix", "")).strip()
    return f"{name} {suffix}" if suffix else name


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".?!" else text + "."


def vancouver(data: dict[str, Any]) -> str:
    """The NLM citation for one cleaned entry, as PubMed prints it (no Epub/erratum)."""
    parts: list[str] = []
    authors = ", ".join(a for a in map(author_name, data.get("author", [])) if a)
    if authors:
        parts.append(_sentence(authors))
    if data.get("title"):
        parts.append(_sentence(data["title"]))
    journal = data.get("container-title-short") or data.get("container-title", "")
    if journal:
        parts.append(_sentence(journal))
    source = _date(data.get("issued", []))
    volume, issue = data.get("volume", ""), data.get("issue", "")
    page = data.get("page", "").replace("–", "-").replace("—", "-")
    if volume:
        source += f";{volume}" + (f"({issue})" if issue else "")
    elif issue:
        source += f";({issue})"
    if page:
        source += f":{page}"
    if source:
        parts.append(source + ".")
    if data.get("DOI"):
        parts.append(f"doi: {data['DOI']}.")
    ids = []
    if data.get("PMID"):
        ids.append(f"PMID: {data['PMID']}")
    if data.get("PMCID"):
        pmcid = data["PMCID"]
        ids.append(f"PMCID: {pmcid if pmcid.upper().startswith('PMC') else 'PMC' + pmcid}")
    if ids:
        parts.append("; ".join(ids) + ".")
    return " ".join(parts)


def _date(parts: list[int]) -> str:
    if not parts:
        return ""
    text = str(parts[0])
    if len(parts) > 1 and 1 <= parts[1] <= 12:
        text += f" {_MONTHS[parts[1] - 1]}"
        if len(parts) > 2 and 1 <= parts[2] <= 31:
            text += f" {parts[2]}"
    return text


def build_reference(entry: Entry, number: int) -> Reference:
    data = entry.data
    doi = data.get("DOI", "")
    return Reference(
        id=entry.id,
        number=number,
        citation=vancouver(data),
        title=data.get("title", ""),
        note=data.get("note", ""),
        doi=doi,
        url=f"https://doi.org/{doi}" if doi else data.get("URL", ""),
    )


def number_references(entries: list[Entry], cited_in_order: list[str]) -> list[Reference]:
    """Vancouver numbering: by first citation, then the uncited ones in file order."""
    by_id = {e.id: e for e in entries}
    order = [i for i in dict.fromkeys(cited_in_order) if i in by_id]
    order += [e.id for e in entries if e.id not in order]
    return [build_reference(by_id[ref_id], n) for n, ref_id in enumerate(order, start=1)]
