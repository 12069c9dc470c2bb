"""Help now: the "Need help now?" button on every patient screen, and the
help lines it leads to (the crisis line to call or text, the emergency
number, the national helpline). The numbers come from clinic.toml, the
lines' names from strings.toml, so a clinic in another country sets its own."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from app.content.model import Clinic, phone_uri
from app.ui.screens.qr_card import QrCard
from app.ui.theme import Metrics, Theme
from app.ui.widgets.icons import icon
from app.ui.widgets.labels import make_label

HELP_ICON = "fa6s.hand-holding-heart"


def crisis_words(clinic: Clinic, strings: dict[str, str]) -> str:
    """ "Call or text 988", "Call 116 123", or "" without a crisis line."""
    line = clinic.crisis_line
    if not line:
        return ""
    key = "help_call_or_text" if clinic.crisis_text == line else "help_call"
    return strings[key].format(number=line)


def help_summary(clinic: Clinic, strings: dict[str, str]) -> list[str]:
    """The help lines in a few words each, for a screen with no room for
    their cards: "Call or text 988", "In an emergency, call 911", ..."""
    s = strings
    lines = [crisis_words(clinic, s)]
    if clinic.crisis_text and clinic.crisis_text != clinic.crisis_line:
        lines.append(f"{s['crisis_text_title']}: {clinic.crisis_text}")
    if clinic.emergency:
        lines.append(f"{s['emergency']} {clinic.emergency}")
    if clinic.helpline:
        lines.append(f"{s['helpline_name']}: {clinic.helpline}")
    return [line for line in lines if line]


class HelpNowButton(QPushButton):
    """A plain button that Tab reaches, its two lines saying what it is for
    and the crisis line itself: "Need help now?" / "Call or text 988"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_now")
        self.setProperty("role", "comfort")  # a calm outline, the comfort buttons' size
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_clinic(self, clinic: Clinic, strings: dict[str, str]) -> None:
        lines = [strings["help_now"], crisis_words(clinic, strings)]
        lines = [line for line in lines if line]
        # An en space keeps the words off the icon, as set_button_text does.
        self.setText("\n".join(f"\u2002{line}" for line in lines))
        self.setAccessibleName(" ".join(lines))

    def apply_style(self, theme: Theme, m: Metrics) -> None:
        self.setIcon(icon(HELP_ICON, theme.accent))
        side = m.px(36, 20)
        self.setIconSize(QSize(side, side))


class HelpLines(QWidget):
    """The help lines as cards, each number big and, where a phone can use
    it, a QR code: no QR code for the emergency number, which is dialled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = make_label("", "title")
        self.grid = QGridLayout()
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.heading)
        self.column.addLayout(self.grid)
        self.cards: list[QrCard] = []
        self.portrait = False
        self.metrics: Metrics | None = None  # the last style, for cards made later

    def set_clinic(self, clinic: Clinic, strings: dict[str, str]) -> None:
        s, qr_name = strings, strings["qr_code"]
        self.heading.setText(s["help_now"])
        for card in self.cards:
            card.deleteLater()
        # (heading, number, QR scheme, caption, about). The emergency number
        # comes second, so it is in the first row even on a small screen; it
        # is dialled, not scanned: no QR code.
        lines = (
            ("crisis_call", clinic.crisis_line, "tel", "scan_to_call", "crisis_call_about"),
            ("emergency", clinic.emergency, "", "", "emergency_about"),
            ("crisis_text_title", clinic.crisis_text, "sms", "scan_to_text", "crisis_text_about"),
            ("helpline_name", clinic.helpline, "tel", "scan_to_call", "helpline_about"),
        )
        cards = [
            QrCard(
                s[heading],
                number,
                phone_uri(scheme, number) if scheme else "",
                s[caption] if caption else "",
                qr_name,
                s[about],
            )
            for heading, number, scheme, caption, about in lines
            if number
        ]
        self.cards = cards
        if self.metrics is not None:
            for card in cards:
                card.apply_style(self.metrics)
        self._arrange()

    def _arrange(self) -> None:
        while self.grid.count():
            self.grid.takeAt(0)
        columns = 1 if self.portrait else 2
        for i, card in enumerate(self.cards):
            self.grid.addWidget(card, i // columns, i % columns)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def apply_style(self, theme: Theme, m: Metrics, portrait: bool) -> None:
        self.metrics = m
        self.column.setContentsMargins(0, m.margin, 0, 0)  # apart from what is above
        self.column.setSpacing(m.gap)
        self.grid.setSpacing(m.gap)
        for card in self.cards:
            card.apply_style(m)
        # Afresh on every change of look: see ContactScreen.apply_style.
        self.portrait = portrait
        self._arrange()
