"""references.json (CSL-JSON): validate entries and print them the way PubMed's NLM
format does, e.g. `Author AB, Other C. Title. Journal. 2022 Aug;608(7922):368-373.
doi: 10.x/y. PMID: 1; PMCID: PMC2.`"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from app.content.csl_fields import NOT_PLAIN, PLAIN_ID, clean_entry, doi_link
from app.content.limits import MAX_DIGITS, MAX_REFERENCES
from app.content.model import Problem, Reference
from app.content.problems import error

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WS = re.compile(r"\s*")
_ID_KEY = re.compile(r'"id"\s*:')


@dataclass(frozen=True)
class Entry:
    """One valid CSL-JSON item and the line its id is on."""

    id: str
    line: int
    data: dict[str, Any]


def parse_references(text: str, path: str) -> tuple[list[Entry] | None, list[Problem]]:
    """Valid entries in file order; invalid or duplicate ones are reported and left out.

    None (not []) when the file as a whole is unusable, so citations are not blamed.
    Linear in the file's size: lines are counted once, front to back.
    """
    try:
        data = _DECODER.decode(text)
        spans = _item_spans(text) if isinstance(data, list) else []
    except json.JSONDecodeError as exc:
        return None, [error(path, exc.lineno, f"JSON syntax error: {exc.msg} (column {exc.colno})")]
    except _BadNumber as exc:
        return None, [error(path, _line_of(text, exc.text), str(exc))]
    except RecursionError:
        return None, [error(path, 1, "JSON is nested too deeply to read")]
    if not isinstance(data, list):
        return None, [
            error(path, 1, "references.json must be a JSON array [ ... ] of CSL-JSON items")
        ]
    problems: list[Problem] = []
    if len(data) > MAX_REFERENCES:
        problems.append(
            error(
                path,
                1,
                f"{len(data)} references; a pack may have {MAX_REFERENCES}, "
                "the rest are not loaded",
            )
        )
        data = data[:MAX_REFERENCES]
    entries: list[Entry] = []
    first_line: dict[str, int] = {}
    counted, line_at = 0, 1  # newlines counted up to offset `counted`
    for index, item in enumerate(data):
        start, end = spans[index] if index < len(spans) else (counted, counted)
        line_at += text.count("\n", counted, start)
        counted = start
        item_line = line_at
        if not isinstance(item, dict):
            problems.append(error(path, item_line, "each reference must be a JSON object { ... }"))
            continue
        ref_id = item.get("id")
        if not isinstance(ref_id, str) or not ref_id.strip():
            problems.append(error(path, item_line, 'reference has no "id" (text)'))
            continue
        id_at = _ID_KEY.search(text, start, end)
        line = item_line + text.count("\n", start, id_at.start()) if id_at else item_line
        if not PLAIN_ID.fullmatch(ref_id):
            problems.append(error(path, line, f"reference id {ref_id!r} {NOT_PLAIN}"))
            continue
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
        cleaned, bad = clean_entry(item)
        problems.extend(error(path, line, f"reference '{ref_id}': {m}") for m in bad)
        entries.append(Entry(ref_id, line, cleaned))
    return entries, problems


class _BadNumber(ValueError):
    """A number json would turn into a 4,300-digit int, infinity or NaN."""

    def __init__(self, text: str) -> None:
        shown = text if len(text) <= 20 else f"{text[:12]}... ({len(text)} characters)"
        super().__init__(
            f"the number {shown} is too long or too large; "
            f"write numbers of up to {MAX_DIGITS} digits (or as text in quotes)"
        )
        self.text = text


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _BadNumber(text)
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if len(text) > MAX_DIGITS or not math.isfinite(value):
        raise _BadNumber(text)
    return value


def _constant(text: str) -> float:
    raise _BadNumber(text)  # NaN, Infinity, -Infinity: not JSON, though Python reads them


_DECODER = json.JSONDecoder(parse_int=_int, parse_float=_float, parse_constant=_constant)


def _line_of(text: str, needle: str) -> int:
    found = text.find(needle)
    return text.count("\n", 0, found) + 1 if found != -1 else 1


def _item_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each top-level array item; json.loads gives no positions."""
    spans = []
    index = _WS.match(text, 0).end() + 1  # past "["
    while True:
        index = _WS.match(text, index).end()
        if index >= len(text) or text[index] == "]":
            return spans
        try:
            _, end = _DECODER.raw_decode(text, index)
        except json.JSONDecodeError:
            return spans
        spans.append((index, end))
        index = _WS.match(text, end).end()
        if index < len(text) and text[index] == ",":
            index += 1


def initials(given: str) -> str:
    """'Celia J. A.' -> 'CJA'; 'Jean-Paul' -> 'JP' (NLM drops the periods and hyphen)."""
    return "".join(part[0].upper() for part in re.split(r"[\s.\-‐]+", given) if part)


def author_name(author: dict[str, str]) -> str:
    """One cleaned author (csl_fields keeps only text parts) as NLM prints it."""
    if author.get("literal"):
        return author["literal"]
    family = " ".join(
        author[k] for k in ("dropping-particle", "non-dropping-particle", "family") if author.get(k)
    )
    name = " ".join(p for p in (family, initials(author.get("given", ""))) if p)
    suffix = author.get("suffix", "")
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
        url=doi_link(doi) if doi else data.get("URL", ""),
    )


def number_references(entries: list[Entry], cited_in_order: list[str]) -> list[Reference]:
    """Vancouver numbering: by first citation, then the uncited ones in file order."""
    by_id = {e.id: e for e in entries}
    order = dict.fromkeys(i for i in cited_in_order if i in by_id)  # a set that keeps order
    order.update(dict.fromkeys(e.id for e in entries))
    return [build_reference(by_id[ref_id], n) for n, ref_id in enumerate(order, start=1)]
