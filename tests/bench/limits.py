"""Time `clinic-kiosk check` on the largest packs app/content/limits.py allows.

Run: .venv/bin/python tests/bench/limits.py [--keep DIR]

Each pack fills one kind of limit to the brim with the costliest content
that still passes it (dense markup, brackets at the scan limit, the most
slides, references, pictures and TOML), and `all` fills every limit at once.
Prints one line per pack: its size, check's exit status and seconds (from a
fresh process, as a clinic runs it), and the seconds the kiosk's update
(load_every_language, in the watcher's worker) takes. The target is under
15 s each. Not collected by pytest (pyproject: norecursedirs = tests/bench).
"""

from __future__ import annotations

import argparse
import json
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from app.content import limits  # noqa: E402
from app.content.brackets import LINK_SCAN_FREE, LINK_SCAN_PER_CHARACTER  # noqa: E402
from app.content.pack_shelf import load_every_language  # noqa: E402

KIOSK = Path(sys.executable).parent / "clinic-kiosk"
LANGUAGES = tuple(f"l{chr(97 + i)}" for i in range(limits.MAX_LANGUAGES - 1))
ALL_LANGUAGES = ("en", *LANGUAGES)
REFERENCE_IDS = [f"ref{n}" for n in range(limits.MAX_REFERENCES)]

# The densest ordinary markup measured: every line a list item with
# emphasis, a citation and a link.
DENSE_LINE = "- *a* **b** `c` [d](e) [@ref1] _f_ ![g](media/p0.png)\n"


def dense(size: int) -> str:
    return DENSE_LINE * (size // len(DENSE_LINE))


def brackets(size: int) -> str:
    """Unclosed brackets up to the scan's limit, then plain text."""
    budget = LINK_SCAN_FREE + LINK_SCAN_PER_CHARACTER * size
    count = budget // size - 1
    return "[" * count + "ab " * ((size - count) // 3)


def slide(title: str, body: str) -> str:
    return f"---\ntitle: {title}\nicon: fa6s.house\n---\n{body}\n"


def png(width: int, height: int, size: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    filler = chunk(b"tEXt", b"c\0" + b"x" * (size - 200))
    pixels = chunk(b"IDAT", zlib.compress(b"\0" * 64))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + filler + pixels + chunk(b"IEND", b"")


def svg(elements: int) -> str:
    rects = "".join(
        f'<rect x="{n % 100}" y="{n // 100}" width="1" height="1"/>' for n in range(elements)
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">{rects}</svg>'


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def base(languages=("en",), references: int = 2) -> dict[str, str | bytes]:
    refs = [
        {"id": ref_id, "title": "A study", "note": "It found a thing."} for ref_id in REFERENCE_IDS
    ]
    langs = ", ".join(f'"{lang}"' for lang in languages)
    return {
        "deck.toml": f'title = "Limits"\nlanguages = [{langs}]\n',
        "clinic.toml": 'name = "C"\nphone = "+1 555 010 0100"\n',
        "references.json": json.dumps(refs[:references]),
        "media/p0.png": png(64, 64, 1000),
    }


def slides(languages, per_language: int, body) -> dict[str, str]:
    files = {}
    for language in languages:
        for n in range(per_language):
            files[f"{language}/{n:03}-s{n}.md"] = slide(f"Slide {n}", body(n))
    return files


def toml_strings(size: int) -> str:
    line = 'next = "Next"\n'
    return "# filler\n" * ((size - len(line)) // 9) + line


def reference_notes(size: int) -> str:
    entry = '[ref{n}]\nnote = "' + "A note in this language. " * 20 + '"\n'
    text, n = "", 0
    while len(text) + len(entry) < size and n < len(REFERENCE_IDS):
        text += entry.format(n=n)
        n += 1
    return text


def packs() -> dict[str, dict[str, str | bytes]]:
    budget = limits.PACK_SLIDES_LIMIT - 4 * limits.KiB  # front matter and rounding
    per_file = limits.SLIDE_LIMIT - 200
    languages = ALL_LANGUAGES
    per_slide_share = budget // (len(languages) * limits.MAX_SLIDES)
    big_slides = budget // per_file
    found = {
        "dense-markup": {
            **base(),
            **slides(("en",), big_slides, lambda n: dense(per_file)),
        },
        "brackets-at-limit": {
            **base(),
            **slides(("en",), big_slides, lambda n: brackets(per_file)),
        },
        "most-slides": {
            **base(languages),
            **slides(languages, limits.MAX_SLIDES, lambda n: dense(per_slide_share - 60)),
        },
        "references": {
            **base(references=limits.MAX_REFERENCES),
            **slides(("en",), 1, lambda n: " ".join(f"[@{r}]" for r in REFERENCE_IDS)),
        },
        "pictures": {
            **base(),
            **{f"media/big{n}.png": png(4000, 4000, limits.PICTURE_LIMIT - 1000) for n in range(5)},
            "media/busy.svg": svg(limits.MAX_SVG_ELEMENTS - 10),
            **slides(
                ("en",),
                6,
                lambda n: (
                    f"![A picture](media/big{n}.png)" if n < 5 else "![A drawing](media/busy.svg)"
                ),
            ),
        },
        "toml": {
            **base(languages, references=limits.MAX_REFERENCES),
            **{f"{lang}/strings.toml": toml_strings(limits.TOML_LIMIT - 100) for lang in languages},
            **{
                f"{lang}/references.toml": reference_notes(limits.TOML_LIMIT - 100)
                for lang in languages
                if lang != "en"
            },
            **slides(languages, 1, lambda n: "Words."),
        },
    }
    # Every limit at once: the slide budget as dense markup in every
    # language, the most references, pictures and TOML.
    found["all"] = {
        **found["toml"],
        **found["pictures"],
        **base(languages, references=limits.MAX_REFERENCES),
        **slides(languages, limits.MAX_SLIDES, lambda n: dense(per_slide_share - 60)),
    }
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="write the packs here and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="limits-"))
    worst = 0.0
    for name, files in packs().items():
        root = write(folder / name, files)
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
        start = time.perf_counter()
        done = subprocess.run(
            [str(KIOSK), "check", str(root)], capture_output=True, text=True, timeout=300
        )
        seconds = time.perf_counter() - start
        errors = [line for line in done.stdout.splitlines() if ": error: " in line]
        start = time.perf_counter()
        load_every_language(root)
        update = time.perf_counter() - start
        worst = max(worst, seconds)
        print(
            f"{name:18} {size / 2**20:6.1f} MiB  check exit {done.returncode} "
            f"({len(errors)} errors) {seconds:5.1f} s   update load {update:5.1f} s",
            flush=True,
        )
        for line in errors[:3]:
            print("    ", line[-160:])
        if "Traceback" in done.stderr:
            print(done.stderr[-2000:])
    print(f"worst check: {worst:.1f} s ({'PASS' if worst < 15 else 'FAIL'}: under 15 s)")
    return 0 if worst < 15 else 1


if __name__ == "__main__":
    sys.exit(main())
