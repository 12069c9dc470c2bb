"""A check-yourself slide's questions, shown in the slide card in place of
its words: each answer a button named by its words; a tap says at once,
kindly, whether it is right and why, with a button to the slide that
explains it. The patient may tap again as often as they like.

What was tapped lives only in these widgets: a new slide, a new pack or the
idle reset (which shows the first slide again) forgets it, and nothing is
written anywhere. `answered` carries only which question and whether the
answer was right, for the usage counts (app/ui/kiosk/usage_counter.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from app.content.model import Pack, Question, Slide
from app.content.strings import word
from app.ui.screens.drag_input import DragInput
from app.ui.screens.question_card import QuestionCard, wrapped_label
from app.ui.theme import Metrics, Theme
from app.ui.widgets.icons import icon
from app.ui.widgets.layout_now import lay_out_now


class CheckView(QScrollArea):
    slideRequested = Signal(int)  # the index of the slide a question links to
    answered = Signal(int, bool)  # question number (1, 2, ...), right or not

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The page is sized here (_fit_page), not by the scroll area: its
        # height depends on its width, which the scroll area would settle only
        # on a later event-loop pass, after a squeezed first paint.
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Its answers are the Tab stops; the view itself would be a nameless one.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Drags scroll (and sideways ones change the slide, as on any slide)
        # through the slide's own DragInput, which lets a tap reach an
        # answer; a grabbed QScroller gesture would hold taps back.
        self.drag = DragInput(self.viewport(), self)
        self.drag.watch(self.viewport())
        scroller = QScroller.scroller(self.viewport())
        scroller.stateChanged.connect(self._scrolling)
        self.page = QWidget()
        self.page.setProperty("role", "check")
        self.column = QVBoxLayout(self.page)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.intro = wrapped_label(rich=True)
        self.intro.setOpenExternalLinks(False)
        self.column.addWidget(self.intro)
        self.column.addStretch(1)
        self.setWidget(self.page)
        self.page.installEventFilter(self)
        self.pool: list[QuestionCard] = []  # every card made, for any check slide
        self.cards: list[QuestionCard] = []  # the first few of them: this slide's
        self.slide: Slide | None = None
        self.pack: Pack | None = None
        self.theme: Theme | None = None
        self.metrics = Metrics(1.0)
        self.hide()

    def show_questions(self, pack: Pack, slide: Slide, after: QWidget) -> None:
        """The questions of `slide` (hidden for an ordinary slide), reached
        with Tab right after `after`. The same slide again (a new size or
        style) keeps what was tapped."""
        self.setVisible(bool(slide.kind))
        if not slide.kind or (slide is self.slide and pack is self.pack):
            # An ordinary slide, or this one again: its questions stay as
            # they are; forget() cleared what was tapped.
            return
        self._fill(pack, slide, after)

    def _fill(self, pack: Pack, slide: Slide, after: QWidget) -> None:
        """The cards given `slide`'s questions, nothing tapped, laid out."""
        self.slide, self.pack = slide, pack
        self.intro.setText(slide.body_html)
        self.intro.setVisible(bool(slide.body_html))
        total = len(slide.questions)
        while len(self.pool) < total:
            self._add_card()
        for number, (card, question) in enumerate(
            zip(self.pool[:total], slide.questions, strict=True), start=1
        ):
            heading = word(pack.strings, "check_question").format(number=number, total=total)
            made = card.set_question(question, heading)
            for button in made:
                self.drag.watch(button)
            if made:
                self._style_marks(card)  # the new answers' circles
        for index, card in enumerate(self.pool):
            card.setVisible(index < total)
        self.cards = self.pool[:total]
        # Made as they are needed, they would come last in the Tab order.
        chain = [after] + [w for card in self.cards for w in (card.text, *card.tab_stops)]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._lay_out()
        self.verticalScrollBar().setValue(0)

    def _scrolling(self, state: QScroller.State) -> None:
        """A drag that began on an answer scrolls: that answer is not tapped."""
        if state == QScroller.State.Dragging:
            for card in self.cards:
                for button in (*card.answers, card.link):
                    button.setDown(False)

    def forget(self) -> None:
        """Every answer tapped goes: a new slide, pack or patient."""
        if all(card.picked is None for card in self.cards):
            self.verticalScrollBar().setValue(0)
            return  # nothing tapped: nothing to clear (this runs at every page turn)
        for card in self.cards:
            card.clear()
            self._style_marks(card)
        if self.cards:
            self._lay_out()
            self.verticalScrollBar().setValue(0)

    def _add_card(self) -> None:
        """One more card, kept for the questions of every check slide after."""
        card = QuestionCard()
        number = len(self.pool) + 1
        card.chosen.connect(lambda i, c=card, n=number: self._chosen(c, n, i))
        card.link.clicked.connect(lambda _=False, c=card: self._follow(c))
        for widget in (card, card.text, card.feedback_box, card.link):
            self.drag.watch(widget)
        self.pool.append(card)
        card.hide()  # till show_questions gives it a question
        self.column.insertWidget(self.column.count() - 1, card)  # above the stretch
        self._style_card(card)

    def prepare(self, pack: Pack) -> None:
        """Make, off screen, every card and answer button the pack's check
        slides need (a warm-up step): the first visit to one then only
        gives them words, and is painted once."""
        needed: list[int] = []  # answers, per question number
        for slide in pack.slides:
            for i, question in enumerate(slide.questions if slide.kind else ()):
                if i == len(needed):
                    needed.append(0)
                needed[i] = max(needed[i], len(question.answers))
        while len(self.pool) < len(needed):
            self._add_card()
        for card, count in zip(self.pool, needed, strict=False):
            for button in card.make_answers(count):
                self.drag.watch(button)
            self._style_marks(card)
        first = next((slide for slide in pack.slides if slide.kind), None)
        if first is not None and self.isHidden():
            # Filled and painted once off screen, as the overlays are
            # (warm_up.py): the scroll bar's first showing is done with.
            self._fill(pack, first, self.intro)
            self.grab()
            self.slide = None  # filled again, for real, at the first visit

    def _chosen(self, card: QuestionCard, number: int, index: int) -> None:
        """An answer tapped: say at once whether it is right, and why."""
        question = card.question
        answer = question.answers[index]
        card.picked = index
        strings = self.pack.strings if self.pack is not None else {}
        verdict = word(strings, "check_right" if answer.right else "check_not_quite")
        card.verdict.setText(verdict)
        card.feedback.setText(answer.feedback)
        card.feedback.setAccessibleName(f"{verdict} {answer.feedback}")
        target = self._target(question)
        card.link.setVisible(target is not None)
        card.link.set_words(question.link_words)
        # Right under the answer tapped, where the eye already is.
        card.put_feedback_under(index)
        card.feedback_box.show()
        stops = card.tab_stops
        for first, second in zip(stops, stops[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for i, button in enumerate(card.answers):
            state = ("right" if answer.right else "wrong") if i == index else ""
            button.setProperty("state", state)
            button.setAccessibleDescription(card.feedback.accessibleName() if state else "")
            button.style().unpolish(button)
            button.style().polish(button)
        self._style_marks(card)
        # Said at once, whatever the screen reader: the focus stays on the
        # answer (the next Tab reaches the feedback and its link).
        said = QAccessibleAnnouncementEvent(card.answers[index], f"{verdict} {answer.feedback}")
        QAccessible.updateAccessibility(said)
        self._lay_out()
        self.ensureWidgetVisible(card.feedback_box, 0, self.metrics.gap)
        self.ensureWidgetVisible(card.answers[index], 0, self.metrics.gap)
        self.answered.emit(number, answer.right)

    def _lay_out(self) -> None:
        """Lay the page out now, so its height (and where to scroll) is
        right before the next paint: wrapped words change it."""
        self.page.ensurePolished()  # the style sheet's font sizes, before measuring
        self.column.activate()
        self._fit_page()
        lay_out_now()

    def _fit_page(self) -> None:
        """The page as tall as its words need, as wide as the view less the
        scroll bar (kept whether the bar shows or not: no width to and fro)."""
        width = max(1, self.contentsRect().width() - self.verticalScrollBar().sizeHint().width())
        height = max(self.page.heightForWidth(width), self.page.minimumSizeHint().height())
        self.page.resize(width, height)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_page()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if watched is self.page and event.type() == QEvent.Type.LayoutRequest:
            self._fit_page()  # words came, went or changed size
        return super().eventFilter(watched, event)

    def _target(self, question: Question) -> int | None:
        slides = self.pack.slides if self.pack is not None else ()
        return next((i for i, s in enumerate(slides) if s.path.name == question.explained_by), None)

    def _follow(self, card: QuestionCard) -> None:
        target = self._target(card.question)
        if target is not None:
            self.slideRequested.emit(target)

    # --- look ----------------------------------------------------------
    def apply_style(self, theme: Theme, m: Metrics) -> None:
        self.theme, self.metrics = theme, m
        t = theme
        thick, radius = m.px(6, 3), m.px(18, 10)
        self.setStyleSheet(
            f"""
            QWidget[role="check"] {{ background: {t.surface}; }}
            QLabel[role="question"] {{ font-size: {m.text_px(44, 26)}px; font-weight: bold; }}
            QLabel[role="verdict"] {{ font-weight: bold; }}
            QFrame[role="question"] {{ background: {t.surface}; border: none; }}
            QFrame[role="feedback"] {{
                background: {t.accent_soft}; border-radius: {radius}px;
            }}
            QFrame[role="feedback"] QLabel {{ background: {t.accent_soft}; color: {t.ink}; }}
            QPushButton[role="answer"] {{
                background: {t.surface}; border: 3px solid {t.muted};
                border-radius: {radius}px; padding: {m.gap // 2}px;
                min-height: {m.touch}px; text-align: left;
            }}
            QPushButton[role="answer"] QLabel {{
                color: {t.ink}; font-weight: normal; font-size: {m.body}px;
                background: transparent;
            }}
            QPushButton[role="answer"][state="right"] {{
                border: {thick}px solid {t.accent}; background: {t.accent_soft};
            }}
            QPushButton[role="answer"][state="wrong"] {{
                border: {thick}px dashed {t.muted};
            }}
            QPushButton[role="checklink"] {{
                background: {t.surface}; border: 3px solid {t.accent};
                border-radius: {radius}px; padding: {m.gap // 4}px {m.gap // 2}px;
                min-height: {m.touch_small}px;
            }}
            QPushButton[role="checklink"] QLabel {{
                color: {t.accent}; font-weight: bold; font-size: {m.small}px;
                background: transparent;
            }}
            QPushButton[role="answer"]:focus, QPushButton[role="checklink"]:focus {{
                border: {thick}px solid {t.focus};
            }}
            """
        )
        self._style_cards()
        self._lay_out()

    def _style_cards(self) -> None:
        self.column.setSpacing(self.metrics.margin)
        for card in self.pool:
            self._style_card(card)

    def _style_card(self, card: QuestionCard) -> None:
        m = self.metrics
        outer, inner = card.layouts
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(m.gap)
        inner.setContentsMargins(m.gap, m.gap, m.gap, m.gap)
        inner.setSpacing(m.gap // 2)
        if self.theme is not None:
            side = m.px(28, 18)
            card.link.mark.setPixmap(
                icon("fa6s.arrow-right", self.theme.accent).pixmap(QSize(side, side))
            )
            card.link.mark.setFixedWidth(side + m.gap // 2)
        self._style_marks(card)

    def _style_marks(self, card: QuestionCard) -> None:
        """A tick on the right answer tapped, a circle on a wrong one; words
        say the same (colour and shape are never the only sign)."""
        if self.theme is None:
            return
        side = round(self.metrics.body * 1.1)
        for button in card.buttons:  # those not in use too: ready when they are
            state = button.property("state") or ""
            name = {"right": "fa6s.circle-check", "wrong": "fa6s.circle-xmark"}.get(
                state, "fa6.circle"
            )
            colour = self.theme.accent if state == "right" else self.theme.muted
            button.mark.setPixmap(icon(name, colour).pixmap(QSize(side, side)))
            button.mark.setFixedWidth(side + self.metrics.gap // 2)
