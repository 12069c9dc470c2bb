"""The science behind the slides: each reference as PubMed prints it, what it
found in plain words, the slides that cite it and a QR code of its DOI."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.content.model import Pack, Reference
from app.ui.screens.scrolling_screen import ScrollingScreen
from app.ui.theme import Metrics, Theme
from app.ui.widgets.accessible import focusable_text
from app.ui.widgets.buttons import make_button
from app.ui.widgets.labels import make_label
from app.ui.widgets.qr_code import QrCode

# Slides listed under a study: past these, "+N" says how many more cite it
# (a big pack cites one study on hundreds of slides: a button each would
# cost seconds and megabytes for a list nobody reads to the end).
MAX_SLIDE_LINKS = 12


class ReferenceCard(QFrame):
    slideChosen = Signal(int)

    def __init__(self, reference: Reference, pack: Pack) -> None:
        super().__init__()
        s = pack.strings
        self.reference = reference
        self.setProperty("role", "card")
        label = s["reference_label"].format(number=reference.number)
        self.setAccessibleName(label)
        # A Tab stop that says which study this is, where a citation lands.
        self.heading = make_label(label, "heading")
        focusable_text(self.heading, f"{label}: {reference.citation}")
        self.note = make_label(reference.note)
        self.citation = make_label(reference.citation, "muted")
        self.citation.setAccessibleName(reference.citation)
        self.cited_label = make_label(s["cited_on"], "muted")
        self.slide_buttons: list[QPushButton] = []
        links = QGridLayout()
        citing = pack.slides_citing(reference.id)
        for index in citing[:MAX_SLIDE_LINKS]:
            button = make_button("link", pack.slides[index].title)
            button.clicked.connect(lambda _=False, target=index: self.slideChosen.emit(target))
            self.slide_buttons.append(button)
        # hide(), never setVisible(True): a label without a parent yet would
        # be shown as a window of its own (issue 17).
        if not self.slide_buttons:
            self.cited_label.hide()
        more = len(citing) - MAX_SLIDE_LINKS
        self.more_label = make_label(f"+{more}" if more > 0 else "", "muted")
        if more <= 0:
            self.more_label.hide()
        self.links = links
        self._columns = 0

        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.note)
        text.addWidget(self.citation)
        text.addWidget(self.cited_label)
        text.addLayout(links)
        text.addWidget(self.more_label)
        text.addStretch(1)

        self.qr: QrCode | None = None
        self.qr_caption = make_label(s["scan_paper"], "muted")
        qr_column = QVBoxLayout()
        self.qr_column = qr_column
        if reference.url:
            self.qr = QrCode(reference.url)
            self.qr.setAccessibleName(s["qr_code"].format(target=reference.url))
            qr_column.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        # In the card even with no link to scan: a widget in no layout has no
        # parent, a hidden window of its own kept till the screen is rebuilt.
        qr_column.addWidget(self.qr_caption)
        if self.qr is None:
            self.qr_caption.hide()
        qr_column.addStretch(1)
        # QR code beside the words in landscape, below them in portrait.
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.addLayout(text, 1)
        self.row.addLayout(qr_column)

    def set_highlight(self, on: bool) -> None:
        self.setProperty("highlight", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def _place_links(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.slide_buttons:
            self.links.removeWidget(button)
        for i, button in enumerate(self.slide_buttons):
            self.links.addWidget(button, i // columns, i % columns)

    def apply_style(self, m: Metrics, portrait: bool = False) -> None:
        # Two columns of slide titles only while they fit: not at the largest text.
        self._place_links(1 if portrait or m.text > 1.3 else 2)
        self.row.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.row.setContentsMargins(m.margin, m.margin, m.margin, m.margin)
        self.row.setSpacing(m.margin)
        self.links.setSpacing(m.gap // 2)
        self.qr_column.setSpacing(m.gap // 2)
        if self.qr is not None:
            side = m.px(240, 140)
            self.qr.set_side(side)
            # Beside the words the caption is as narrow as its QR code; below
            # them, in portrait, it takes the card's width. (A fixed width there
            # made the column claim the height of one long line and take the
            # rest from the study's summary, cut at top and bottom.)
            self.qr_caption.setMinimumWidth(0 if portrait else side)
            self.qr_caption.setMaximumWidth(16_777_215 if portrait else side)
            self.qr_caption.setAlignment(
                Qt.AlignmentFlag.AlignHCenter if portrait else Qt.AlignmentFlag.AlignLeft
            )


class ReferenceScreen(ScrollingScreen):
    TITLE = "references_title"
    slideChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QVBoxLayout(), parent)
        self.cards: list[ReferenceCard] = []
        self.current_id: str | None = None
        self._metrics: Metrics | None = None
        self._portrait = False

    def set_pack(self, pack: Pack) -> None:
        self.header.set_texts(pack.strings["back"], pack.strings["references_title"])
        for card in self.cards:
            self.body.removeWidget(card)
            card.deleteLater()
        while self.body.count():
            self.body.takeAt(0)
        self.cards = []
        for reference in pack.references:
            card = ReferenceCard(reference, pack)
            card.slideChosen.connect(self.slideChosen)
            self.cards.append(card)
            self.body.addWidget(card)
            if self._metrics:
                card.apply_style(self._metrics, self._portrait)
        self.body.addStretch(1)
        # Filled while open (a pack completed or updated): the study asked for stays.
        self.show_reference(self.current_id)

    def entry_focus(self) -> QWidget:
        """The study asked for (a citation was chosen), or the first."""
        card = self.card_for(self.current_id) if self.current_id else None
        card = card or (self.cards[0] if self.cards else None)
        return card.heading if card is not None else super().entry_focus()

    def card_for(self, ref_id: str) -> ReferenceCard | None:
        return next((c for c in self.cards if c.reference.id == ref_id), None)

    def show_reference(self, ref_id: str | None) -> None:
        """Open at `ref_id` (highlighted), or at the top for None."""
        self.current_id = ref_id
        for card in self.cards:
            card.set_highlight(card.reference.id == ref_id)
        self._scroll_to_current()

    def _scroll_to_current(self) -> None:
        self.body.activate()
        card = self.card_for(self.current_id) if self.current_id else None
        self.scroll.verticalScrollBar().setValue(card.y() - self.body.spacing() if card else 0)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._scroll_to_current()  # the layout is only final once shown

    def apply_style(self, theme: Theme, m: Metrics, portrait: bool) -> None:
        self._metrics, self._portrait = m, portrait
        super().apply_style(theme, m, portrait)
        self.body.setSpacing(m.margin)
        for card in self.cards:
            card.apply_style(m, portrait)
