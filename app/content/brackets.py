"""A linear look at a slide's brackets before Python-Markdown sees them.

Python-Markdown's link, image and reference patterns look for the `]` that
closes each `[`, and for the `)` that closes each `](`, one character at a
time: every opening bracket costs the distance to its partner, or to the end
of the paragraph when there is none. 4,000 unclosed `[` took 12 s, and as
many `[x](` without a `)` as long; deep nesting costs the same. This counts
that cost in one pass (a paragraph bounds the text each scan sees), and a
part of a slide that would cost more than LINK_SCAN_PER_CHARACTER steps a
character is refused with the line of the bracket to fix, never rendered."""

from __future__ import annotations

from dataclasses import dataclass

# Real slides cost under one step per character (the bundled pack's most is
# 0.17: a citation or a link spans only its own text). At 8 the costliest
# slide let through, 32 KiB, renders in about 0.3 s, less than a slide of
# dense ordinary markup (lists, emphasis) of the same size.
LINK_SCAN_PER_CHARACTER = 8
LINK_SCAN_FREE = 4096  # a short part with one long link is never refused


@dataclass(frozen=True)
class BracketScan:
    cost: int  # the characters Python-Markdown's scans would read
    unclosed: int  # offset of the first bracket that never closes, or -1

    def too_costly(self, length: int) -> bool:
        return self.cost > LINK_SCAN_FREE + LINK_SCAN_PER_CHARACTER * length


def scan(text: str) -> BracketScan:
    cost = 0
    unclosed = -1
    for start, end in _paragraphs(text):
        opened: list[int] = []  # offsets of open `[`
        parens: list[int] = []  # offsets of open `(`
        closes: dict[int, int] = {}  # offset of a `(` -> offset of its `)`
        links: list[int] = []  # offsets of the `(` right after a `]`
        index = start
        while index < end:
            char = text[index]
            if char == "\\":
                index += 2  # an escaped character is text
                continue
            if char == "[":
                opened.append(index)
            elif char == "]":
                if opened:
                    cost += index - opened.pop()
                if index + 1 < end and text[index + 1] == "(":
                    links.append(index + 1)
            elif char == "(":
                parens.append(index)
            elif char == ")" and parens:
                closes[parens.pop()] = index
            index += 1
        # Each `](` is scanned on its own, to its `)` or to the paragraph's end.
        cost += sum(closes.get(link, end) - link for link in links)
        cost += sum(end - offset for offset in opened)
        still_open = opened + [link for link in links if link not in closes]
        if still_open and unclosed < 0:
            unclosed = min(still_open)
    return BracketScan(cost, unclosed)


def _paragraphs(text: str):
    """(start, end) of each run of text between blank lines."""
    start = 0
    while start < len(text):
        end = text.find("\n\n", start)
        end = len(text) if end == -1 else end
        yield start, end
        start = end + 2
