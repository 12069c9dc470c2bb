"""Pandoc citations, `[@id]` and `[@a; @b]`, as a Python-Markdown extension.

Each becomes `<sup class="cite"><a href="cite:id">N</a></sup>`, N being the
reference's Vancouver number (a space before it becomes a no-break space
inside the `<sup>`): references are numbered in order of first
citation. The loader renders a language's slides in order and hands each render
the numbers given out so far, so a reference cited for the first time takes the
next number as it is met, and every slide is rendered once.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Container
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

# Pandoc: a key starts with a letter, digit or _, and may hold internal punctuation.
# The bounds keep a failed match short, so a stray "[@a; @b; ..." cannot go quadratic.
KEY = r"\w[\w:.#$%&+?~/-]{0,99}"
CITATION_RE = rf"\[\s*(@{KEY}(?:\s*;\s*@{KEY}){{0,49}})\s*\]"
# The spaces before a citation are taken with it and given back as a no-break
# space, so its number never starts a line on its own.
GLUED_CITATION_RE = rf"[ \t]*{CITATION_RE}"
NO_BREAK_SPACE = "\u00a0"
_KEY_IN_GROUP = re.compile(rf"@({KEY})")
CITE_SCHEME = "cite:"


@dataclass
class CitationLog:
    """What one render cited. `known` holds the ids of references.json."""

    known: Container[str]
    numbers: dict[str, int]  # id -> number: the ones given out before, then this render's
    used: list[str] = field(default_factory=list)  # known ids, first use order
    unknown: list[str] = field(default_factory=list)  # every unknown use, in order
    links: set[int] = field(default_factory=set)  # id() of the <a> elements we made

    def number(self, ref_id: str) -> int:
        """The number of a known id; one cited for the first time takes the next."""
        if ref_id not in self.used:
            self.used.append(ref_id)
        return self.numbers.setdefault(ref_id, len(self.numbers) + 1)

    def is_ours(self, element: etree.Element) -> bool:
        return id(element) in self.links


class _CitationProcessor(InlineProcessor):
    def __init__(self, pattern: str, md: Markdown, log: CitationLog) -> None:
        super().__init__(pattern, md)
        self.log = log

    def handleMatch(self, m: re.Match[str], data: str):  # noqa: N802 (Markdown's name)
        sup = etree.Element("sup", {"class": "cite"})
        if m.group(0)[:1] in " \t":
            sup.text = AtomicString(NO_BREAK_SPACE)
        previous: etree.Element | None = None
        for index, ref_id in enumerate(_KEY_IN_GROUP.findall(m.group(1))):
            separator = "," if index else ""
            if ref_id in self.log.known:
                _append_text(sup, previous, separator)
                link = etree.SubElement(sup, "a", {"href": CITE_SCHEME + ref_id})
                link.text = AtomicString(str(self.log.number(ref_id)))
                self.log.links.add(id(link))
                previous = link
            else:
                # Shown as plain text, never as a link that would lead nowhere.
                self.log.unknown.append(ref_id)
                _append_text(sup, previous, f"{separator}@{ref_id}")
        return sup, m.start(0), m.end(0)


def _append_text(parent: etree.Element, last: etree.Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        parent.text = AtomicString((parent.text or "") + text)
    else:
        last.tail = AtomicString((last.tail or "") + text)


class CitationExtension(Extension):
    def __init__(self, log: CitationLog) -> None:
        super().__init__()
        self.log = log

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        # Above 'reference' (170) and 'link' (160), which would read [@id] as a link;
        # below 'backtick' (190), so `[@id]` in code stays code.
        processor = _CitationProcessor(GLUED_CITATION_RE, md, self.log)
        md.inlinePatterns.register(processor, "citation", 175)
