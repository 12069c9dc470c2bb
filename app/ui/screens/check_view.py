"""A check-yourself slide's questions, shown in the slide card in place of
its words: each answer a button named by its words; a tap says at once,
kindly, whether it is right and why, with a button to the slide that
explains it. The patient may tap again as often as they like.

What was tapped lives only in these widgets: a new slide, a new pack or the
idle reset (which shows the first slide again) forgets it, and nothing is
written anywhere. `answered` carries only which question and whether the
answer was right, for the usage counts (app/ui/kiosk/usage_counter.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.content.model import Pack, Question, Slide
from app.content.strings import word
from app.ui.screens.drag_input import DragInput
from app.ui.theme import Metrics, Theme
from app.ui.widgets.accessible import focusable_text, hide_from_readers
from app.ui.widgets.icons import icon


def _label(role: str = "", rich: bool = False) -> QLabel:
    label = QLabel()
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


class AnswerButton(QPushButton):
    """A push button whose words wrap (a QPushButton's own text never does),
    with a mark before them: an answer, or (role "checklink") the link to
    the slide that explains the question."""

    def __init__(self, text: str, role: str = "answer") -> None:
        super().__init__()
        self.setProperty("role", role)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoDefault(True)  # Enter presses it, as Space does
        self.mark = QLabel()
        hide_from_readers(self.mark)  # the feedback says right or not in words
        self.words = _label()
        hide_from_readers(self.words)  # the button's own name says it
        self.set_words(text)
        for child in (self.mark, self.words):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = QHBoxLayout(self)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.words, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_words(self, text: str) -> None:
        self.words.setText(text)
        self.setAccessibleName(text)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return self.layout().totalHeightForWidth(width)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        width = max(self.width(), 200)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(100, self.heightForWidth(max(self.width(), 200)))


class QuestionCard(QFrame):
    """One question, its answers, and the feedback of the answer tapped."""

    chosen = Signal(int)  # the answer's index

    def __init__(self, question: Question, heading: str) -> None:
        super().__init__()
        self.setProperty("role", "question")
        self.question = question
        self.number = _label("muted")
        self.number.setText(heading)
        self.text = focusable_text(_label("question"), f"{heading}: {question.text}")
        self.text.setText(question.text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.text)
        self.answers: list[AnswerButton] = []
        for index, answer in enumerate(question.answers):
            button = AnswerButton(answer.text)
            button.clicked.connect(lambda _=False, i=index: self.chosen.emit(i))
            self.answers.append(button)
            layout.addWidget(button)
        self.verdict = _label("verdict")
        self.verdict.setProperty("focusable", True)  # the same inset as the words below it
        self.feedback = focusable_text(_label(), "")
        self.link = AnswerButton("", role="checklink")
        self.feedback_box = QFrame()
        self.feedback_box.setProperty("role", "feedback")
        inner = QVBoxLayout(self.feedback_box)
        inner.addWidget(self.verdict)
        inner.addWidget(self.feedback)
        inner.addWidget(self.link)
        layout.addWidget(self.feedback_box)
        self.feedback_box.hide()
        self.layouts = (layout, inner)
        self.picked: int | None = None

    @property
    def tab_stops(self) -> list[QWidget]:
        """In the order Tab reaches them: the answers, then the feedback
        under the one tapped and its link (Tab skips them while hidden)."""
        stops: list[QWidget] = []
        for index, button in enumerate(self.answers):
            stops.append(button)
            if index == self.picked:
                stops += [self.feedback, self.link]
        return stops if self.picked is not None else stops + [self.feedback, self.link]

    def clear(self) -> None:
        """Nothing tapped: no feedback, every answer plain."""
        self.picked = None
        self.feedback_box.hide()
        for button in self.answers:
            if button.property("state"):
                button.setProperty("state", "")
                button.setAccessibleDescription("")
                button.style().unpolish(button)
                button.style().polish(button)


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
        self.intro = _label(rich=True)
        self.intro.setOpenExternalLinks(False)
        self.column.addWidget(self.intro)
        self.setWidget(self.page)
        self.page.installEventFilter(self)
        self.cards: list[QuestionCard] = []
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
            # An ordinary slide, or this one again: the cards made for it
            # stay (making them costs a page turn 50 ms); forget() cleared them.
            return
        self._drop_cards()
        self.slide, self.pack = slide, pack
        self.intro.setText(slide.body_html)
        self.intro.setVisible(bool(slide.body_html))
        total = len(slide.questions)
        for number, question in enumerate(slide.questions, start=1):
            heading = word(pack.strings, "check_question").format(number=number, total=total)
            card = QuestionCard(question, heading)
            card.chosen.connect(lambda i, c=card, n=number: self._chosen(c, n, i))
            card.link.clicked.connect(lambda _=False, c=card: self._follow(c))
            self.cards.append(card)
            for widget in (card, card.text, card.feedback_box, card.link, *card.answers):
                self.drag.watch(widget)
            self.column.addWidget(card)
            card.show()  # now, not queued (as a layout would): it counts in this layout
        self.column.addStretch(1)
        # Made as they are needed, they would come last in the Tab order.
        chain = [after] + [w for card in self.cards for w in (card.text, *card.tab_stops)]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._style_cards()
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

    def _drop_cards(self) -> None:
        """The cards of another slide (or pack) go."""
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        while self.column.count() > 1:  # the intro stays
            self.column.takeAt(1)

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
        outer = card.layouts[0]
        outer.removeWidget(card.feedback_box)
        outer.insertWidget(outer.indexOf(card.answers[index]) + 1, card.feedback_box)
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
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

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
        m = self.metrics
        self.column.setSpacing(m.margin)
        for card in self.cards:
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
        for button in card.answers:
            state = button.property("state") or ""
            name = {"right": "fa6s.circle-check", "wrong": "fa6s.circle-xmark"}.get(
                state, "fa6.circle"
            )
            colour = self.theme.accent if state == "right" else self.theme.muted
            button.mark.setPixmap(icon(name, colour).pixmap(QSize(side, side)))
            button.mark.setFixedWidth(side + self.metrics.gap // 2)
