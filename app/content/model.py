"""The content pack as plain data: what the loader returns and the UI shows.

Plain, not frozen, dataclasses (but Problem, a value kept in sets): nothing
changes them once loaded, and a frozen dataclass has three more methods
compiled each time this module is imported, about 3 ms of every kiosk
start-up for the ones here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import phonenumbers

from app.content.characters import printable


@dataclass(frozen=True)
class Problem:
    """One finding about a pack, printed as `path:line: severity: message`."""

    path: str
    line: int
    severity: str  # "error" or "warning"
    message: str

    def __str__(self) -> str:
        # One line whatever the names hold: a path with a newline is quoted.
        path = printable(self.path)
        if path != self.path:
            path = f'"{path}"'
        return f"{path}:{self.line}: {self.severity}: {printable(self.message)}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


@dataclass
class KioskTimings:
    """deck.toml's [kiosk] table: seconds for the attract loop and the idle reset."""

    attract_seconds: int = 12
    idle_seconds: int = 90
    warning_seconds: int = 30


@dataclass
class Deck:
    """deck.toml: the title, languages, review dates and kiosk timings."""

    title: str = ""
    languages: tuple[str, ...] = ("en",)
    reviewed: date | None = None
    review_due: date | None = None
    kiosk: KioskTimings = field(default_factory=KioskTimings)
    # Review status of each translation, e.g. {"es": "awaiting medical review"}.
    translations: dict[str, str] = field(default_factory=dict)
    # [usage] counting: the kiosk keeps hourly usage counts (app/system/usage_store.py).
    usage_counting: bool = True


@dataclass
class OpeningHours:
    """clinic.toml's [opening_hours], in the kiosk's local time: for each day
    of the week (Monday first) its open ranges as minutes after midnight
    (an end may be 24 * 60), the dates the clinic is closed all day, and
    whether the display is turned off while it is closed."""

    week: tuple[tuple[tuple[int, int], ...], ...] = ((),) * 7
    closed_dates: frozenset[date] = frozenset()
    display_off_when_closed: bool = False
    display_output: str = ""  # "" turns off every output wlr-randr lists
    display_tool: str = "wlr-randr"  # or "wlopm" (app/system/display_power.py)


@dataclass
class Clinic:
    """clinic.toml: who to call, text or visit, and where to get help now."""

    name: str = ""
    phone: str = ""
    text: str = ""
    address: str = ""
    hours: tuple[str, ...] = ()  # the old free text, shown as written in every language
    opening_hours: OpeningHours | None = None  # drives the closed screen and the shown hours
    website: str = ""
    # Help now. No default crisis line: it differs by country, and `check`
    # refuses a pack without one. The lines' names are in strings.toml.
    crisis_line: str = ""  # to call
    crisis_text: str = ""  # to text; "" when the line takes no texts
    emergency: str = "911"
    helpline: str = ""  # a national treatment helpline; "" shows none
    sample: bool = False  # made-up details of an example pack, marked as such


def phone_uri(scheme: str, number: str) -> str:
    """A clinic number as a `tel:` (RFC 3966) or `sms:` (RFC 5724) URI for its
    QR code: the number in E.164 form and, for `tel:`, its extension, so
    "+1 555 010 0100 ext. 23" becomes "tel:+15550100100;ext=23". Letters are
    read as on a keypad (+1-800-FLOWERS is +18003569377). "" for a number
    phone_problem refuses: no code is better than one that calls a stranger."""
    if phone_problem(scheme, number):
        return ""
    if _short_number(number):
        return f"{scheme}:{_short_number(number)}"
    parsed = phonenumbers.parse(number, None)
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    extension = f";ext={parsed.extension}" if scheme == "tel" and parsed.extension else ""
    return f"{scheme}:{e164}{extension}"


def phone_problem(scheme: str, number: str) -> str:
    """Why `number` cannot be called (`tel`) or texted (`sms`) from a QR code;
    "" when it can. Numbers are read by Google's libphonenumber rules, which
    need the country code: the kiosk cannot know which country it is in."""
    if len(number) > 60:
        return "is too long for a phone number"
    if _short_number(number):
        return ""  # a short service number (988, 911, 116 123), dialled as written
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException as exc:
        if exc.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
            return "needs its country code, like +1 555 010 0100"
        return "is not a phone number"
    if not phonenumbers.is_possible_number(parsed):
        return "has too few or too many digits for a number of that country"
    if scheme == "sms" and parsed.extension:
        return "has an extension; a text message cannot reach one"
    return ""


def _short_number(number: str) -> str:
    """The digits of a short service number like 988, 911 or 116 123 (3 to 6
    digits, nothing else), or "": those have no country code to add."""
    digits = number.replace(" ", "")
    return digits if digits.isdigit() and 3 <= len(digits) <= 6 else ""


@dataclass
class Reference:
    """One paper from references.json, as the reference viewer shows it."""

    id: str
    number: int  # Vancouver number: order of first citation in the deck
    citation: str  # Vancouver/NLM text as PubMed prints it
    title: str
    note: str  # plain-language summary of what the paper found
    doi: str = ""
    url: str = ""  # the DOI link, shown only as a QR code


@dataclass
class Figure:
    """A picture from the pack: `src` is relative to the pack root."""

    src: str
    alt: str


@dataclass
class Answer:
    """One answer to a check-yourself question, and what tapping it says."""

    text: str
    right: bool
    feedback: str  # why it is right, or kindly why not
    line: int = 1  # in the slide file, for check's messages


@dataclass
class Question:
    """A check-yourself question (app/content/quiz.py reads them)."""

    text: str
    answers: tuple[Answer, ...]
    explained_by: str  # the slide file that explains it: "070-mouse-study.md"
    link_words: str  # the words of the button that goes there
    line: int = 1
    link_line: int = 1

    @property
    def right_answer(self) -> int:
        return next(i for i, answer in enumerate(self.answers) if answer.right)


@dataclass
class Slide:
    """One slide file, rendered: the short part, the Learn more part and notes."""

    id: str  # file name without its number: "what-is-ketamine"
    path: Path
    title: str  # plain text; a long word has zero-width spaces, so it wraps anywhere
    icon: str  # qtawesome name, e.g. "fa6s.syringe"
    body_html: str  # the part before <!-- more -->
    more_html: str  # the "Learn more" part; "" when there is none
    notes: tuple[str, ...]  # presenter notes (other HTML comments)
    citations: tuple[str, ...]  # reference ids in order of first use
    body_text: str  # plain text of the short part (read aloud, reading grade)
    more_text: str = ""
    figures: tuple[Figure, ...] = ()  # the short part's pictures, shown beside its text
    kind: str = ""  # "" or "check" (front matter `kind: check`)
    questions: tuple[Question, ...] = ()  # a check slide's well-formed questions


@dataclass
class Pack:
    """A whole content pack in one language."""

    root: Path
    language: str
    deck: Deck
    clinic: Clinic
    strings: dict[str, str]
    slides: tuple[Slide, ...]
    references: tuple[Reference, ...]  # in Vancouver number order
    # Each listed language's name in that language ("English", "Español"),
    # for the language button.
    language_names: dict[str, str] = field(default_factory=dict)
    # Every picture the slides show (a Figure's or an <img>'s src -> its
    # bytes), read and checked once by the loader: the screens draw from
    # these, so a pack whose folder was deleted still shows its pictures.
    pictures: dict[str, bytes] = field(default_factory=dict)
    # While a pack is still loading (app/content/opening.py): slides from
    # this index on are placeholders, not yet rendered. None: every slide is.
    rendered: int | None = None

    @property
    def complete(self) -> bool:
        return self.rendered is None

    def reference(self, ref_id: str) -> Reference | None:
        return next((r for r in self.references if r.id == ref_id), None)

    def slides_citing(self, ref_id: str) -> list[int]:
        """Indexes of the slides that cite `ref_id`."""
        return [i for i, s in enumerate(self.slides) if ref_id in s.citations]


@dataclass
class LoadResult:
    """What loading a pack gives: the pack (or None) and every problem."""

    pack: Pack | None  # None only when no slide could be loaded
    clinic: Clinic  # whatever parsed, for the "Please ask at the front desk" screen
    problems: list[Problem]
