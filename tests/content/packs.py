"""A minimal valid content pack written into a temporary folder, with overrides."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

REAL_REFERENCES = Path("/work/shared/references/references.csl.json")

SIMMLER = {
    "id": "simmler2022dual",
    "type": "article-journal",
    "title": "Dual action of ketamine confines addiction liability",
    "container-title": "Nature",
    "container-title-short": "Nature",
    "author": [
        {"family": "Simmler", "given": "Linda D."},
        {"family": "Zessen", "given": "Ruud", "non-dropping-particle": "van"},
    ],
    "issued": {"date-parts": [[2022, 8]]},
    "volume": "608",
    "issue": "7922",
    "page": "368-373",
    "DOI": "10.1038/s41586-022-04993-7",
    "PMID": "35896744",
    "note": "In mice, ketamine did not cause the brain changes linked to addiction.",
}
WALSH = {
    "id": "walsh2021ketamine",
    "type": "article-journal",
    "title": "Ketamine for the treatment of mental health and substance use disorders",
    "container-title": "BJPsych Open",
    "author": [{"family": "Walsh", "given": "Zach"}],
    "issued": {"date-parts": [[2021, 12, 23]]},
    "volume": "8",
    "issue": "1",
    "page": "e19",
    "URL": "https://example.org/walsh",
    "note": "Ketamine briefly relieves depression.",
}


def references_json(*items: dict) -> str:
    return json.dumps(list(items), indent=2, ensure_ascii=False) + "\n"


# The slides are written in short, plain sentences so the pack has no reading-grade
# warnings; line numbers in tests refer to these texts.
SLIDE_1 = """\
---
title: What is ketamine?
icon: fa6s.syringe
---
Ketamine is a medicine. Doctors use it to put people to sleep for surgery. [@walsh2021ketamine]

![A drawing of a pill](media/pill.svg)

<!-- more -->
It can also help some people who feel sad. [@walsh2021ketamine; @simmler2022dual]

<!-- Ask what they already know. -->
"""

SLIDE_2 = """\
---
title: Is it safe?
icon: fa6s.shield-heart
---
In a clinic, the dose is small and staff watch you. [@simmler2022dual]
"""

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>\n'


def deck_toml(languages: tuple[str, ...] = ("en",), review_due: date | None = None) -> str:
    # Dates relative to today, so the valid pack never goes stale.
    due = review_due or date.today() + timedelta(days=365)
    reviewed = min(due, date.today()) - timedelta(days=30)
    langs = ", ".join(f'"{lang}"' for lang in languages)
    return f"""\
title = "Ketamine and addiction"
languages = [{langs}]
reviewed = {reviewed.isoformat()}
review_due = {due.isoformat()}

[kiosk]
attract_seconds = 12
idle_seconds = 90
warning_seconds = 30
"""


# Details that pass as real for `check` (no 555-01xx numbers, no example.
# domain) but are not: an exchange starting with 0 is never dialled.
CLINIC_TOML = """\
name = "Riverside Clinic"
phone = "+1 206 010 0100"
text = "+1 206 010 0101"
address = "100 River Street, Springfield"
website = "https://riverside-clinic.test"
crisis_line = "988"
crisis_text = "988"
emergency = "911"
helpline = "+1 800 662 4357"

[opening_hours]
mon = "08:00-17:00"
tue = "08:00-17:00"
wed = "08:00-17:00"
thu = "08:00-17:00"
fri = "08:00-17:00"
sat = "09:00-12:00"
"""

STRINGS_EN = """\
next = "Next"
learn_more = "Learn more"
"""


def default_files() -> dict[str, str | bytes]:
    return {
        "deck.toml": deck_toml(),
        "clinic.toml": CLINIC_TOML,
        "references.json": references_json(SIMMLER, WALSH),
        "en/strings.toml": STRINGS_EN,
        "en/010-what-is-ketamine.md": SLIDE_1,
        "en/020-is-it-safe.md": SLIDE_2,
        "media/pill.svg": SVG,
    }


SPANISH_SLIDE_1 = """\
---
title: ¿Qué es la ketamina?
icon: fa6s.syringe
---
La ketamina es un medicamento. Los médicos la usan para dormir. [@walsh2021ketamine]

<!-- more -->
Puede ayudar a algunas personas tristes. [@walsh2021ketamine; @simmler2022dual]
"""

SPANISH_SLIDE_2 = """\
---
title: ¿Es segura?
---
En la clínica, la dosis es pequeña. [@simmler2022dual]
"""


def spanish_strings(drop: tuple[str, ...] = ()) -> str:
    """A complete es/strings.toml (values only marked as Spanish), minus `drop`."""
    from app.content.strings import DEFAULT_STRINGS

    values = {
        **DEFAULT_STRINGS,
        "language_name": "Español",
        "next": "Siguiente",
        "progress": "{current} de {total}",
    }
    return "".join(
        f"{key} = {json.dumps(value, ensure_ascii=False)}\n"
        for key, value in values.items()
        if key not in drop
    )


def spanish_files() -> dict[str, str | bytes | None]:
    """Overrides that add a complete Spanish version (same file names as English)."""
    return {
        "deck.toml": deck_toml(("en", "es")),
        "es/strings.toml": spanish_strings(),
        "es/010-what-is-ketamine.md": SPANISH_SLIDE_1,
        "es/020-is-it-safe.md": SPANISH_SLIDE_2,
        "es/references.toml": SPANISH_NOTES,
    }


SPANISH_NOTES = """\
[simmler2022dual]
note = "En ratones, la ketamina no causó un consumo sin control."

[walsh2021ketamine]
note = "Una revisión de muchos estudios."
"""


def write_pack(
    tmp_path: Path, overrides: dict[str, str | bytes | None] | None = None, name: str = "pack"
) -> Path:
    """Write the valid pack to tmp_path/name; an override of None deletes that file."""
    root = tmp_path / name
    files: dict[str, str | bytes | None] = {**default_files(), **(overrides or {})}
    for relative, content in files.items():
        if content is None:
            continue
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
