"""Colours, sizes and the style sheet. Sizes follow the window, not pixels."""

from __future__ import annotations

from dataclasses import dataclass

FONT_FAMILY = "Atkinson Hyperlegible"


@dataclass
class Theme:
    """The colours of one theme; every text pair is at least 7:1."""

    name: str
    paper: str  # window background
    surface: str  # cards
    ink: str  # body text
    muted: str  # secondary text (still >= 7:1 on paper and surface)
    accent: str  # primary buttons; white text on it
    accent_ink: str  # text on accent
    accent_soft: str  # selected / highlighted backgrounds
    contact: str  # the "Contact us" button; white text on it
    border: str  # decorative lines only, never text
    focus: str  # keyboard focus ring
    link: str  # citation marks
    disabled: str  # words and dashed outline of a button that does nothing now


# Every colour of both themes side by side: (calm, high contrast). High
# contrast is white on black with yellow controls, one tap on "Contrast".
# Every text pair is 7:1 or more: tests/ui/test_theme_contrast.py computes them.
PALETTE = {
    "paper": ("#FAF7F2", "#000000"),
    "surface": ("#FFFFFF", "#000000"),
    "ink": ("#1A2330", "#FFFFFF"),
    "muted": ("#3E4A57", "#E8E8E8"),
    "accent": ("#0A4E57", "#FFD60A"),
    "accent_ink": ("#FFFFFF", "#000000"),
    "accent_soft": ("#D6ECEE", "#2B2B00"),
    "contact": ("#7F3A0C", "#FFFFFF"),
    "border": ("#C9CED4", "#FFFFFF"),
    "focus": ("#6B21A8", "#00E5FF"),
    "link": ("#0A4E57", "#FFD60A"),
    # Dimmer than any live control (still 4.5:1, to be read), never yellow or white.
    "disabled": ("#5C6670", "#9A9A9A"),
}
CALM = Theme("calm", **{role: pair[0] for role, pair in PALETTE.items()})
HIGH_CONTRAST = Theme("high-contrast", **{role: pair[1] for role, pair in PALETTE.items()})

THEMES = (CALM, HIGH_CONTRAST)

# "Text size": normal, large, largest. Reading text grows by these factors.
TEXT_SCALES = (1.0, 1.25, 1.5)
CONTROL_GROWTH = 0.4  # buttons' words grow by this share of the reading text's growth
TITLE_GROWTH = 0.25  # titles start larger than the largest reading text
SMALL_GROWTH = 0.5


@dataclass
class Metrics:
    """Pixel sizes for one window size.

    Everything is designed at 1080 px on the short side and scaled from
    there, so 1920x1080 and 1080x1920 get the same type sizes and a
    1366x768 screen gets them 0.71 times as large (never under the floor).
    """

    unit: float
    text: float = 1.0  # the patient's text size (TEXT_SCALES)

    def __post_init__(self) -> None:
        # The sizes the screens share, in pixels for this window. Reading
        # text follows the patient's text size; controls do not.
        self.body = self.text_px(40, 20)  # >= 28 px at 1080p
        # Titles and controls grow with the text, but less: the words keep
        # the room (1.0, 1.1 and 1.2 times; titles 1.0, 1.06, 1.125).
        self.grow = 1 + (self.text - 1) * CONTROL_GROWTH
        self.title = round(max(34, 64 * self.unit) * (1 + (self.text - 1) * TITLE_GROWTH))
        # Small print (captions, the disclaimer) grows by half as much.
        self.small = round(max(17, 28 * self.unit) * (1 + (self.text - 1) * SMALL_GROWTH))
        self.button_text = round(self.px(30, 18) * self.grow)
        self.touch = round(self.px(84, 48) * self.grow)  # primary targets: >= 72 px at 1080p
        self.touch_small = self.px(64, 48)  # secondary targets: never under 48 px
        self.gap = self.px(20, 10)
        self.margin = self.px(40, 16)
        self.icon = self.px(96, 48)
        # Lines a little closer at larger text (still 1.5 times the type size
        # at the largest): more of them fit at once.
        self.line_height = round(140 - (self.text - 1) * 40)

    @classmethod
    def for_size(cls, width: int, height: int, text: float = 1.0) -> Metrics:
        return cls(unit=max(0.6, min(width, height) / 1080), text=text)

    def text_px(self, design_px: float, floor: float = 0) -> int:
        """Reading text: follows the window and the patient's text size."""
        return max(int(floor * self.text), round(design_px * self.unit * self.text))

    def px(self, design_px: float, floor: float = 0) -> int:
        return max(int(floor), round(design_px * self.unit))


def style_sheet(theme: Theme, m: Metrics) -> str:
    radius = m.px(18, 10)
    # Phone numbers grow less than reading text: they must stay on one line
    # beside their QR code.
    big = round(m.px(50, 28) * min(m.text, 1.15))
    return f"""
    QWidget {{
        background: {theme.paper};
        color: {theme.ink};
        font-family: "{FONT_FAMILY}";
        font-size: {m.body}px;
    }}
    QLabel {{ background: transparent; }}
    QLabel[role="title"] {{ font-size: {m.title}px; font-weight: bold; }}
    QLabel[role="heading"] {{ font-size: {m.text_px(44, 26)}px; font-weight: bold; }}
    QLabel[role="big"] {{ font-size: {big}px; font-weight: bold; }}
    QLabel[role="muted"] {{ color: {theme.muted}; font-size: {m.small}px; }}
    QLabel[role="crisis"] {{
        background: {theme.accent_soft}; border-radius: {radius}px;
        padding: {m.gap}px; font-weight: bold;
    }}
    QFrame[role="card"] {{
        background: {theme.surface}; border: 2px solid {theme.border};
        border-radius: {radius}px;
    }}
    QFrame[role="card"][highlight="true"] {{
        border: {m.px(6, 3)}px solid {theme.accent};
    }}
    QFrame[role="card"] QLabel, QFrame[role="card"] QTextBrowser {{
        background: {theme.surface};
    }}
    QTextBrowser {{ border: none; background: {theme.surface}; }}
    QFrame[role="banner"] {{
        background: {theme.accent_soft}; border-top: 3px solid {theme.accent};
    }}
    QFrame[role="banner"] QLabel {{ background: {theme.accent_soft}; }}
    QPushButton {{
        background: {theme.surface}; color: {theme.accent};
        border: 3px solid {theme.accent}; border-radius: {radius}px;
        font-size: {m.button_text}px; font-weight: bold;
        min-height: {m.touch}px; padding: 0 {m.px(20, 10)}px;
    }}
    QPushButton:pressed {{ background: {theme.accent_soft}; }}
    QPushButton:disabled {{ color: {theme.muted}; border-color: {theme.border}; }}
    QPushButton[role="primary"] {{
        background: {theme.accent}; color: {theme.accent_ink};
    }}
    QPushButton[role="contact"] {{
        background: {theme.contact}; color: {theme.accent_ink};
        border-color: {theme.contact};
    }}
    QPushButton[role="tile"] {{
        background: {theme.surface}; color: {theme.ink}; border: 2px solid {theme.muted};
        text-align: left; padding: {m.gap}px;
    }}
    QPushButton[role="tile"][current="true"] {{
        border: {m.px(6, 3)}px solid {theme.accent}; background: {theme.accent_soft};
    }}
    QPushButton[role="comfort"] {{
        min-height: {m.touch_small}px; font-size: {m.px(26, 17)}px;
        padding: 0 {m.px(18 if m.text == 1 else 10, 6)}px;
    }}
    QPushButton[role="comfort"]:checked {{
        background: {theme.accent}; color: {theme.accent_ink};
    }}
    QPushButton[role="link"] {{
        min-height: {m.touch_small}px; font-size: {m.small}px;
    }}
    /* A button that does nothing looks it, whatever its role: no fill, grey
       words, a dashed line (a shape cue as well as a colour one). */
    QPushButton:disabled, QPushButton[role="primary"]:disabled,
    QPushButton[role="contact"]:disabled, QPushButton[role="comfort"]:checked:disabled {{
        background: {theme.paper}; color: {theme.disabled};
        border: 3px dashed {theme.disabled};
    }}
    /* The ring shows only where the keyboard is (app/ui/focus_ring.py sets
       focusRing on the focused widget from the last input device). */
    QPushButton[focusRing="true"]:focus, QPushButton[role="tile"][focusRing="true"]:focus {{
        outline: none; border: {m.px(6, 3)}px solid {theme.focus};
    }}
    QPushButton:focus {{ outline: none; }}
    QLabel[focusable="true"] {{ border: {m.px(6, 3)}px solid transparent; }}
    QLabel[focusable="true"][focusRing="true"]:focus {{ border-color: {theme.focus}; }}
    QScrollArea {{ border: none; }}
    QPlainTextEdit[role="diagnostics"] {{
        font-size: {m.small}px; color: {theme.muted}; background: {theme.surface};
        border: 2px solid {theme.border}; border-radius: {m.px(10, 6)}px;
    }}
    QScrollBar:vertical {{ width: {m.px(14, 8)}px; background: {theme.paper}; }}
    QScrollBar::handle:vertical {{
        background: {theme.border}; border-radius: {m.px(7, 4)}px; min-height: 40px;
    }}
    QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
    """


def document_css(theme: Theme, m: Metrics) -> str:
    """CSS for slide and reference HTML inside QTextBrowser."""
    return f"""
    p, li {{ line-height: {m.line_height}%; }}
    a {{ color: {theme.link}; text-decoration: none; font-weight: bold; }}
    /* Qt draws superscripts at about two thirds of this size. */
    sup.cite {{ font-size: {m.body}px; }}
    h1, h2, h3 {{ font-size: {m.text_px(40, 24)}px; }}
    hr {{ color: {theme.border}; }}
    """


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio between two #RRGGBB colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
