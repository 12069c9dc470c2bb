"""The printed handout's words: a pack as one HTML text, ready for a QTextDocument.

The title and a line on how to read it, then the slides one after another
(each with its "Learn more" part and, with notes, the speaker notes), then
every reference in full with a QR code of its DOI, then the clinic's
contact details. Screen instructions ("Tap ...") are left out
(app/content/screen_words.py). Pages are made by app/export/pdf.py, which
keeps a heading with what follows it and the contact details whole: the
`KEEP_WHOLE` mark, at the start of a heading, makes its section one that is
never split.
A picture (a figure of the pack or a QR code) stands in the text as a
placeholder, `[[picture:N]]`, the Nth of `Handout.pictures`: pdf.py draws
each one there as vectors. No Qt here: this is text and data only.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from app.content.files import pack_file
from app.content.hours_text import shown_hours
from app.content.model import Clinic, Pack, Reference, Slide, phone_uri
from app.content.screen_words import for_paper, screen_words
from app.content.strings import word
from app.export.handout_questions import question_page
from app.export.quiz_handout import check_handout

PLACEHOLDER = re.compile(r"\[\[picture:(\d+)\]\]")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
KEEP_WHOLE = "[[keep-whole]]"  # starts a section kept on one page (pdf.py removes it)

CSS = """
body { color: #1A2330; }
h1 { font-size: 22pt; margin-top: 0; margin-bottom: 6pt; }
h2 { font-size: 17pt; margin-top: 22pt; margin-bottom: 6pt; }
h3 { font-size: 13pt; margin-top: 10pt; margin-bottom: 4pt; color: #0A4E57; }
h4 { font-size: 12pt; margin-top: 10pt; margin-bottom: 2pt; }
p, li { line-height: 140%; margin-top: 0; margin-bottom: 9pt; }
a { color: #0A4E57; text-decoration: none; font-weight: bold; }
.lead { font-size: 12pt; color: #3E4A57; margin-bottom: 4pt; }
.small { font-size: 9.5pt; color: #3E4A57; }
.notes { font-size: 11pt; }
.big { font-size: 17pt; font-weight: bold; }
.crisis { font-size: 13pt; font-weight: bold; }
.figure { margin-top: 4pt; margin-bottom: 4pt; line-height: 100%; }
"""


@dataclass
class Picture:
    """One picture of the handout: a pack file, or a QR code of `data`."""

    kind: str  # "file" or "qr"
    data: Path | str  # the file, or the text the QR code holds
    share: float = 0  # a file's width as a share of the page's


@dataclass
class Handout:
    title: str  # in the pack's language, for the PDF's properties and page footers
    page_label: str  # "Page {page} of {pages}", in the pack's language
    html: str
    pictures: list[Picture] = field(default_factory=list)


def build_handout(pack: Pack, notes: bool = False) -> Handout:
    """The whole handout of `pack`; `notes` adds the speaker notes."""
    return _Builder(pack, notes).handout()


class _Builder:
    """Writes the HTML, collecting the pictures its placeholders number."""

    def __init__(self, pack: Pack, notes: bool) -> None:
        self.pack = pack
        self.strings = pack.strings
        self.notes = notes
        self.pictures: list[Picture] = []

    def handout(self) -> Handout:
        """Each section in reading order; a new section is one more line here."""
        pack = self.pack
        parts = [self._opening()]
        parts.extend(self._slide(slide) for slide in pack.slides)
        parts.append(self._references(pack.references))
        parts.append(self._contact(pack.clinic))
        parts.append(question_page(pack))  # a last sheet to write on; "" without questions
        body = "\n".join(part for part in parts if part)
        return Handout(
            title=self._title(),
            page_label=word(self.strings, "handout_page"),
            html=f"<html><body>{body}</body></html>",
            pictures=self.pictures,
        )

    def _title(self) -> str:
        return word(self.strings, "handout_title") or self.pack.deck.title

    def _opening(self) -> str:
        how = word(self.strings, "handout_how_to_read")
        how = how.format(references=self.strings["references_title"])
        return f'<h1>{_e(self._title())}</h1>\n<p class="lead">{_e(how)}</p>'

    def _slide(self, slide: Slide) -> str:
        s = self.strings
        parts = [f"<h2>{_e(slide.title)}</h2>"]
        parts.extend(self._figure(figure.src, figure.alt, 0.7) for figure in slide.figures)
        parts.append(self._images(self._paper(slide.body_html)))
        parts.append(check_handout(slide, s))  # a check-yourself slide's questions
        if slide.more_html:
            parts.append(f"<h3>{_e(s['learn_more'])}</h3>")
            parts.append(self._images(self._paper(slide.more_html)))
        if self.notes and slide.notes:
            parts.append(f"<h3>{_e(word(s, 'presenter_notes'))}</h3>")
            for note in slide.notes:
                for paragraph in self._paper(note).split("\n\n"):
                    if paragraph.strip():
                        text = _e(paragraph.strip()).replace("\n", "<br/>")
                        parts.append(f'<p class="notes">{text}</p>')
        return "\n".join(parts)

    def _paper(self, fragment: str) -> str:
        return for_paper(fragment, screen_words(word(self.strings, "screen_words")))

    def _references(self, references: tuple[Reference, ...]) -> str:
        if not references:
            return ""
        parts = [f"<h2>{_e(self.strings['references_title'])}</h2>"]
        parts.extend(self._reference(reference) for reference in references)
        return "\n".join(parts)

    def _reference(self, reference: Reference) -> str:
        s = self.strings
        words = [
            f"<h4>{_e(s['reference_label'].format(number=reference.number))}</h4>",
            f"<p>{_e(reference.citation)}</p>",
            f"<p>{_e(reference.note)}</p>",
        ]
        if reference.doi:
            doi = word(s, "handout_doi").format(doi=reference.doi)
            words.append(f'<p class="small">{_e(doi)}</p>')
        qr = self._qr(reference.url, s["scan_paper"]) if reference.url else ""
        return _row("".join(words), qr)

    def _contact(self, clinic: Clinic) -> str:
        s = self.strings
        parts = [f"<h2>{KEEP_WHOLE}{_e(s['contact_title'])}</h2>"]
        if clinic.name:
            parts.append(f'<p class="big">{_e(clinic.name)}</p>')
        for heading, number, scheme, caption in (
            (s["call_us"], clinic.phone, "tel", s["scan_to_call"]),
            (s["text_us"], clinic.text, "sms", s["scan_to_text"]),
        ):
            if number:
                words = f'<h3>{_e(heading)}</h3><p class="big">{_e(number)}</p>'
                parts.append(_row(words, self._qr(phone_uri(scheme, number), caption)))
        details = ""
        if clinic.address:
            details += f"<h3>{_e(s['address'])}</h3><p>{_e(clinic.address)}</p>"
        hours = shown_hours(clinic, s)  # in the handout's language, from [opening_hours]
        if hours:
            details += f"<h3>{_e(s['hours'])}</h3>"
            details += "".join(f"<p>{_e(line)}</p>" for line in hours)
        website = ""
        if clinic.website:
            website = self._qr(clinic.website, f"{s['website']}\n{clinic.website}")
        if details or website:
            parts.append(_row(details, website))
        if clinic.crisis_line:
            crisis = s["crisis"].format(crisis_line=clinic.crisis_line)
            parts.append(
                '<table width="100%" cellpadding="10" style="margin-top: 14pt"'
                ' bgcolor="#D6ECEE"><tr><td>'
                f'<p class="crisis">{_e(crisis)}</p></td></tr></table>'
            )
        parts.append(f'<p class="small"><br/>{_e(s["disclaimer"])}</p>')
        return "\n".join(parts)

    def _figure(self, src: str, alt: str, share: float) -> str:
        path = pack_file(self.pack.root, src)
        if path is None:
            return ""
        placeholder = self._picture(Picture("file", path, share))
        caption = ""
        if alt:
            caption = f'<p class="small" align="center" style="margin-bottom: 14pt">{_e(alt)}</p>'
        return f'<p class="figure" align="center">{placeholder}</p>{caption}'

    def _images(self, fragment: str) -> str:
        """Pictures inside the text become vector pictures of the handout."""

        def replace(match: re.Match[str]) -> str:
            attributes = dict(_ATTR.findall(match.group(0)))
            return self._figure(html.unescape(attributes.get("src", "")), "", 0.6)

        return _IMG.sub(replace, fragment)

    def _qr(self, data: str, caption: str) -> str:
        """A QR code of `data` with its caption (lines kept) below it."""
        placeholder = self._picture(Picture("qr", data))
        lines = _e(caption).replace("\n", "<br/>")
        return f'<p class="figure" align="center">{placeholder}</p><p class="small">{lines}</p>'

    def _picture(self, picture: Picture) -> str:
        self.pictures.append(picture)
        return f"[[picture:{len(self.pictures) - 1}]]"


def _row(words: str, picture: str) -> str:
    """Words on the left, a QR code (or nothing) on the right."""
    if not picture:
        return f"<div>{words}</div>"
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom: 12pt">'
        f'<tr><td valign="top">{words}</td>'
        f'<td width="32%" valign="top" align="center">{picture}</td></tr></table>'
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)
