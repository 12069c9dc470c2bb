"""How to reach the clinic: numbers in large type and as QR codes for the
patient's own phone. Nothing is dialled or opened on the kiosk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from app.content.model import Clinic, phone_uri
from app.ui.screens.scrolling_screen import ScrollingScreen
from app.ui.theme import Metrics, Theme
from app.ui.widgets.accessible import focusable_text
from app.ui.widgets.labels import make_label
from app.ui.widgets.qr_code import QrCode


class QrCard(QFrame):
    """A heading, a big value and its caption, beside the QR code."""

    def __init__(
        self, heading: str, value: str, data: str, caption: str, qr_name: str = "{target}"
    ) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.heading = make_label(heading, "heading")
        # A phone number must never break across lines.
        self.value = make_label(value.replace(" ", "\u00a0"), "big")
        self.value.setVisible(bool(value))
        # The Tab stop a keyboard reaches: the number with its heading
        # ("Call us: 555 0100"), or the heading and the link when there is no number.
        stop = self.value if value else self.heading
        focusable_text(stop, f"{heading}: {value or data}")
        stop.setAccessibleDescription(caption)
        self.qr = QrCode(data)
        self.qr.setAccessibleName(qr_name.format(target=data))
        self.caption = make_label(caption, "muted")
        words = QVBoxLayout()
        words.addWidget(self.heading)
        words.addWidget(self.value)
        words.addWidget(self.caption)
        words.addStretch(1)
        self.row = QHBoxLayout(self)
        self.row.addLayout(words, 1)
        self.row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(f"{heading} {value}".strip())

    def apply_style(self, m: Metrics) -> None:
        self.row.setContentsMargins(m.margin, m.margin, m.margin, m.margin)
        self.row.setSpacing(m.margin)
        self.qr.set_side(m.px(200, 130))


def _number_card(heading: str, number: str, scheme: str, caption: str, qr_name: str) -> QrCard:
    """A phone number's card: its QR code dials (`tel`) or texts (`sms`) it."""
    return QrCard(heading, number, phone_uri(scheme, number), caption, qr_name)


class ContactScreen(ScrollingScreen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QGridLayout(), parent)
        self.qr_cards: list[QrCard] = []
        # Children of the scrolling page from the start (hidden until the
        # clinic is set), never windows of their own.
        self.details = QFrame(self.host)
        self.details.hide()
        self.details.setProperty("role", "card")
        self.details_layout = QVBoxLayout(self.details)
        self.crisis = focusable_text(make_label("", "crisis"), "")
        self.crisis.setParent(self.host)
        self.crisis.hide()
        self.portrait = False
        self.phone_card: QrCard | None = None
        self.text_card: QrCard | None = None
        self.website_card: QrCard | None = None

    def set_clinic(self, clinic: Clinic, strings: dict[str, str]) -> None:
        s = strings
        self.header.set_texts(s["back"], clinic.name or s["contact_title"])
        for card in self.qr_cards:
            card.deleteLater()
        self.phone_card = self.text_card = self.website_card = None
        qr_name = s["qr_code"]
        if clinic.phone:
            self.phone_card = _number_card(
                s["call_us"], clinic.phone, "tel", s["scan_to_call"], qr_name
            )
        if clinic.text:
            self.text_card = _number_card(
                s["text_us"], clinic.text, "sms", s["scan_to_text"], qr_name
            )
        if clinic.website:
            self.website_card = QrCard(s["website"], "", clinic.website, clinic.website, qr_name)
        cards = (self.phone_card, self.text_card, self.website_card)
        self.qr_cards = [card for card in cards if card is not None]

        while self.details_layout.count():
            item = self.details_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        # Each line a Tab stop read with its heading ("Address: 12 Main St").
        if clinic.address:
            self.details_layout.addWidget(make_label(s["address"], "heading"))
            line = make_label(clinic.address)
            self.details_layout.addWidget(focusable_text(line, f"{s['address']}: {clinic.address}"))
        if clinic.hours:
            self.details_layout.addWidget(make_label(s["hours"], "heading"))
            for hours in clinic.hours:
                line = focusable_text(make_label(hours), f"{s['hours']}: {hours}")
                self.details_layout.addWidget(line)
        self.details_layout.addStretch(1)
        self.details.setVisible(bool(clinic.address or clinic.hours))
        self.crisis.setText(s["crisis"].format(crisis_line=clinic.crisis_line))
        self.crisis.setAccessibleName(self.crisis.text())
        self.crisis.setVisible(bool(clinic.crisis_line))
        self._arrange()

    def entry_focus(self) -> QWidget:
        """The crisis line, else the first number."""
        if not self.crisis.isHidden():
            return self.crisis
        stops = [card.value if card.value.text() else card.heading for card in self.qr_cards]
        return stops[0] if stops else super().entry_focus()

    def _arrange(self) -> None:
        while self.body.count():
            self.body.takeAt(0)
        columns = 1 if self.portrait else 2
        cells: list[QWidget] = [*self.qr_cards]
        if not self.details.isHidden():
            cells.append(self.details)
        row = 0
        if not self.crisis.isHidden():
            self.body.addWidget(self.crisis, 0, 0, 1, columns)
            row = 1
        for i, widget in enumerate(cells):
            self.body.addWidget(widget, row + i // columns, i % columns)
        for column in range(2):
            self.body.setColumnStretch(column, 1 if column < columns else 0)
        self.body.setRowStretch(row + (len(cells) + columns - 1) // columns, 1)

    def apply_style(self, theme: Theme, m: Metrics, portrait: bool) -> None:
        super().apply_style(theme, m, portrait)
        self.body.setSpacing(m.gap)
        self.details_layout.setContentsMargins(m.margin, m.margin, m.margin, m.margin)
        for card in self.qr_cards:
            card.apply_style(m)
        if portrait != self.portrait:
            self.portrait = portrait
            self._arrange()
