"""How to reach the clinic, and where to get help now: numbers in large type
and as QR codes for the patient's own phone. Nothing is dialled or opened
on the kiosk."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from app.content.hours_text import shown_hours
from app.content.model import Clinic
from app.ui.screens.help_now import HelpLines
from app.ui.screens.qr_card import QrCard, number_card
from app.ui.screens.scrolling_screen import ScrollingScreen
from app.ui.theme import Metrics, Theme
from app.ui.widgets.accessible import focusable_text
from app.ui.widgets.buttons import make_button, set_button_text
from app.ui.widgets.icons import icon
from app.ui.widgets.labels import make_label


class ContactScreen(ScrollingScreen):
    takeHomeRequested = Signal()  # every number and the questions in one QR code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QGridLayout(), parent)
        self.take_home_button = make_button("primary")
        self.take_home_button.setParent(self.host)
        self.take_home_button.clicked.connect(self.takeHomeRequested)
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
        # An example pack's made-up details say so (clinic.toml: sample = true).
        self.sample = make_label("", "crisis")
        self.sample.setParent(self.host)
        self.sample.hide()
        self.help_lines = HelpLines(self.host)
        self.portrait = False
        self.phone_card: QrCard | None = None
        self.text_card: QrCard | None = None
        self.website_card: QrCard | None = None

    def set_clinic(self, clinic: Clinic, strings: dict[str, str]) -> None:
        s = strings
        self.header.set_texts(s["back"], clinic.name or s["contact_title"])
        set_button_text(self.take_home_button, s["take_home"])
        for card in self.qr_cards:
            card.deleteLater()
        self.phone_card = self.text_card = self.website_card = None
        qr_name = s["qr_code"]
        if clinic.phone:
            self.phone_card = number_card(
                s["call_us"], clinic.phone, "tel", s["scan_to_call"], qr_name
            )
        if clinic.text:
            self.text_card = number_card(
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
        hours_lines = shown_hours(clinic, s)  # in this language, from [opening_hours]
        if hours_lines:
            self.details_layout.addWidget(make_label(s["hours"], "heading"))
            for hours in hours_lines:
                line = focusable_text(make_label(hours), f"{s['hours']}: {hours}")
                self.details_layout.addWidget(line)
        self.details_layout.addStretch(1)
        self.details.setVisible(bool(clinic.address or hours_lines))
        self.crisis.setText(s["crisis"].format(crisis_line=clinic.crisis_line))
        self.crisis.setAccessibleName(self.crisis.text())
        self.crisis.setVisible(bool(clinic.crisis_line))
        self.sample.setText(f"{s['sample_details']}\n{s['sample_details_about']}")
        self.sample.setVisible(clinic.sample)
        self.help_lines.set_clinic(clinic, s)
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
        row = 0
        # Across the page: the crisis line first, then whether the details are made up.
        for banner in (self.crisis, self.sample):
            if not banner.isHidden():
                self.body.addWidget(banner, row, 0, 1, columns)
                row += 1
        left = Qt.AlignmentFlag.AlignLeft
        self.body.addWidget(self.take_home_button, row, 0, 1, columns, left)
        row += 1
        cells: list[QWidget] = [*self.qr_cards]
        if not self.details.isHidden():
            cells.append(self.details)
        for i, widget in enumerate(cells):
            self.body.addWidget(widget, row + i // columns, i % columns)
        row += (len(cells) + columns - 1) // columns
        self.body.addWidget(self.help_lines, row, 0, 1, columns)
        for column in range(2):
            self.body.setColumnStretch(column, 1 if column < columns else 0)
        self.body.setRowStretch(row + 1, 1)

    def show_help_lines(self) -> None:
        """Scroll to the help lines: "Need help now?" was tapped."""
        self.host.layout().activate()  # their place on the page, now
        self.scroll.verticalScrollBar().setValue(self.help_lines.y())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # Opened again (Contact us): from the top, not where help left it.
        super().showEvent(event)
        self.scroll.verticalScrollBar().setValue(0)

    def apply_style(self, theme: Theme, m: Metrics, portrait: bool) -> None:
        super().apply_style(theme, m, portrait)
        self.body.setSpacing(m.gap)
        self.details_layout.setContentsMargins(m.margin, m.margin, m.margin, m.margin)
        for card in self.qr_cards:
            card.apply_style(m)
        self.help_lines.apply_style(theme, m, portrait)
        self.take_home_button.setIcon(icon("fa6s.qrcode", theme.accent_ink))
        self.take_home_button.setIconSize(QSize(m.px(36, 20), m.px(36, 20)))
        # Placed afresh on every change of look, not only on a turn: the grid
        # keeps each card's height for its width from the last look, and a
        # hidden screen restyled (text size, contrast) kept cutting the crisis
        # line and the address until the language changed.
        self.portrait = portrait
        self._arrange()
