"""Damaged and hostile packs, many of each kind: `check` reports every one as
`path:line: severity: message` lines and exits 0 or 1, never with a
traceback, and `load_pack` never raises, in any language.

Each case damages the small valid pack of tests/content/packs.py one way and
names a piece of text the errors must hold (the culprit file or value)."""

from __future__ import annotations

import json
import os
import re
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from app import cli
from app.content import limits
from app.content.loader import load_pack
from tests.content.packs import (
    CLINIC_TOML,
    SIMMLER,
    WALSH,
    deck_toml,
    references_json,
    write_pack,
)

LINE = re.compile(r'^(?:"[^"]+"|[^"\n]+):\d+: (?:error|warning|note): \S')


def refs(*changes: dict) -> str:
    """references.json with SIMMLER's fields changed."""
    return references_json({**SIMMLER, **changes[0]} if changes else SIMMLER, WALSH)


def raw_refs(simmler_fields: str) -> str:
    """references.json with raw JSON text for SIMMLER's extra fields."""
    walsh = json.dumps(WALSH)
    return f'[{{"id": "simmler2022dual", {simmler_fields}}}, {walsh}]'


def slide(title: str, body: str = "Words. [@simmler2022dual] [@walsh2021ketamine]") -> str:
    return f"---\ntitle: {title}\n---\n{body}\n"


def symlink(name: str, target: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        os.symlink(target, root / name)

    return make


def named_file(name: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / "en" / name).write_text(slide("A slide"), encoding="utf-8")

    return make


def clinic(**values: str) -> str:
    """clinic.toml with these keys changed."""
    text = CLINIC_TOML
    for key, value in values.items():
        text = re.sub(rf"^{key} = .*$", f"{key} = {json.dumps(value)}", text, flags=re.M)
    return text


def timings(**values: int) -> str:
    deck = deck_toml()
    for key, value in values.items():
        deck = re.sub(rf"{key} = \d+", f"{key} = {value}", deck)
    return deck


_SPANISH = slide("Dosis", "La dosis es pequeña. [@walsh2021ketamine]").encode()
CUT_IN_N = _SPANISH[: _SPANISH.index("ñ".encode()) + 1]


def png(width: int, height: int, corrupt: bool = False) -> bytes:
    """A PNG whose header says width x height (its pixels need not match)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) ^ (corrupt and kind == b"IDAT")
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * (3 * min(width, 8) + 1) * min(height, 8))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def picture(name: str, data: bytes | str) -> dict:
    """A slide showing media/<name>, which holds `data`."""
    body = f"![A picture](media/{name})\n\nWords. [@simmler2022dual] [@walsh2021ketamine]"
    return {"en/020-is-it-safe.md": slide("Pictures", body), f"media/{name}": data}


def svg(inner: str = "", size: str = 'width="16" height="9"') -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f"{size}>{inner}</svg>"
    )


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]><svg xmlns="http://www.w3.org/2000/svg">&c;</svg>'
)

# (name, files to write over the valid pack, or a function damaging it, culprit)
CASES: list[tuple[str, dict | Callable[[Path], None], str]] = [
    # Numbers json cannot hold: 1e400 is infinity, 5000 digits a ValueError.
    (
        "csl-date-1e400",
        {"references.json": raw_refs('"issued": {"date-parts": [[1e400]]}')},
        "1e400",
    ),
    ("number-5000-digits", {"references.json": raw_refs('"volume": ' + "9" * 5000)}, "5000"),
    ("json-nan", {"references.json": raw_refs('"volume": NaN')}, "NaN"),
    ("json-infinity", {"references.json": raw_refs('"page": -Infinity')}, "Infinity"),
    ("date-month-13", {"references.json": refs({"issued": {"date-parts": [[2022, 13]]}})}, "month"),
    ("date-year-text", {"references.json": refs({"issued": {"date-parts": [["soon"]]}})}, "year"),
    ("date-true", {"references.json": refs({"issued": {"date-parts": [[True]]}})}, "year"),
    ("date-float", {"references.json": refs({"issued": {"date-parts": [[2022.5]]}})}, "year"),
    ("date-negative", {"references.json": refs({"issued": {"date-parts": [[-44]]}})}, "year"),
    # null is not text: never "None" on screen.
    ("family-null", {"references.json": refs({"author": [{"family": None}]})}, "null"),
    ("given-number", {"references.json": refs({"author": [{"family": "A", "given": 3}]})}, "given"),
    ("literal-list", {"references.json": refs({"author": [{"literal": ["x"]}]})}, "literal"),
    ("title-null", {"references.json": refs({"title": None})}, "title"),
    ("volume-object", {"references.json": refs({"volume": {"a": 1}})}, "volume"),
    ("nested-json", {"references.json": "[" * 100000 + "]" * 100000}, "references.json"),
    # Links that loop or lead nowhere.
    ("slide-links-to-itself", symlink("en/030-loop.md", "030-loop.md"), "030-loop.md"),
    (
        "slides-link-to-each-other",
        lambda r: (symlink("en/030-a.md", "040-b.md")(r), symlink("en/040-b.md", "030-a.md")(r)),
        "030-a.md",
    ),
    ("slide-links-nowhere", symlink("en/030-gone.md", "missing.md"), "030-gone.md"),
    (
        "picture-links-to-itself",
        lambda r: ((r / "media/pill.svg").unlink(), symlink("media/pill.svg", "pill.svg")(r)),
        "pill.svg",
    ),
    (
        "folder-links-to-itself",
        lambda r: (
            (r / "deck.toml").write_text(deck_toml(("en", "es")), encoding="utf-8"),
            (r / "es").symlink_to("es"),
        ),
        "es",
    ),
    # Characters that would show as boxes, ring bells or turn text around.
    ("title-bidi-override", {"en/020-is-it-safe.md": slide("Safe \u202eefas")}, "U+202E"),
    ("title-control-chars", {"en/020-is-it-safe.md": slide("Bell\x07 esc\x1b[31m")}, "U+0007"),
    (
        "body-nul",
        {"en/020-is-it-safe.md": slide("Fine", "Nul\x00 here [@walsh2021ketamine]")},
        "U+0000",
    ),
    (
        "toml-escaped-override",
        {"clinic.toml": 'name = "A\\u202eB"\nphone = "+1 555 010 0100"\n'},
        "U+202E",
    ),
    ("json-escaped-override", {"references.json": refs({"title": "Study \u202e"})}, "U+202E"),
    ("deck-title-c1", {"deck.toml": deck_toml().replace("Ketamine", "Ket\u0085amine")}, "U+0085"),
    # File names a terminal line cannot hold.
    ("file-name-newline", named_file("030-a\nb.md"), "\\n"),
    ("file-name-override", named_file("030-\u202ecod.md"), "\\u202e"),
    (
        "file-name-not-utf8",
        lambda r: (r / "en" / os.fsdecode(b"030-\xff.md")).write_bytes(b"x"),
        "\\udcff",
    ),
    # Placeholders with a format spec or conversion, or not plain names.
    ("spec-s", {"en/strings.toml": 'progress = "{current:s} of {total}"\n'}, "{current:s}"),
    ("conversion-x", {"en/strings.toml": 'progress = "{current!x} of {total}"\n'}, "{current!x}"),
    ("spec-d", {"en/strings.toml": 'crisis = "Call {crisis_line:d}"\n'}, "{crisis_line:d}"),
    (
        "spec-huge-width",
        {"en/strings.toml": 'starting_over = "{seconds:>400000000}"\n'},
        "{seconds",
    ),
    ("nested-spec", {"en/strings.toml": 'progress = "{current:{total}}"\n'}, "{current"),
    ("attribute", {"en/strings.toml": 'progress = "{current.real} of {total}"\n'}, "current.real"),
    ("index", {"en/strings.toml": 'progress = "{current[0]} of {total}"\n'}, "current[0]"),
    ("positional", {"en/strings.toml": 'progress = "{0} of {1}"\n'}, "{0}"),
    # Kiosk timings a Qt timer cannot take, or that make no sense.
    ("attract-2147484", {"deck.toml": timings(attract_seconds=2147484)}, "attract_seconds"),
    ("idle-3000000", {"deck.toml": timings(idle_seconds=3000000)}, "idle_seconds"),
    ("warning-3000000", {"deck.toml": timings(warning_seconds=3000000)}, "warning_seconds"),
    ("idle-huge", {"deck.toml": timings(idle_seconds=10**30)}, "idle_seconds"),
    ("idle-negative", {"deck.toml": timings(idle_seconds=-5)}, "idle_seconds"),
    # Ids that would cut a cite: link short.
    ("id-hash", {"references.json": refs({"id": "simmler#2022"})}, "simmler#2022"),
    ("id-question", {"references.json": refs({"id": "a?b=c"})}, "a?b=c"),
    ("id-space", {"references.json": refs({"id": "two words"})}, "two words"),
    ("cite-hash", {"en/020-is-it-safe.md": slide("Safe", "See [@simmler2022dual#x].")}, "#x"),
    # Brackets Python-Markdown would scan for a long time (refused before it sees them).
    ("unclosed-brackets", {"en/020-is-it-safe.md": slide("B", "[" * 8000)}, "never closes"),
    ("unclosed-words", {"en/020-is-it-safe.md": slide("B", "[a " * 4000)}, "never closes"),
    ("unclosed-citations", {"en/020-is-it-safe.md": slide("B", "[@a; " * 4000)}, "never closes"),
    ("unclosed-images", {"en/020-is-it-safe.md": slide("B", "![" * 4000)}, "never closes"),
    ("unclosed-link-parens", {"en/020-is-it-safe.md": slide("B", "[x](" * 4000)}, "never closes"),
    ("nested-brackets", {"en/020-is-it-safe.md": slide("B", "[" * 3000 + "]" * 3000)}, "nested"),
    # Past the size limits.
    ("slide-over-32k", {"en/020-is-it-safe.md": slide("B", "Words. " * 5000)}, "32 KiB"),
    (
        "pack-over-budget",
        {
            f"en/{n:04}-s.md": slide("B", "Words. " * 4000)
            for n in range(30, 31 + limits.PACK_SLIDES_LIMIT // len(slide("B", "Words. " * 4000)))
        },
        "all languages",
    ),
    (
        "too-many-slides",
        {f"en/{n:05}-s.md": slide("B", "") for n in range(100, 102 + limits.MAX_SLIDES)},
        str(limits.MAX_SLIDES),
    ),
    (
        "too-many-languages",
        {"deck.toml": deck_toml(tuple(f"l{c}" for c in "abcdefghijklmn"))},
        "languages",
    ),
    (
        "too-many-references",
        {
            "references.json": references_json(
                SIMMLER, WALSH, *({"id": f"r{n}"} for n in range(600))
            )
        },
        "500",
    ),
    ("strings-over-limit", {"en/strings.toml": "# " + "x" * 300_000 + "\n"}, "256 KiB"),
    # Pictures that reach outside the pack, blow memory or are not pictures.
    ("svg-image-absolute", picture("a.svg", svg('<image href="/etc/hosts"/>')), "/etc/hosts"),
    (
        "svg-xlink-file-url",
        picture("a.svg", svg('<image xlink:href="file:///etc/x.png"/>')),
        "file:",
    ),
    ("svg-image-parent", picture("a.svg", svg('<image href="../../secret.png"/>')), "../"),
    ("svg-use-outside", picture("a.svg", svg('<use href="other.svg#shape"/>')), "other.svg"),
    ("svg-css-url", picture("a.svg", svg('<rect style="fill: url(/x.svg#p)"/>')), "url(/x.svg"),
    ("svg-fill-url", picture("a.svg", svg('<rect fill="url(file:///x)"/>')), "url(file:"),
    ("svg-style-import", picture("a.svg", svg("<style>@import url(x.css);</style>")), "@import"),
    (
        "svg-other-prefix",
        picture("a.svg", svg('<image xmlns:q="urn:q" q:href="/etc/x"/>')),
        "/etc/x",
    ),
    (
        "svg-embedded-svg",
        picture("a.svg", svg('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>')),
        "data:image/svg",
    ),
    ("svg-billion-laughs", picture("a.svg", LAUGHS), "DOCTYPE"),
    ("svg-1x100000", picture("a.svg", svg(size='width="1" height="100000"')), "1 by 100000"),
    ("svg-viewbox-thin", picture("a.svg", svg(size='viewBox="0 0 100000 1"')), "100000 by 1"),
    ("svg-not-xml", picture("a.svg", "<svg><unclosed"), "a.svg"),
    ("svg-html", picture("a.svg", "<html><body/></html>"), "not an SVG"),
    ("png-30000-square", picture("a.png", png(30000, 30000)), "30000x30000"),
    ("png-thin", picture("a.png", png(8000, 4)), "8000 by 4"),
    ("png-corrupt", picture("a.png", png(4, 4, corrupt=True)), "damaged"),
    ("png-cut-short", picture("a.png", png(4, 4)[:-20]), "cut-short"),
    ("png-is-svg", picture("a.png", svg()), "not a PNG"),
    ("jpeg-is-text", picture("a.jpg", "hello"), "not a JPEG"),
    ("picture-is-deck", {"en/020-is-it-safe.md": slide("P", "![Deck](deck.toml)")}, "deck.toml"),
    ("picture-is-folder", {"en/020-is-it-safe.md": slide("P", "![Media](media)")}, "media"),
    ("picture-too-big", picture("a.png", png(4, 4) + b"\0" * (5 * 2**20)), "4 MiB"),
    # Numbers and links that would reach someone else.
    ("website-javascript", {"clinic.toml": clinic(website="javascript:alert(1)")}, "https:"),
    ("website-http", {"clinic.toml": clinic(website="http://clinic.example")}, "https:"),
    ("website-5000", {"clinic.toml": clinic(website="https://a.example/" + "x" * 5000)}, "200"),
    ("website-spaces", {"clinic.toml": clinic(website="https://a.example/a b")}, "spaces"),
    ("website-no-host", {"clinic.toml": clinic(website="https:///path")}, "site name"),
    ("website-userinfo", {"clinic.toml": clinic(website="https://me:pw@a.example")}, "password"),
    ("phone-vanity-no-country", {"clinic.toml": clinic(phone="1-800-FLOWERS")}, "country code"),
    ("phone-no-country", {"clinic.toml": clinic(phone="(555) 010-0100")}, "country code"),
    ("phone-words", {"clinic.toml": clinic(phone="call the desk")}, "not a phone number"),
    ("phone-short", {"clinic.toml": clinic(phone="+1 555")}, "too few"),
    ("text-extension", {"clinic.toml": clinic(text="+1 555 010 0101 ext. 9")}, "extension"),
    ("doi-not-a-doi", {"references.json": refs({"DOI": "see the paper"})}, "DOI"),
    ("url-javascript", {"references.json": refs({"URL": "javascript:alert(1)"})}, "URL"),
    # Half-written files.
    ("front-matter-unclosed", {"en/020-is-it-safe.md": "---\ntitle: Is it"}, "closing ---"),
    ("cut-mid-utf8", {"en/020-is-it-safe.md": CUT_IN_N}, "UTF-8"),
    ("empty-slide", {"en/020-is-it-safe.md": ""}, "020-is-it-safe.md"),
    ("empty-deck", {"deck.toml": ""}, "deck.toml"),
    ("empty-references", {"references.json": ""}, "references.json"),
]


@pytest.mark.parametrize(("name", "damage", "culprit"), CASES, ids=[c[0] for c in CASES])
def test_check_reports_and_load_never_raises(qapp, tmp_path, capsys, name, damage, culprit):
    if callable(damage):
        root = write_pack(tmp_path)
        damage(root)
    else:
        root = write_pack(tmp_path, damage)
    for language in (None, "en", "es"):
        result = load_pack(root, language)  # must not raise
        assert result.pack is not None or any(p.is_error for p in result.problems)
    status = cli.check(root)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    lines = out.splitlines()
    assert lines and all(LINE.match(line) for line in lines), out
    errors = [line for line in lines if ": error: " in line]
    assert status == 1 and errors, out
    assert any(culprit in line for line in errors), out
