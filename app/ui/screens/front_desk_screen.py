"""What shows when no slide could be loaded: a calm note, never a crash or
a blank screen, with whatever clinic details did parse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.content.model import Clinic
from app.ui.theme import Metrics, Theme
from app.ui.widgets.labels import make_label


class FrontDeskScreen(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = make_label(role="title")
        self.body = make_label()
        self.details = make_label(role="big")
        for label in (self.title, self.body, self.details):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column = QVBoxLayout(self)
        self.column.addStretch(1)
        self.column.addWidget(self.title)
        self.column.addWidget(self.body)
        self.column.addWidget(self.details)
        self.column.addStretch(1)

    def set_clinic(self, clinic: Clinic, strings: dict[str, str]) -> None:
        self.title.setText(strings["front_desk_title"])
        self.body.setText(strings["front_desk_body"])
        lines = [clinic.name, clinic.phone]
        if clinic.crisis_line:
            lines.append(strings["crisis"].format(crisis_line=clinic.crisis_line))
        self.details.setText("\n".join(line for line in lines if line))

    def apply_style(self, theme: Theme, m: Metrics, portrait: bool) -> None:
        self.column.setContentsMargins(m.margin * 2, m.margin, m.margin * 2, m.margin)
        self.column.setSpacing(m.margin)
