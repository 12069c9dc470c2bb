"""Every limit a content pack must keep, in one place, with its reason.

`clinic-kiosk check` reports a pack past any of them as an error, and the
kiosk never goes past one: the loader refuses, cuts or falls back at exactly
the same value. The kiosk's start does not depend on them (it renders only
the first slide before its first paint; the rest loads in a worker thread),
so the slide limits bound the time of that background load and of `check`,
and the memory the pack's words take (tests/bench/scale.py measures packs
of 13 to 2000 slides a language; tests/bench/limits.py the hostile ones)."""

from __future__ import annotations

KiB = 1024
MiB = 1024 * KiB

# --- files ---------------------------------------------------------------
# A real slide is 1 to 5 KiB (the bundled pack's largest is under 5).
# Python-Markdown reads dense markup (lists, links, quotes on every line) at
# about 40 KiB a second here, plain prose at over 1 MiB a second.
SLIDE_LIMIT = 32 * KiB
# Every slide file of every language together: the bound on the memory the
# words take (about 3 times their size once rendered, so 50 MB at most) and
# on the time of check and of the background load. A clinic library of 2000
# slides in two languages, each slide as long as the bundled ones (3 KiB on
# average), is 12 MiB; the bundled pack uses 82 KiB. Ordinary prose renders
# at about 1 MiB a second here (16 s at this limit); the densest markup at
# 40 KiB a second, minutes at this limit -- in the kiosk's worker thread,
# never before its first paint, and only for a pack `check` has refused.
PACK_SLIDES_LIMIT = 16 * MiB
# Slides in one language: Topics shows them in pages of 60, and the full
# load renders about 300 a second here (2500: 8 s in the background).
MAX_SLIDES = 2500
# Languages a deck may list; each is loaded in full by check and by an update.
MAX_LANGUAGES = 12
# A slide title is a few words on one or two lines (the bundled pack's
# longest is 42 characters); past this it would push the text off screen.
MAX_TITLE = 120
# strings.toml, references.toml, deck.toml, clinic.toml: tomllib is pure
# Python, and a real one is under 20 KiB.
TOML_LIMIT = 256 * KiB
# references.json: MAX_REFERENCES entries of a few KiB each.
JSON_LIMIT = 2 * MiB

# --- pictures --------------------------------------------------------------
# A 4K screen is 3840x2160 (8.3 million pixels); 16 million pixels decode to
# 64 MB. Past these a picture costs memory and time for nothing on screen.
MAX_SIDE, MAX_PIXELS = 8192, 16_000_000
# Wider than 10:1 (or taller) a picture is a line on screen, and an SVG of
# 1x100000 would be drawn 100,000 times as high as the text is wide.
MAX_ASPECT = 10
# A photo for a 4K screen is 1 to 4 MiB as JPEG; diagrams are SVGs of a few
# KiB. The second is every picture one language shows, kept in memory.
PICTURE_LIMIT, PICTURES_LIMIT = 4 * MiB, 24 * MiB
# An SVG is redrawn at every resize; a diagram has hundreds of elements.
MAX_SVG_ELEMENTS = 20_000

# --- references.json -------------------------------------------------------
# A pack for patients cites a few dozen studies; The science shows one card
# each, so thousands would take the screen seconds to build.
MAX_REFERENCES = 500
# Numbers in CSL-JSON are years, volumes and pages: 15 digits is plenty, and
# json would refuse (ValueError) past 4,300 digits or turn 1e400 into infinity.
MAX_DIGITS = 15
# A title or a note is a sentence or a paragraph; a study has a few dozen authors.
MAX_TEXT = 5000
MAX_AUTHORS = 500

# --- links shown as QR codes ----------------------------------------------
# A 200-character link at error level M is a version 10 code (57 modules):
# 3.7 pixels a module on a 240-pixel code, which a phone still reads across a
# room. Longer links make denser codes.
MAX_LINK_LENGTH = 200

# --- kiosk timings, in whole seconds (lowest, highest) --------------------
# `check` reports a value outside these and the loader keeps the default;
# KioskPolicy refuses one. The lowest warning is WCAG 2.2.1's 20 seconds to
# answer "Still reading?". The highest are an hour (a slide of the attract
# loop, an idle patient) and ten minutes (the countdown): past them the next
# patient finds the last one's place, and a Qt timer, which takes at most
# 2**31 - 1 ms (24.8 days), is always far from its end.
KIOSK_LIMITS: dict[str, tuple[int, int]] = {
    "attract_seconds": (1, 3600),
    "idle_seconds": (1, 3600),
    "warning_seconds": (20, 600),
}
