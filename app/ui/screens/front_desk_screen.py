"""What shows when no slide could be loaded: a calm note, never a crash or
a blank screen, with whatever clinic details did parse and the help lines
("Need help now?") in a few words: there is no contact screen to open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.content.model import Clinic
from app.ui.screens.help_now import help_summary
from app.ui.theme import Metrics, Theme
from app.ui.widgets.labels import make_label


class FrontDeskScreen(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = make_label(role="title")
        self.body = make_label()
        self.details = make_label(role="big")
        self.help_heading = make_label(role="heading")
        self.help_lines = make_label(role="big")
        labels = (self.title, self.body, self.details, self.help_heading, self.help_lines)
        self.column = QVBoxLayout(self)
        self.column.addStretch(1)
        for label in labels:
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.column.addWidget(label)
        self.column.addStretch(1)

    def set_clinic(self, clinic: Clinic, strings: dict[str, str]) -> None:
        self.title.setText(strings["front_desk_title"])
        self.body.setText(strings["front_desk_body"])
        self.details.setText("\n".join(line for line in (clinic.name, clinic.phone) if line))
        self.help_heading.setText(strings["help_now"])
        self.help_lines.setText("\n".join(help_summary(clinic, strings)))

    def apply_style(self, theme: Theme, m: Metrics, portrait: bool) -> None:
        self.column.setContentsMargins(m.margin * 2, m.margin, m.margin * 2, m.margin)
        self.column.setSpacing(m.margin)
