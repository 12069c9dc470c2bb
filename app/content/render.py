"""Markdown to safe HTML and plain text for one part of a slide.

Safety rules: raw HTML tags are dropped (their text stays), links are shown as
plain text (the kiosk never opens them), images must be files inside the pack
with alt text. Findings carry the file line they come from.
"""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as etree
from collections.abc import Container
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import HTML_RE, InlineProcessor
from markdown.treeprocessors import Treeprocessor

from app.content.brackets import scan as scan_brackets
from app.content.citations import CitationExtension, CitationLog
from app.content.model import Figure, Problem
from app.content.pictures import PackPictures, image_problems
from app.content.problems import error
from app.content.slide_file import Section


@dataclass(frozen=True)
class Rendered:
    html: str
    text: str  # plain text: no markup, no citation marks
    citations: tuple[str, ...]  # known ids in order of first use
    problems: tuple[Problem, ...]
    figures: tuple[Figure, ...] = ()  # pictures lifted out of `html` (see lift_figures)


@dataclass(frozen=True)
class _Finding:
    needle: str  # text to look for in the source to find the line
    items: tuple[tuple[str, str], ...]  # (severity, message); () just moves the locator on
    kind: str = ""


class _Findings(list):
    def add(self, needle: str, *items: tuple[str, str], kind: str = "") -> None:
        self.append(_Finding(needle, items, kind))


class _DropHtml(InlineProcessor):
    """Raw HTML tags vanish; the text between them stays as ordinary text."""

    def __init__(self, md: markdown.Markdown, findings: _Findings) -> None:
        super().__init__(HTML_RE, md)
        self.findings = findings

    def handleMatch(self, m: re.Match[str], data: str):  # noqa: N802 (Markdown's name)
        tag = m.group(0)
        if not tag.startswith("</"):  # the opening tag's warning covers its end tag
            self.findings.add(tag, ("warning", f"raw HTML is not shown: {tag}"), kind="html")
        return "", m.start(0), m.end(0)


class _LinksAndImages(Treeprocessor):
    def __init__(self, md, findings: _Findings, log: CitationLog, where: PackPictures) -> None:
        super().__init__(md)
        self.findings = findings
        self.log = log
        self.where = where

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in list(root.iter()):
            if element.tag == "a" and not self.log.is_ours(element):
                href = element.get("href", "")
                message = (
                    f"link to {href or '(nowhere)'} is not opened on the kiosk; "
                    "it is shown as plain text"
                )
                self.findings.add(href, ("warning", message))
                _unwrap(parents, element)
            elif element.tag == "img":
                src, alt = element.get("src", ""), element.get("alt", "")
                messages = image_problems(src, alt, self.where.root)
                if not messages:
                    messages = self.where.keep(src)
                # Good images are recorded too: they move the locator on, so a bad one
                # is not pinned on the line of an earlier good image with the same path.
                self.findings.add(src, *(("error", m) for m in messages))
                if messages:
                    _remove(parents, element, instead=alt)  # its words, never a hole
                elif self.where.figures is not None:
                    self.where.figures.append(Figure(src, alt))
                    _remove(parents, element)
        # Paragraphs left empty by dropped tags or refused images would show as gaps.
        for element in list(root.iter("p")):
            if not len(element) and not (element.text or "").strip() and element in parents:
                _remove(parents, element)


def _unwrap(parents: dict, element: etree.Element) -> None:
    """Replace an element by its content (text and children) in place."""
    parent = parents[element]
    index = list(parent).index(element)
    children = list(element)
    for child in children:
        parents[child] = parent
    _attach_text(parent, index, element.text or "")
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    last = children[-1] if children else None
    _attach_after(parent, index, last, element.tail or "")


def _remove(parents: dict, element: etree.Element, instead: str = "") -> None:
    """Take `element` out, leaving the text `instead` where it was."""
    parent = parents[element]
    index = list(parent).index(element)
    parent.remove(element)
    _attach_text(parent, index, instead + (element.tail or ""))


def _attach_text(parent: etree.Element, index: int, text: str) -> None:
    """Add text where child `index` of `parent` starts."""
    if not text:
        return
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text


def _attach_after(parent, index: int, last, text: str) -> None:
    if not text:
        return
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        _attach_text(parent, index, text)


class _SafetyExtension(Extension):
    def __init__(self, findings: _Findings, log: CitationLog, where: PackPictures) -> None:
        super().__init__()
        self.findings = findings
        self.log = log
        self.where = where

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's name)
        # Without the block preprocessor, HTML blocks become paragraphs whose tags the
        # inline processor below drops. Automail is off: it emits raw, encoded HTML.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("automail")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.register(_DropHtml(md, self.findings), "html", 90)
        # After 'inline' (20), which builds links and images; before 'prettify' (10).
        md.treeprocessors.register(
            _LinksAndImages(md, self.findings, self.log, self.where),
            "kiosk_safety",
            15,
        )


def render_section(
    section: Section,
    *,
    path: str,
    root: Path,
    known: Container[str],
    numbers: dict[str, int],
    report_unknown: bool = True,
    lift_figures: bool = False,
    pictures: dict[str, bytes] | None = None,
) -> Rendered:
    """Render one part of a slide. An id is a known citation if it is in `known`.

    `numbers` holds the citation numbers the parts before this one gave out;
    a known id this part cites for the first time takes the next number, and
    is added to `numbers` once the part has rendered.

    `lift_figures=True` takes the pictures out of the HTML into
    `Rendered.figures`, so the screen can lay them out beside the words.

    `report_unknown=False` when references.json itself is missing or broken: that
    error is already reported, and every citation would repeat it.

    `pictures` (src -> bytes) gets every picture the part shows, read and
    checked once (app/content/pictures.py); a refused one leaves its alt text.
    """
    if not section.text.strip():
        return Rendered("", "", (), ())
    brackets = scan_brackets(section.text)
    if brackets.too_costly(len(section.text)):
        return Rendered("", "", (), (_bracket_problem(section, path, brackets.unclosed),))
    findings = _Findings()
    # A copy: a part that fails to render gives out no numbers.
    log = CitationLog(known, dict(numbers))
    figures: list[Figure] | None = [] if lift_figures else None
    where = PackPictures(root, pictures if pictures is not None else {}, figures)
    md = _markdown(findings, log, where)
    try:
        html = md.convert(section.text)
    except Exception as exc:  # a pathological slide must not stop the kiosk
        _cached.md = None  # its state is unknown now: the next render builds afresh
        problem = error(path, section.first_line, f"this Markdown cannot be rendered ({exc!r})")
        return Rendered("", "", (), (problem,))
    numbers.update(log.numbers)
    locate = _Locator(section)
    problems: list[Problem] = []
    html_lines: set[int] = set()
    for ref_id in log.unknown if report_unknown else ():
        line = locate("@" + ref_id)
        problems.append(
            error(path, line, f"unknown citation id '{ref_id}' (not in references.json)")
        )
    for finding in findings:
        line = locate(finding.needle)
        if finding.kind == "html":
            if line in html_lines:
                continue  # one warning per line, not one per tag
            html_lines.add(line)
        problems += [Problem(path, line, severity, message) for severity, message in finding.items]
    return Rendered(
        html, html_to_text(html), tuple(log.used), tuple(problems), tuple(figures or ())
    )


_cached = threading.local()  # one Markdown per thread: the watcher's worker and the UI


def _markdown(findings: _Findings, log: CitationLog, where: PackPictures) -> markdown.Markdown:
    """A Markdown converter for this render. Building one registers some 40
    processors (a quarter of a slide's render time), so each thread keeps
    one and hands its processors this render's findings, log and pictures."""
    md = getattr(_cached, "md", None)
    if md is None:
        md = markdown.Markdown(
            extensions=[CitationExtension(log), _SafetyExtension(findings, log, where)],
            output_format="html",
        )
        _cached.md = md
    md.reset()
    md.inlinePatterns["citation"].log = log
    md.inlinePatterns["html"].findings = findings
    safety = md.treeprocessors["kiosk_safety"]
    safety.findings, safety.log, safety.where = findings, log, where
    return md


def _bracket_problem(section: Section, path: str, unclosed: int) -> Problem:
    line = section.first_line + section.text.count("\n", 0, max(unclosed, 0))
    if unclosed >= 0:
        why = "this [ (or the ( after a ]) never closes"
    else:
        why = "brackets here are nested too deeply"
    return error(
        path,
        line,
        f"{why}, and this part has too many such brackets to show quickly; "
        "close them, or write \\[ for a bracket (this part is not shown)",
    )


class _Locator:
    """Finds the file line of a piece of source; repeated pieces map to later lines."""

    def __init__(self, section: Section) -> None:
        self.section = section
        self.cursor: dict[str, int] = {}

    def __call__(self, needle: str) -> int:
        text = self.section.text
        start = self.cursor.get(needle, 0)
        found = text.find(needle, start) if needle else -1
        if found == -1 and start:
            found = text.find(needle)
        if found == -1:
            return self.section.first_line
        self.cursor[needle] = found + len(needle)
        return self.section.first_line + text.count("\n", 0, found)


_BLOCKS = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "hr",
    "table",
    "tr",
    "dd",
    "dt",
}


class _TextExtractor(HTMLParser):
    """Plain text of rendered HTML, minus citation marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        if self.skip_depth:
            self.skip_depth += tag != "br"
            return
        if tag == "sup" and ("class", "cite") in attrs:
            self.skip_depth = 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.skip_depth:
            self.skip_depth -= 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    # Spaces left before a removed citation mark would sit before the full stop.
    return "\n".join(re.sub(r" +([.,;:!?])", r"\1", line) for line in lines if line)
