"""The main screen: one slide with its icon, title, text, "Learn more",
progress, Previous/Next, the buttons to Topics, References and Contact, and
"Need help now?"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.content.model import Pack, Slide
from app.ui.controller import DeckController
from app.ui.screens import slide_layout, slide_warm_up
from app.ui.screens.check_view import CheckView
from app.ui.screens.citation_row import CitationRow
from app.ui.screens.comfort_bar import ComfortBar
from app.ui.screens.drag_input import DragInput
from app.ui.screens.figure_view import FigureView
from app.ui.screens.help_now import HelpNowButton
from app.ui.screens.last_slide import LastSlideButtons
from app.ui.screens.progress_dots import ProgressDots
from app.ui.screens.slide_body import SlideBody
from app.ui.screens.slide_layout import Shape, shape_for
from app.ui.screens.transition import SlideTransition
from app.ui.theme import Metrics, Theme, document_css
from app.ui.widgets.accessible import focusable_text, hide_from_readers, set_role
from app.ui.widgets.buttons import make_button, set_button_text
from app.ui.widgets.icons import icon
from app.ui.widgets.layout_now import lay_out_now


class SlideScreen(QWidget):
    previousRequested = Signal()
    nextRequested = Signal()
    topicsRequested = Signal()
    referencesRequested = Signal()
    contactRequested = Signal()
    helpRequested = Signal()
    citationClicked = Signal(str)
    swiped = Signal(int)

    def __init__(self, controller: DeckController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Which slide is showing belongs to the controller alone; this screen
        # draws the controller's slide.
        self.controller = controller
        self.pack: Pack | None = None
        self.expanded = False
        self.theme: Theme | None = None
        self.metrics = Metrics(1.0)
        self.audience_view = None  # presenter mode: the slide alone (presenter/audience_view.py)

        self.comfort = ComfortBar(with_read_aloud=True)
        self.topics_button = make_button()
        self.references_button = make_button()
        self.contact_button = make_button("contact")
        self.topics_button.clicked.connect(self.topicsRequested)
        self.references_button.clicked.connect(self.referencesRequested)
        self.contact_button.clicked.connect(self.contactRequested)
        self.help_now = HelpNowButton()
        self.help_now.clicked.connect(self.helpRequested)
        self.top_bar = QGridLayout()

        # The card: icon and title over the scrolling text.
        self.card = QFrame()
        self.card.setProperty("role", "card")
        self.icon_label = QLabel()
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        hide_from_readers(self.icon_label)  # the title says it
        # The heading is where the focus goes when the slide changes: a
        # screen reader then says "3 of 14: What is ketamine?", and says it
        # again when the focused heading is renamed by the next change.
        # (Focus, not an accessibility announcement: Orca 43, Debian 12's,
        # ignores announcements, and it ignores renamed labels, not headings.)
        self.title_label = focusable_text(QLabel(), "")
        set_role(self.title_label, QAccessible.Role.Heading)
        self.title_label.setProperty("role", "title")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # a pack's words, never HTML
        self.title_label.setWordWrap(True)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.body = SlideBody()
        self.body.citationClicked.connect(self.citationClicked)
        self.more_button = make_button()
        self.more_button.setCheckable(True)  # read as expanded (pressed) or not
        self.more_button.clicked.connect(self.toggle_more)
        self.citations = CitationRow()
        self.citations.citationChosen.connect(self.citationClicked)
        self.figure = FigureView()
        self.figure.hide()
        self.check = CheckView()  # a check-yourself slide's questions, in place of its words
        self.check.slideRequested.connect(lambda index: self.controller.go(index, animate=True))
        self.title_row = QHBoxLayout()
        self.title_row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        self.title_row.addWidget(self.title_label, 1)
        self.below_text = QHBoxLayout()
        self.below_text.addWidget(self.more_button)
        self.below_text.addStretch(1)
        self.below_text.addWidget(self.citations)
        # Title, words (or a check slide's questions), picture and buttons:
        # where each goes is slide_layout's shape for the screen and the text size.
        self.card_layout = QGridLayout(self.card)
        # Every part in the card from the start, before the buttons below are
        # made: children, never windows, and Tab goes title, Learn more,
        # studies, then Previous and Next. apply_style picks the shape.
        self.shape = Shape.SIDE
        slide_layout.place(
            self.card_layout,
            self.shape,
            self.title_row,
            self.body,
            self.figure,
            self.below_text,
            check=self.check,
        )

        # Bottom: Previous, where we are, Next.
        self.previous_button = make_button()
        self.next_button = make_button("primary")
        self.previous_button.clicked.connect(self.previousRequested)
        self.next_button.clicked.connect(self.nextRequested)
        # The arrow of Next sits after its word, as readers expect.
        self.next_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.dots = ProgressDots()
        self.progress_label = QLabel()
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        middle = QVBoxLayout()
        middle.addWidget(self.dots)
        middle.addWidget(self.progress_label)
        self.bottom_bar = QHBoxLayout()
        self.bottom_bar.addWidget(self.previous_button)
        self.bottom_bar.addLayout(middle, 1)
        self.bottom_bar.addWidget(self.next_button)
        self.last_slide = LastSlideButtons(self.bottom_bar, self.next_button)
        self.disclaimer = QLabel()
        self.disclaimer.setProperty("role", "muted")
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.outer = QVBoxLayout(self)
        self.outer.addLayout(self.top_bar)
        self.outer.addWidget(self.card, 1)
        self.outer.addLayout(self.bottom_bar)
        self.outer.addWidget(self.disclaimer)

        self.transition = SlideTransition(self)
        # Swipes on the words, the card, the title and the icon.
        viewport = self.body.viewport()
        self.drag = DragInput(viewport, self)
        for widget in (viewport, self.card, self.title_label, self.icon_label):
            self.drag.watch(widget)
        self.drag.swiped.connect(self.swiped)
        self.check.drag.swiped.connect(self.swiped)
        self._portrait: bool | None = None
        self._rendered_size = None
        self._fitted = QSize()  # the words' box the picture was last fitted to

    # --- content -------------------------------------------------------
    def set_pack(self, pack: Pack) -> None:
        self.pack = pack
        self.expanded = False
        self.body.set_pictures(pack.pictures)
        s = pack.strings
        for button, key in (
            (self.topics_button, "topics"),
            (self.references_button, "references"),
            (self.contact_button, "contact"),
            (self.previous_button, "previous"),
            (self.next_button, "next"),
        ):
            set_button_text(button, s[key])
        self.disclaimer.setText(s["disclaimer"])
        self.help_now.set_clinic(pack.clinic, s)

    @property
    def slide(self) -> Slide | None:
        if self.pack is None or not self.pack.slides:
            return None
        return self.pack.slides[self.controller.index]

    def show_slide(self, direction: int = 0) -> None:
        """Show the controller's slide, Learn more folded and scrolled to the
        top; `direction` +1/-1 animates the change, 0 does not."""
        if self.pack is None:
            return
        animate = direction != 0 and self.isVisible() and self.transition.enabled
        old = self.card.grab() if animate else QPixmap()
        focused = self.focusWidget()
        if focused is not None and self.citations.isAncestorOf(focused):
            # A study button is about to name another study: a screen reader
            # would read that out before the new slide's heading.
            focused.clearFocus()
        self.expanded = False
        self.check.forget()  # answers tapped go with the slide (and the idle reset)
        self._render()
        self.body.verticalScrollBar().setValue(0)
        if animate:
            self.transition.play(self.card, old, direction)

    def toggle_more(self) -> None:
        self.expanded = not self.expanded
        self._render()
        if self.expanded:
            self.body.scrollToAnchor("more")
        else:
            self.body.verticalScrollBar().setValue(0)

    def _render(self) -> None:
        slide = self.slide
        if slide is None or self.pack is None or self.theme is None:
            return
        s = self.pack.strings
        count, index = len(self.pack.slides), self.controller.index
        self.title_label.setText(slide.title)
        figure = slide.figures[0] if slide.figures else None
        self.figure.set_picture(
            self.pack.pictures.get(figure.src) if figure else None, figure.alt if figure else ""
        )
        self.more_button.setVisible(bool(slide.more_html))
        set_button_text(self.more_button, s["show_less"] if self.expanded else s["learn_more"])
        self.more_button.setChecked(self.expanded)
        self.citations.show_citations(self.pack, slide.citations, after=self.more_button)
        self.body.setVisible(not slide.kind)
        self.check.show_questions(self.pack, slide, after=self.title_label)
        progress = s["progress"].format(current=index + 1, total=count)
        self.title_label.setAccessibleName(f"{progress}: {slide.title}")
        self.progress_label.setText(progress)
        self.progress_label.setAccessibleName(progress)
        self.dots.set_position(index, count)
        self.previous_button.setEnabled(index > 0)
        self.last_slide.show_for(self, index == count - 1)  # in place of a dead Next
        self._refresh_icons()
        html = slide.body_html
        if self.expanded and slide.more_html:
            html += '<a name="more"></a><hr/>' + slide.more_html
        short = slide.body_html
        if self.audience_view:  # on the projector: no touchscreen sentences
            html, short = self.audience_view.drawing(html), self.audience_view.drawing(short)
        css = document_css(self.theme, self.metrics)
        self.body.show_html(short, css)
        # Lay out now, not on the next event-loop pass: the picture's size, the
        # transition's snapshot and the scroll range must fit this slide.
        slide_layout.fit_card(self)
        self._rendered_size = self.size()
        self._fitted = self.body.viewport().size()
        self.body.set_image_width(self.image_width())
        if figure is not None and self.figure.height() == 0 and self.shape is Shape.COLUMN:
            html += slide_layout.picture_below(figure)  # no room beside: under the words
        if html != short or "<img" in html:  # pictures in the words take the width just set
            self.body.show_html(html, css)
        self.body.setAccessibleName(slide.title)
        more = "\n" + slide.more_text if self.expanded else ""
        self.body.setAccessibleDescription(slide.body_text + more)
        lay_out_now()  # the whole window laid out before it paints: painted once

    def focus_heading(self) -> None:
        """The keyboard focus on the slide's title, which a screen reader
        then reads with the slide's place in the deck."""
        self.title_label.setFocus(Qt.FocusReason.OtherFocusReason)

    def preparation_steps(self) -> list[Callable[[], None]]:
        """Steps for the window's warm-up, one slide each (slide_warm_up.py)."""
        return slide_warm_up.preparation_steps(self)

    def spoken_text(self) -> str:
        """What Listen reads: the title and the words on screen, no citation marks."""
        slide = self.slide
        if slide is None:
            return ""
        parts = [slide.title, slide.body_text]
        if self.expanded:
            parts.append(slide.more_text)
        return "\n".join(part for part in parts if part)

    def image_width(self) -> int:
        """Pictures fill the text width but leave room for words below them."""
        viewport = self.body.contentsRect()  # the text's viewport: no sideways scroll bar
        scroll_bar = self.body.verticalScrollBar().sizeHint().width()
        by_height = round(viewport.height() * 0.6 * 16 / 9)
        return min(self.body.width() - scroll_bar - 2 * self.metrics.gap, by_height)

    def _refresh_icons(self) -> None:
        """The slide's own icon and the Learn more chevron: these change per slide."""
        m, t = self.metrics, self.theme
        slide = self.slide
        if slide is not None:
            self.icon_label.setPixmap(icon(slide.icon, t.accent).pixmap(QSize(m.icon, m.icon)))
        chevron = "fa6s.chevron-up" if self.expanded else "fa6s.chevron-down"
        self.more_button.setIcon(icon(chevron, t.accent))

    def _style_button_icons(self) -> None:
        """Icons of the fixed buttons: set once per theme or size, not per slide."""
        m, t = self.metrics, self.theme
        size = QSize(m.px(36, 20), m.px(36, 20))
        for button, name, colour in (
            (self.topics_button, "fa6s.table-cells-large", t.accent),
            (self.references_button, "fa6s.book-open", t.accent),
            (self.contact_button, "fa6s.phone", t.accent_ink),
            (self.previous_button, "fa6s.arrow-left", t.accent),
            (self.next_button, "fa6s.arrow-right", t.accent_ink),
        ):
            button.setIcon(icon(name, colour))
            button.setIconSize(size)
        self.more_button.setIconSize(size)

    # --- look and layout -----------------------------------------------
    def apply_style(self, theme: Theme, metrics: Metrics, portrait: bool) -> None:
        self.theme, self.metrics = theme, metrics
        m = metrics
        self.outer.setSpacing(m.gap)
        # Narrow edges above and below the card's words, narrower at larger text.
        edge = m.px(30, 12) if m.text == 1 else m.gap
        self.outer.setContentsMargins(m.margin, edge, m.margin, m.px(24, 8))
        self.card_layout.setContentsMargins(m.margin, edge, m.margin, edge)
        self.card_layout.setSpacing(m.gap)
        # Closer at larger text, so the grown buttons still make one row.
        self.top_bar.setHorizontalSpacing(m.gap if m.text == 1 else m.gap // 2)
        self.top_bar.setVerticalSpacing(m.gap)
        self.bottom_bar.setSpacing(m.gap)
        self.icon_label.setFixedWidth(m.icon + m.gap)
        self.dots.set_style(m.px(18, 10), theme.accent)
        self.drag.set_scale(m.unit)
        self.check.drag.set_scale(m.unit)
        for button in (self.previous_button, self.next_button):
            button.setMinimumWidth(m.px(260, 140))
        self._style_button_icons()
        self.citations.apply_style(theme, m)
        self.check.apply_style(theme, m)
        self.figure.set_theme(theme)  # high contrast reaches the pictures
        self.comfort.apply_style(theme, m)
        self.help_now.apply_style(theme, m)
        if portrait != self._portrait:
            self._arrange_top_bar(portrait)
        slide_layout.arrange_card(self, shape_for(portrait, m.text))
        self.card_layout.setHorizontalSpacing(m.margin)
        self._render()

    def _arrange_top_bar(self, portrait: bool) -> None:
        self._portrait = portrait
        for widget in (
            self.comfort,
            self.topics_button,
            self.references_button,
            self.contact_button,
            self.help_now,
        ):
            self.top_bar.removeWidget(widget)
        self.bottom_bar.removeWidget(self.help_now)
        for column in range(5):
            self.top_bar.setColumnStretch(column, 0)
        if portrait:
            # Too narrow for seven buttons in a row: the comfort controls get their own.
            self.top_bar.addWidget(self.comfort, 0, 0, 1, 4, Qt.AlignmentFlag.AlignLeft)
            self.top_bar.addWidget(self.topics_button, 1, 0)
            self.top_bar.addWidget(self.references_button, 1, 1)
            self.top_bar.setColumnStretch(2, 1)
            self.top_bar.addWidget(self.contact_button, 1, 3)
            # A row of its own under Contact us: no row above has room for it.
            self.top_bar.addWidget(self.help_now, 2, 0, 1, 4, Qt.AlignmentFlag.AlignRight)
        else:
            self.top_bar.addWidget(self.comfort, 0, 0)
            self.top_bar.setColumnStretch(1, 1)
            self.top_bar.addWidget(self.topics_button, 0, 2)
            self.top_bar.addWidget(self.references_button, 0, 3)
            self.top_bar.addWidget(self.contact_button, 0, 4)
            # The top row is full in Spanish; a row of its own would push a
            # short part into scrolling at 1920x1080. Beside Previous there is room.
            self.bottom_bar.insertWidget(1, self.help_now)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        # A screen styled or resized while hidden settles its layout only
        # after this: fit the picture again then, if the words' box moved.
        QTimer.singleShot(0, self, self._refit)

    @property
    def fitted(self) -> bool:
        """Is the picture fitted to the words' box as it is now?"""
        return self.body.viewport().size() == self._fitted

    def _refit(self) -> None:
        if not self.fitted:
            self._render()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        # Pictures are drawn for the text width: redraw when the screen size
        # changes (not when the scroll bar comes and goes, or it would loop).
        if self.size() != self._rendered_size:
            self._render()
            QTimer.singleShot(0, self, self._refit)
