"""A card with a heading, a big value and its caption beside a QR code for
the patient's own phone: the contact screen's numbers and its help lines."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout

from app.content.model import phone_uri
from app.ui.theme import Metrics
from app.ui.widgets.accessible import focusable_text
from app.ui.widgets.labels import make_label
from app.ui.widgets.qr_code import QrCode


class QrCard(QFrame):
    """`about` is a line under the value; without `data` there is no QR code."""

    def __init__(
        self,
        heading: str,
        value: str,
        data: str,
        caption: str,
        qr_name: str = "{target}",
        about: str = "",
    ) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.heading = make_label(heading, "heading")
        # A phone number must never break across lines.
        self.value = make_label(value.replace(" ", "\u00a0"), "big")
        # hide(), never setVisible(True): a label without a parent yet would
        # be shown as a window of its own (issue 17).
        if not value:
            self.value.hide()
        self.about = make_label(about)
        if not about:
            self.about.hide()
        self.caption = make_label(caption, "muted")
        if not caption:
            self.caption.hide()
        # The Tab stop a keyboard reaches: the number with its heading
        # ("Call us: 555 0100"), or the heading and the link when there is no number.
        stop = self.value if value else self.heading
        focusable_text(stop, f"{heading}: {value or data}")
        stop.setAccessibleDescription(" ".join(part for part in (about, caption) if part))
        words = QVBoxLayout()
        for label in (self.heading, self.value, self.about, self.caption):
            words.addWidget(label)
        words.addStretch(1)
        self.row = QHBoxLayout(self)
        self.row.addLayout(words, 1)
        self.qr: QrCode | None = None
        if data:
            self.qr = QrCode(data)
            self.qr.setAccessibleName(qr_name.format(target=data))
            self.row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(f"{heading} {value}".strip())

    def apply_style(self, m: Metrics) -> None:
        self.row.setContentsMargins(m.margin, m.margin, m.margin, m.margin)
        self.row.setSpacing(m.margin)
        if self.qr is not None:
            self.qr.set_side(m.px(200, 130))


def number_card(
    heading: str, number: str, scheme: str, caption: str, qr_name: str, about: str = ""
) -> QrCard:
    """A phone number's card: its QR code dials (`tel`) or texts (`sms`) it."""
    return QrCard(heading, number, phone_uri(scheme, number), caption, qr_name, about)
