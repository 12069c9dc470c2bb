"""Made-up contact details: phone numbers 555-0100 to 555-0199 and web
domains under `example.`, both reserved for fiction (the North American
Numbering Plan; RFC 2606 and 6761). A pack that carries them is an example,
and must say so (clinic.toml: `sample = true`)."""

from __future__ import annotations

import re

# A run of digits with the usual separators between them, "+1 (555) 010-0100".
PHONE_LIKE = re.compile(r"\+?\(?\d[\d ().\-]{5,}\d")
# Its digits hold 555 then 0100 to 0199: "555-0150", "+1 555 010 0100".
_FICTIONAL_DIGITS = re.compile(r"55501\d\d")
# example.com, example.org, example.net and any name under the .example domain.
_EXAMPLE_DOMAIN = re.compile(
    r"(?<![\w-])(?:[\w-]+\.)*example\.(?:com|org|net)\b|[\w-]+(?:\.[\w-]+)*\.example\b",
    re.IGNORECASE,
)


def fictional_numbers(text: str) -> list[str]:
    """The phone numbers in `text` that are in the 555-0100 to 555-0199 range."""
    found = []
    for match in PHONE_LIKE.finditer(text):
        if _FICTIONAL_DIGITS.search(re.sub(r"\D", "", match.group(0))):
            found.append(match.group(0).strip())
    return found


def example_domains(text: str) -> list[str]:
    """The web names in `text` that are example domains, "clinic.example"."""
    if "example" not in text.lower():
        return []  # the pattern tries every word; most lines cannot match (check's time)
    return [match.group(0) for match in _EXAMPLE_DOMAIN.finditer(text)]
